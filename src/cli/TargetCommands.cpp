#include "TargetCommands.h"

#include "CliContext.h"
#include "config/SecretStore.h"
#include "targets/TargetStore.h"
#include "targets/TargetTest.h"
#include "targets/atlassian/OAuthAuthorization.h"

#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// The options add and edit share.
struct TargetOptions
{
    QCommandLineOption type{
        u"type"_s,
        TargetCommands::tr("The application: jira, confluence or bitbucket (the Data Center products), scim (any "
                           "SCIM 2.0 service), or ldap (an LDAP directory the Data Center products read)."),
        TargetCommands::tr("type")};
    QCommandLineOption url{u"url"_s,
                           TargetCommands::tr("The address people open the application with, e.g. "
                                              "https://jira.example.com or https://confluence.example.com; for "
                                              "SCIM, the service's base URL (https://api.example.com/scim/v2); for "
                                              "LDAP, ldaps://ldap.example.com or ldap://ldap.example.com (always "
                                              "upgraded with StartTLS)."),
                           TargetCommands::tr("url")};
    QCommandLineOption tokenStdin{u"token-stdin"_s,
                                  TargetCommands::tr("Sign in with a personal access token (SCIM: the bearer "
                                                     "token), read from the first line of standard input.")};
    QCommandLineOption tokenEnv{u"token-env"_s,
                                TargetCommands::tr("Sign in with a personal access token from the environment "
                                                   "variable NAME."),
                                TargetCommands::tr("NAME")};
    QCommandLineOption username{u"username"_s,
                                TargetCommands::tr("Sign in with this username and a password (HTTP Basic)."),
                                TargetCommands::tr("user")};
    QCommandLineOption bindDn{u"bind-dn"_s,
                              TargetCommands::tr("LDAP: bind with this DN and a password "
                                                 "(cn=usersync,ou=services,dc=example,dc=com)."),
                              TargetCommands::tr("dn")};
    QCommandLineOption usersBase{u"users-base"_s,
                                 TargetCommands::tr("LDAP: the base DN of the users (ou=people,dc=example,dc=com)."),
                                 TargetCommands::tr("dn")};
    QCommandLineOption groupsBase{u"groups-base"_s,
                                  TargetCommands::tr("LDAP: the base DN of the groups (ou=groups,dc=example,dc=com)."),
                                  TargetCommands::tr("dn")};
    QCommandLineOption ldapSetting{
        u"ldap"_s,
        TargetCommands::tr("LDAP: one more setting as NAME=VALUE, repeatable; the names: %1. The defaults are "
                           "Atlassian's OpenLDAP preset (inetOrgPerson named by uid, groupOfUniqueNames, "
                           "uniqueMember).")
            .arg(LdapSettings::names().join(u", "_s)),
        TargetCommands::tr("name=value")};
    QCommandLineOption passwordStdin{u"password-stdin"_s,
                                     TargetCommands::tr("With --username or --bind-dn: read the password from the "
                                                        "first line of standard input.")};
    QCommandLineOption passwordEnv{u"password-env"_s,
                                   TargetCommands::tr("With --username or --bind-dn: read the password from the "
                                                      "environment variable NAME."),
                                   TargetCommands::tr("NAME")};
    QCommandLineOption oauthClientId{
        u"oauth-client-id"_s,
        TargetCommands::tr("Bitbucket: sign in with OAuth 2.0 through the incoming application link with this client "
                           "ID; its client secret comes from --client-secret-stdin or --client-secret-env. Authorize "
                           "it afterwards with “usersync-cli target authorize NAME”."),
        TargetCommands::tr("id")};
    QCommandLineOption clientSecretStdin{u"client-secret-stdin"_s,
                                         TargetCommands::tr("With --oauth-client-id: read the client secret from the "
                                                            "first line of standard input.")};
    QCommandLineOption clientSecretEnv{u"client-secret-env"_s,
                                       TargetCommands::tr("With --oauth-client-id: read the client secret from the "
                                                          "environment variable NAME."),
                                       TargetCommands::tr("NAME")};
    QCommandLineOption redirectUrl{
        u"redirect-url"_s,
        TargetCommands::tr("With --oauth-client-id: the incoming link's redirect URL, a loopback address where "
                           "UserSync listens while you authorize it (default %1).")
            .arg(TargetConfig::defaultRedirectUrl),
        TargetCommands::tr("url")};
    QCommandLineOption caFile{u"ca-file"_s,
                              TargetCommands::tr("PEM file of a private certificate authority to trust as well."),
                              TargetCommands::tr("file")};
    QCommandLineOption accessGroups{
        u"access-groups"_s,
        TargetCommands::tr("Bitbucket and LDAP: the groups that grant access, comma-separated (default "
                           "stash-users; LDAP: atlassian-users). Neither can disable users: UserSync takes disabled "
                           "users out of these."),
        TargetCommands::tr("groups")};
    QCommandLineOption inFlight{u"in-flight"_s, TargetCommands::tr("Requests in flight at once (default 4)."),
                                TargetCommands::tr("n")};
    QCommandLineOption timeout{u"timeout"_s, TargetCommands::tr("Seconds a request may wait for data (default 30)."),
                               TargetCommands::tr("seconds")};
    QCommandLineOption retries{u"retries"_s,
                               TargetCommands::tr("Retries after a server error, a timeout or HTTP 429 (default 4)."),
                               TargetCommands::tr("n")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({type,        url,           tokenStdin,        tokenEnv,        username,
                           bindDn,      usersBase,     groupsBase,        ldapSetting,     passwordStdin,
                           passwordEnv, oauthClientId, clientSecretStdin, clientSecretEnv, redirectUrl,
                           caFile,      accessGroups,  inFlight,          timeout,         retries});
    }

    bool applyTo(const QCommandLineParser& parser, TargetConfig& config, QString* error) const
    {
        const bool token = parser.isSet(tokenStdin) || parser.isSet(tokenEnv);
        const bool password = parser.isSet(passwordStdin) || parser.isSet(passwordEnv);
        if (parser.isSet(username) && parser.isSet(bindDn)) {
            *error = TargetCommands::tr("Give --bind-dn for an LDAP directory, --username for the others: not both.");
            return false;
        }
        const bool oauth = parser.isSet(oauthClientId);
        const bool clientSecret = parser.isSet(clientSecretStdin) || parser.isSet(clientSecretEnv);
        if (int(token) + int(password || parser.isSet(username) || parser.isSet(bindDn)) + int(oauth || clientSecret)
            > 1) {
            *error = TargetCommands::tr("Sign in one way only: with a token (--token-stdin, --token-env), with "
                                        "--username and a password, or with --oauth-client-id and its client secret.");
            return false;
        }
        if ((clientSecret || parser.isSet(redirectUrl)) && !oauth && config.auth != TargetConfig::Auth::OAuth) {
            *error = TargetCommands::tr("A client secret and a redirect URL go with --oauth-client-id ID.");
            return false;
        }
        if (password && !parser.isSet(username) && !parser.isSet(bindDn) && config.auth != TargetConfig::Auth::Basic) {
            *error = TargetCommands::tr("A password goes with --username USER (LDAP: --bind-dn DN).");
            return false;
        }
        if (parser.isSet(type)) {
            const QString chosen = parser.value(type).trimmed().toLower();
            if (chosen != config.type && !parser.isSet(accessGroups)) {
                config.accessGroups = TargetConfig::defaultAccessGroups(chosen);
            }
            config.type = chosen;
        }
        if (parser.isSet(bindDn)) {
            config.auth = TargetConfig::Auth::Basic;
            config.username = parser.value(bindDn).trimmed();
        }
        if (parser.isSet(usersBase)) {
            config.ldap.usersBase = parser.value(usersBase).trimmed();
        }
        if (parser.isSet(groupsBase)) {
            config.ldap.groupsBase = parser.value(groupsBase).trimmed();
        }
        for (const QString& setting : parser.values(ldapSetting)) {
            const qsizetype equals = setting.indexOf(u'=');
            if (equals < 1 || !config.ldap.set(setting.left(equals).trimmed(), setting.mid(equals + 1))) {
                *error = TargetCommands::tr("“%1” is not an LDAP setting as NAME=VALUE; the names: %2.")
                             .arg(setting, LdapSettings::names().join(u", "_s));
                return false;
            }
        }
        if (parser.isSet(url)) {
            config.url = parser.value(url).trimmed();
        }
        if (token) {
            config.auth = TargetConfig::Auth::Token;
            config.username.clear();
        }
        if (parser.isSet(username)) {
            config.auth = TargetConfig::Auth::Basic;
            config.username = parser.value(username).trimmed();
        }
        if (oauth) {
            config.auth = TargetConfig::Auth::OAuth;
            config.username.clear();
            config.oauthClientId = parser.value(oauthClientId).trimmed();
        }
        if (parser.isSet(redirectUrl)) {
            config.oauthRedirectUrl = parser.value(redirectUrl).trimmed();
        }
        if (parser.isSet(caFile)) {
            config.http.caFile = parser.value(caFile);
        }
        if (parser.isSet(accessGroups)) {
            config.accessGroups.clear();
            for (const QString& group : parser.value(accessGroups).split(u',')) {
                if (!group.trimmed().isEmpty()) {
                    config.accessGroups.append(group.trimmed());
                }
            }
        }
        return CliContext::readNumbers(parser,
                                       {{&inFlight, &config.http.maxInFlight},
                                        {&timeout, &config.http.timeoutSeconds},
                                        {&retries, &config.http.maxRetries}},
                                       error);
    }

    // The credential, when the command line gives one: the token, the password or the client secret.
    bool givesCredential(const QCommandLineParser& parser) const
    {
        return parser.isSet(tokenStdin) || parser.isSet(tokenEnv) || parser.isSet(passwordStdin)
            || parser.isSet(passwordEnv) || parser.isSet(clientSecretStdin) || parser.isSet(clientSecretEnv);
    }

    std::optional<QString> readCredential(CliContext& context, const QCommandLineParser& parser,
                                          const TargetConfig& config) const
    {
        if (config.auth == TargetConfig::Auth::Basic) {
            return context.readSecret(parser, passwordStdin, passwordEnv, TargetCommands::tr("Password: "));
        }
        if (config.auth == TargetConfig::Auth::OAuth) {
            return context.readSecret(parser, clientSecretStdin, clientSecretEnv,
                                      TargetCommands::tr("Client secret: "));
        }
        return context.readSecret(parser, tokenStdin, tokenEnv,
                                  config.type == TargetConfig::scimType
                                      ? TargetCommands::tr("Bearer token: ")
                                      : TargetCommands::tr("Personal access token: "));
    }
};

QJsonObject targetJson(const TargetConfig& config)
{
    QJsonObject object = config.settingsJson();
    object.insert(u"id"_s, config.id);
    object.insert(u"name"_s, config.name);
    object.insert(u"type"_s, config.type);
    return object;
}

QString signsInWith(const TargetConfig& config)
{
    switch (config.auth) {
    case TargetConfig::Auth::Basic:
        return config.type == TargetConfig::ldapType
            ? TargetCommands::tr("bind DN %1 and password").arg(config.username)
            : TargetCommands::tr("username %1 and password").arg(config.username);
    case TargetConfig::Auth::OAuth:
        return TargetCommands::tr("OAuth 2.0, client ID %1").arg(config.oauthClientId);
    case TargetConfig::Auth::Token:
        break;
    }
    return config.type == TargetConfig::scimType ? TargetCommands::tr("a bearer token")
                                                 : TargetCommands::tr("a personal access token");
}

struct OpenTarget
{
    std::unique_ptr<DatabaseConnection> directory;
    TargetConfig config;
};

std::optional<int> openTarget(CliContext& context, QCommandLineParser& parser, const QStringList& arguments,
                              OpenTarget& target)
{
    parser.addPositionalArgument(u"NAME"_s, TargetCommands::tr("The application's name or id."));
    if (const auto exit = context.parse(parser, arguments)) {
        return exit;
    }
    if (parser.positionalArguments().size() != 1) {
        return context.usageError(parser, TargetCommands::tr("Give exactly one application NAME."));
    }
    target.directory = context.openDirectory();
    if (!target.directory) {
        return CliContext::Failed;
    }
    QString error;
    auto config = TargetStore(target.directory->database()).find(parser.positionalArguments().first(), &error);
    if (!config) {
        return context.fail(error);
    }
    target.config = std::move(*config);
    return std::nullopt;
}

} // namespace

QString TargetCommands::summary()
{
    return tr("target add|edit|list|show|remove|test      Manage the applications connectors synchronize into");
}

int TargetCommands::run(const QStringList& arguments)
{
    const QString action = arguments.value(1);
    const QStringList rest = arguments.mid(1);
    if (action == u"add"_s) {
        return add(rest);
    }
    if (action == u"edit"_s) {
        return edit(rest);
    }
    if (action == u"list"_s) {
        return list(rest);
    }
    if (action == u"show"_s) {
        return show(rest);
    }
    if (action == u"remove"_s) {
        return remove(rest);
    }
    if (action == u"test"_s) {
        return test(rest);
    }
    if (action == u"authorize"_s) {
        return authorize(rest);
    }
    const bool askedForHelp = action == u"--help"_s || action == u"-h"_s;
    (askedForHelp ? m_context.out() : m_context.err())
        << tr("Usage: usersync-cli target add|edit|list|show|remove|test|authorize [options]\n\n"
              "  add NAME      store an application to synchronize into (its token or password goes to the\n"
              "                system keychain)\n"
              "  edit NAME     change an application's settings or credential\n"
              "  list          list the applications\n"
              "  show NAME     show one application's settings\n"
              "  remove NAME   remove an application, its credential and its links\n"
              "  test NAME     test the connection and the rights a sync needs\n"
              "  authorize NAME  (OAuth 2.0) let an administrator allow UserSync in the browser\n\n"
              "A connector synchronizes into one: usersync-cli connector edit NAME --target APPLICATION.\n"
              "Run “usersync-cli target ACTION --help” for an action's options.\n");
    return askedForHelp ? CliContext::Success : CliContext::Usage;
}

int TargetCommands::add(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Stores an application to synchronize into. The token or password goes to "
                                        "the system keychain; it is never accepted as an argument."));
    parser.addPositionalArgument(u"NAME"_s, tr("A name for the application, e.g. “Jira”."));
    m_context.addCommonOptions(parser, true);
    const TargetOptions options;
    options.addTo(parser);
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    if (parser.positionalArguments().size() != 1) {
        return m_context.usageError(parser, tr("Give exactly one NAME."));
    }
    TargetConfig config;
    config.name = parser.positionalArguments().first();
    QString error;
    if (!options.applyTo(parser, config, &error)) {
        return m_context.fail(error, CliContext::Usage);
    }
    if (const QStringList problems = config.validate(); !problems.isEmpty()) {
        return m_context.fail(problems.join(u'\n'), CliContext::Usage);
    }
    if (!options.givesCredential(parser) && !parser.isSet(options.username) && !parser.isSet(options.bindDn)
        && !parser.isSet(options.oauthClientId)) {
        return m_context.fail(tr("Say how UserSync signs in: --token-stdin or --token-env NAME (a personal access "
                                 "token), --username USER with --password-stdin or --password-env NAME, "
                                 "(Bitbucket) --oauth-client-id ID with --client-secret-stdin or --client-secret-env "
                                 "NAME, or (LDAP) --bind-dn DN with a password."),
                              CliContext::Usage);
    }
    const std::optional<QString> credential = options.readCredential(m_context, parser, config);
    if (!credential) {
        return CliContext::Usage;
    }
    auto directory = m_context.openDirectory();
    if (!directory) {
        return CliContext::Failed;
    }
    TargetStore store(directory->database());
    if (!store.add(config, &error)) {
        return m_context.fail(error);
    }
    if (const SecretResult stored = SecretStore().writeNow(config.secretKey(), *credential); !stored.ok()) {
        // An application without its credential would only fail later: take it back.
        QString ignored;
        store.remove(config, &ignored);
        return m_context.fail(stored.message);
    }
    if (m_context.json()) {
        QJsonObject object = targetJson(config);
        object.insert(u"ok"_s, true);
        m_context.printJson(object);
    } else {
        if (config.auth == TargetConfig::Auth::OAuth) {
            m_context.out()
                << tr("Authorize UserSync in Bitbucket next: usersync-cli target authorize \"%1\"").arg(config.name)
                << Qt::endl;
        }
        m_context.out() << tr("Application “%1” added; its credential is in the system keychain.\n"
                              "Test it with: usersync-cli target test \"%1\"\n"
                              "Then let a connector synchronize into it: usersync-cli connector edit CONNECTOR "
                              "--target \"%1\"\n")
                               .arg(config.name);
    }
    return CliContext::Success;
}

int TargetCommands::edit(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Changes an application's settings, or its credential. Options not given "
                                        "keep their value."));
    m_context.addCommonOptions(parser, true);
    const TargetOptions options;
    options.addTo(parser);
    const QCommandLineOption rename(u"name"_s, tr("A new name."), tr("name"));
    parser.addOption(rename);
    OpenTarget target;
    if (const auto exit = openTarget(m_context, parser, arguments, target)) {
        return *exit;
    }
    TargetConfig& config = target.config;
    const TargetConfig::Auth before = config.auth;
    QString error;
    if (parser.isSet(rename)) {
        config.name = parser.value(rename).trimmed();
    }
    if (!options.applyTo(parser, config, &error)) {
        return m_context.fail(error, CliContext::Usage);
    }
    if (const QStringList problems = config.validate(); !problems.isEmpty()) {
        return m_context.fail(problems.join(u'\n'), CliContext::Usage);
    }
    if (config.auth != before && !options.givesCredential(parser)) {
        return m_context.fail(config.auth == TargetConfig::Auth::Basic
                                  ? tr("Signing in with a username needs its password: add --password-stdin or "
                                       "--password-env NAME.")
                                  : config.auth == TargetConfig::Auth::OAuth
                                  ? tr("Signing in with OAuth 2.0 needs the client secret: add --client-secret-stdin "
                                       "or --client-secret-env NAME.")
                                  : tr("Signing in with a token needs the token: add --token-stdin or --token-env "
                                       "NAME."),
                              CliContext::Usage);
    }
    std::optional<QString> credential;
    if (options.givesCredential(parser)) {
        credential = options.readCredential(m_context, parser, config);
        if (!credential) {
            return CliContext::Usage;
        }
    }
    if (!TargetStore(target.directory->database()).update(config, &error)) {
        return m_context.fail(error);
    }
    if (credential) {
        if (const SecretResult stored = SecretStore().writeNow(config.secretKey(), *credential); !stored.ok()) {
            return m_context.fail(stored.message);
        }
    }
    if (m_context.json()) {
        QJsonObject object = targetJson(config);
        object.insert(u"ok"_s, true);
        m_context.printJson(object);
    } else {
        m_context.out() << tr("Application “%1” saved.").arg(config.name) << Qt::endl;
    }
    return CliContext::Success;
}

int TargetCommands::list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the applications connectors can synchronize into."));
    m_context.addCommonOptions(parser, true);
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    auto directory = m_context.openDirectory();
    if (!directory) {
        return CliContext::Failed;
    }
    QString error;
    const auto targets = TargetStore(directory->database()).list(&error);
    if (!targets) {
        return m_context.fail(error);
    }
    if (m_context.json()) {
        QJsonArray array;
        for (const TargetConfig& config : *targets) {
            array.append(targetJson(config));
        }
        m_context.printJson({{u"ok"_s, true}, {u"targets"_s, array}});
        return CliContext::Success;
    }
    if (targets->isEmpty()) {
        m_context.out() << tr("No applications yet: connectors synchronize into the directory itself. Add one with: "
                              "usersync-cli target add NAME --type jira --url URL --token-stdin")
                        << Qt::endl;
        return CliContext::Success;
    }
    m_context.out() << QStringList{tr("Name"), tr("Type"), tr("URL"), tr("Signs in with")}.join(u'\t') << Qt::endl;
    for (const TargetConfig& config : *targets) {
        m_context.out() << config.name << u'\t' << config.productName() << u'\t' << config.url << u'\t'
                        << (config.auth == TargetConfig::Auth::Basic       ? config.username
                                : config.auth == TargetConfig::Auth::OAuth ? tr("OAuth 2.0")
                                                                           : tr("a token"))
                        << Qt::endl;
    }
    return CliContext::Success;
}

int TargetCommands::show(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows an application's settings and whether its credential is stored."));
    m_context.addCommonOptions(parser, true);
    OpenTarget target;
    if (const auto exit = openTarget(m_context, parser, arguments, target)) {
        return *exit;
    }
    const TargetConfig& config = target.config;
    const SecretResult secret = SecretStore().readNow(config.secretKey());
    if (m_context.json()) {
        QJsonObject object = targetJson(config);
        object.insert(u"ok"_s, true);
        object.insert(u"credential"_s, CliContext::secretState(secret));
        m_context.printJson(object);
        return CliContext::Success;
    }
    const HttpSettings& http = config.http;
    m_context.out()
        << tr("Name:              %1").arg(config.name) << Qt::endl
        << tr("Id:                %1").arg(config.id) << Qt::endl
        << tr("Type:              %1").arg(config.productName()) << Qt::endl
        << tr("URL:               %1").arg(config.url) << Qt::endl
        << tr("Signs in with:     %1").arg(signsInWith(config)) << Qt::endl
        << tr("Credential:        %1").arg(CliContext::secretText(secret)) << Qt::endl
        << (config.auth == TargetConfig::Auth::OAuth ? tr("Redirect URL:      %1").arg(config.oauthRedirectUrl) + u'\n'
                    + tr("Authorization:     %1")
                          .arg(SecretStore().readNow(config.refreshTokenKey()).ok()
                                   ? tr("stored in the system keychain")
                                   : tr("none yet: usersync-cli target authorize \"%1\"").arg(config.name))
                    + u'\n'
                                                     : QString())
        << tr("CA file:           %1").arg(http.caFile.isEmpty() ? tr("none (system authorities)") : http.caFile)
        << Qt::endl
        << (config.groupsGrantAccess() ? tr("Access groups:     %1").arg(config.accessGroups.join(u", "_s)) + u'\n'
                                       : QString())
        << (config.type == TargetConfig::ldapType ? tr("Users below:       %1").arg(config.ldap.usersBase) + u'\n'
                    + tr("Groups below:      %1").arg(config.ldap.groupsBase) + u'\n'
                    + tr("Written as:        %1 (%2), %3 (%4)")
                          .arg(config.ldap.userObjectClasses.join(u", "_s), config.ldap.usernameAttribute,
                               config.ldap.groupObjectClass, config.ldap.memberAttribute)
                    + u'\n' + tr("Placeholder:       %1").arg(config.ldap.placeholderMember) + u'\n'
                                                  : QString())
        << (config.type == TargetConfig::ldapType ? tr("Operations at once: %1").arg(http.maxInFlight)
                                                  : tr("Requests at once:  %1").arg(http.maxInFlight))
        << Qt::endl
        << (config.type == TargetConfig::ldapType
                ? tr("Timeout:           %1 s").arg(http.timeoutSeconds)
                : tr("Timeout:           %1 s, %2 retries").arg(http.timeoutSeconds).arg(http.maxRetries))
        << Qt::endl;
    return CliContext::Success;
}

int TargetCommands::remove(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Removes an application, its credential and the links the directory keeps "
                                        "for it. Nothing in the application itself is changed."));
    m_context.addCommonOptions(parser, true);
    OpenTarget target;
    if (const auto exit = openTarget(m_context, parser, arguments, target)) {
        return *exit;
    }
    QString error;
    if (!TargetStore(target.directory->database()).remove(target.config, &error)) {
        return m_context.fail(error);
    }
    const SecretResult removed = SecretStore().removeNow(target.config.secretKey());
    if (target.config.auth == TargetConfig::Auth::OAuth) {
        SecretStore().removeNow(target.config.refreshTokenKey()); // none stored yet is fine
    }
    if (m_context.json()) {
        m_context.printJson(
            {{u"ok"_s, true}, {u"removed"_s, target.config.name}, {u"credentialRemoved"_s, removed.ok()}});
    } else {
        m_context.out() << tr("Application “%1” removed.").arg(target.config.name) << Qt::endl;
        if (!removed.ok()) {
            m_context.err()
                << tr("Its credential could not be removed from the system keychain: %1").arg(removed.message)
                << Qt::endl;
        }
    }
    return CliContext::Success;
}

int TargetCommands::test(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Tests the connection: reaches the application, signs in, checks the rights "
                                        "a sync needs and counts users and groups. Exit code 0 when everything "
                                        "works, 1 when not."));
    m_context.addCommonOptions(parser, true);
    OpenTarget target;
    if (const auto exit = openTarget(m_context, parser, arguments, target)) {
        return *exit;
    }
    const SecretResult secret = SecretStore().readNow(target.config.secretKey());
    if (!secret.ok()) {
        return m_context.fail(secret.message);
    }
    const std::unique_ptr<TargetTest> job = TargetTest::create(target.config, secret.secret);
    const TargetTestResult result = m_context.run(*job, &TargetTest::finished);
    QString error; // the outcome is reported either way
    TargetStore(target.directory->database()).recordTest(target.config.id, result, &error);
    if (m_context.json()) {
        m_context.printJson(result.toJson());
        return result.ok ? CliContext::Success : CliContext::Failed;
    }
    QTextStream& out = m_context.out();
    const bool ldap = target.config.type == TargetConfig::ldapType;
    if (ldap) {
        if (!result.signedInAs.isEmpty()) {
            out << tr("✓ The LDAP server at %1 answers over TLS, its certificate verified").arg(target.config.url)
                << Qt::endl;
        }
    } else if (!result.version.isEmpty()) {
        out << tr("✓ %1 %2 answers at %3").arg(result.product, result.version, target.config.url) << Qt::endl;
    } else if (!result.supports.isEmpty() || result.userCount >= 0) {
        out << tr("✓ A %1 service answers at %2, and accepted the token").arg(result.product, target.config.url)
            << Qt::endl;
    }
    if (!result.supports.isEmpty()) {
        out << tr("✓ Supports: %1").arg(result.supports.join(u", "_s)) << Qt::endl;
    }
    if (ldap && result.userCount >= 0) {
        out << tr("✓ Bound as %1, which may add and delete users and groups below the base DNs").arg(result.signedInAs)
            << Qt::endl;
    } else if (!ldap && !result.signedInAs.isEmpty()) {
        out << tr("✓ Signed in as %1 (%2)")
                   .arg(result.signedInAs,
                        result.systemAdministrator ? tr("system administrator") : tr("Jira administrator"))
            << Qt::endl;
    }
    if (result.userCount >= 0) {
        out << tr("✓ Users: %1 (read with %2)").arg(result.userCount).arg(result.listing) << Qt::endl;
    }
    if (result.groupCount >= 0) {
        out << tr("✓ Groups: %1").arg(result.groupCount) << Qt::endl;
    }
    for (const QString& warning : result.warnings) {
        out << tr("! %1").arg(warning) << Qt::endl;
    }
    if (result.error) {
        m_context.err() << tr("✗ %1").arg(result.error->message) << Qt::endl;
        return CliContext::Failed;
    }
    out << tr("The connection works.") << Qt::endl;
    return CliContext::Success;
}

int TargetCommands::authorize(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Authorizes UserSync in Bitbucket through OAuth 2.0: prints an address to open in a browser on this "
           "machine, where a Bitbucket administrator signs in and allows access, then stores the authorization in "
           "the system keychain. From another machine, forward the redirect URL's port first (ssh -L "
           "8765:127.0.0.1:8765 HOST)."));
    m_context.addCommonOptions(parser, true);
    const QCommandLineOption wait(u"wait"_s, tr("Seconds to wait for the browser (default 600)."), tr("seconds"));
    parser.addOption(wait);
    OpenTarget target;
    if (const auto exit = openTarget(m_context, parser, arguments, target)) {
        return *exit;
    }
    const TargetConfig& config = target.config;
    if (config.auth != TargetConfig::Auth::OAuth) {
        return m_context.fail(tr("“%1” signs in with %2, which needs no authorization. To use OAuth 2.0: "
                                 "usersync-cli target edit \"%1\" --oauth-client-id ID --client-secret-stdin")
                                  .arg(config.name, signsInWith(config)),
                              CliContext::Usage);
    }
    bool valid = true;
    const int seconds = parser.isSet(wait) ? parser.value(wait).toInt(&valid) : 600;
    if (!valid || seconds < 1) {
        return m_context.fail(tr("--wait takes a number of seconds."), CliContext::Usage);
    }
    const SecretResult secret = SecretStore().readNow(config.secretKey());
    if (!secret.ok()) {
        return m_context.fail(secret.message);
    }
    OAuthAuthorization flow(config, secret.secret);
    QObject::connect(&flow, &OAuthAuthorization::waitingForBrowser, &flow, [this, seconds](const QUrl& url) {
        // In --json mode standard output holds the result alone: the address goes to the error stream.
        QTextStream& out = m_context.json() ? m_context.err() : m_context.out();
        out << tr("Open this address in a browser on this machine, sign in to Bitbucket as an administrator and "
                  "allow UserSync access:")
            << Qt::endl
            << url.toString(QUrl::FullyEncoded) << Qt::endl;
        m_context.err() << tr("Waiting up to %n second(s) for the browser… (Ctrl+C stops)", nullptr, seconds)
                        << Qt::endl;
    });
    bool timedOut = false;
    QTimer::singleShot(std::chrono::seconds(seconds), &flow, [&flow, &timedOut] {
        timedOut = true;
        flow.cancel();
    });
    const std::optional<ConnectorError> error = m_context.run(flow, &OAuthAuthorization::finished);
    if (error) {
        const QString message = timedOut ? tr("No answer came from the browser within %n second(s); nothing was "
                                              "stored. Run the command again when you are ready to sign in.",
                                              nullptr, seconds)
                                         : error->message;
        if (m_context.json()) {
            m_context.printJson({{u"ok"_s, false}, {u"error"_s, error->toJson()}});
            return CliContext::Failed;
        }
        return m_context.fail(message);
    }
    if (m_context.json()) {
        m_context.printJson({{u"ok"_s, true}, {u"authorized"_s, config.name}});
    } else {
        m_context.out() << tr("UserSync is authorized in %1; the authorization is in the system keychain and renews "
                              "itself with every run.\nTest it with: usersync-cli target test \"%2\"")
                               .arg(config.productName(), config.name)
                        << Qt::endl;
    }
    return CliContext::Success;
}

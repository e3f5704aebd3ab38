#include "ConnectorCommands.h"

#include "CliContext.h"
#include "CliJson.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "targets/TargetStore.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isBlank(const QString& text)
{
    return text.trimmed().isEmpty();
}

// The options add and edit share; add requires some of them.
struct SettingOptions
{
    QCommandLineOption url{u"url"_s,
                           ConnectorCommands::tr("Keycloak URL, e.g. https://sso.example.com (add /auth "
                                                 "for servers before Keycloak 17)."),
                           ConnectorCommands::tr("url")};
    QCommandLineOption realm{u"realm"_s, ConnectorCommands::tr("Realm name."), ConnectorCommands::tr("realm")};
    QCommandLineOption clientId{u"client-id"_s, ConnectorCommands::tr("Client ID of UserSync's client in Keycloak."),
                                ConnectorCommands::tr("id")};
    QCommandLineOption caFile{u"ca-file"_s,
                              ConnectorCommands::tr("PEM file of a private certificate authority to trust as well."),
                              ConnectorCommands::tr("file")};
    QCommandLineOption pageSize{u"page-size"_s, ConnectorCommands::tr("Entries per request (default 500)."),
                                ConnectorCommands::tr("n")};
    QCommandLineOption inFlight{u"in-flight"_s, ConnectorCommands::tr("Requests in flight at once (default 4)."),
                                ConnectorCommands::tr("n")};
    QCommandLineOption timeout{u"timeout"_s, ConnectorCommands::tr("Seconds a request may wait for data (default 30)."),
                               ConnectorCommands::tr("seconds")};
    QCommandLineOption retries{u"retries"_s,
                               ConnectorCommands::tr("Retries after a server error or timeout (default 4)."),
                               ConnectorCommands::tr("n")};
    QCommandLineOption attribute{u"attribute"_s,
                                 ConnectorCommands::tr("Custom user attribute to read; repeat for several."),
                                 ConnectorCommands::tr("name")};
    QCommandLineOption noAttributes{u"no-attributes"_s, ConnectorCommands::tr("Read no custom attributes.")};
    QCommandLineOption secretStdin{u"secret-stdin"_s,
                                   ConnectorCommands::tr("Read the client secret from the first line of standard "
                                                         "input.")};
    QCommandLineOption target{u"target"_s,
                              ConnectorCommands::tr("The application to synchronize into (see usersync-cli target "
                                                    "list), or “directory” for the directory itself (the default)."),
                              ConnectorCommands::tr("name")};
    QCommandLineOption secretEnv{u"secret-env"_s,
                                 ConnectorCommands::tr("Read the client secret from the environment variable NAME."),
                                 ConnectorCommands::tr("NAME")};

    // What the sync does with what it reads.
    QCommandLineOption cleanup{u"cleanup"_s,
                               ConnectorCommands::tr("Users gone from Keycloak: disable (default), delete, anonymize "
                                                     "or keep."),
                               ConnectorCommands::tr("mode")};
    QCommandLineOption requiredGroup{u"required-group"_s,
                                     ConnectorCommands::tr("Sync only members of this group (name or path, * and ? "
                                                           "allowed); repeat for several."),
                                     ConnectorCommands::tr("group")};
    QCommandLineOption anyGroup{u"no-required-groups"_s, ConnectorCommands::tr("Sync every user again.")};
    QCommandLineOption groupNaming{u"group-names"_s,
                                   ConnectorCommands::tr("Local group names: name (default), lowercase, path or "
                                                         "replace."),
                                   ConnectorCommands::tr("naming")};
    QCommandLineOption groupPattern{u"group-pattern"_s,
                                    ConnectorCommands::tr("With --group-names replace: the regular expression."),
                                    ConnectorCommands::tr("regex")};
    QCommandLineOption groupReplacement{u"group-replacement"_s,
                                        ConnectorCommands::tr("With --group-names replace: the replacement (\\1 for "
                                                              "the first capture)."),
                                        ConnectorCommands::tr("text")};
    QCommandLineOption dropUnmatched{u"drop-unmatched-groups"_s,
                                     ConnectorCommands::tr("With --group-names replace: skip groups the pattern does "
                                                           "not match.")};
    QCommandLineOption ancestors{u"ancestor-groups"_s,
                                 ConnectorCommands::tr("Make members of a subgroup members of its parents too.")};
    QCommandLineOption directOnly{u"direct-groups-only"_s,
                                  ConnectorCommands::tr("Only direct memberships (the default).")};
    QCommandLineOption displayName{u"display-name"_s,
                                   ConnectorCommands::tr("Display name template, e.g. \"{firstName} {lastName}\"."),
                                   ConnectorCommands::tr("template")};
    QCommandLineOption usernameFrom{u"username-from"_s,
                                    ConnectorCommands::tr("Where usernames come from, e.g. username or "
                                                          "attr:uid|username."),
                                    ConnectorCommands::tr("source")};
    QCommandLineOption emailFrom{u"email-from"_s, ConnectorCommands::tr("Where email addresses come from."),
                                 ConnectorCommands::tr("source")};
    QCommandLineOption customAttribute{u"custom-attribute"_s,
                                       ConnectorCommands::tr("Copy this Keycloak attribute to the local user; repeat "
                                                             "for several."),
                                       ConnectorCommands::tr("name")};
    QCommandLineOption matchByEmail{u"match-by-email"_s,
                                    ConnectorCommands::tr("Link existing local users by email address too.")};
    QCommandLineOption matchByUsername{u"match-by-username-only"_s,
                                       ConnectorCommands::tr("Link existing local users by username only (the "
                                                             "default).")};
    QCommandLineOption deletionLimit{u"deletion-limit"_s,
                                     ConnectorCommands::tr("Most users one full sync may disable or delete (default "
                                                           "500)."),
                                     ConnectorCommands::tr("n")};
    QCommandLineOption deletionPercent{u"deletion-limit-percent"_s,
                                       ConnectorCommands::tr("Most users in percent one full sync may disable or "
                                                             "delete (default 10)."),
                                       ConnectorCommands::tr("percent")};

    // When it runs on its own.
    QCommandLineOption schedule{u"schedule"_s,
                                ConnectorCommands::tr("Run a full sync on this schedule (a Quartz cron expression "
                                                      "or crontab line; check it with usersync-cli cron)."),
                                ConnectorCommands::tr("cron")};
    QCommandLineOption scheduleDaily{u"schedule-daily"_s,
                                     ConnectorCommands::tr("Run a full sync every day at 02:00 (the default "
                                                           "schedule).")};
    QCommandLineOption noSchedule{u"no-schedule"_s, ConnectorCommands::tr("Run only when started.")};
    QCommandLineOption timeZone{u"time-zone"_s,
                                ConnectorCommands::tr("The schedule's time zone, e.g. Europe/Berlin (default: the "
                                                      "system's)."),
                                ConnectorCommands::tr("zone")};
    QCommandLineOption noCatchUp{u"no-catch-up"_s,
                                 ConnectorCommands::tr("Do not run a scheduled sync missed while nothing was "
                                                       "running.")};
    QCommandLineOption catchUp{u"catch-up"_s,
                               ConnectorCommands::tr("Run a scheduled sync missed while nothing was running once, at "
                                                     "the next start (the default).")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({schedule, scheduleDaily, noSchedule, timeZone, noCatchUp, catchUp, target});
        parser.addOptions({url,          realm,           clientId,         caFile,         pageSize,
                           inFlight,     timeout,         retries,          attribute,      noAttributes,
                           secretStdin,  secretEnv,       cleanup,          requiredGroup,  anyGroup,
                           groupNaming,  groupPattern,    groupReplacement, dropUnmatched,  ancestors,
                           directOnly,   displayName,     usernameFrom,     emailFrom,      customAttribute,
                           matchByEmail, matchByUsername, deletionLimit,    deletionPercent});
    }

    // An empty name would be stored as a group no one is in: the sync would then leave out everyone.
    bool applyRequiredGroups(const QCommandLineParser& parser, SyncOptions& sync, QString* error) const
    {
        if (!parser.isSet(requiredGroup)) {
            return true;
        }
        const QStringList groups = parser.values(requiredGroup);
        if (std::any_of(groups.cbegin(), groups.cend(), isBlank)) {
            *error = ConnectorCommands::tr("--required-group needs a group name; use --no-required-groups to sync "
                                           "everyone.");
            return false;
        }
        sync.requiredGroups = groups;
        return true;
    }

    bool applySync(const QCommandLineParser& parser, SyncOptions& sync, QString* error) const
    {
        static const QStringList cleanups = {u"disable"_s, u"delete"_s, u"anonymize"_s, u"keep"_s};
        static const QStringList namings = {u"name"_s, u"lowercase"_s, u"path"_s, u"replace"_s};
        if (parser.isSet(cleanup)) {
            const qsizetype index = cleanups.indexOf(parser.value(cleanup).toLower());
            if (index < 0) {
                *error = ConnectorCommands::tr("--cleanup is one of disable, delete, anonymize or keep.");
                return false;
            }
            sync.cleanup = SyncOptions::Cleanup(index);
        }
        if (parser.isSet(groupNaming)) {
            const qsizetype index = namings.indexOf(parser.value(groupNaming).toLower());
            if (index < 0) {
                *error = ConnectorCommands::tr("--group-names is one of name, lowercase, path or replace.");
                return false;
            }
            sync.groupNaming = SyncOptions::GroupNaming(index);
        }
        if (parser.isSet(anyGroup)) {
            sync.requiredGroups.clear();
        }
        if (!applyRequiredGroups(parser, sync, error)) {
            return false;
        }
        const auto text = [&parser](const QCommandLineOption& option, QString& target) {
            if (parser.isSet(option)) {
                target = parser.value(option);
            }
        };
        text(groupPattern, sync.groupPattern);
        text(groupReplacement, sync.groupReplacement);
        text(displayName, sync.displayNameTemplate);
        text(usernameFrom, sync.usernameSource);
        text(emailFrom, sync.emailSource);
        if (parser.isSet(dropUnmatched)) {
            sync.dropUnmatchedGroups = true;
        }
        if (parser.isSet(ancestors) || parser.isSet(directOnly)) {
            sync.includeAncestorGroups = parser.isSet(ancestors);
        }
        if (parser.isSet(matchByEmail) || parser.isSet(matchByUsername)) {
            sync.matchByEmail = parser.isSet(matchByEmail);
        }
        if (parser.isSet(customAttribute)) {
            sync.customAttributes = parser.values(customAttribute);
        }
        return CliContext::readNumbers(
            parser, {{&deletionLimit, &sync.deletionLimitCount}, {&deletionPercent, &sync.deletionLimitPercent}},
            error);
    }

    // Applies what was given; returns false (with `error`) for a value that is not a number.
    bool apply(const QCommandLineParser& parser, KeycloakSettings& keycloak, QString* error) const
    {
        if (parser.isSet(url)) {
            keycloak.baseUrl = parser.value(url).trimmed();
        }
        if (parser.isSet(realm)) {
            keycloak.realm = parser.value(realm).trimmed();
        }
        if (parser.isSet(clientId)) {
            keycloak.clientId = parser.value(clientId).trimmed();
        }
        if (parser.isSet(caFile)) {
            keycloak.caFile = parser.value(caFile);
        }
        if (!CliContext::readNumbers(parser,
                                     {{&pageSize, &keycloak.pageSize},
                                      {&inFlight, &keycloak.maxInFlight},
                                      {&timeout, &keycloak.timeoutSeconds},
                                      {&retries, &keycloak.maxRetries}},
                                     error)) {
            return false;
        }
        if (parser.isSet(noAttributes)) {
            keycloak.userAttributes.clear();
        }
        if (parser.isSet(attribute)) {
            keycloak.userAttributes = parser.values(attribute);
        }
        return true;
    }

    bool applyAll(const QCommandLineParser& parser, ConnectorConfig& config, QString* error) const
    {
        if ((parser.isSet(schedule) || parser.isSet(scheduleDaily)) && parser.isSet(noSchedule)) {
            *error = ConnectorCommands::tr("--no-schedule cannot go with --schedule or --schedule-daily.");
            return false;
        }
        if (parser.isSet(catchUp) && parser.isSet(noCatchUp)) {
            *error = ConnectorCommands::tr("--catch-up and --no-catch-up cannot go together.");
            return false;
        }
        if (parser.isSet(catchUp)) {
            config.schedule.runMissed = true;
        }
        if (parser.isSet(schedule) || parser.isSet(scheduleDaily)) {
            config.schedule.enabled = true;
            config.schedule.cron =
                parser.isSet(schedule) ? parser.value(schedule).simplified() : ScheduleSettings::defaultCron;
        }
        if (parser.isSet(noSchedule)) {
            config.schedule.enabled = false;
        }
        if (parser.isSet(timeZone)) {
            config.schedule.timeZone = parser.value(timeZone).trimmed();
        }
        if (parser.isSet(noCatchUp)) {
            config.schedule.runMissed = false;
        }
        return apply(parser, config.keycloak, error) && applySync(parser, config.sync, error);
    }
};

// --target NAME: the application's id, or none for the directory itself.
bool applyTarget(const QCommandLineParser& parser, const SettingOptions& options, QSqlDatabase db,
                 ConnectorConfig& config, QString* error)
{
    if (!parser.isSet(options.target)) {
        return true;
    }
    const QString name = parser.value(options.target).trimmed();
    if (name.isEmpty() || name.compare(u"directory"_s, Qt::CaseInsensitive) == 0) {
        config.targetId.clear();
        return true;
    }
    const auto target = TargetStore(std::move(db)).find(name, error);
    if (!target) {
        return false;
    }
    config.targetId = target->id;
    return true;
}

QString positional(const QCommandLineParser& parser, int index)
{
    return parser.positionalArguments().value(index);
}

int printProblems(CliContext& context, const QStringList& problems)
{
    return context.fail(problems.join(u'\n'), CliContext::Usage);
}

QString check(bool ok)
{
    return ok ? u"✓"_s : u"✗"_s;
}

// No required group means no restriction. An empty name (stored before add and edit refused it)
// matches no group, so it is shown quoted, with what to do about it, rather than as nothing.
void printRequiredGroups(QTextStream& out, const QStringList& groups)
{
    QStringList shown;
    for (const QString& group : groups) {
        shown << (isBlank(group) ? u"“%1”"_s.arg(group) : group);
    }
    out << ConnectorCommands::tr("Required groups:   %1")
               .arg(groups.isEmpty() ? ConnectorCommands::tr("everyone (no restriction)") : shown.join(u", "_s))
        << Qt::endl;
    if (std::any_of(groups.cbegin(), groups.cend(), isBlank)) {
        out << ConnectorCommands::tr("Warning: an empty required group name matches no group. Set the groups again "
                                     "with --required-group NAME, or use --no-required-groups to sync everyone.")
            << Qt::endl;
    }
}

} // namespace

QString ConnectorCommands::summary()
{
    return tr("connector add|edit|list|show|remove|test   Manage Keycloak connectors");
}

int ConnectorCommands::run(const QStringList& arguments)
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
    const bool askedForHelp = action == u"--help"_s || action == u"-h"_s;
    (askedForHelp ? m_context.out() : m_context.err())
        << tr("Usage: usersync-cli connector add|edit|list|show|remove|test [options]\n\n"
              "  add NAME      store a new connector (its secret goes to the system keychain)\n"
              "  edit NAME     change a connector's settings or secret\n"
              "  list          list the connectors\n"
              "  show NAME     show one connector's settings\n"
              "  remove NAME   remove a connector and its secret\n"
              "  test NAME     test the connection to Keycloak\n\n"
              "Run “usersync-cli connector ACTION --help” for an action's options.\n");
    return askedForHelp ? CliContext::Success : CliContext::Usage;
}

int ConnectorCommands::add(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Stores a new Keycloak connector. The client secret goes to the system "
                                        "keychain; it is never accepted as an argument."));
    parser.addPositionalArgument(u"NAME"_s, tr("A name for the connector, e.g. “Corporate SSO”."));
    m_context.addCommonOptions(parser, true);
    const SettingOptions options;
    options.addTo(parser);
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    if (parser.positionalArguments().size() != 1) {
        return m_context.usageError(parser, tr("Give exactly one NAME."));
    }

    ConnectorConfig config;
    config.name = positional(parser, 0);
    QString error;
    if (!options.applyAll(parser, config, &error)) {
        return m_context.fail(error, CliContext::Usage);
    }
    if (const QStringList problems = config.validate(); !problems.isEmpty()) {
        return printProblems(m_context, problems);
    }
    const std::optional<QString> secret =
        m_context.readSecret(parser, options.secretStdin, options.secretEnv, tr("Client secret: "));
    if (!secret) {
        return CliContext::Usage;
    }
    auto directory = m_context.openDirectory();
    if (!directory) {
        return CliContext::Failed;
    }
    if (!applyTarget(parser, options, directory->database(), config, &error)) {
        return m_context.fail(error);
    }
    ConnectorStore store(directory->database());
    if (!store.add(config, &error)) {
        return m_context.fail(error);
    }
    const SecretResult stored = SecretStore().writeNow(config.secretKey(), *secret);
    if (!stored.ok()) {
        // A connector without its secret would only fail later: take it back.
        QString ignored;
        store.remove(config.id, &ignored);
        return m_context.fail(stored.message);
    }
    if (m_context.json()) {
        QJsonObject object = CliJson::connector(config);
        object.insert(u"ok"_s, true);
        m_context.printJson(object);
    } else {
        m_context.out() << tr("Connector “%1” added; its secret is in the system keychain.\n"
                              "Test it with: usersync-cli connector test \"%1\"\n")
                               .arg(config.name);
    }
    return CliContext::Success;
}

int ConnectorCommands::edit(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Changes a connector's settings, or its secret with --secret-stdin or "
                                        "--secret-env. Options not given keep their value."));
    m_context.addCommonOptions(parser, true);
    const SettingOptions options;
    options.addTo(parser);
    const QCommandLineOption rename(u"name"_s, tr("A new name."), tr("name"));
    parser.addOption(rename);
    CliContext::ConnectorTarget target;
    if (const auto exit = m_context.openConnector(parser, arguments, target)) {
        return *exit;
    }
    ConnectorStore store(target.directory->database());
    ConnectorConfig* config = &target.config;
    QString error;
    if (parser.isSet(rename)) {
        config->name = parser.value(rename).trimmed();
    }
    if (!options.applyAll(parser, *config, &error)) {
        return m_context.fail(error, CliContext::Usage);
    }
    if (const QStringList problems = config->validate(); !problems.isEmpty()) {
        return printProblems(m_context, problems);
    }
    std::optional<QString> secret;
    if (parser.isSet(options.secretStdin) || parser.isSet(options.secretEnv)) {
        secret = m_context.readSecret(parser, options.secretStdin, options.secretEnv, {});
        if (!secret) {
            return CliContext::Usage;
        }
    }
    if (!applyTarget(parser, options, target.directory->database(), *config, &error)
        || !store.update(*config, &error)) {
        return m_context.fail(error);
    }
    if (secret) {
        if (const SecretResult stored = SecretStore().writeNow(config->secretKey(), *secret); !stored.ok()) {
            return m_context.fail(stored.message);
        }
    }
    if (m_context.json()) {
        QJsonObject object = CliJson::connector(*config);
        object.insert(u"ok"_s, true);
        m_context.printJson(object);
    } else {
        m_context.out() << tr("Connector “%1” saved.").arg(config->name) << Qt::endl;
    }
    return CliContext::Success;
}

int ConnectorCommands::list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the connectors of the directory."));
    m_context.addCommonOptions(parser, true);
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    auto directory = m_context.openDirectory();
    if (!directory) {
        return CliContext::Failed;
    }
    QString error;
    const auto connectors = ConnectorStore(directory->database()).list(&error);
    if (!connectors) {
        return m_context.fail(error);
    }
    if (m_context.json()) {
        QJsonArray array;
        for (const ConnectorConfig& config : *connectors) {
            array.append(CliJson::connector(config));
        }
        m_context.printJson({{u"ok"_s, true}, {u"connectors"_s, array}});
        return CliContext::Success;
    }
    if (connectors->isEmpty()) {
        m_context.out() << tr("No connectors yet. Add one with: usersync-cli connector add NAME --url URL --realm "
                              "REALM --client-id ID --secret-stdin")
                        << Qt::endl;
        return CliContext::Success;
    }
    m_context.out() << QStringList{tr("Name"), tr("URL"), tr("Realm"), tr("Client ID")}.join(u'\t') << Qt::endl;
    for (const ConnectorConfig& config : *connectors) {
        m_context.out() << config.name << u"\t"_s << config.keycloak.baseUrl << u"\t"_s << config.keycloak.realm
                        << u"\t"_s << config.keycloak.clientId << Qt::endl;
    }
    return CliContext::Success;
}

int ConnectorCommands::show(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows a connector's settings and whether its secret is stored."));
    m_context.addCommonOptions(parser, true);
    CliContext::ConnectorTarget target;
    if (const auto exit = m_context.openConnector(parser, arguments, target)) {
        return *exit;
    }
    const ConnectorConfig* config = &target.config;
    const SecretResult secret = SecretStore().readNow(config->secretKey());
    if (m_context.json()) {
        QJsonObject object = CliJson::connector(*config);
        object.insert(u"ok"_s, true);
        object.insert(u"secret"_s, CliContext::secretState(secret));
        m_context.printJson(object);
        return CliContext::Success;
    }
    const KeycloakSettings& k = config->keycloak;
    QString into = tr("the directory itself");
    if (!config->targetId.isEmpty()) {
        QString error;
        const auto application = TargetStore(target.directory->database()).find(config->targetId, &error);
        into = application ? tr("%1 (%2, %3)").arg(application->name, application->productName(), application->url)
                           : tr("an application that no longer exists; choose another with --target");
    }
    QTextStream& out = m_context.out();
    out << tr("Name:              %1").arg(config->name) << Qt::endl
        << tr("Synchronizes into: %1").arg(into) << Qt::endl
        << tr("Id:                %1").arg(config->id) << Qt::endl
        << tr("Type:              Keycloak") << Qt::endl
        << tr("URL:               %1").arg(k.baseUrl) << Qt::endl
        << tr("Realm:             %1").arg(k.realm) << Qt::endl
        << tr("Client ID:         %1").arg(k.clientId) << Qt::endl
        << tr("Client secret:     %1").arg(CliContext::secretText(secret)) << Qt::endl
        << tr("CA file:           %1").arg(k.caFile.isEmpty() ? tr("none (system authorities)") : k.caFile) << Qt::endl
        << tr("Page size:         %1").arg(k.pageSize) << Qt::endl
        << tr("Requests at once:  %1").arg(k.maxInFlight) << Qt::endl
        << tr("Timeout:           %1 s, %2 retries").arg(k.timeoutSeconds).arg(k.maxRetries) << Qt::endl
        << tr("Attributes:        %1").arg(k.userAttributes.isEmpty() ? tr("none") : k.userAttributes.join(u", "_s))
        << Qt::endl;
    const SyncOptions& o = config->sync;
    static const QStringList cleanups = {tr("disable"), tr("delete"), tr("anonymize"), tr("keep")};
    static const QStringList namings = {tr("Keycloak’s name"), tr("lower case"), tr("full path"), tr("replaced")};
    out << tr("Users gone:        %1").arg(cleanups.at(int(o.cleanup))) << Qt::endl;
    printRequiredGroups(out, o.requiredGroups);
    out << tr("Group names:       %1").arg(namings.at(int(o.groupNaming))) << Qt::endl
        << tr("Memberships:       %1").arg(o.includeAncestorGroups ? tr("direct and inherited") : tr("direct only"))
        << Qt::endl
        << tr("Display name:      %1").arg(o.displayNameTemplate) << Qt::endl
        << tr("Matching:          %1").arg(o.matchByEmail ? tr("username, then email") : tr("username")) << Qt::endl
        << tr("Deletion limit:    %1 users or %2%").arg(o.deletionLimitCount).arg(o.deletionLimitPercent) << Qt::endl;
    return CliContext::Success;
}

int ConnectorCommands::remove(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Removes a connector and its secret."));
    m_context.addCommonOptions(parser, true);
    CliContext::ConnectorTarget target;
    if (const auto exit = m_context.openConnector(parser, arguments, target)) {
        return *exit;
    }
    ConnectorStore store(target.directory->database());
    const ConnectorConfig* config = &target.config;
    QString error;
    if (!store.remove(config->id, &error)) {
        return m_context.fail(error);
    }
    const SecretResult removed = SecretStore().removeNow(config->secretKey());
    if (m_context.json()) {
        m_context.printJson({{u"ok"_s, true}, {u"removed"_s, config->name}, {u"secretRemoved"_s, removed.ok()}});
    } else {
        m_context.out() << tr("Connector “%1” removed.").arg(config->name) << Qt::endl;
        if (!removed.ok()) {
            m_context.err() << tr("Its secret could not be removed from the system keychain: %1").arg(removed.message)
                            << Qt::endl;
        }
    }
    return CliContext::Success;
}

int ConnectorCommands::test(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Tests the connection: finds Keycloak, signs in with the client, and reads "
                                        "users and groups. Exit code 0 when everything works, 1 when not."));
    m_context.addCommonOptions(parser, true);
    CliContext::ConnectorTarget target;
    if (const auto exit = m_context.openConnector(parser, arguments, target)) {
        return *exit;
    }
    const ConnectorConfig* config = &target.config;
    const std::optional<QString> secret = m_context.connectorSecret(*config);
    if (!secret) {
        return CliContext::Failed;
    }

    ConnectionTest job(config->keycloak, *secret);
    const ConnectionTestResult result = m_context.run(job, &ConnectionTest::finished);
    // The window's status column shows the last test, from wherever it ran.
    if (QString error; !ConnectorStore(target.directory->database()).recordTest(config->id, result, &error)) {
        m_context.err() << error << Qt::endl;
    }
    if (m_context.json()) {
        m_context.printJson(CliJson::connectionTest(*config, result));
        return result.ok ? CliContext::Success : CliContext::Failed;
    }

    QTextStream& out = m_context.out();
    out << tr("Testing “%1”: %2, realm “%3”, client “%4”")
               .arg(config->name, config->keycloak.baseUrl, config->keycloak.realm, config->keycloak.clientId)
        << Qt::endl;
    if (result.realmFound) {
        out << u"  "_s << check(true) << u' '
            << tr("Keycloak answers at %1 (%2)")
                   .arg(result.baseUrl.toString(), result.withAuthPath ? tr("with /auth") : tr("without /auth"))
            << Qt::endl;
        out << u"  "_s << check(true) << u' ' << tr("Realm “%1” found").arg(config->keycloak.realm) << Qt::endl;
    }
    if (result.realmFound) {
        out << u"  "_s << check(result.tokenObtained) << u' '
            << (result.tokenObtained ? tr("Signed in as client “%1”") : tr("Could not sign in as client “%1”"))
                   .arg(config->keycloak.clientId)
            << Qt::endl;
    }
    if (result.tokenObtained) {
        out << u"  "_s << check(result.usersReadable) << u' '
            << (result.usersReadable ? tr("Users readable: %1").arg(result.userCount) : tr("Users not readable"))
            << Qt::endl;
    }
    if (result.usersReadable) {
        out << u"  "_s << check(result.groupsReadable) << u' '
            << (result.groupsReadable
                    ? tr("Groups readable: %1 (%2 top-level)").arg(result.groupCount).arg(result.topLevelGroupCount)
                    : tr("Groups not readable"))
            << Qt::endl;
    }
    for (const QString& warning : result.warnings) {
        out << tr("Warning: %1").arg(warning) << Qt::endl;
    }
    if (result.ok) {
        out << tr("Connection OK.") << Qt::endl;
        return CliContext::Success;
    }
    out << tr("Connection failed: %1").arg(result.error->message) << Qt::endl;
    if (!result.error->detail.isEmpty()) {
        out << tr("  (%1)").arg(result.error->detail) << Qt::endl;
    }
    return CliContext::Failed;
}

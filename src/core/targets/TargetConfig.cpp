#include "TargetConfig.h"

#include "config/SecretStore.h"
#include "targets/ldap/LdapNames.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

QString TargetConfig::productName(const QString& type)
{
    if (type == jiraType) {
        return u"Jira"_s;
    }
    if (type == confluenceType) {
        return u"Confluence"_s;
    }
    if (type == bitbucketType) {
        return u"Bitbucket"_s;
    }
    if (type == scimType) {
        return u"SCIM 2.0"_s;
    }
    if (type == ldapType) {
        return u"LDAP"_s;
    }
    return type;
}

QString TargetConfig::authName(Auth auth)
{
    switch (auth) {
    case Auth::Basic:
        return u"basic"_s;
    case Auth::OAuth:
        return u"oauth"_s;
    case Auth::Token:
        break;
    }
    return u"token"_s;
}

std::optional<TargetConfig::Auth> TargetConfig::authFromName(const QString& name)
{
    for (const Auth auth : {Auth::Token, Auth::Basic, Auth::OAuth}) {
        if (authName(auth) == name) {
            return auth;
        }
    }
    return std::nullopt;
}

QStringList TargetConfig::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty()) {
        problems << tr("Enter a name for the application.");
    }
    if (!types().contains(type)) {
        problems << tr("The application type “%1” is not known; UserSync can synchronize into: %2.")
                        .arg(type, types().join(u", "_s));
    }
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    const QString product = productName();
    if (type == ldapType) {
        problems << validateLdap();
    } else if (type == scimType) {
        if (url.trimmed().isEmpty()) {
            problems << tr("Enter the service's SCIM base URL, such as https://api.example.com/scim/v2 (the address "
                           "its /ServiceProviderConfig is below).");
        } else if (!parsed.isValid() || parsed.host().isEmpty() || (scheme != u"https"_s && scheme != u"http"_s)) {
            problems << tr("The SCIM base URL “%1” is not a web address. Enter it as the service gives it, such as "
                           "https://api.example.com/scim/v2.")
                            .arg(url);
        } else if (parsed.hasQuery() || parsed.hasFragment()) {
            problems << tr("The SCIM base URL must not contain ? or #.");
        }
        if (auth != Auth::Token) {
            problems << tr("A SCIM service is signed in to with its bearer token: give the token, not a username "
                           "and password.");
        }
    } else if (url.trimmed().isEmpty()) {
        problems << tr("Enter the %1 URL, such as https://jira.example.com.").arg(product);
    } else if (!parsed.isValid() || parsed.host().isEmpty() || (scheme != u"https"_s && scheme != u"http"_s)) {
        problems << tr("The %1 URL “%2” is not a web address. Enter it as people open %1 in the browser, such as "
                       "https://jira.example.com.")
                        .arg(product, url);
    } else if (parsed.hasQuery() || parsed.hasFragment()) {
        problems << tr("The %1 URL must not contain ? or #. Enter only the address people open %1 with.").arg(product);
    }
    if (auth == Auth::Basic && type != scimType && type != ldapType && username.trimmed().isEmpty()) {
        problems << tr("Enter the username UserSync signs in to %1 with, or sign in with a personal access token.")
                        .arg(product);
    }
    if (auth == Auth::OAuth && type != scimType && type != ldapType) {
        if (type != bitbucketType) {
            problems << tr("OAuth 2.0 sign-in is offered for Bitbucket; sign in to %1 with a personal access token "
                           "or a username and password.")
                            .arg(product);
        } else if (oauthClientId.trimmed().isEmpty()) {
            problems << tr("Enter the client ID of the incoming link created for UserSync in Bitbucket "
                           "(Administration → Application links).");
        }
        if (!redirectAddress()) {
            problems << tr("The redirect URL “%1” must be a loopback address with a port, such as %2, where UserSync "
                           "listens while you authorize it; enter the same URL in Bitbucket's incoming link.")
                            .arg(oauthRedirectUrl, defaultRedirectUrl);
        }
    }
    if (type == bitbucketType && accessGroups.isEmpty()) {
        problems << tr("Name at least one group that grants access to Bitbucket (its default is stash-users): "
                       "Bitbucket cannot disable users, so UserSync takes them out of those groups instead.");
    }
    if (type == ldapType && accessGroups.isEmpty()) {
        problems << tr("Name at least one group the applications give access to (the default is atlassian-users): "
                       "an LDAP directory has no disabled flag they read, so UserSync takes disabled users out of "
                       "those groups instead.");
    }
    if (http.maxInFlight < 1 || http.maxInFlight > 32) {
        problems << tr("The number of requests in flight must be between 1 and 32.");
    }
    if (http.timeoutSeconds < 1 || http.timeoutSeconds > 600) {
        problems << tr("The request timeout must be between 1 and 600 seconds.");
    }
    if (http.maxRetries < 0 || http.maxRetries > 10) {
        problems << tr("The number of retries must be between 0 and 10.");
    }
    return problems;
}

QStringList TargetConfig::validateLdap() const
{
    QStringList problems;
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (url.trimmed().isEmpty()) {
        problems << tr("Enter the LDAP server's URL: ldaps://ldap.example.com, or ldap://ldap.example.com, which "
                       "UserSync always upgrades with StartTLS.");
    } else if (!parsed.isValid() || parsed.host().isEmpty() || (scheme != u"ldap"_s && scheme != u"ldaps"_s)) {
        problems << tr("The LDAP URL “%1” is not an LDAP server's address. Enter it as ldaps://ldap.example.com "
                       "or ldap://ldap.example.com:389.")
                        .arg(url);
    } else if (!parsed.path().isEmpty() && parsed.path() != u"/"_s) {
        problems << tr("The LDAP URL must name the server only; enter the base DNs of users and groups apart.");
    }
    if (auth != Auth::Basic || username.trimmed().isEmpty()) {
        problems << tr("Enter the DN UserSync binds with, such as cn=usersync,ou=services,dc=example,dc=com, and its "
                       "password.");
    } else if (!LdapNames::isDn(username)) {
        problems
            << tr("The bind DN “%1” is not a DN, such as cn=usersync,ou=services,dc=example,dc=com.").arg(username);
    }
    const std::tuple<QString, QString, QString> bases[] = {
        {ldap.usersBase, tr("users"), u"ou=people,dc=example,dc=com"_s},
        {ldap.groupsBase, tr("groups"), u"ou=groups,dc=example,dc=com"_s},
    };
    for (const auto& [base, what, example] : bases) {
        if (base.trimmed().isEmpty()) {
            problems << tr("Enter the base DN of the %1, such as %2.").arg(what, example);
        } else if (!LdapNames::isDn(base)) {
            problems << tr("The base DN of the %1 “%2” is not a DN, such as %3.").arg(what, base, example);
        }
    }
    if (!ldap.placeholderMember.isEmpty() && !LdapNames::isDn(ldap.placeholderMember)) {
        problems << tr("The placeholder member “%1” is not a DN, such as cn=nobody.").arg(ldap.placeholderMember);
    }
    if (ldap.userObjectClasses.isEmpty()) {
        problems << tr("Name the object classes of users, such as inetOrgPerson.");
    }
    for (const QString& name : LdapSettings::names()) {
        if (name != u"usersBase"_s && name != u"groupsBase"_s && ldap.value(name).isEmpty()) {
            problems << tr("The LDAP setting %1 must not be empty.").arg(name);
        }
    }
    return problems;
}

QJsonObject TargetConfig::settingsJson() const
{
    QJsonObject settings{
        {u"url"_s, url},
        {u"auth"_s, authName(auth)},
        {u"username"_s, username},
        {u"caFile"_s, http.caFile},
        {u"maxInFlight"_s, http.maxInFlight},
        {u"timeoutSeconds"_s, http.timeoutSeconds},
        {u"maxRetries"_s, http.maxRetries},
        {u"retryDelayMs"_s, http.retryDelayMs},
    };
    if (groupsGrantAccess()) {
        settings.insert(u"accessGroups"_s, QJsonArray::fromStringList(accessGroups));
    }
    if (type == ldapType) {
        settings.insert(u"ldap"_s, ldap.toJson());
    }
    if (auth == Auth::OAuth) {
        settings.insert(u"oauthClientId"_s, oauthClientId);
        settings.insert(u"oauthRedirectUrl"_s, oauthRedirectUrl);
    }
    return settings;
}

void TargetConfig::readSettingsJson(const QJsonObject& settings, TargetConfig& config)
{
    config.url = settings.value(u"url"_s).toString();
    config.auth = authFromName(settings.value(u"auth"_s).toString()).value_or(Auth::Token);
    config.oauthClientId = settings.value(u"oauthClientId"_s).toString();
    config.oauthRedirectUrl = settings.value(u"oauthRedirectUrl"_s).toString(defaultRedirectUrl);
    config.username = settings.value(u"username"_s).toString();
    config.http.caFile = settings.value(u"caFile"_s).toString();
    config.http.maxInFlight = settings.value(u"maxInFlight"_s).toInt(HttpSettings::defaultMaxInFlight);
    config.http.timeoutSeconds = settings.value(u"timeoutSeconds"_s).toInt(HttpSettings::defaultTimeoutSeconds);
    config.http.maxRetries = settings.value(u"maxRetries"_s).toInt(HttpSettings::defaultMaxRetries);
    config.http.retryDelayMs = settings.value(u"retryDelayMs"_s).toInt(HttpSettings::defaultRetryDelayMs);
    config.ldap = LdapSettings::fromJson(settings.value(u"ldap"_s).toObject());
    if (settings.contains(u"accessGroups"_s)) {
        config.accessGroups.clear();
        for (const QJsonValue group : settings.value(u"accessGroups"_s).toArray()) {
            config.accessGroups.append(group.toString());
        }
    }
}

std::optional<QHostAddress> TargetConfig::redirectAddress() const
{
    const QUrl redirect(oauthRedirectUrl.trimmed(), QUrl::StrictMode);
    if (!redirect.isValid() || redirect.scheme() != u"http"_s || redirect.port() < 1) {
        return std::nullopt;
    }
    const QString host = redirect.host();
    if (host == u"localhost"_s) {
        return QHostAddress(QHostAddress::LocalHost);
    }
    if (host == u"127.0.0.1"_s || host == u"::1"_s) {
        return QHostAddress(host);
    }
    return std::nullopt;
}

QUrl TargetConfig::baseUrl() const
{
    QString base = url.trimmed();
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    return QUrl(base);
}

QString TargetConfig::secretKey() const
{
    return SecretStore::targetKey(id, credentialName);
}

QString TargetConfig::refreshTokenKey() const
{
    return SecretStore::targetKey(id, refreshTokenName);
}

#pragma once

#include "net/HttpClient.h"
#include "targets/ldap/LdapSettings.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// An application UserSync writes into (Jira, Confluence, Bitbucket, a SCIM 2.0 service, an LDAP directory), as the
// administrator configured it. Nothing here is secret: the token or password lives in the keychain under
// SecretStore::targetKey(id, "credential"). The directory database itself is the default target and has no
// TargetConfig: a connector without a target id syncs into it.
struct TargetConfig
{
    Q_DECLARE_TR_FUNCTIONS(TargetConfig)

public:
    static inline const QString jiraType = QStringLiteral("jira");
    static inline const QString confluenceType = QStringLiteral("confluence");
    static inline const QString bitbucketType = QStringLiteral("bitbucket");
    // A SCIM 2.0 service: its base URL (https://api.example.com/scim/v2) and a bearer token.
    static inline const QString scimType = QStringLiteral("scim");
    // An LDAP directory (OpenLDAP) the Atlassian products read: its ldap:// (always upgraded with
    // StartTLS) or ldaps:// URL, a bind DN (the username) and its password.
    static inline const QString ldapType = QStringLiteral("ldap");
    static inline const QString credentialName = QStringLiteral("credential");
    // OAuth 2.0: the refresh token the authorization gave, next to the client secret (the credential).
    static inline const QString refreshTokenName = QStringLiteral("oauth-refresh-token");
    static inline const QString defaultRedirectUrl = QStringLiteral("http://127.0.0.1:8765/usersync");

    // How UserSync signs in: a personal access token (Bearer), a username and password (Basic), or
    // (Bitbucket) OAuth 2.0: an incoming application link's client id and secret, authorized once
    // in the browser by an administrator, after which UserSync renews its access with the refresh token.
    enum class Auth { Token, Basic, OAuth };

    QString id; // assigned when first stored; never changes
    QString name;
    QString type = jiraType;
    QString url; // the application's base URL, as its users open it (https://jira.example.com)
    Auth auth = Auth::Token;
    QString username; // Basic only; an LDAP directory's bind DN
    QString oauthClientId; // OAuth only: the incoming link's client id; its secret is the credential
    // OAuth only: where the browser returns after the administrator allowed access, as entered as
    // the incoming link's redirect URL; UserSync listens there (on this machine) while authorizing.
    QString oauthRedirectUrl = defaultRedirectUrl;
    HttpSettings http;
    // Bitbucket and LDAP: the groups that grant access (a licence; in LDAP, the groups the
    // applications give access to). Neither has a disabled flag the applications read, so
    // disabling a user takes it out of these; a new or reactivated user is put into them.
    QStringList accessGroups = defaultAccessGroups();
    LdapSettings ldap; // LDAP only

    static QStringList defaultAccessGroups(const QString& type = bitbucketType)
    {
        return {type == ldapType ? QStringLiteral("atlassian-users") : QStringLiteral("stash-users")};
    }
    bool groupsGrantAccess() const { return type == bitbucketType || type == ldapType; }

    static QStringList types() { return {jiraType, confluenceType, bitbucketType, scimType, ldapType}; }
    // "Jira": the product, in sentences.
    static QString productName(const QString& type);
    QString productName() const { return productName(type); }

    // Sentences naming each field that is missing or wrong; empty when the config can be used.
    QStringList validate() const;

    // The settings as stored in the directory, and as `usersync-cli target show --json` shows them.
    QJsonObject settingsJson() const;
    static void readSettingsJson(const QJsonObject& settings, TargetConfig& config);
    static QString authName(Auth auth); // "token", "basic", "oauth": stable, stored
    static std::optional<Auth> authFromName(const QString& name);

    // OAuth: the loopback address and port of the redirect URL, where UserSync listens while it is
    // authorized; none when the URL is not http:// to 127.0.0.1, ::1 or localhost with a port.
    std::optional<QHostAddress> redirectAddress() const;
    // The URL as typed, without surrounding spaces or trailing slashes: what paths are added to.
    QUrl baseUrl() const;

    QString secretKey() const;
    QString refreshTokenKey() const;

    bool operator==(const TargetConfig&) const = default;

private:
    QStringList validateLdap() const;
};
Q_DECLARE_METATYPE(TargetConfig)

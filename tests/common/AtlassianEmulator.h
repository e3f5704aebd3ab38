#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <optional>

// The control API of one of the test services' Atlassian emulators (tests/emulators/jira and
// confluence), for tests that set up and look into the product the way an administrator's would
// be: seed users and groups, choose the version and its caps, arm faults, read the state and the
// requests UserSync sent. Blocking; tests only. Requests UserSync makes go through Prism (url(),
// secondUrl()); this talks to the emulator.
class AtlassianEmulator final
{
public:
    // From the USERSYNC_TEST_<PRODUCT>_* variables; isValid() is false without them.
    // `secondTag`: the second Prism's tag in them ("10" for USERSYNC_TEST_JIRA_10_URL).
    AtlassianEmulator(const QString& product, const QString& secondTag, const QString& defaultVersion);
    static AtlassianEmulator jira() { return {QStringLiteral("JIRA"), QStringLiteral("10"), QStringLiteral("11.3.8")}; }
    static AtlassianEmulator confluence()
    {
        return {QStringLiteral("CONFLUENCE"), QStringLiteral("9"), QStringLiteral("10.2.14")};
    }
    static AtlassianEmulator bitbucket()
    {
        return {QStringLiteral("BITBUCKET"), QStringLiteral("9"), QStringLiteral("10.4.0")};
    }
    bool isValid() const { return m_control.isValid() && !m_token.isEmpty(); }
    // The variable a test needs, for its message when the service is missing.
    QString directVariable() const { return m_prefix + QStringLiteral("_DIRECT_URL"); }

    QString url() const { return m_url; } // through Prism, the newer spec (Jira 11.3.8, Confluence 10.2.14)
    QString secondUrl() const { return m_secondUrl; } // through Prism, the older (Jira 10.3.24, Confluence 9.3.1)
    QString token() const { return m_token; }
    QString adminUser() const { return m_adminUser; }
    QString adminPassword() const { return m_adminPassword; }

    // An empty product (the administrator and the built-in groups) of this version, or the default.
    bool reset(const QString& version = {}, const QJsonObject& options = {});
    bool seed(const QJsonObject& seed);
    bool configure(const QJsonObject& config);
    bool setFaults(const QJsonArray& rules);
    bool setUserFlags(const QString& name, const QJsonObject& flags);

    // The product's own REST API on the emulator, as its administrator (Basic): for what someone
    // does by hand in the application between two syncs. Returns the HTTP status.
    int rest(const QByteArray& method, const QString& pathAndQuery, const QJsonObject& body = {});

    QJsonObject state();
    QJsonArray requests();
    bool clearRequests();
    // Any other resource of the control API (/_emulator/PATH), such as oauth/clients.
    QJsonObject control(const QByteArray& method, const QString& path, const QJsonObject& body = {}, bool* ok = nullptr)
    {
        return call(method, path, body, ok);
    }

    // An incoming application link for OAuth 2.0 (Bitbucket), as an administrator creates one,
    // with a redirect URL on a free loopback port; empty when the emulator refused it.
    struct IncomingLink
    {
        QString clientId;
        QString clientSecret;
        QString redirectUrl;
    };
    std::optional<IncomingLink> addIncomingLink();

    // The administrator's browser in OAuth's authorization code flow: opens `authorizeUrl` on the
    // emulator signed in as its administrator (the emulator allows access at once), follows its
    // redirect to the redirect URL, and returns that page's HTTP status and text.
    std::pair<int, QString> authorizeInBrowser(const QUrl& authorizeUrl);

    // From state(): the user with this username (case-insensitive), or an empty object.
    static QJsonObject user(const QJsonObject& state, const QString& name);
    static QStringList groupsOf(const QJsonObject& state, const QString& name);

private:
    QJsonObject call(const QByteArray& method, const QString& path, const QJsonObject& body = {}, bool* ok = nullptr);
    QByteArray callRaw(const QByteArray& method, const QString& path, const QByteArray& body, int* status);

    QString m_prefix;
    QString m_defaultVersion;
    QUrl m_control;
    QString m_url;
    QString m_secondUrl;
    QString m_token;
    QString m_adminUser;
    QString m_adminPassword;
    QNetworkAccessManager m_network;
};

#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

// The control API of the test services' Jira emulator (tests/emulators/jira), for tests that set
// up and look into "Jira" the way an administrator's Jira would be: seed users and groups, choose
// the version and its caps, arm faults, read the state and the requests UserSync sent. Blocking;
// tests only. Requests UserSync makes go through Prism (jiraUrl()); this talks to the emulator.
class JiraEmulator final
{
public:
    // From the USERSYNC_TEST_JIRA_* variables; isValid() is false without them.
    JiraEmulator();
    bool isValid() const { return m_control.isValid() && !m_token.isEmpty(); }

    QString jiraUrl() const { return m_jiraUrl; } // through Prism, Atlassian's 11.3.8 spec
    QString jira10Url() const { return m_jira10Url; } // through Prism, the 10.3.24 spec
    QString token() const { return m_token; }
    QString adminUser() const { return m_adminUser; }
    QString adminPassword() const { return m_adminPassword; }

    // An empty Jira (the administrator and the two built-in groups) of this version.
    bool reset(const QString& version = QStringLiteral("11.3.8"), const QJsonObject& options = {});
    bool seed(const QJsonObject& seed);
    bool configure(const QJsonObject& config);
    bool setFaults(const QJsonArray& rules);
    bool setUserFlags(const QString& name, const QJsonObject& flags);

    QJsonObject state();
    QJsonArray requests();
    bool clearRequests();

    // From state(): the user with this username (case-insensitive), or an empty object.
    static QJsonObject user(const QJsonObject& state, const QString& name);
    static QStringList groupsOf(const QJsonObject& state, const QString& name);

private:
    QJsonObject call(const QByteArray& method, const QString& path, const QJsonObject& body = {}, bool* ok = nullptr);
    QByteArray callRaw(const QByteArray& method, const QString& path, const QByteArray& body, int* status);

    QUrl m_control;
    QString m_jiraUrl;
    QString m_jira10Url;
    QString m_token;
    QString m_adminUser;
    QString m_adminPassword;
    QNetworkAccessManager m_network;
};

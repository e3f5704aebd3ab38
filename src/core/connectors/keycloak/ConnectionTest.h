#pragma once

#include "config/ConnectorConfig.h"
#include "connectors/ConnectorError.h"
#include "jobs/Job.h"

#include <QMetaType>
#include <QUrl>

#include <memory>
#include <optional>

class KeycloakClient;

// What Test Connection found out, step by step, for the window and `connector test --json`.
struct ConnectionTestResult
{
    bool ok = false;
    QUrl baseUrl; // the form that answered
    bool withAuthPath = false; // whether that form has /auth
    QString issuer;
    bool realmFound = false;
    bool tokenObtained = false;
    bool usersReadable = false;
    bool groupsReadable = false;
    qint64 userCount = -1;
    qint64 groupCount = -1;
    qint64 topLevelGroupCount = -1;
    QStringList warnings; // usable, but worth knowing (e.g. no TLS)
    std::optional<ConnectorError> error;
};
Q_DECLARE_METATYPE(ConnectionTestResult)

// Proves against the live server that the settings work: discovery, a token, the user count,
// a page of users (the query-users-only trap), the group count. Stops at the first failure.
class ConnectionTest final : public Job
{
    Q_OBJECT

public:
    ConnectionTest(KeycloakSettings settings, QString clientSecret, QObject* parent = nullptr);
    ~ConnectionTest() override;

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    void finished(const ConnectionTestResult& result);

protected:
    void cancelled() override;

private:
    void countUsers();
    void listUsers();
    void countGroups();
    void finish(const std::optional<ConnectorError>& error);

    KeycloakSettings m_settings;
    std::unique_ptr<KeycloakClient> m_client;
    ConnectionTestResult m_result;
    bool m_finished = false;
};

#pragma once

#include "targets/TargetTest.h"
#include "targets/ldap/LdapClient.h"

#include <functional>
#include <memory>

// Test Connection for an LDAP directory: reachable over TLS with a verified certificate, the bind
// DN and password accepted, both base DNs there, the right to add and delete a user and a group
// below them as a sync makes them (a test entry added and deleted at once), the counts of users
// and groups, and which access groups are not there yet.
class LdapConnectionTest final : public TargetTest
{
    Q_OBJECT

public:
    LdapConnectionTest(TargetConfig config, QString password, QObject* parent = nullptr);
    ~LdapConnectionTest() override;

    void start() override;

protected:
    void cancelled() override;

private:
    void checkBase(const QString& base, const QString& what, std::function<void()> next);
    void checkWrite(bool users, std::function<void()> next);
    void count(bool users);
    void checkAccessGroups();
    void finish(const std::optional<ConnectorError>& error);

    TargetConfig m_config;
    std::unique_ptr<LdapClient> m_client;
    TargetTestResult m_result;
    QStringList m_groupNames; // the groups found, for the access groups
    bool m_finished = false;
};

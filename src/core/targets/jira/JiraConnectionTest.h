#pragma once

#include "targets/atlassian/AtlassianConnectionTest.h"
#include "targets/jira/JiraReader.h"

#include <memory>

// Test Connection for Jira Data Center: serverInfo (Jira, which version, not Cloud), myself
// (signed in; a CAPTCHA lock is reported and never retried), mypermissions (a Jira administrator;
// a warning when not a system administrator), the user listing this version allows, and the
// counts of users and groups.
class JiraConnectionTest final : public AtlassianConnectionTest
{
    Q_OBJECT

public:
    JiraConnectionTest(TargetConfig config, QString credential, QObject* parent = nullptr);
    ~JiraConnectionTest() override;

public Q_SLOTS:
    void start() override;

private:
    void signIn();
    void checkPermissions();
    void countUsers();
    void countGroups();

    std::unique_ptr<JiraReader> m_reader;
};

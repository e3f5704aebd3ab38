#pragma once

#include "targets/atlassian/AtlassianConnectionTest.h"
#include "targets/confluence/ConfluenceReader.h"

#include <memory>

// Test Connection for Confluence Data Center: server-information (Confluence, which version, and
// a warning for what that version lacks), user/current (signed in; a CAPTCHA lock is reported and
// never retried), the account's global permissions (a Confluence or system administrator), and
// the counts of users and groups, read as a sync reads them.
class ConfluenceConnectionTest final : public AtlassianConnectionTest
{
    Q_OBJECT

public:
    ConfluenceConnectionTest(TargetConfig config, QString credential, QObject* parent = nullptr);
    ~ConfluenceConnectionTest() override;

public Q_SLOTS:
    void start() override;

private:
    void signIn();
    void checkPermissions();
    void countUsers();
    void countGroups();

    std::unique_ptr<ConfluenceReader> m_reader;
};

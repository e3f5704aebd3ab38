#pragma once

#include "targets/atlassian/AtlassianConnectionTest.h"
#include "targets/bitbucket/BitbucketReader.h"

#include <memory>

// Test Connection for Bitbucket Data Center: application-properties (Bitbucket, which version),
// a sign-in outside the administration API (so that a wrong password is told apart from a
// missing right: Bitbucket answers both with 401 there), the global permissions, which only an
// administrator may read and which refuse personal access tokens, the access groups the settings
// name, and the counts of users and groups.
class BitbucketConnectionTest final : public AtlassianConnectionTest
{
    Q_OBJECT

public:
    BitbucketConnectionTest(TargetConfig config, QString credential, QObject* parent = nullptr);
    ~BitbucketConnectionTest() override;

public Q_SLOTS:
    void start() override;

private:
    void signIn();
    void checkAdministration();
    void checkAccessGroups();
    void countUsers();

    std::unique_ptr<BitbucketReader> m_reader;
};

#pragma once

#include "JobRunner.h"
#include "KeycloakAdmin.h"
#include "TestEnvironment.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "sync/MigrationPreviewJob.h"
#include "sync/RollbackJob.h"
#include "sync/SyncJob.h"
#include "targets/TargetStore.h"
#include "targets/TargetTest.h"

#include <QTest>

// The jobs the window and the CLI run for an application target, run to their end in the calling
// thread: the steps of the workflow tests on each product.
namespace TargetWorkflow {

// Where each product's workflow tests start: `realm`, a fresh copy of the fixture realm in which
// every user has an e-mail address (the products need one for a new user; that refusal is tested
// on its own); the empty directory at `location` holding `target`, its credential in the keychain;
// and `connector`, "SSO", synchronizing the realm into it. A failure is recorded as the test's
// (QTest::currentTestFailed() then says so).
inline void start(KeycloakAdmin& admin, const QString& realm, const DirectoryLocation& location,
                  const QString& keycloakUrl, TargetConfig& target, const QString& credential,
                  ConnectorConfig& connector)
{
    using namespace Qt::StringLiterals;
    QVERIFY(admin.importFixtureRealm(realm));
    QCOMPARE(admin.updateUser(realm, u"erin.noemail"_s, {{u"email"_s, u"erin@example.com"_s}}), 204);
    QString error;
    auto connection = DirectoryAccess::open(location, &error);
    QVERIFY2(connection, qPrintable(error));
    QVERIFY(TestEnvironment::emptyDirectory(connection->database(), true));
    QVERIFY2(TargetStore(connection->database()).add(target, &error), qPrintable(error));
    QVERIFY(SecretStore().writeNow(target.secretKey(), credential).ok());
    connector = ConnectorConfig();
    connector.name = u"SSO"_s;
    connector.keycloak.baseUrl = keycloakUrl;
    connector.keycloak.realm = realm;
    connector.keycloak.clientId = u"usersync-sync"_s;
    connector.targetId = target.id;
    QVERIFY2(ConnectorStore(connection->database()).add(connector, &error), qPrintable(error));
}

inline TargetTestResult test(const TargetConfig& config, const QString& credential)
{
    const std::unique_ptr<TargetTest> job = TargetTest::create(config, credential);
    const QList<QVariant> arguments = runJob(*job);
    return arguments.isEmpty() ? TargetTestResult{} : arguments.first().value<TargetTestResult>();
}

inline SyncResult sync(const DirectoryLocation& location, const ConnectorConfig& connector, const QString& secret,
                       SyncRequest::Mode mode, std::shared_ptr<const ChangeSet> reviewed = {})
{
    SyncRequest request;
    request.mode = mode;
    request.reviewedPlan = std::move(reviewed);
    SyncJob job(location, connector, secret, request);
    const QList<QVariant> arguments = runJob(job, 300'000);
    return arguments.isEmpty() ? SyncResult{} : arguments.first().value<SyncResult>();
}

inline RollbackRequest rollbackOf(const QString& runId, bool simulate)
{
    RollbackRequest request;
    request.runId = runId;
    request.simulate = simulate;
    return request;
}

inline RollbackResult rollback(const DirectoryLocation& location, const RollbackRequest& request)
{
    RollbackJob job(location, request);
    const QList<QVariant> arguments = runJob(job, 300'000);
    return arguments.isEmpty() ? RollbackResult{} : arguments.first().value<RollbackResult>();
}

// The migration preview's outcome for each Keycloak username; `error` says why there is none.
inline QHash<QString, Planner::MatchPreview::Outcome> migrationPreview(const DirectoryLocation& location,
                                                                       const ConnectorConfig& connector,
                                                                       const QString& secret, QString* error)
{
    MigrationPreviewJob job(location, connector, secret);
    const QList<QVariant> arguments = runJob(job);
    if (arguments.isEmpty()) {
        *error = QStringLiteral("the migration preview did not finish");
        return {};
    }
    const auto result = arguments.first().value<MigrationPreviewResult>();
    *error = result.error;
    QHash<QString, Planner::MatchPreview::Outcome> outcomes;
    for (const Planner::MatchPreview& entry : result.entries) {
        outcomes.insert(entry.username, entry.outcome);
    }
    return outcomes;
}

} // namespace TargetWorkflow

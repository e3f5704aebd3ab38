#pragma once

#include "JobRunner.h"
#include "sync/RollbackJob.h"
#include "sync/SyncJob.h"
#include "targets/TargetTest.h"

// The jobs the window and the CLI run for an application target, run to their end in the calling
// thread: the steps of the workflow tests on each product.
namespace TargetWorkflow {

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

} // namespace TargetWorkflow

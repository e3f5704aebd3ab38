#pragma once

#include "directory/DirectoryLocation.h"
#include "directory/DirectoryStore.h"
#include "jobs/Job.h"
#include "sync/ChangeSet.h"

#include <memory>

struct RollbackRequest
{
    QString runId; // the full run to revert: its id or an unambiguous start of it
    bool simulate = true; // show the inverse plan (recorded as a preview) or apply it
    QString trigger = QStringLiteral("manual");
    // Applies exactly this reviewed preview (if the directory has not changed since) instead of
    // planning again.
    std::shared_ptr<const ChangeSet> reviewedPlan;
};

struct RollbackResult
{
    enum class Status { Succeeded, NotAFullRun, Refused, Failed };

    Status status = Status::Failed;
    QString message; // a sentence, unless it succeeded
    RunRecord rolledBack; // the run being reverted, once found
    RunRecord record; // the rollback's own run in the history
    std::shared_ptr<const ChangeSet> plan;
};
Q_DECLARE_METATYPE(RollbackResult)

// Reverting a full run, for the window and the CLI alike: under the connector's sync lock, the
// inverse of the run's recorded changes is planned against the directory as it is now
// (Rollback::plan) and either recorded as a preview or applied in one transaction.
class RollbackJob final : public Job
{
    Q_OBJECT

public:
    RollbackJob(DirectoryLocation location, RollbackRequest request, QObject* parent = nullptr);

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    void finished(const RollbackResult& result);

private:
    RollbackResult run();

    DirectoryLocation m_location;
    RollbackRequest m_request;
};

#pragma once

#include "directory/DirectoryLocation.h"
#include "directory/DirectoryStore.h"
#include "jobs/Job.h"
#include "sync/ChangeSet.h"
#include "sync/Rollback.h"

#include <memory>

class DatabaseConnection;
class SyncLock;
class Target;

struct RollbackRequest
{
    QString runId; // the full run to revert: its id or an unambiguous start of it
    bool simulate = true; // show the inverse plan (recorded as a preview) or apply it
    QString trigger = QStringLiteral("manual");
    // Applies exactly this reviewed preview (if the directory has not changed since) instead of
    // planning again.
    std::shared_ptr<const ChangeSet> reviewedPlan;
    // What becomes of the users the run added; unset: as the connector's cleanup says
    // (Rollback::defaultFor).
    std::optional<Rollback::Added> added;
    // Lets the rollback past the deletion guard, this once.
    bool allowDeletions = false;
    // Plans again (with `added` other than the preview's) but only against the directory the
    // preview was made against: its fingerprint.
    QByteArray reviewedFingerprint;
    // The token or password of the run's application, read beforehand (RunSecrets) when the job
    // runs on a worker; unset, the job reads it from the keychain itself (main thread only).
    std::optional<QString> targetCredential;
};

struct RollbackResult
{
    // CompletedWithErrors: an application refused some of the reversals, one object each.
    enum class Status { Succeeded, NotAFullRun, Refused, Failed, CompletedWithErrors };

    Status status = Status::Failed;
    QString message; // a sentence, unless it succeeded
    RunRecord rolledBack; // the run being reverted, once found
    RunRecord record; // the rollback's own run in the history
    std::shared_ptr<const ChangeSet> plan;
    Rollback::Added added = Rollback::Added::Disable; // what the plan does with the users the run added
};
Q_DECLARE_METATYPE(RollbackResult)

// Reverting a full run, for the window and the CLI alike: under the connector's sync lock, the
// inverse of the run's recorded changes is planned against its target as it is now (the
// directory, or the application read afresh; Rollback::plan) and either recorded as a preview or
// applied like a sync (into the directory in one transaction, into an application call by call).
// An apply that disables or deletes past the connector's deletion limit is refused unless allowed
// once.
class RollbackJob final : public Job
{
    Q_OBJECT

public:
    RollbackJob(DirectoryLocation location, RollbackRequest request, QObject* parent = nullptr);
    ~RollbackJob() override;

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    void finished(const RollbackResult& result);

protected:
    void cancelled() override;

private:
    // Finds the run and takes the lock; false when it finished already.
    bool prepare();
    void planAgainst(const DirectoryState& current);
    void record(std::shared_ptr<const ChangeSet> plan);
    void finish();

    DirectoryLocation m_location;
    RollbackRequest m_request;
    RollbackResult m_result;
    std::unique_ptr<DatabaseConnection> m_connection;
    std::unique_ptr<SyncLock> m_lock;
    std::unique_ptr<Target> m_target;
    SyncOptions m_options;
};

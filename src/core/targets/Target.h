#pragma once

#include "connectors/ConnectorError.h"
#include "directory/DirectoryState.h"
#include "directory/DirectoryStore.h"
#include "jobs/Job.h"
#include "sync/ChangeSet.h"
#include "targets/TargetCapabilities.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

// How an apply into a target ended.
struct TargetApplyResult
{
    enum class Status {
        Succeeded,
        CompletedWithErrors, // some calls were refused for one object each; the rest is applied
        Refused, // the target changed since the plan was made: nothing was applied
        Failed, // stopped: the target stopped answering or refused the account; the record says what was done
        Cancelled,
    };

    Status status = Status::Failed;
    QString message; // a sentence, unless it succeeded
    int done = 0; // changes applied
    int failed = 0; // changes refused
    RunRecord run; // as it was finally recorded
};

// Where a sync writes: the directory database (the embedded default) or an application. A target
// reads its whole current state into what the planner takes (with the links the directory keeps
// for it: which connector created or adopted which object), says what it can do, and applies a
// plan, recording the run and every change's outcome in the history. Lives in the job's thread,
// on the job's directory connection.
class Target : public QObject
{
    Q_OBJECT

public:
    using ReadDone = std::function<void(std::optional<DirectoryState> state, std::optional<ConnectorError> error)>;
    using ApplyDone = std::function<void(const TargetApplyResult& result)>;

    using QObject::QObject;

    virtual TargetCapabilities capabilities() const = 0;
    // The target's id in runs and links, and its name; empty for the directory.
    virtual QString id() const = 0;
    virtual QString name() const { return {}; }

    // Every user (active or not), group and membership, or an error: a read that is not complete
    // never yields a state, so that nothing is disabled or deleted on partial data.
    virtual void read(ReadDone done) = 0;

    // Gives the plan's new objects the ids they will have in the target where it can know them
    // (a Jira group is its name), before the plan is fingerprinted, recorded or applied.
    virtual void prepare(ChangeSet& plan) const { Q_UNUSED(plan); }

    // What a reviewed plan is checked against before it is applied: the state of everything the
    // plan touches (the directory: all of it).
    virtual QByteArray fingerprint(const DirectoryState& state, const ChangeSet& plan) const = 0;

    // Applies `plan` and records `run` with its changes. When the plan was reviewed (simulated
    // earlier), it is applied only if the target still has the fingerprint it was planned against.
    virtual void apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done) = 0;

    // Stops at the next call; what was done stays recorded.
    virtual void cancel() { }

Q_SIGNALS:
    void progress(const JobProgress& progress);
};

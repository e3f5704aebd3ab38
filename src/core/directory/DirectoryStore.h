#pragma once

#include "directory/DirectoryState.h"
#include "sync/ChangeSet.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>
#include <optional>

// A sync run as the history keeps it.
struct RunRecord
{
    QString id;
    QString connectorId;
    QString connectorName;
    QString mode; // "simulate", "full", "rollback", "rollback-simulate"
    QString trigger; // "manual", "cli", "scheduled"
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    QString status; // "succeeded", "failed", "refused", "cancelled", "skipped"
    QJsonObject counts; // ChangeSet::countsJson()
    QString message; // why it failed or was refused
    QString rollbackOf; // the run a rollback reverts
    QString targetId; // the application it synchronized into; empty: the directory
    QString targetName; // that application's name, as it is now (not stored with the run)
};

// The directory's rows and history on one Qt Sql connection of the calling thread: loading the
// state for planning, applying a plan in one transaction, and the runs with their changes.
class DirectoryStore final
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryStore)

public:
    explicit DirectoryStore(QSqlDatabase db);

    std::optional<DirectoryState> load(QString* error) const;
    // The fingerprint load() would give, without holding the directory in memory.
    std::optional<QByteArray> currentFingerprint(QString* error) const;

    // Applies `plan` and records `run` with its changes, all in one transaction: the directory is
    // either left as it was or fully changed. Refuses, changing nothing, when the directory no
    // longer has the fingerprint the plan was made against (and sets `changedSince`).
    bool apply(const ChangeSet& plan, const RunRecord& run, QString* error, bool* changedSince = nullptr);
    // Records a run that changed nothing in the directory (a simulation, a refusal, a failure).
    bool record(const RunRecord& run, const ChangeSet* plan, QString* error);

    // A run into an application, recorded before its first call with every change pending (one
    // row per membership), then settled change by change as the calls return, then finished.
    // recordPending() writes the run and its users' and groups' changes; `seq` gets the seq under
    // which each change is stored, in ChangeSet::at() order: plan.changes first (-1 for an
    // unchanged one, which is not stored), then plan.memberships, stored in `order` (by group, as
    // they are sent, ChangeSet::membershipsByGroup()): one call's outcomes land on neighbouring
    // rows, where the plan's order (by user) had each outcome of a large run rewrite a page of its own.
    bool recordPending(const RunRecord& run, const ChangeSet& plan, const QList<qsizetype>& order, QList<int>* seq,
                       QString* error);
    // The memberships' pending rows, in the caller's transaction, under the seqs recordPending()
    // gave them (`firstSeq`, that of order.first(), and on): written while the users are sent,
    // before the first membership's call.
    bool recordPendingMemberships(const QString& runId, const ChangeSet& plan, const QList<qsizetype>& order,
                                  int firstSeq, QString* error);
    struct Settled
    {
        int seq = -1;
        ChangeOutcome outcome = ChangeOutcome::Done;
        QString error;
        QString localId; // the object's id in the application, once it has one (a user it created)
    };
    // In the caller's transaction.
    bool settle(const QString& runId, const QList<Settled>& outcomes, QString* error);
    // The run's end: status, message, counts and time.
    bool finishRun(const RunRecord& run, QString* error);
    // Runs of a connector still "running" although its sync lock is free were ended from outside
    // (the process killed, the machine down): they become "interrupted". Call with the lock held.
    bool markInterrupted(const QString& connectorId, QString* error);

    // The newest runs first, of one connector (or all, for an empty id), of the given modes (or all).
    std::optional<QList<RunRecord>> runs(const QString& connectorId, int limit, QString* error,
                                         const QStringList& modes = {}) const;
    // Per connector id: when its schedule was last dealt with, in ms since the epoch, the later of
    // its last scheduled run's start and its settings' last change.
    std::optional<QHash<QString, qint64>> scheduleBaselines(QString* error) const;
    // By id or an unambiguous prefix of it.
    std::optional<RunRecord> findRun(const QString& idOrPrefix, QString* error) const;
    // The changes a run recorded (unchanged users are counted, not kept).
    std::optional<ChangeSet> changes(const QString& runId, QString* error) const;
    // For a target without a disabled flag (Bitbucket): what the last disabling of each user there
    // took away (its "access" before), by the user's id in the target, from every run into it.
    std::optional<QHash<QString, QString>> removedAccess(const QString& targetId, QString* error) const;

    // Rows made by hand (the migration case, and tests): a user or group with no connector.
    bool addLocalUser(const LocalUser& user, QString* error);
    bool addLocalGroup(const LocalGroup& group, QString* error);
    bool addLocalMembership(const QString& userId, const QString& groupId, QString* error);

    // A membership row as stored, by ids.
    struct MembershipRow
    {
        QString userId;
        QString groupId;
        QString originConnector;
    };

private:
    bool scan(const std::function<void(LocalUser&&)>& onUser, const std::function<void(LocalGroup&&)>& onGroup,
              const std::function<void(MembershipRow&&)>& onMembership, QString* error) const;
    bool applyChanges(const ChangeSet& plan, QString* error);
    // `order` and `seq` (pending runs only): as recordPending() takes and gives them.
    bool insertRun(const RunRecord& run, const ChangeSet* plan, QString* error, const QList<qsizetype>* order = nullptr,
                   QList<int>* seq = nullptr);

    QSqlDatabase m_db;
};

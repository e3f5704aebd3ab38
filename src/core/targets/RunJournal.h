#pragma once

#include "directory/DirectoryStore.h"
#include "sync/ChangeSet.h"
#include "targets/TargetLinks.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QSqlDatabase>

#include <memory>

// The history of a run into an application, written as the run goes: the run and every planned
// change first (pending), then each change's outcome and each link as the calls return, in small
// transactions (at most a quarter of a second or a few thousand entries apart). A run killed
// mid-way thus leaves a true record, short of the last moments, and the next run reads the
// application afresh, so nothing done is done twice.
//
// The outcomes and links are written by a thread of the journal's own, on a connection of its
// own to the same directory, while the run's calls go on: written on the run's thread, every
// write left the application waiting, a third of a large Bitbucket apply. What must be written
// before a call (a link) is waited for with waitFor().
class RunJournal final
{
    Q_DECLARE_TR_FUNCTIONS(RunJournal)

public:
    RunJournal(QSqlDatabase db, QString targetId, QString connectorId);
    ~RunJournal(); // waits for what was handed over

    // Records the run (status "running") with every change pending: the users and groups on the
    // caller's connection before it returns, the memberships by the journal's thread after.
    bool begin(RunRecord& run, std::shared_ptr<const ChangeSet> plan, QString* error);
    // Waits until the memberships are recorded: before the first membership's call.
    bool waitForMemberships(QString* error);
    // The order of plan.memberships in the history (ChangeSet::membershipsByGroup()), which is
    // the order a run sends them in.
    const QList<qsizetype>& membershipOrder() const { return m_membershipOrder; }

    // `index` into plan.changes, or plan.changes.size() + i for membership i (ChangeSet::at order).
    // `localId`: the object's id in the application when the plan could not know it (a user's key).
    void settle(qsizetype index, ChangeOutcome outcome, const QString& error = {}, const QString& localId = {});
    void link(Change::Object object, const QString& appKey, const QString& externalId);
    void unlink(Change::Object object, const QString& appKey);

    // Hands what is waiting to the writing thread when enough is (or when `force` is set), and
    // with `force` waits until all of it is written. False once a write failed, with its reason.
    bool flush(QString* error, bool force = false);
    // Hands what is waiting over now, without waiting: waitFor() the number it returns to know
    // it written.
    quint64 handOver();
    bool waitFor(quint64 ticket, QString* error);
    // Writes what is waiting (the memberships' rows included), then records the run's end.
    bool finish(const RunRecord& run, QString* error);

private:
    class Writer;

    QSqlDatabase m_db;
    QString m_targetId;
    QString m_connectorId;
    QString m_runId;
    QList<int> m_seq;
    QList<qsizetype> m_membershipOrder;
    QList<DirectoryStore::Settled> m_outcomes;
    QList<TargetLinks::Edit> m_linkEdits;
    QElapsedTimer m_sinceFlush;
    std::unique_ptr<Writer> m_writer;
};

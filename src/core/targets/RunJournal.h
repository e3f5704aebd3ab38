#pragma once

#include "directory/DirectoryStore.h"
#include "sync/ChangeSet.h"
#include "targets/TargetLinks.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QSqlDatabase>

// The history of a run into an application, written as the run goes: the run and every planned
// change first (pending), then each change's outcome and each link as the calls return, in small
// transactions (at most a quarter of a second or a few hundred outcomes apart). A run killed
// mid-way thus leaves a true record, short of the last moments, and the next run reads the
// application afresh, so nothing done is done twice.
class RunJournal final
{
    Q_DECLARE_TR_FUNCTIONS(RunJournal)

public:
    RunJournal(QSqlDatabase db, QString targetId, QString connectorId);

    // Records the run (status "running") with every change pending.
    bool begin(RunRecord& run, const ChangeSet& plan, QString* error);

    // `index` into plan.changes, or plan.changes.size() + i for membership i (ChangeSet::at order).
    // `localId`: the object's id in the application when the plan could not know it (a user's key).
    void settle(qsizetype index, ChangeOutcome outcome, const QString& error = {}, const QString& localId = {});
    void link(Change::Object object, const QString& appKey, const QString& externalId);
    void unlink(Change::Object object, const QString& appKey);

    // Writes what is waiting, when enough is (or when `force` is set).
    bool flush(QString* error, bool force = false);
    // Flushes, then records the run's end.
    bool finish(const RunRecord& run, QString* error);

private:
    struct LinkChange
    {
        bool remove = false;
        Change::Object object = Change::Object::User;
        QString appKey;
        QString externalId;
    };

    QSqlDatabase m_db;
    QString m_connectorId;
    TargetLinks m_links;
    QString m_runId;
    QList<int> m_seq;
    QList<DirectoryStore::Settled> m_outcomes;
    QList<LinkChange> m_linkChanges;
    QElapsedTimer m_sinceFlush;
};

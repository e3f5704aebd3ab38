#include "RunJournal.h"

#include "Logging.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace {

constexpr int flushEveryMs = 250;
constexpr qsizetype flushEveryEntries = 5000;

} // namespace

RunJournal::RunJournal(QSqlDatabase db, QString targetId, QString connectorId)
    : m_db(db)
    , m_connectorId(std::move(connectorId))
    , m_links(std::move(db), std::move(targetId))
{ }

bool RunJournal::begin(RunRecord& run, const ChangeSet& plan, QString* error)
{
    run.status = u"running"_s;
    m_runId = run.id;
    m_seq = DirectoryStore::recordSeq(plan);
    m_sinceFlush.start();
    return DirectoryStore(m_db).recordPending(run, plan, error);
}

void RunJournal::settle(qsizetype index, ChangeOutcome outcome, const QString& error, const QString& localId)
{
    const int seq = m_seq.value(index, -1);
    if (seq >= 0) {
        m_outcomes.append({seq, outcome, error, localId});
    }
}

void RunJournal::link(Change::Object object, const QString& appKey, const QString& externalId)
{
    m_linkChanges.append({false, object, appKey, externalId});
}

void RunJournal::unlink(Change::Object object, const QString& appKey)
{
    m_linkChanges.append({true, object, appKey, {}});
}

bool RunJournal::flush(QString* error, bool force)
{
    if (m_outcomes.isEmpty() && m_linkChanges.isEmpty()) {
        return true;
    }
    if (!force && m_sinceFlush.elapsed() < flushEveryMs
        && m_outcomes.size() + m_linkChanges.size() < flushEveryEntries) {
        return true;
    }
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    bool ok = true;
    for (const LinkChange& change : std::as_const(m_linkChanges)) {
        ok = change.remove ? m_links.unlink(change.object, change.appKey, error)
                           : m_links.link(change.object, change.appKey, change.externalId, m_connectorId, error);
        if (!ok) {
            break;
        }
    }
    ok = ok && DirectoryStore(m_db).settle(m_runId, m_outcomes, error);
    if (!ok || !m_db.commit()) {
        if (ok) {
            *error = m_db.lastError().text();
        }
        m_db.rollback();
        qCWarning(lcTargets) << "could not record outcomes:" << *error;
        return false;
    }
    m_outcomes.clear();
    m_linkChanges.clear();
    m_sinceFlush.restart();
    return true;
}

bool RunJournal::finish(const RunRecord& run, QString* error)
{
    return flush(error, true) && DirectoryStore(m_db).finishRun(run, error);
}

#include "RunJournal.h"

#include "Logging.h"
#include "directory/DatabaseConnection.h"

#include <QSqlError>
#include <QSqlQuery>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

constexpr int flushEveryMs = 250;
constexpr qsizetype flushEveryEntries = 5000;
constexpr std::size_t batchesAhead = 4; // handed over and not written yet, before handOver() waits
constexpr qsizetype pendingPerTransaction = 10000; // memberships' pending rows, between the run's batches

} // namespace

// The thread that writes what the run hands over, in order, each batch in a transaction, on a
// connection of its own, and, when nothing is waiting, the memberships' pending rows a few
// thousand at a time. After a failed write nothing more is written: the run stops.
class RunJournal::Writer
{
public:
    struct Pending
    {
        std::shared_ptr<const ChangeSet> plan;
        QList<qsizetype> order; // of plan->memberships, as DirectoryStore::recordPending() took it
        int firstSeq = 0;
    };

    Writer(DirectoryLocation location, QString password, QString targetId, QString connectorId, QString runId,
           Pending pending)
        : m_location(std::move(location))
        , m_password(std::move(password))
        , m_targetId(std::move(targetId))
        , m_connectorId(std::move(connectorId))
        , m_runId(std::move(runId))
        , m_pending(std::move(pending))
        , m_pendingLeft(!m_pending.order.isEmpty())
        , m_thread([this] { run(); })
    { }

    ~Writer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join(); // writes what is left first
    }

    quint64 post(QList<DirectoryStore::Settled> outcomes, QList<TargetLinks::Edit> edits)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_batches.size() < batchesAhead; });
        m_batches.push_back({++m_posted, std::move(outcomes), std::move(edits)});
        lock.unlock();
        m_changed.notify_all();
        return m_posted;
    }

    bool waitFor(quint64 ticket, QString* error)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this, ticket] { return m_written >= ticket || !m_error.isEmpty(); });
        return m_error.isEmpty() || (*error = m_error, false);
    }

    bool waitForPending(QString* error)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_pendingLeft || !m_error.isEmpty(); });
        return m_error.isEmpty() || (*error = m_error, false);
    }

    bool failed(QString* error) const
    {
        std::lock_guard lock(m_mutex);
        return !m_error.isEmpty() && (*error = m_error, true);
    }

private:
    struct Batch
    {
        quint64 ticket = 0;
        QList<DirectoryStore::Settled> outcomes;
        QList<TargetLinks::Edit> edits;
    };

    void run()
    {
        QString error;
        std::unique_ptr<DatabaseConnection> connection = DatabaseConnection::open(m_location, m_password, &error);
        std::unique_ptr<TargetLinks> links;
        if (connection) {
            // Its writes go row after row: a small page cache does for them.
            if (connection->location().kind() == DirectoryLocation::Kind::Sqlite) {
                QSqlQuery(connection->database()).exec(u"PRAGMA cache_size = -2048"_s);
            }
            links = std::make_unique<TargetLinks>(connection->database(), m_targetId);
        } else {
            fail(error);
        }
        qsizetype pendingWritten = 0;
        for (;;) {
            Batch batch;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || !m_batches.empty() || pendingToWrite(); });
                if (m_batches.empty() && !pendingToWrite()) {
                    break;
                }
                if (!m_batches.empty()) {
                    batch = std::move(m_batches.front());
                    m_batches.pop_front();
                }
            }
            if (batch.ticket == 0) {
                // Nothing handed over: the next of the memberships' pending rows (they are waited
                // for before any membership's outcome is handed over).
                const qsizetype until = std::min(m_pending.order.size(), pendingWritten + pendingPerTransaction);
                if (!writePending(connection->database(), pendingWritten, until, &error)) {
                    fail(error);
                    continue;
                }
                pendingWritten = until;
                if (until == m_pending.order.size()) {
                    std::lock_guard lock(m_mutex);
                    m_pendingLeft = false;
                    m_pending = {}; // the plan is the run's again
                }
                m_changed.notify_all();
                continue;
            }
            m_changed.notify_all(); // room for another
            if (error.isEmpty()) {
                write(connection->database(), *links, batch, &error);
            }
            {
                std::lock_guard lock(m_mutex);
                m_written = batch.ticket;
                if (!error.isEmpty() && m_error.isEmpty()) {
                    m_error = error;
                }
            }
            m_changed.notify_all();
        }
        links.reset(); // its statements before their connection
    }

    bool pendingToWrite() const { return m_pendingLeft && m_error.isEmpty(); } // with the mutex held

    void fail(const QString& error)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_error.isEmpty()) {
                m_error = error;
            }
        }
        m_changed.notify_all();
    }

    bool writePending(QSqlDatabase db, qsizetype from, qsizetype until, QString* error) const
    {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        if (!DirectoryStore(db).recordPendingMemberships(m_runId, *m_pending.plan,
                                                         m_pending.order.mid(from, until - from),
                                                         m_pending.firstSeq + int(from), error)
            || !db.commit()) {
            if (error->isEmpty()) {
                *error = db.lastError().text();
            }
            db.rollback();
            qCWarning(lcTargets) << "could not record the run's memberships:" << *error;
            return false;
        }
        return true;
    }

    bool write(QSqlDatabase db, TargetLinks& links, const Batch& batch, QString* error) const
    {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        if (!links.apply(batch.edits, m_connectorId, error)
            || !DirectoryStore(db).settle(m_runId, batch.outcomes, error) || !db.commit()) {
            if (error->isEmpty()) {
                *error = db.lastError().text();
            }
            db.rollback();
            qCWarning(lcTargets) << "could not record outcomes:" << *error;
            return false;
        }
        return true;
    }

    const DirectoryLocation m_location;
    const QString m_password;
    const QString m_targetId;
    const QString m_connectorId;
    const QString m_runId;
    Pending m_pending;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_batches;
    quint64 m_posted = 0;
    quint64 m_written = 0;
    bool m_stop = false;
    bool m_pendingLeft; // memberships' pending rows not all written
    QString m_error;
    std::thread m_thread; // last: starts once the rest is there
};

RunJournal::RunJournal(QSqlDatabase db, QString targetId, QString connectorId)
    : m_db(std::move(db))
    , m_targetId(std::move(targetId))
    , m_connectorId(std::move(connectorId))
{ }

RunJournal::~RunJournal() = default;

bool RunJournal::begin(RunRecord& run, std::shared_ptr<const ChangeSet> plan, QString* error)
{
    run.status = u"running"_s;
    m_runId = run.id;
    m_sinceFlush.start();
    m_membershipOrder = plan->membershipsByGroup();
    if (!DirectoryStore(m_db).recordPending(run, *plan, m_membershipOrder, &m_seq, error)) {
        return false;
    }
    // The memberships' rows, most of a large run's, are written by the journal's thread while
    // the users are sent (their calls wait for them: waitForMemberships()).
    const int firstSeq = m_membershipOrder.isEmpty() ? 0 : m_seq.at(plan->changes.size() + m_membershipOrder.first());
    m_writer =
        std::make_unique<Writer>(DatabaseConnection::locationOf(m_db), m_db.password(), m_targetId, m_connectorId,
                                 m_runId, Writer::Pending{std::move(plan), m_membershipOrder, firstSeq});
    return true;
}

bool RunJournal::waitForMemberships(QString* error)
{
    Q_ASSERT(m_writer);
    return m_writer->waitForPending(error);
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
    m_linkEdits.append({false, object, appKey, externalId});
}

void RunJournal::unlink(Change::Object object, const QString& appKey)
{
    m_linkEdits.append({true, object, appKey, {}});
}

quint64 RunJournal::handOver()
{
    Q_ASSERT(m_writer); // after begin()
    m_sinceFlush.restart();
    return m_writer->post(std::exchange(m_outcomes, {}), std::exchange(m_linkEdits, {}));
}

bool RunJournal::waitFor(quint64 ticket, QString* error)
{
    Q_ASSERT(m_writer);
    return m_writer->waitFor(ticket, error);
}

bool RunJournal::flush(QString* error, bool force)
{
    if (!m_writer) {
        *error = tr("the run was not recorded");
        return false;
    }
    if (m_writer->failed(error)) {
        return false;
    }
    if (m_outcomes.isEmpty() && m_linkEdits.isEmpty() && !force) {
        return true;
    }
    if (!force && m_sinceFlush.elapsed() < flushEveryMs && m_outcomes.size() + m_linkEdits.size() < flushEveryEntries) {
        return true;
    }
    const quint64 ticket = handOver();
    return !force || waitFor(ticket, error);
}

bool RunJournal::finish(const RunRecord& run, QString* error)
{
    // Everything written before the run's end is, on the run's own connection: the memberships'
    // pending rows too, when the run ended before their calls.
    return flush(error, true) && waitForMemberships(error) && DirectoryStore(m_db).finishRun(run, error);
}

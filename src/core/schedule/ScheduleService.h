#pragma once

#include "config/ConnectorConfig.h"
#include "config/RunSecrets.h"
#include "directory/DirectoryLocation.h"
#include "schedule/Scheduler.h"
#include "sync/SyncJob.h"

#include <QCoreApplication>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>

// Runs the scheduled full syncs of a directory's connectors when they are due, in the window
// (its jobs on worker threads) and in `usersync-cli schedule run|due` (in its own thread).
// Each run reads the connector's secret from the keychain and goes through SyncJob, with the
// deletion limit as for a run by hand: a run that would pass it is refused, not applied. A run
// that comes due while the previous one of the same connector is still going is skipped and
// recorded as skipped (SyncJob does the same when another process holds the connector's lock).
class ScheduleService final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;
    using Done = std::function<void(const SyncResult&)>;
    // Starts one scheduled full sync; calls `done` in the service's thread when it ends. What it
    // starts belongs to `context` (the service), so that it ends, unreported, with the service.
    using Runner = std::function<void(QObject* context, const DirectoryLocation&, const ConnectorConfig&,
                                      const RunSecrets& secrets, Done done)>;

    // `directory` is a connection of the calling thread to `location`.
    ScheduleService(DirectoryLocation location, QSqlDatabase directory, Runner runner, QObject* parent = nullptr);
    ~ScheduleService() override;

    // A runner that runs the SyncJob in the calling thread's event loop (for the CLI).
    static Runner inThisThread();
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // Reads the connectors and when each was last dealt with; false with `error` set.
    bool reload(QString* error);
    // Starts the runs due now; returns how many started.
    int runDue();
    // Checks from now on: at every connector's next run, and at least every minute (to notice
    // connectors changed elsewhere and clocks that jumped).
    void start();
    void stop();

    bool hasSchedules() const { return !m_scheduler.isEmpty(); }
    int runningCount() const { return int(m_running.size()); }
    QDateTime nextRun(const QString& connectorId) const { return m_scheduler.nextRun(connectorId); }

Q_SIGNALS:
    void runStarted(const ConnectorConfig& connector);
    void runFinished(const ConnectorConfig& connector, const SyncResult& result);
    // Every run started has finished.
    void idle();

private:
    void check();
    void startRun(const ConnectorConfig& connector);
    // A scheduled run that did not get to SyncJob, in the history all the same.
    void record(const ConnectorConfig& connector, const QString& status, const QString& message);
    void finishRun(const ConnectorConfig& connector, const SyncResult& result);

    DirectoryLocation m_location;
    QSqlDatabase m_directory;
    Runner m_runner;
    Clock m_clock;
    Scheduler m_scheduler;
    QSet<QString> m_running;
    QTimer m_timer;
};

#include "ScheduleService.h"

#include "Logging.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DirectoryStore.h"
#include "sync/Planner.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int longestSleepMs = 60 * 1000;
const auto scheduledTrigger = u"scheduled"_s;
} // namespace

ScheduleService::ScheduleService(DirectoryLocation location, QSqlDatabase directory, Runner runner, QObject* parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_directory(std::move(directory))
    , m_runner(std::move(runner))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ScheduleService::check);
}

ScheduleService::~ScheduleService() = default;

ScheduleService::Runner ScheduleService::inThisThread()
{
    return [](QObject* context, const DirectoryLocation& location, const ConnectorConfig& connector,
              const RunSecrets& secrets, Done done) {
        SyncRequest request{SyncRequest::Mode::Full, scheduledTrigger, false, nullptr, secrets.targetCredential};
        auto* job = new SyncJob(location, connector, secrets.clientSecret, request, context);
        QObject::connect(job, &SyncJob::finished, job, [job, done = std::move(done)](const SyncResult& result) {
            job->deleteLater();
            done(result);
        });
        QMetaObject::invokeMethod(job, &Job::start, Qt::QueuedConnection);
    };
}

bool ScheduleService::reload(QString* error)
{
    const auto connectors = ConnectorStore(m_directory).list(error);
    const auto baselines = connectors ? DirectoryStore(m_directory).scheduleBaselines(error) : std::nullopt;
    if (!baselines) {
        return false;
    }
    QList<Scheduler::Entry> entries;
    for (const ConnectorConfig& connector : *connectors) {
        entries.append({connector, QDateTime::fromMSecsSinceEpoch(baselines->value(connector.id), QTimeZone::utc())});
    }
    m_scheduler.setEntries(entries);
    return true;
}

int ScheduleService::runDue()
{
    int started = 0;
    for (const ConnectorConfig& connector : m_scheduler.takeDue(m_clock())) {
        if (m_running.contains(connector.id)) {
            record(connector, u"skipped"_s,
                   tr("Skipped: the previous run of “%1” was still going.").arg(connector.name));
        } else {
            startRun(connector);
            ++started;
        }
    }
    return started;
}

void ScheduleService::start()
{
    check();
}

void ScheduleService::stop()
{
    m_timer.stop();
}

void ScheduleService::check()
{
    // Connectors may have been added, changed or run by another administrator or process.
    if (QString error; !reload(&error)) {
        qCWarning(lcSchedule) << "cannot read the connectors:" << error;
    }
    runDue();
    const QDateTime wake = m_scheduler.nextWake();
    const qint64 untilWake = wake.isValid() ? m_clock().msecsTo(wake) : longestSleepMs;
    m_timer.start(int(std::clamp<qint64>(untilWake, 0, longestSleepMs)));
}

void ScheduleService::startRun(const ConnectorConfig& connector)
{
    m_running.insert(connector.id);
    Q_EMIT runStarted(connector);
    qCInfo(lcSchedule) << "starting the scheduled full sync of" << connector.name;
    RunSecrets::read(connector, this,
                     [this, connector](const std::optional<RunSecrets>& secrets, const QString& error) {
                         if (!secrets) {
                             SyncResult failed;
                             failed.message = error;
                             record(connector, u"failed"_s, error); // an unattended run that could not start
                             finishRun(connector, failed);
                             return;
                         }
                         m_runner(this, m_location, connector, *secrets,
                                  [this, connector](const SyncResult& result) { finishRun(connector, result); });
                     });
}

void ScheduleService::record(const ConnectorConfig& connector, const QString& status, const QString& message)
{
    RunRecord run;
    run.id = Planner::newLocalId();
    run.connectorId = connector.id;
    run.connectorName = connector.name;
    run.mode = u"full"_s;
    run.trigger = scheduledTrigger;
    run.startedAt = run.finishedAt = m_clock().toMSecsSinceEpoch();
    run.status = status;
    run.message = message;
    qCInfo(lcSchedule) << "scheduled run of" << connector.name << status << message;
    if (QString error; !DirectoryStore(m_directory).record(run, nullptr, &error)) {
        qCWarning(lcSchedule) << "cannot record the run:" << error;
    }
}

void ScheduleService::finishRun(const ConnectorConfig& connector, const SyncResult& result)
{
    m_running.remove(connector.id);
    qCInfo(lcSchedule) << "scheduled full sync of" << connector.name << "ended:" << int(result.status)
                       << result.message;
    Q_EMIT runFinished(connector, result);
    if (m_running.isEmpty()) {
        Q_EMIT idle();
    }
}

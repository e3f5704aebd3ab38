#include "SyncJob.h"

#include "Logging.h"
#include "connectors/keycloak/KeycloakFetcher.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryAccess.h"
#include "sync/Planner.h"
#include "sync/SyncLock.h"
#include "targets/Target.h"
#include "targets/Targets.h"

#include <QDateTime>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

QString statusName(SyncResult::Status status)
{
    switch (status) {
    case SyncResult::Status::Succeeded:
        return u"succeeded"_s;
    case SyncResult::Status::Failed:
        return u"failed"_s;
    case SyncResult::Status::Refused:
        return u"refused"_s;
    case SyncResult::Status::Cancelled:
        return u"cancelled"_s;
    case SyncResult::Status::Skipped:
        return u"skipped"_s;
    case SyncResult::Status::CompletedWithErrors:
        return u"completed-with-errors"_s;
    }
    return u"failed"_s;
}

} // namespace

SyncJob::SyncJob(DirectoryLocation location, ConnectorConfig connector, QString clientSecret, SyncRequest request,
                 QObject* parent)
    : Job(parent)
    , m_location(std::move(location))
    , m_connector(std::move(connector))
    , m_clientSecret(std::move(clientSecret))
    , m_request(std::move(request))
{ }

SyncJob::~SyncJob() = default;

void SyncJob::start()
{
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    QString error;
    m_connection = DirectoryAccess::open(m_location, &error);
    if (!m_connection) {
        m_result.status = SyncResult::Status::Failed;
        m_result.message = error;
        m_finished = true;
        Q_EMIT finished(m_result);
        return;
    }
    m_lock = SyncLock::acquire(m_location, m_connection->database(), m_connector.id, m_connector.name, &error);
    if (!m_lock && m_request.trigger == u"scheduled"_s) {
        // Nobody is there to be told: the history says the scheduled run was skipped, and why.
        finishRun(SyncResult::Status::Skipped, error, nullptr);
        return;
    }
    if (!m_lock) {
        // Not recorded: the run that holds the lock is the one the history shows, and whoever
        // started this one is told at once.
        m_result.status = SyncResult::Status::Refused;
        m_result.message = error;
        m_finished = true;
        Q_EMIT finished(m_result);
        return;
    }
    if (!DirectoryStore(m_connection->database()).markInterrupted(m_connector.id, &error)) {
        qCWarning(lcJobs) << "could not mark interrupted runs:" << error;
    }
    m_target = Targets::open(m_connector, m_connection->database(), m_request.targetCredential, &error);
    if (!m_target) {
        finishRun(SyncResult::Status::Failed, error, nullptr);
        return;
    }
    connect(m_target.get(), &Target::progress, this, [this](const JobProgress& progress) { reportProgress(progress); });
    if (m_request.reviewedPlan) {
        m_request.mode = SyncRequest::Mode::Full;
        if (m_request.reviewedPlan->deletionGuardTripped && !m_request.allowDeletions) {
            finishRun(SyncResult::Status::Refused,
                      tr("Stopped by the deletion limit: %1").arg(m_request.reviewedPlan->deletionGuardReason),
                      m_request.reviewedPlan);
        } else {
            finishRun(SyncResult::Status::Succeeded, {}, m_request.reviewedPlan);
        }
        return;
    }

    KeycloakSettings settings = m_connector.keycloak;
    for (const QString& attribute : m_connector.sync.attributesNeeded()) {
        if (!settings.userAttributes.contains(attribute)) {
            settings.userAttributes.append(attribute);
        }
    }
    m_fetcher = std::make_unique<KeycloakFetcher>(settings, m_clientSecret);
    connect(m_fetcher.get(), &Job::progress, this, [this](const JobProgress& progress) { reportProgress(progress); });
    connect(m_fetcher.get(), &KeycloakFetcher::finished, this, &SyncJob::onFetched);
    if (isCancelled()) {
        m_fetcher->cancel();
    }
    m_fetcher->start();
}

void SyncJob::cancelled()
{
    if (m_fetcher) {
        m_fetcher->cancel();
    }
    if (m_target) {
        m_target->cancel();
    }
}

void SyncJob::onFetched(const FetchResult& fetched)
{
    m_result.fetchMs = fetched.elapsedMs;
    if (fetched.error) {
        m_result.fetchError = fetched.error;
        // Nothing is planned, let alone applied, on a fetch that did not complete.
        finishRun(fetched.error->kind == ConnectorError::Kind::Cancelled ? SyncResult::Status::Cancelled
                                                                         : SyncResult::Status::Failed,
                  tr("Reading Keycloak failed, so nothing was changed: %1").arg(fetched.error->message), nullptr);
        return;
    }
    planAndFinish(fetched.snapshot);
}

void SyncJob::planAndFinish(const std::shared_ptr<const DirectorySnapshot>& snapshot)
{
    reportProgress({tr("Reading the target"), 0, -1}, true);
    m_target->read([this, snapshot](std::optional<DirectoryState> state, std::optional<ConnectorError> error) {
        if (!state) {
            const QString product = m_target->capabilities().product;
            finishRun(isCancelled() ? SyncResult::Status::Cancelled : SyncResult::Status::Failed,
                      m_connector.targetId.isEmpty()
                          ? error->message
                          : tr("Reading %1 failed, so nothing was changed: %2").arg(product, error->message),
                      nullptr);
            return;
        }
        reportProgress({tr("Planning"), 0, -1}, true);
        QElapsedTimer timer;
        timer.start();
        auto plan = std::make_shared<ChangeSet>(Planner::plan(*snapshot, *state, m_connector.id, m_connector.sync,
                                                              &Planner::newLocalId, m_target->capabilities()));
        m_target->prepare(*plan);
        plan->directoryFingerprint = m_target->fingerprint(*state, *plan);
        m_result.planMs = timer.elapsed();
        qCInfo(lcJobs) << "planned" << plan->size() << "changes in" << m_result.planMs << "ms";

        if (m_request.mode == SyncRequest::Mode::Full && plan->deletionGuardTripped && !m_request.allowDeletions) {
            finishRun(SyncResult::Status::Refused,
                      tr("Stopped by the deletion limit: %1").arg(plan->deletionGuardReason), plan);
            return;
        }
        finishRun(SyncResult::Status::Succeeded, {}, plan);
    });
}

void SyncJob::finishRun(SyncResult::Status status, const QString& message, std::shared_ptr<const ChangeSet> plan)
{
    if (m_finished) {
        return;
    }
    RunRecord run;
    run.id = Planner::newLocalId();
    run.connectorId = m_connector.id;
    run.connectorName = m_connector.name;
    run.mode = m_request.mode == SyncRequest::Mode::Full ? u"full"_s : u"simulate"_s;
    run.trigger = m_request.trigger;
    run.startedAt = m_startedAt;
    run.status = statusName(status);
    run.message = message;
    if (plan) {
        run.counts = plan->countsJson();
    }

    run.targetId = m_target ? m_target->id() : QString();
    run.targetName = m_target ? m_target->name() : QString();
    const bool applying = status == SyncResult::Status::Succeeded && m_request.mode == SyncRequest::Mode::Full;
    if (applying) {
        reportProgress({tr("Applying changes"), 0, -1}, true);
        const qint64 applyStartedAt = QDateTime::currentMSecsSinceEpoch();
        m_target->apply(plan, run, [this, plan, applyStartedAt](const TargetApplyResult& applied) {
            onApplied(applied, plan, applyStartedAt);
        });
        return;
    }
    run.finishedAt = QDateTime::currentMSecsSinceEpoch();
    // A simulation keeps its plan in the history; failures keep what they would have done.
    if (QString error; !DirectoryStore(m_connection->database()).record(run, plan.get(), &error)) {
        qCWarning(lcJobs) << "could not record the run:" << error;
    }
    complete(status, run, std::move(plan));
}

void SyncJob::onApplied(const TargetApplyResult& applied, std::shared_ptr<const ChangeSet> plan, qint64 applyStartedAt)
{
    m_result.applyMs = QDateTime::currentMSecsSinceEpoch() - applyStartedAt;
    SyncResult::Status status = SyncResult::Status::Succeeded;
    switch (applied.status) {
    case TargetApplyResult::Status::Succeeded:
        status = SyncResult::Status::Succeeded;
        break;
    case TargetApplyResult::Status::CompletedWithErrors:
        status = SyncResult::Status::CompletedWithErrors;
        break;
    case TargetApplyResult::Status::Refused:
        status = SyncResult::Status::Refused;
        break;
    case TargetApplyResult::Status::Failed:
        status = SyncResult::Status::Failed;
        break;
    case TargetApplyResult::Status::Cancelled:
        status = SyncResult::Status::Cancelled;
        break;
    }
    complete(status, applied.run, std::move(plan));
}

void SyncJob::complete(SyncResult::Status status, const RunRecord& run, std::shared_ptr<const ChangeSet> plan)
{
    m_result.status = status;
    m_result.message = run.message;
    m_result.run = run;
    m_result.plan = std::move(plan);
    m_finished = true;
    m_lock.reset();
    reportProgress({tr("Done"), 1, 1}, true);
    Q_EMIT finished(m_result);
}

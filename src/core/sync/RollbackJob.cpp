#include "RollbackJob.h"

#include "config/ConnectorStore.h"
#include "directory/DirectoryAccess.h"
#include "sync/Planner.h"
#include "sync/Rollback.h"
#include "sync/SyncLock.h"
#include "targets/Target.h"
#include "targets/Targets.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

RollbackJob::RollbackJob(DirectoryLocation location, RollbackRequest request, QObject* parent)
    : Job(parent)
    , m_location(std::move(location))
    , m_request(std::move(request))
{ }

RollbackJob::~RollbackJob() = default;

void RollbackJob::cancelled()
{
    if (m_target) {
        m_target->cancel();
    }
}

void RollbackJob::start()
{
    reportProgress({tr("Planning the rollback"), 0, -1}, true);
    if (!prepare()) {
        return;
    }
    if (m_request.reviewedPlan) {
        record(m_request.reviewedPlan);
        return;
    }
    m_target->read([this](std::optional<DirectoryState> current, std::optional<ConnectorError> error) {
        if (!current) {
            m_result.message = error->message;
            finish();
            return;
        }
        planAgainst(*current);
    });
}

bool RollbackJob::prepare()
{
    QString error;
    m_connection = DirectoryAccess::open(m_location, &error);
    if (!m_connection) {
        m_result.message = error;
        finish();
        return false;
    }
    DirectoryStore store(m_connection->database());
    const auto found = store.findRun(m_request.runId, &error);
    if (!found) {
        m_result.message = error;
        finish();
        return false;
    }
    m_result.rolledBack = *found;
    if (!Rollback::canRollBack(*found)) {
        m_result.status = RollbackResult::Status::NotAFullRun;
        m_result.message = tr("Run %1 is a %2 run that %3; only a full run that changed something can be rolled "
                              "back.")
                               .arg(found->id.left(8), found->mode, found->status);
        finish();
        return false;
    }
    m_lock = SyncLock::acquire(m_location, m_connection->database(), found->connectorId, found->connectorName, &error);
    if (!m_lock) {
        m_result.status = RollbackResult::Status::Refused;
        m_result.message = error;
        finish();
        return false;
    }
    // The connector's rules decide what its users' rollback does; a removed connector's runs are
    // still limited by the default guard.
    const auto connectors = ConnectorStore(m_connection->database()).list(&error);
    if (!connectors) {
        m_result.message = error; // never the default limit for want of reading the connector's
        finish();
        return false;
    }
    const auto connector = std::find_if(connectors->cbegin(), connectors->cend(),
                                        [found](const ConnectorConfig& each) { return each.id == found->connectorId; });
    m_options = connector != connectors->cend() ? connector->sync : SyncOptions();
    m_result.added = m_request.added.value_or(Rollback::defaultFor(m_options));
    // Into the target the run went to, whichever the connector uses now.
    ConnectorConfig owner = connector != connectors->cend() ? *connector : ConnectorConfig();
    owner.name = found->connectorName;
    owner.targetId = found->targetId;
    m_target = Targets::open(owner, m_connection->database(), m_request.targetCredential, &error);
    if (!m_target) {
        m_result.message = error;
        finish();
        return false;
    }
    connect(m_target.get(), &Target::progress, this, [this](const JobProgress& progress) { reportProgress(progress); });
    return true;
}

void RollbackJob::planAgainst(const DirectoryState& current)
{
    QString error;
    const auto recorded = DirectoryStore(m_connection->database()).changes(m_result.rolledBack.id, &error);
    if (!recorded) {
        m_result.message = error;
        finish();
        return;
    }
    auto plan = std::make_shared<ChangeSet>(
        Rollback::plan(m_result.rolledBack, *recorded, current, m_options, m_result.added, m_target->capabilities()));
    m_target->prepare(*plan);
    plan->directoryFingerprint = m_target->fingerprint(current, *plan);
    if (!m_request.reviewedFingerprint.isEmpty() && plan->directoryFingerprint != m_request.reviewedFingerprint) {
        m_result.status = RollbackResult::Status::Refused;
        m_result.message =
            tr("%1 has changed since the rollback was previewed, so it was not applied. Preview the "
               "rollback again.")
                .arg(m_result.rolledBack.targetId.isEmpty() ? tr("The directory") : m_target->capabilities().product);
        finish();
        return;
    }
    record(std::move(plan));
}

void RollbackJob::record(std::shared_ptr<const ChangeSet> plan)
{
    m_result.plan = plan;
    RunRecord& record = m_result.record;
    record.id = Planner::newLocalId();
    record.connectorId = m_result.rolledBack.connectorId;
    record.connectorName = m_result.rolledBack.connectorName;
    record.mode = m_request.simulate ? u"rollback-simulate"_s : u"rollback"_s;
    record.trigger = m_request.trigger;
    record.startedAt = QDateTime::currentMSecsSinceEpoch();
    record.finishedAt = record.startedAt;
    record.status = u"succeeded"_s;
    record.rollbackOf = m_result.rolledBack.id;
    record.targetId = m_target->id();
    record.targetName = m_target->name();
    record.counts = plan->countsJson();
    DirectoryStore store(m_connection->database());
    QString error;
    if (!m_request.simulate && plan->deletionGuardTripped && !m_request.allowDeletions) {
        record.status = u"refused"_s;
        record.message = tr("Stopped by the deletion limit: %1").arg(plan->deletionGuardReason);
        m_result.status = RollbackResult::Status::Refused;
        m_result.message = record.message;
        if (!store.record(record, plan.get(), &error)) {
            m_result.message += u' ' + error;
        }
        finish();
        return;
    }
    if (m_request.simulate) {
        if (!store.record(record, plan.get(), &error)) {
            m_result.message = error;
        } else {
            m_result.status = RollbackResult::Status::Succeeded;
        }
        finish();
        return;
    }
    m_target->apply(plan, record, [this](const TargetApplyResult& applied) {
        m_result.record = applied.run;
        switch (applied.status) {
        case TargetApplyResult::Status::Succeeded:
            m_result.status = RollbackResult::Status::Succeeded;
            break;
        case TargetApplyResult::Status::CompletedWithErrors:
            m_result.status = RollbackResult::Status::CompletedWithErrors;
            break;
        case TargetApplyResult::Status::Refused:
            // A reviewed preview that no longer fits the target is refused, like a sync's.
            m_result.status = RollbackResult::Status::Refused;
            break;
        case TargetApplyResult::Status::Failed:
        case TargetApplyResult::Status::Cancelled:
            m_result.status = RollbackResult::Status::Failed;
            break;
        }
        m_result.message = applied.message;
        finish();
    });
}

void RollbackJob::finish()
{
    m_lock.reset();
    Q_EMIT finished(m_result);
}

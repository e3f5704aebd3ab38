#include "RollbackJob.h"

#include "config/ConnectorStore.h"
#include "directory/DirectoryAccess.h"
#include "sync/Planner.h"
#include "sync/Rollback.h"
#include "sync/SyncLock.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

RollbackJob::RollbackJob(DirectoryLocation location, RollbackRequest request, QObject* parent)
    : Job(parent)
    , m_location(std::move(location))
    , m_request(std::move(request))
{ }

void RollbackJob::start()
{
    reportProgress({tr("Planning the rollback"), 0, -1}, true);
    Q_EMIT finished(run());
}

RollbackResult RollbackJob::run()
{
    RollbackResult result;
    QString error;
    const auto connection = DirectoryAccess::open(m_location, &error);
    if (!connection) {
        result.message = error;
        return result;
    }
    DirectoryStore store(connection->database());
    const auto found = store.findRun(m_request.runId, &error);
    if (!found) {
        result.message = error;
        return result;
    }
    result.rolledBack = *found;
    if (found->mode != u"full"_s || found->status != u"succeeded"_s) {
        result.status = RollbackResult::Status::NotAFullRun;
        result.message = tr("Run %1 is a %2 run that %3; only a full run that succeeded changed the directory and can "
                            "be rolled back.")
                             .arg(found->id.left(8), found->mode, found->status);
        return result;
    }
    const auto lock =
        SyncLock::acquire(m_location, connection->database(), found->connectorId, found->connectorName, &error);
    if (!lock) {
        result.status = RollbackResult::Status::Refused;
        result.message = error;
        return result;
    }
    // The connector's rules decide what its users' rollback does; a removed connector's runs are
    // still limited by the default guard.
    const auto connectors = ConnectorStore(connection->database()).list(&error);
    if (!connectors) {
        result.message = error; // never the default limit for want of reading the connector's
        return result;
    }
    const auto connector = std::find_if(connectors->cbegin(), connectors->cend(),
                                        [found](const ConnectorConfig& each) { return each.id == found->connectorId; });
    const SyncOptions options = connector != connectors->cend() ? connector->sync : SyncOptions();
    result.added = m_request.added.value_or(Rollback::defaultFor(options));
    std::shared_ptr<const ChangeSet> plan = m_request.reviewedPlan;
    if (!plan) {
        const auto recorded = store.changes(found->id, &error);
        const auto current = recorded ? store.load(&error) : std::nullopt;
        if (!current) {
            result.message = error;
            return result;
        }
        if (!m_request.reviewedFingerprint.isEmpty() && current->fingerprint != m_request.reviewedFingerprint) {
            result.status = RollbackResult::Status::Refused;
            result.message = tr("The directory has changed since the rollback was previewed, so it was not applied. "
                                "Preview the rollback again.");
            return result;
        }
        plan = std::make_shared<const ChangeSet>(Rollback::plan(*found, *recorded, *current, options, result.added));
    }
    result.plan = plan;

    RunRecord& record = result.record;
    record.id = Planner::newLocalId();
    record.connectorId = found->connectorId;
    record.connectorName = found->connectorName;
    record.mode = m_request.simulate ? u"rollback-simulate"_s : u"rollback"_s;
    record.trigger = m_request.trigger;
    record.startedAt = QDateTime::currentMSecsSinceEpoch();
    record.finishedAt = record.startedAt;
    record.status = u"succeeded"_s;
    record.rollbackOf = found->id;
    record.counts = plan->countsJson();
    if (!m_request.simulate && plan->deletionGuardTripped && !m_request.allowDeletions) {
        record.status = u"refused"_s;
        record.message = tr("Stopped by the deletion limit: %1").arg(plan->deletionGuardReason);
        result.status = RollbackResult::Status::Refused;
        result.message = record.message;
        if (!store.record(record, plan.get(), &error)) {
            result.message += u' ' + error;
        }
        return result;
    }
    bool changedSince = false;
    const bool ok = m_request.simulate ? store.record(record, plan.get(), &error)
                                       : store.apply(*plan, record, &error, &changedSince);
    if (!ok) {
        // A reviewed preview that no longer fits the directory is refused, like a sync's.
        result.status = changedSince ? RollbackResult::Status::Refused : RollbackResult::Status::Failed;
        result.message = error;
        return result;
    }
    result.status = RollbackResult::Status::Succeeded;
    return result;
}

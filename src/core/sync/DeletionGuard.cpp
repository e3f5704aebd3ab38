#include "DeletionGuard.h"

void DeletionGuard::check(ChangeSet& plan, const SyncOptions& options, Run run)
{
    const int removals = plan.removals();
    const int owned = plan.usersOwnedBefore;
    const bool overCount = removals > options.deletionLimitCount;
    const bool overPercent = owned > 0 && qint64(removals) * 100 > qint64(options.deletionLimitPercent) * owned;
    plan.deletionGuardTripped = removals > 0 && (overCount || overPercent);
    if (!plan.deletionGuardTripped) {
        plan.deletionGuardReason.clear();
        return;
    }
    const int percent = owned > 0 ? int(qint64(removals) * 100 / owned) : 100;
    const QString text = run == Run::Sync
        ? tr("The sync would disable, delete or anonymize %L1 of the %L2 users this connector manages (%3%), more "
             "than the deletion limit of %L4 users or %5%.")
        : tr("The rollback would disable or delete %L1 of the %L2 users this connector manages (%3%), more than the "
             "deletion limit of %L4 users or %5%.");
    plan.deletionGuardReason =
        text.arg(removals).arg(owned).arg(percent).arg(options.deletionLimitCount).arg(options.deletionLimitPercent);
}

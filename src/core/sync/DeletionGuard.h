#pragma once

#include "sync/ChangeSet.h"
#include "sync/SyncOptions.h"

#include <QCoreApplication>

// The limit on how many users one run may disable, delete or anonymize: a count and a share of
// the users the connector manages (SyncOptions). Syncs and rollbacks pass the same guard; past
// it, a run is refused unless an administrator allows it once.
class DeletionGuard final
{
    Q_DECLARE_TR_FUNCTIONS(DeletionGuard)

public:
    enum class Run { Sync, Rollback };

    // Sets the plan's deletionGuardTripped and deletionGuardReason when its removals pass the
    // limit; plan.usersOwnedBefore must hold the users the connector manages.
    static void check(ChangeSet& plan, const SyncOptions& options, Run run);
};

#pragma once

#include "directory/DirectoryState.h"
#include "directory/DirectoryStore.h"
#include "sync/ChangeSet.h"
#include "sync/SyncOptions.h"
#include "targets/TargetCapabilities.h"

#include <QCoreApplication>

// Reverting a full run: the inverse of its recorded changes, as a plan to review and apply like
// any other. A change whose object no longer looks as the run left it (a later run or a person
// changed it) is not reverted but reported as skipped, so that nothing newer is overwritten.
// The users the run added are disabled, as the connector does with users who leave, unless its
// cleanup deletes them or the administrator chooses deletion; the deletion guard limits both.
class Rollback final
{
    Q_DECLARE_TR_FUNCTIONS(Rollback)

public:
    // What becomes of the users the run added.
    enum class Added { Disable, Delete };

    // Delete when the connector's cleanup deletes users who leave; disable otherwise (keep and
    // anonymize included: a rollback is asked for, and disabling is the reversible way).
    static Added defaultFor(const SyncOptions& options);

    // Whether a run changed something to revert: a full run into the directory that succeeded (it
    // applies all or nothing); into an application also one that stopped half-way.
    static bool canRollBack(const RunRecord& run);

    // The inverse plan, with the deletion guard of `options` checked. Only what the run did is
    // reverted: a change an application refused, or never received, has nothing to undo. What the
    // target cannot do (bring back a user an application deleted) is reported as skipped.
    static ChangeSet plan(const RunRecord& run, const ChangeSet& recorded, const DirectoryState& current,
                          const SyncOptions& options, Added added, const TargetCapabilities& capabilities = {});
};

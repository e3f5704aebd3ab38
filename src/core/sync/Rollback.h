#pragma once

#include "directory/DirectoryState.h"
#include "directory/DirectoryStore.h"
#include "sync/ChangeSet.h"

#include <QCoreApplication>

// Reverting a full run: the inverse of its recorded changes, as a plan to review and apply like
// any other. A change whose object no longer looks as the run left it (a later run or a person
// changed it) is not reverted but reported as skipped, so that nothing newer is overwritten.
class Rollback final
{
    Q_DECLARE_TR_FUNCTIONS(Rollback)

public:
    static ChangeSet plan(const RunRecord& run, const ChangeSet& recorded, const DirectoryState& current);
};

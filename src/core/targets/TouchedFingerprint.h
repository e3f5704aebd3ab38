#pragma once

#include "directory/DirectoryState.h"
#include "sync/ChangeSet.h"

#include <QByteArray>

// The state of everything a plan touches, as one hash: each user and group it changes (by id, or
// for an addition whether that name is taken), and each membership it adds or removes. A reviewed
// plan is applied to an application only while this is unchanged; what the plan does not touch
// may change meanwhile (people work in the application).
namespace TouchedFingerprint {

QByteArray of(const DirectoryState& state, const ChangeSet& plan);

} // namespace TouchedFingerprint

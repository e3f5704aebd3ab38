#pragma once

#include "directory/DirectoryState.h"
#include "model/DirectorySnapshot.h"
#include "sync/ChangeSet.h"
#include "sync/SyncOptions.h"
#include "targets/TargetCapabilities.h"

#include <QCoreApplication>

// Decides what a sync does: a pure function of what the source holds, what the directory holds
// and the connector's options. It touches only what the connector owns, adopts unowned users and
// groups with the same identity (migration), reports conflicts instead of guessing, and trips
// the deletion guard when too many users would go.
class Planner final
{
    Q_DECLARE_TR_FUNCTIONS(Planner)

public:
    // `newId` gives ids to added rows (newLocalId() in production; predictable in tests). The
    // target's capabilities decide which fields are compared and written, and what it cannot do
    // becomes a skip with the reason.
    static ChangeSet plan(const DirectorySnapshot& snapshot, const DirectoryState& directory,
                          const QString& connectorId, const SyncOptions& options, const std::function<QString()>& newId,
                          const TargetCapabilities& capabilities = {});

    // A random (version 4) UUID for a new user or group, from Qt's securely seeded generator.
    // QUuid::createUuid() asks the system's random source for every id, which took a third of the
    // time to plan 100,000 new users.
    static QString newLocalId();

    // What the matching rule would do with the directory's existing users, before a first sync.
    struct MatchPreview
    {
        enum class Outcome { Link, Create, Collision };
        Outcome outcome;
        QString username; // Keycloak's
        QString email;
        QString localUsername; // the local user it links to or collides with
        QString reason;
    };
    static QList<MatchPreview> previewMatching(const DirectorySnapshot& snapshot, const DirectoryState& directory,
                                               const QString& connectorId, const SyncOptions& options,
                                               const TargetCapabilities& capabilities = {});
};

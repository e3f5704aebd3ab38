#pragma once

#include "model/DirectorySnapshot.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <optional>

// The JSON form of a snapshot ("usersync-cli fetch --output"), for inspection and benchmarks:
// {"format": "usersync-snapshot", "version": 1, "source", "fetchedAt",
//  "users": [{id, username, email, firstName, lastName, enabled, emailVerified,
//             createdTimestamp, attributes}],
//  "groups": [{id, name, path, parentId}],
//  "memberships": [{"user": <user id>, "group": <group id>}]}
namespace SnapshotJson {

bool write(const DirectorySnapshot& snapshot, QIODevice* device);
QByteArray toJson(const DirectorySnapshot& snapshot);
std::optional<DirectorySnapshot> fromJson(const QByteArray& json, QString* error);

} // namespace SnapshotJson

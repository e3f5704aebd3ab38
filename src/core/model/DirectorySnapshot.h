#pragma once

#include "model/Group.h"
#include "model/User.h"

#include <QDateTime>
#include <QList>

// A direct membership, by position in the snapshot's lists: half a million of them cost
// 4 MB this way instead of a hundred with two id strings each.
struct Membership
{
    qint32 user = -1;
    qint32 group = -1;

    bool operator==(const Membership&) const = default;
};

// Everything a source holds at one moment, complete or not at all: a fetch that could not
// read every page fails instead of producing a snapshot.
struct DirectorySnapshot
{
    QString source; // e.g. the Keycloak base URL and realm
    QDateTime fetchedAt;
    QList<User> users;
    QList<Group> groups;
    QList<Membership> memberships;
};

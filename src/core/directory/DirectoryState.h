#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The directory as it is, loaded for planning. Plain values; rows of other connectors and
// rows made by hand are included, because the planner must see them to leave them alone.
struct LocalUser
{
    QString id; // the local id: never changes, whatever happens to the username
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    QString displayName;
    bool active = true;
    QJsonObject attributes;
    QString originConnector; // empty: made by hand or imported
    QString externalId; // the source's id, once linked
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 lastSyncedAt = 0;
    // In an application without a disabled flag, where access comes from groups and permissions
    // (Bitbucket): what grants an active user access there, and for one a sync disabled, what that
    // sync took away (to give back on reactivation). Empty in the directory.
    QString access;

    bool operator==(const LocalUser&) const = default;
};

struct LocalGroup
{
    QString id;
    QString name;
    QString path; // the source's full path, for display and mapping
    QString originConnector;
    QString externalId;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool operator==(const LocalGroup&) const = default;
};

// A membership by the places of its user and group in the state's lists: half a million of them
// with two id strings each took more memory than all the users.
struct LocalMembership
{
    qint32 user = -1; // in DirectoryState::users
    qint32 group = -1; // in DirectoryState::groups
    QString originConnector; // empty: made by hand

    bool operator==(const LocalMembership&) const = default;
};

struct DirectoryState
{
    QList<LocalUser> users;
    QList<LocalGroup> groups;
    QList<LocalMembership> memberships;
    // Changes whenever anything in the directory changes: a reviewed plan is applied only
    // while the directory still has the fingerprint it was planned against.
    QByteArray fingerprint;
};

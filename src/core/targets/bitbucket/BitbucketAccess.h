#pragma once

#include <QString>
#include <QStringList>

// What gives a user access to Bitbucket, which has no disabled flag: the access groups it is in
// (those the target's settings name, stash-users by default) and its direct global permission.
// Kept as text in LocalUser::access and in the history's "access" field, so that what disabling
// took away is recorded and given back exactly: {"groups":["stash-users"],"permission":"LICENSED_USER"}.
struct BitbucketAccess
{
    QStringList groups; // sorted, case-insensitively
    QString permission; // LICENSED_USER, PROJECT_CREATE, ADMIN, SYS_ADMIN; empty: none of its own

    bool isEmpty() const { return groups.isEmpty() && permission.isEmpty(); }
    QString toText() const; // empty when there is no access
    static BitbucketAccess fromText(const QString& text);

    bool operator==(const BitbucketAccess&) const = default;
};

#pragma once

#include <QString>
#include <QStringList>

// What a target can hold and do, so that the planner (which knows no target) plans only what the
// target can carry out, and turns the rest into a skip with a reason, in one place.
struct TargetCapabilities
{
    QString product = QStringLiteral("the directory"); // in sentences: "Jira cannot rename groups"
    // The user fields the target keeps; others are neither compared nor written.
    QStringList userFields = {QStringLiteral("username"),  QStringLiteral("email"),       QStringLiteral("firstName"),
                              QStringLiteral("lastName"),  QStringLiteral("displayName"), QStringLiteral("active"),
                              QStringLiteral("attributes")};
    // The group fields it keeps: "name", and "path" where it stores the source's path.
    QStringList groupFields = {QStringLiteral("name"), QStringLiteral("path")};
    // The target has no disabled flag: "access" (LocalUser::access) is a user field, and disabling
    // a user takes its access and the connector's memberships away (Bitbucket). defaultAccess is
    // what a new or reactivated user is given when nothing else is known.
    bool accessByGroups = false;
    QString defaultAccess;
    bool renameUsers = true;
    QString renameUserHelp; // where an administrator renames a user by hand, when the target cannot
    bool renameGroups = true;
    // A deleted user can come back with its id and history (the directory re-inserts the row;
    // an application's deletion is final).
    bool restoreDeletedUsers = true;
    // Applies a plan all at once (one transaction) rather than call by call.
    bool transactional = true;

    bool keepsUserField(const QString& field) const { return userFields.contains(field); }
    bool keepsGroupField(const QString& field) const { return groupFields.contains(field); }
};

#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <array>

// One field of a change, before and after, as text for people and as stored.
struct FieldChange
{
    QString field; // username, email, firstName, lastName, displayName, active, attributes, name, path
    QString before;
    QString after;

    bool operator==(const FieldChange&) const = default;
};

struct Change
{
    enum class Object { User, Group, Membership };
    enum class Action {
        Add,
        Link, // migration: an existing local user or group is adopted, keeping its id and history
        Modify,
        Unchanged,
        Disable,
        Delete,
        Anonymize,
        Reactivate,
        Skip,
        Remove, // membership
    };
    static constexpr int actionCount = int(Action::Remove) + 1;

    Object object = Object::User;
    Action action = Action::Unchanged;
    QString key; // username, group name, or "username → group" for a membership
    QString displayName;
    QString email;
    QString localId; // the local row; for an Add, the id it will get
    QString externalId; // the source's id
    QString groupLocalId; // memberships: the group (localId is the user)
    QList<FieldChange> fields; // what changes (Add: every field set; Delete: every field it had)
    QString reason; // why a user is skipped, disabled or deleted

    bool operator==(const Change&) const = default;

    static QString objectName(Object object); // "user", "group", "membership": stable, stored
    static QString actionName(Action action); // "add", "link", …: stable, stored
    static std::optional<Action> actionFromName(const QString& name);
    static std::optional<Object> objectFromName(const QString& name);
};

// The plan of one run: what a simulation shows and what a full sync applies, nothing recomputed
// in between.
struct ChangeSet
{
    Q_DECLARE_TR_FUNCTIONS(ChangeSet)

public:
    QString connectorId;
    QDateTime plannedAt;
    QByteArray directoryFingerprint; // of the directory the plan was made against
    QList<Change> changes;
    bool deletionGuardTripped = false;
    QString deletionGuardReason;
    int usersOwnedBefore = 0; // users of this connector before the run, for the guard's percentage

    // Counts per object and action, for summaries.
    int count(Change::Object object, Change::Action action) const;
    // Users the run would disable, delete or anonymize: what the deletion guard limits.
    int removals() const;
    // True when applying would change something.
    bool hasChanges() const;
    QJsonObject countsJson() const;
};
Q_DECLARE_METATYPE(ChangeSet)

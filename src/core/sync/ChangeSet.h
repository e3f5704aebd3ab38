#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
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

// How a change into an application ended, call by call. A run into the directory applies all at
// once and records none (None); a run into an application records each change as Pending before
// its first call, then Done or Failed as the call returns, so that a run killed mid-way leaves a
// true record.
enum class ChangeOutcome : quint8 { None, Pending, Done, Failed };

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
    QString path; // groups: the source's path (/Engineering/Team A), which tells same-named groups apart
    QString email;
    QString localId; // the local row; for an Add, the id it will get
    QString externalId; // the source's id
    QString groupLocalId; // memberships: the group (localId is the user)
    QList<FieldChange> fields; // what changes (Add: every field set; Delete: every field it had)
    QString reason; // why a user is skipped, disabled or deleted
    ChangeOutcome outcome = ChangeOutcome::None;
    QString error; // the target's refusal, when it failed

    bool operator==(const Change&) const = default;

    static QString outcomeName(ChangeOutcome outcome); // "", "pending", "done", "failed": stable, stored
    static ChangeOutcome outcomeFromName(const QString& name);

    static QString objectName(Object object); // "user", "group", "membership": stable, stored
    static QString actionName(Action action); // "add", "link", …: stable, stored
    static std::optional<Action> actionFromName(const QString& name);
    static std::optional<Object> objectFromName(const QString& name);
};

// A user or group that membership changes refer to.
struct MemberRef
{
    QString id; // local id
    QString name; // username or group name, for people

    bool operator==(const MemberRef&) const = default;
};

// A membership added or removed, by position in the plan's tables of users and groups. A sync of
// a large realm plans hundreds of thousands of these: as full Changes, each with its own key
// text, they took more memory and time than all the users together.
struct MembershipChange
{
    Change::Action action = Change::Action::Add; // Add or Remove; Skip for a rollback that cannot undo it
    qint32 user = -1; // in ChangeSet::memberUsers
    qint32 group = -1; // in ChangeSet::memberGroups
    QString origin; // whose membership it is: the new owner for Add, the old one for Remove
    QString reason; // for Skip: why; when it failed: the target's refusal
    ChangeOutcome outcome = ChangeOutcome::None;

    bool operator==(const MembershipChange&) const = default;
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
    QList<Change> changes; // users and groups
    QList<MembershipChange> memberships;
    QList<MemberRef> memberUsers;
    QList<MemberRef> memberGroups;
    bool deletionGuardTripped = false;
    QString deletionGuardReason;
    int usersOwnedBefore = 0; // users of this connector before the run, for the guard's percentage

    // Counts per object and action, for summaries.
    int count(Change::Object object, Change::Action action) const;
    // Users the run would disable, delete or anonymize: what the deletion guard limits.
    int removals() const;
    // True when applying would change something.
    bool hasChanges() const;
    // Rows per object and action, in one pass: what countsJson() and the report's counts are made of.
    using Tally = std::array<std::array<int, Change::actionCount>, 3>;
    Tally tally() const;
    QJsonObject countsJson() const { return countsJson(tally()); }
    static QJsonObject countsJson(const Tally& tally);

    // Every change, memberships after users and groups, as one list for tables and reports.
    qsizetype size() const { return changes.size() + memberships.size(); }
    Change at(qsizetype index) const;
    // A membership change spelled out as a Change ("username → group", origin as a field).
    Change toChange(const MembershipChange& membership) const;
    // Appends a membership change, adding the user and group to the tables when they are new.
    // For building plans from stored or inverted changes; the planner fills the tables directly.
    void addMembership(Change::Action action, const MemberRef& user, const MemberRef& group, const QString& origin,
                       const QString& reason = {});
    // Indexes into `memberships`, by group and otherwise in the plan's order: how a run into an
    // application sends them (many users to one group in a call) and records them.
    QList<qsizetype> membershipsByGroup() const;

private:
    QHash<QString, qint32> m_userRefs; // local id -> index, for addMembership
    QHash<QString, qint32> m_groupRefs;
};
Q_DECLARE_METATYPE(ChangeSet)

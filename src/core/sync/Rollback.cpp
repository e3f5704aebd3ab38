#include "Rollback.h"

#include "model/NameKey.h"
#include "sync/DeletionGuard.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

QString valueOf(const LocalUser& user, const QString& field)
{
    if (field == u"username"_s) {
        return user.username;
    }
    if (field == u"email"_s) {
        return user.email;
    }
    if (field == u"firstName"_s) {
        return user.firstName;
    }
    if (field == u"lastName"_s) {
        return user.lastName;
    }
    if (field == u"displayName"_s) {
        return user.displayName;
    }
    if (field == u"active"_s) {
        return user.active ? u"true"_s : u"false"_s;
    }
    if (field == u"attributes"_s) {
        return user.attributes.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(user.attributes).toJson(QJsonDocument::Compact));
    }
    if (field == u"access"_s) {
        return user.active ? user.access : QString(); // a disabled user has none, whatever it had
    }
    if (field == u"externalId"_s) {
        return user.externalId;
    }
    if (field == u"origin"_s) {
        return user.originConnector;
    }
    return {};
}

QString valueOf(const LocalGroup& group, const QString& field)
{
    if (field == u"name"_s) {
        return group.name;
    }
    if (field == u"path"_s) {
        return group.path;
    }
    if (field == u"externalId"_s) {
        return group.externalId;
    }
    if (field == u"origin"_s) {
        return group.originConnector;
    }
    return {};
}

QList<FieldChange> swapped(const QList<FieldChange>& fields)
{
    QList<FieldChange> inverse;
    for (const FieldChange& field : fields) {
        inverse.append({field.field, field.after, field.before});
    }
    return inverse;
}

// Whether the object still has the values the run gave it.
template <typename Row>
bool stillAsLeft(const Row& row, const QList<FieldChange>& fields)
{
    return std::all_of(fields.cbegin(), fields.cend(),
                       [&row](const FieldChange& field) { return valueOf(row, field.field) == field.after; });
}

} // namespace

bool Rollback::canRollBack(const RunRecord& run)
{
    if (run.mode != u"full"_s) {
        return false;
    }
    if (run.status == u"succeeded"_s || run.status == u"completed-with-errors"_s) {
        return true;
    }
    return !run.targetId.isEmpty()
        && (run.status == u"failed"_s || run.status == u"cancelled"_s || run.status == u"interrupted"_s);
}

Rollback::Added Rollback::defaultFor(const SyncOptions& options)
{
    return options.cleanup == SyncOptions::Cleanup::Delete ? Added::Delete : Added::Disable;
}

ChangeSet Rollback::plan(const RunRecord& run, const ChangeSet& recorded, const DirectoryState& current,
                         const SyncOptions& options, Added added, const TargetCapabilities& capabilities)
{
    const auto wasDone = [](ChangeOutcome outcome) {
        return outcome == ChangeOutcome::None || outcome == ChangeOutcome::Done;
    };
    QHash<QString, const LocalUser*> users;
    QHash<QString, const LocalGroup*> groups;
    QSet<QPair<QString, QString>> memberships;
    ChangeSet plan;
    for (const LocalUser& user : current.users) {
        users.insert(user.id, &user);
        if (user.originConnector == run.connectorId) {
            ++plan.usersOwnedBefore;
        }
    }
    for (const LocalGroup& group : current.groups) {
        groups.insert(group.id, &group);
    }
    for (const LocalMembership& membership : current.memberships) {
        memberships.insert({current.users.at(membership.user).id, current.groups.at(membership.group).id});
    }

    plan.connectorId = run.connectorId;
    plan.plannedAt = QDateTime::currentDateTimeUtc();
    plan.directoryFingerprint = current.fingerprint;
    // Whether the user or group still has what the run gave it (and so may be reverted).
    const auto asLeft = [&users, &groups](const Change& done) {
        return done.object == Object::User
            ? users.contains(done.localId) && stillAsLeft(*users.value(done.localId), done.fields)
            : groups.contains(done.localId) && stillAsLeft(*groups.value(done.localId), done.fields);
    };
    // A group the run created is known by the id the target gave it, kept with the group's change;
    // its memberships were recorded, before it existed, with the id it was planned under.
    QHash<QString, QString> createdGroups;
    for (const Change& done : recorded.changes) {
        if (done.object == Object::Group && done.action == Action::Add && wasDone(done.outcome)) {
            createdGroups.insert(nameKey(done.key), done.localId);
        }
    }
    // Memberships first: the run applied them after its users and groups.
    for (auto it = recorded.memberships.crbegin(); it != recorded.memberships.crend(); ++it) {
        const MembershipChange& done = *it;
        if (done.action == Action::Skip || !wasDone(done.outcome)) {
            continue;
        }
        const MemberRef& user = recorded.memberUsers.at(done.user);
        MemberRef group = recorded.memberGroups.at(done.group);
        group.id = createdGroups.value(nameKey(group.name), group.id);
        const bool wasAdded = done.action == Action::Add;
        if (wasAdded == memberships.contains({user.id, group.id})) {
            plan.addMembership(wasAdded ? Action::Remove : Action::Add, user, group, done.origin);
        } else {
            plan.addMembership(Action::Skip, user, group, done.origin,
                               tr("not rolled back: %1").arg(tr("the membership has changed since that run")));
        }
    }
    for (auto it = recorded.changes.crbegin(); it != recorded.changes.crend(); ++it) {
        const Change& done = *it;
        if (done.action == Action::Skip || done.action == Action::Unchanged || !wasDone(done.outcome)) {
            continue;
        }
        Change undo = done;
        undo.reason = tr("rollback of run %1").arg(run.id.left(8));
        undo.outcome = ChangeOutcome::None;
        undo.error.clear();
        QString conflict;
        if (done.action == Action::Add) {
            if (done.object == Object::User && added == Added::Disable) {
                // One the run added disabled (as Keycloak had it) has nothing to undo.
                const bool active = users.contains(done.localId) && users.value(done.localId)->active;
                undo.action = active ? Action::Disable : Action::Unchanged;
                undo.fields = active ? QList<FieldChange>{{u"active"_s, u"true"_s, u"false"_s}} : QList<FieldChange>{};
                if (active && capabilities.accessByGroups) {
                    undo.fields.append({u"access"_s, users.value(done.localId)->access, {}});
                }
            } else {
                undo.action = Action::Delete;
                undo.fields = swapped(done.fields);
            }
            if (!asLeft(done)) {
                conflict = tr("it was changed or removed since that run");
            }
        } else if (done.action == Action::Delete) {
            undo.action = Action::Add;
            undo.fields = swapped(done.fields);
            const bool exists =
                done.object == Object::User ? users.contains(done.localId) : groups.contains(done.localId);
            if (exists) {
                conflict = tr("it exists again");
            } else if (done.object == Object::User && !capabilities.restoreDeletedUsers) {
                conflict = tr("%1 deleted the user for good; a new account would not have the old one's history. "
                              "Create it again by hand if it is needed")
                               .arg(capabilities.product);
            }
        } else {
            // Link, modify, disable, reactivate, anonymize: every field back to what it was.
            undo.action = done.action == Action::Disable ? Action::Reactivate
                : done.action == Action::Reactivate      ? Action::Disable
                                                         : Action::Modify;
            undo.fields = swapped(done.fields);
            if (!asLeft(done)) {
                conflict = tr("it was changed or removed since that run");
            }
        }
        if (!conflict.isEmpty()) {
            undo.action = Action::Skip;
            undo.reason = tr("not rolled back: %1").arg(conflict);
        }
        plan.changes.append(undo);
    }
    DeletionGuard::check(plan, options, DeletionGuard::Run::Rollback);
    return plan;
}

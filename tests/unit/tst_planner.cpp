#include "model/NameKey.h"
#include "sync/Planner.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

const QString connector = u"kc"_s;

User kcUser(const QString& id, const QString& username, const QString& email = {}, bool enabled = true)
{
    User user;
    user.id = id;
    user.username = username;
    user.email = email;
    user.firstName = username.section(u'.', 0, 0);
    user.lastName = username.section(u'.', 1, 1);
    user.enabled = enabled;
    return user;
}

LocalUser localUser(const QString& id, const QString& username, const QString& origin = {},
                    const QString& externalId = {}, const QString& email = {})
{
    LocalUser user;
    user.id = id;
    user.username = username;
    user.email = email;
    user.originConnector = origin;
    user.externalId = externalId;
    user.createdAt = 1000;
    return user;
}

// The snapshot: alice and bob in Engineering; Engineering/Platform with alice.
DirectorySnapshot realm()
{
    DirectorySnapshot snapshot;
    snapshot.users = {kcUser(u"k-alice"_s, u"alice.a"_s, u"alice@example.com"_s),
                      kcUser(u"k-bob"_s, u"bob.b"_s, u"bob@example.com"_s)};
    snapshot.groups = {Group{u"g-eng"_s, u"Engineering"_s, u"/Engineering"_s, {}},
                       Group{u"g-plat"_s, u"Platform"_s, u"/Engineering/Platform"_s, u"g-eng"_s}};
    snapshot.memberships = {Membership{0, 0}, Membership{1, 0}, Membership{0, 1}};
    return snapshot;
}

} // namespace

// The planner on small, hand-made cases: every action and option of the sync.
class TestPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyDirectoryGetsEverything()
    {
        const ChangeSet plan = planFor(realm(), {});
        QCOMPARE(plan.count(Object::User, Action::Add), 2);
        QCOMPARE(plan.count(Object::Group, Action::Add), 2);
        QCOMPARE(plan.count(Object::Membership, Action::Add), 3);
        const Change& alice = find(plan, Object::User, u"alice.a"_s);
        QCOMPARE(field(alice, u"displayName"_s).after, u"alice a"_s);
        QCOMPARE(alice.externalId, u"k-alice"_s);
        QVERIFY(!plan.deletionGuardTripped);
    }

    void sameRealmTwiceChangesNothing()
    {
        const DirectoryState synced = applied(planFor(realm(), {}), {});
        const ChangeSet again = planFor(realm(), synced);
        QVERIFY(!again.hasChanges());
        QCOMPARE(again.count(Object::User, Action::Unchanged), 2);
        QCOMPARE(again.count(Object::Group, Action::Unchanged), 2);
        QCOMPARE(again.count(Object::Membership, Action::Add), 0);
    }

    void renameInKeycloakIsAModifyOfTheSameUser()
    {
        const DirectoryState synced = applied(planFor(realm(), {}), {});
        DirectorySnapshot renamed = realm();
        renamed.users[0].username = u"alice.renamed"_s;
        const ChangeSet plan = planFor(renamed, synced);
        const Change& change = find(plan, Object::User, u"alice.renamed"_s);
        QCOMPARE(change.action, Action::Modify);
        QCOMPARE(field(change, u"username"_s).before, u"alice.a"_s);
        QCOMPARE(change.localId, localIdOf(synced, u"alice.a"_s));
        QCOMPARE(plan.count(Object::User, Action::Add), 0);
        QCOMPARE(plan.count(Object::User, Action::Delete) + plan.count(Object::User, Action::Disable), 0);
    }

    void renameIntoATargetThatCannotRenameIsASkipAndTheRestIsApplied()
    {
        const DirectoryState synced = applied(planFor(realm(), {}), {});
        DirectorySnapshot renamed = realm();
        renamed.users[0].username = u"alice.renamed"_s;
        renamed.users[0].email = u"alice@new.example.com"_s;
        renamed.users[0].enabled = false;
        renamed.memberships.removeAll(Membership{0, 1}); // alice leaves Platform
        TargetCapabilities cannotRename;
        cannotRename.product = u"Confluence"_s;
        cannotRename.renameUsers = false;
        cannotRename.renameUserHelp = u"by hand"_s;
        int next = 0;
        const ChangeSet plan = Planner::plan(
            renamed, synced, connector, {}, [&next] { return u"n%1"_s.arg(++next); }, cannotRename);
        const Change& skip = find(plan, Object::User, u"alice.renamed"_s);
        QCOMPARE(skip.action, Action::Skip);
        QVERIFY2(skip.reason.contains(u"Confluence cannot rename users"_s), qPrintable(skip.reason));
        QVERIFY(skip.reason.contains(u"“alice.a”"_s));
        // Still the same user there, under its old name: disabled, new address, out of Platform.
        const Change& kept = find(plan, Object::User, u"alice.a"_s);
        QCOMPARE(kept.action, Action::Disable);
        QCOMPARE(kept.localId, localIdOf(synced, u"alice.a"_s));
        QCOMPARE(field(kept, u"email"_s).after, u"alice@new.example.com"_s);
        QVERIFY(!std::any_of(kept.fields.cbegin(), kept.fields.cend(),
                             [](const FieldChange& f) { return f.field == u"username"_s; }));
        QCOMPARE(plan.count(Object::User, Action::Add) + plan.count(Object::User, Action::Delete), 0);
        QCOMPARE(plan.count(Object::Membership, Action::Remove), 1);
        QCOMPARE(plan.toChange(plan.memberships.first()).key, u"alice.a → Platform"_s);
    }

    void whereAccessComesFromGroupsDisablingTakesItAndReactivatingGivesItBack()
    {
        TargetCapabilities capabilities;
        capabilities.product = u"Bitbucket"_s;
        capabilities.accessByGroups = true;
        capabilities.defaultAccess = u"default"_s;
        int next = 0;
        const auto planWith = [&](const DirectorySnapshot& snapshot, const DirectoryState& state,
                                  const SyncOptions& options = {}) {
            return Planner::plan(
                snapshot, state, connector, options, [&next] { return u"n%1"_s.arg(++next); }, capabilities);
        };
        DirectorySnapshot kc = realm();
        kc.users.append(kcUser(u"k-carl"_s, u"carl.c"_s, u"carl@example.com"_s, false));
        const ChangeSet first = planWith(kc, {});
        QCOMPARE(field(find(first, Object::User, u"alice.a"_s), u"access"_s).after, u"default"_s);
        QCOMPARE(field(find(first, Object::User, u"carl.c"_s), u"access"_s).field, QString()); // disabled: none
        DirectoryState synced = applied(first, {});
        for (LocalUser& user : synced.users) {
            user.access = user.username == u"alice.a"_s ? u"alice's"_s : u"default"_s;
        }

        // Alice disabled in Keycloak: her access and the connector's memberships go, recorded.
        DirectorySnapshot disabled = kc;
        disabled.users[0].enabled = false;
        const ChangeSet disabling = planWith(disabled, synced);
        const Change& alice = find(disabling, Object::User, u"alice.a"_s);
        QCOMPARE(alice.action, Action::Disable);
        QCOMPARE(field(alice, u"access"_s).before, u"alice's"_s);
        QCOMPARE(field(alice, u"access"_s).after, QString());
        QCOMPARE(disabling.count(Object::Membership, Action::Remove), 2); // Engineering and Platform

        // Enabled again: what was taken is given back, and the memberships follow Keycloak again.
        DirectoryState after = synced;
        for (LocalUser& user : after.users) {
            user.active = user.active && user.username != u"alice.a"_s;
        }
        after.memberships.erase(
            std::remove_if(after.memberships.begin(), after.memberships.end(),
                           [&](const LocalMembership& m) { return after.users.at(m.user).username == u"alice.a"_s; }),
            after.memberships.end());
        const ChangeSet reactivating = planWith(kc, after);
        const Change& back = find(reactivating, Object::User, u"alice.a"_s);
        QCOMPARE(back.action, Action::Reactivate);
        QCOMPARE(field(back, u"access"_s).after, u"alice's"_s);
        QCOMPARE(reactivating.count(Object::Membership, Action::Add), 2);

        // Gone from Keycloak with the cleanup disabling: the same.
        DirectorySnapshot gone = kc;
        gone.users.removeFirst();
        gone.memberships = {Membership{0, 0}}; // bob, now first, in Engineering
        SyncOptions disable;
        disable.cleanup = SyncOptions::Cleanup::Disable;
        disable.deletionLimitPercent = 100;
        const ChangeSet cleaning = planWith(gone, synced, disable);
        QCOMPARE(field(find(cleaning, Object::User, u"alice.a"_s), u"access"_s).before, u"alice's"_s);
        QCOMPARE(cleaning.count(Object::Membership, Action::Remove), 2);
    }

    void emailCaseChangeIsAModify()
    {
        DirectorySnapshot before = realm();
        before.users[1].email = u"Bob@Example.com"_s;
        const DirectoryState synced = applied(planFor(before, {}), {});
        const ChangeSet plan = planFor(realm(), synced);
        const Change& bob = find(plan, Object::User, u"bob.b"_s);
        QCOMPARE(bob.action, Action::Modify);
        QCOMPARE(field(bob, u"email"_s).before, u"Bob@Example.com"_s);
        QCOMPARE(field(bob, u"email"_s).after, u"bob@example.com"_s);
    }

    void disabledInKeycloakIsDisabledAndComesBack()
    {
        const DirectoryState synced = applied(planFor(realm(), {}), {});
        DirectorySnapshot disabled = realm();
        disabled.users[1].enabled = false;
        const ChangeSet plan = planFor(disabled, synced);
        QCOMPARE(find(plan, Object::User, u"bob.b"_s).action, Action::Disable);
        QCOMPARE(find(plan, Object::User, u"bob.b"_s).reason, u"disabled in Keycloak"_s);
        const ChangeSet back = planFor(realm(), applied(plan, synced));
        QCOMPARE(find(back, Object::User, u"bob.b"_s).action, Action::Reactivate);
    }

    void goneFromKeycloakFollowsTheCleanupMode_data()
    {
        QTest::addColumn<SyncOptions::Cleanup>("cleanup");
        QTest::addColumn<Change::Action>("action");
        QTest::newRow("disable") << SyncOptions::Cleanup::Disable << Action::Disable;
        QTest::newRow("delete") << SyncOptions::Cleanup::Delete << Action::Delete;
        QTest::newRow("anonymize") << SyncOptions::Cleanup::Anonymize << Action::Anonymize;
        QTest::newRow("keep") << SyncOptions::Cleanup::Keep << Action::Unchanged;
    }

    void goneFromKeycloakFollowsTheCleanupMode()
    {
        QFETCH(SyncOptions::Cleanup, cleanup);
        QFETCH(Change::Action, action);
        SyncOptions options;
        options.cleanup = cleanup;
        options.deletionLimitPercent = 100;
        const DirectoryState synced = applied(planFor(realm(), {}, options), {});
        DirectorySnapshot withoutBob = realm();
        withoutBob.users.removeLast();
        withoutBob.memberships = {Membership{0, 0}, Membership{0, 1}};
        const ChangeSet plan = planFor(withoutBob, synced, options);
        const QString bobId = localIdOf(synced, u"bob.b"_s);
        const auto bob = std::find_if(plan.changes.cbegin(), plan.changes.cend(), [&bobId](const Change& c) {
            return c.object == Object::User && c.localId == bobId;
        });
        QVERIFY(bob != plan.changes.cend());
        QCOMPARE(bob->action, action);
        // Only a deleted user loses memberships; a disabled or kept one keeps them.
        QCOMPARE(plan.count(Object::Membership, Action::Remove), cleanup == SyncOptions::Cleanup::Delete ? 1 : 0);
        // Applied, the plan leaves nothing to do.
        const DirectoryState after = applied(plan, synced);
        QCOMPARE(after.users.size(), cleanup == SyncOptions::Cleanup::Delete ? 1 : 2);
        QCOMPARE(after.memberships.size(), cleanup == SyncOptions::Cleanup::Delete ? 2 : 3);
        QVERIFY(!planFor(withoutBob, after, options).hasChanges());
        if (action == Action::Anonymize) {
            QVERIFY(field(*bob, u"username"_s).after.startsWith(u"anonymized-"_s));
            QCOMPARE(field(*bob, u"email"_s).after, QString());
        }
    }

    void emptySnapshotAgainstAFullDirectoryTripsTheGuard()
    {
        const DirectoryState synced = applied(planFor(realm(), {}), {});
        const ChangeSet plan = planFor(DirectorySnapshot{}, synced);
        QCOMPARE(plan.removals(), 2);
        QVERIFY(plan.deletionGuardTripped);
        QVERIFY2(plan.deletionGuardReason.contains(u"2 of the 2 users"_s), qPrintable(plan.deletionGuardReason));
    }

    void guardCountsAgainstTheCountLimitToo()
    {
        SyncOptions options;
        options.deletionLimitCount = 0;
        options.deletionLimitPercent = 100;
        const DirectoryState synced = applied(planFor(realm(), {}, options), {});
        DirectorySnapshot withoutBob = realm();
        withoutBob.users.removeLast();
        withoutBob.memberships = {};
        QVERIFY(planFor(withoutBob, synced, options).deletionGuardTripped);
        options.deletionLimitCount = 1;
        QVERIFY(!planFor(withoutBob, synced, options).deletionGuardTripped);
    }

    void existingUsersAreLinkedKeepingTheirId()
    {
        DirectoryState state;
        state.users = {localUser(u"L-1"_s, u"ALICE.A"_s),
                       localUser(u"L-2"_s, u"robert"_s, {}, {}, u"bob@example.com"_s)};
        const ChangeSet byName = planFor(realm(), state);
        const Change& alice = find(byName, Object::User, u"alice.a"_s);
        QCOMPARE(alice.action, Action::Link);
        QCOMPARE(alice.localId, u"L-1"_s);
        QCOMPARE(field(alice, u"origin"_s).after, connector);
        QCOMPARE(find(byName, Object::User, u"bob.b"_s).action, Action::Add); // email matching is off

        SyncOptions options;
        options.matchByEmail = true;
        const ChangeSet byEmail = planFor(realm(), state, options);
        const Change& bob = find(byEmail, Object::User, u"bob.b"_s);
        QCOMPARE(bob.action, Action::Link);
        QCOMPARE(bob.localId, u"L-2"_s);
        QCOMPARE(field(bob, u"username"_s).before, u"robert"_s);
    }

    void usersOfOtherConnectorsAreNeverTouched()
    {
        DirectoryState state;
        state.users = {localUser(u"L-1"_s, u"alice.a"_s, u"other"_s, u"x-1"_s)};
        const ChangeSet plan = planFor(realm(), state);
        const Change& alice = find(plan, Object::User, u"alice.a"_s);
        QCOMPARE(alice.action, Action::Skip);
        QVERIFY(alice.reason.contains(u"another connector"_s));
        QCOMPARE(plan.removals(), 0);
    }

    void groupsThatMapToOneNameAreAConflict()
    {
        DirectorySnapshot snapshot = realm();
        snapshot.groups.append(Group{u"g-sales"_s, u"Sales"_s, u"/Sales"_s, {}});
        snapshot.groups.append(Group{u"g-team1"_s, u"Team A"_s, u"/Engineering/Team A"_s, u"g-eng"_s});
        snapshot.groups.append(Group{u"g-team2"_s, u"team a"_s, u"/Sales/Team A"_s, u"g-sales"_s});
        snapshot.memberships.append(Membership{1, 3});
        snapshot.memberships.append(Membership{1, 4});
        const ChangeSet plan = planFor(snapshot, {});
        QCOMPARE(plan.count(Object::Group, Action::Skip), 2);
        QVERIFY(find(plan, Object::Group, u"Team A"_s).reason.contains(u"/Sales/Team A"_s));
        // Bob's memberships of the two conflicting groups are not synced; his Engineering one is.
        // They are reported as skipped, naming the group's path, rather than silently left out.
        QCOMPARE(plan.count(Object::Membership, Action::Add), 3);
        QCOMPARE(plan.count(Object::Membership, Action::Skip), 2);
        for (const MembershipChange& membership : plan.memberships) {
            const Change change = plan.toChange(membership);
            const bool teamA = change.key.contains(u"Team A"_s, Qt::CaseInsensitive);
            QCOMPARE(membership.action == Action::Skip, teamA);
            QVERIFY2(!teamA || membership.reason.contains(u"/Team A is not synced"_s), qPrintable(membership.reason));
        }
        QCOMPARE(find(plan, Object::Group, u"Team A"_s).path, u"/Engineering/Team A"_s);
        SyncOptions byPath;
        byPath.groupNaming = SyncOptions::GroupNaming::FullPath;
        QCOMPARE(planFor(snapshot, {}, byPath).count(Object::Group, Action::Add), 5);
    }

    void groupMappingCanRenameAndDrop()
    {
        SyncOptions options;
        options.groupNaming = SyncOptions::GroupNaming::Replace;
        options.groupPattern = u"^Eng(.*)$"_s;
        options.groupReplacement = u"dev\\1"_s;
        options.dropUnmatchedGroups = true;
        const ChangeSet plan = planFor(realm(), {}, options);
        QCOMPARE(plan.count(Object::Group, Action::Add), 1);
        QCOMPARE(find(plan, Object::Group, u"devineering"_s).action, Action::Add);
        QCOMPARE(plan.count(Object::Membership, Action::Add), 2); // Platform is dropped
    }

    void ancestorsCountWhenAsked()
    {
        DirectorySnapshot snapshot = realm();
        snapshot.memberships = {Membership{1, 1}}; // bob directly in Platform only
        QCOMPARE(planFor(snapshot, {}).count(Object::Membership, Action::Add), 1);
        SyncOptions options;
        options.includeAncestorGroups = true;
        QCOMPARE(planFor(snapshot, {}, options).count(Object::Membership, Action::Add), 2);
    }

    void requiredGroupsFilterUsersThroughSubgroups()
    {
        SyncOptions options;
        options.requiredGroups = {u"Engin*"_s};
        DirectorySnapshot snapshot = realm();
        snapshot.users.append(kcUser(u"k-carol"_s, u"carol.c"_s));
        snapshot.memberships = {Membership{0, 1}}; // only alice, through the subgroup Platform
        const ChangeSet plan = planFor(snapshot, {}, options);
        QCOMPARE(plan.count(Object::User, Action::Add), 1);
        QCOMPARE(find(plan, Object::User, u"alice.a"_s).action, Action::Add);

        // A user we own who leaves the required groups is cleaned up like one gone from Keycloak.
        options.deletionLimitPercent = 100;
        const DirectoryState synced = applied(planFor(realm(), {}, options), {});
        const ChangeSet later = planFor(snapshot, synced, options);
        const Change& bob = find(later, Object::User, u"bob.b"_s);
        QCOMPARE(bob.action, Action::Disable);
        QCOMPARE(bob.reason, u"not in the required groups"_s);
    }

    void membershipsFollowKeycloakButHandMadeOnesStay()
    {
        DirectoryState synced = applied(planFor(realm(), {}), {});
        const QString bobId = localIdOf(synced, u"bob.b"_s);
        const QString platformId = groupIdOf(synced, u"Platform"_s);
        synced.memberships.append(
            LocalMembership{indexOf(synced.users, bobId), indexOf(synced.groups, platformId), {}}); // made by hand
        DirectorySnapshot snapshot = realm();
        snapshot.memberships = {Membership{0, 0}, Membership{1, 0}}; // alice left Platform
        const ChangeSet plan = planFor(snapshot, synced);
        QCOMPARE(plan.count(Object::Membership, Action::Remove), 1);
        QCOMPARE(find(plan, Object::Membership, u"alice.a → Platform"_s).action, Action::Remove);
    }

    void userWithoutUsernameAfterMappingIsSkipped()
    {
        SyncOptions options;
        options.usernameSource = u"attr:uid"_s;
        const ChangeSet plan = planFor(realm(), {}, options);
        QCOMPARE(plan.count(Object::User, Action::Skip), 2);
        QVERIFY(plan.changes.first().reason.contains(u"no username"_s));
    }

    void displayNameTemplateWithFallback()
    {
        SyncOptions options;
        options.displayNameTemplate = u"{lastName}, {firstName} ({attr:department|email})"_s;
        DirectorySnapshot snapshot = realm();
        snapshot.users[0].attributes.insert(u"department"_s, {u"R&D"_s});
        const ChangeSet plan = planFor(snapshot, {}, options);
        QCOMPARE(field(find(plan, Object::User, u"alice.a"_s), u"displayName"_s).after, u"a, alice (R&D)"_s);
        QCOMPARE(field(find(plan, Object::User, u"bob.b"_s), u"displayName"_s).after, u"b, bob (bob@example.com)"_s);
    }

    void twoKeycloakUsersWithOneUsernameAreSkipped()
    {
        DirectorySnapshot snapshot = realm();
        snapshot.users[1].username = u"ALICE.A"_s;
        const ChangeSet plan = planFor(snapshot, {});
        QCOMPARE(plan.count(Object::User, Action::Skip), 2);
        QCOMPARE(plan.count(Object::User, Action::Add), 0);
    }

private:
    static ChangeSet planFor(const DirectorySnapshot& snapshot, const DirectoryState& state,
                             const SyncOptions& options = {})
    {
        int next = 0;
        return Planner::plan(snapshot, state, connector, options, [&next] { return u"new-%1"_s.arg(++next); });
    }

    // The directory after `plan` (the parts these tests look at), without a database.
    static DirectoryState applied(const ChangeSet& plan, DirectoryState state)
    {
        // In the order the directory applies a plan: users and groups saved, memberships, deletions.
        QList<Change> ordered;
        for (const bool deletions : {false, true}) {
            for (qsizetype i = 0; i < plan.changes.size(); ++i) {
                if ((plan.changes.at(i).action == Action::Delete) == deletions) {
                    ordered.append(plan.changes.at(i));
                }
            }
            if (!deletions) {
                for (qsizetype i = plan.changes.size(); i < plan.size(); ++i) {
                    ordered.append(plan.at(i));
                }
            }
        }
        for (const Change& change : std::as_const(ordered)) {
            const auto value = [&change](const QString& name, const QString& fallback) {
                for (const FieldChange& f : change.fields) {
                    if (f.field == name) {
                        return f.after;
                    }
                }
                return fallback;
            };
            if (change.object == Object::User) {
                auto it = std::find_if(state.users.begin(), state.users.end(),
                                       [&change](const LocalUser& u) { return u.id == change.localId; });
                if (change.action == Action::Delete) {
                    if (it == state.users.end()) {
                        qFatal("no user %s to delete", qPrintable(change.localId));
                    }
                    // Memberships refer to users by place: the user's go, later users move up one.
                    const qint32 gone = qint32(it - state.users.begin());
                    state.users.erase(it);
                    state.memberships.removeIf([gone](const LocalMembership& m) { return m.user == gone; });
                    for (LocalMembership& m : state.memberships) {
                        m.user -= m.user > gone ? 1 : 0;
                    }
                    continue;
                }
                if (it == state.users.end()) {
                    state.users.append(localUser(change.localId, {}, connector, change.externalId));
                    it = state.users.end() - 1;
                }
                it->username = value(u"username"_s, it->username);
                it->email = value(u"email"_s, it->email);
                it->firstName = value(u"firstName"_s, it->firstName);
                it->lastName = value(u"lastName"_s, it->lastName);
                it->displayName = value(u"displayName"_s, it->displayName);
                it->active = value(u"active"_s, it->active ? u"true"_s : u"false"_s) == u"true"_s;
                it->originConnector = value(u"origin"_s, it->originConnector);
                it->externalId = value(u"externalId"_s, it->externalId);
            } else if (change.object == Object::Group && change.action == Action::Add) {
                state.groups.append(LocalGroup{change.localId, value(u"name"_s, {}), value(u"path"_s, {}), connector,
                                               change.externalId, 0, 0});
            } else if (change.object == Object::Membership && change.action == Action::Add) {
                state.memberships.append(LocalMembership{indexOf(state.users, change.localId),
                                                         indexOf(state.groups, change.groupLocalId), connector});
            } else if (change.object == Object::Membership && change.action == Action::Remove) {
                const qint32 user = indexOf(state.users, change.localId);
                const qint32 group = indexOf(state.groups, change.groupLocalId);
                state.memberships.removeIf(
                    [user, group](const LocalMembership& m) { return m.user == user && m.group == group; });
            }
        }
        return state;
    }

    // The place of the user or group with `id` in the state's list.
    template <typename Row>
    static qint32 indexOf(const QList<Row>& rows, const QString& id)
    {
        const auto it = std::find_if(rows.cbegin(), rows.cend(), [&id](const Row& row) { return row.id == id; });
        if (it == rows.cend()) {
            qFatal("no row %s", qPrintable(id));
        }
        return qint32(it - rows.cbegin());
    }

    static Change find(const ChangeSet& plan, Object object, const QString& key)
    {
        for (qsizetype i = 0; i < plan.size(); ++i) {
            const Change change = plan.at(i);
            if (change.object == object && nameKey(change.key) == nameKey(key)) {
                return change;
            }
        }
        qFatal("no change for %s", qPrintable(key));
    }

    static FieldChange field(const Change& change, const QString& name)
    {
        for (const FieldChange& f : change.fields) {
            if (f.field == name) {
                return f;
            }
        }
        return {};
    }

    static QString localIdOf(const DirectoryState& state, const QString& username)
    {
        for (const LocalUser& user : state.users) {
            if (user.username == username) {
                return user.id;
            }
        }
        return {};
    }

    static QString groupIdOf(const DirectoryState& state, const QString& name)
    {
        for (const LocalGroup& group : state.groups) {
            if (group.name == name) {
                return group.id;
            }
        }
        return {};
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"

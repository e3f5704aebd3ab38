#include "JobRunner.h"
#include "KeycloakAdmin.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"
#include "sync/Rollback.h"
#include "sync/RollbackJob.h"
#include "sync/SyncJob.h"
#include "sync/SyncLock.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

// The whole workflow against the real test Keycloak, on SQLite and on PostgreSQL: simulate,
// full sync, migration of existing users, changes made in Keycloak, and the next sync.
class TestSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_POSTGRES(postgres);
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        QVERIFY2(m_admin.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD").constData());
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        QVERIFY(m_temporary.isValid());
        TestEnvironment::isolateUserFolders();
        m_url = url;
        m_postgres = *postgres;
    }

    void init()
    {
        QFETCH_GLOBAL(bool, postgres);
        // A realm of this test's own, so that changing it disturbs no other test.
        m_realmName =
            u"usersync-sync-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(postgres ? u"pg"_s : u"sqlite"_s);
        QVERIFY(m_admin.importFixtureRealm(m_realmName));
        m_location = postgres ? m_postgres.location
                              : DirectoryLocation::sqlite(m_temporary.filePath(m_realmName + u".sqlite"_s));
        if (postgres) {
            QVERIFY(SecretStore().writeNow(DirectoryAccess::passwordKey(m_location), m_postgres.password).ok());
        }
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        QVERIFY2(connection, qPrintable(error));
        QVERIFY(TestEnvironment::emptyDirectory(connection->database()));
    }

    void cleanup() { m_admin.deleteRealm(m_realmName); }

    void wholeWorkflow()
    {
        // Before the first sync, the application already has Alice (made by hand, with history)
        // and a group of its own that she is in.
        QString error;
        {
            auto connection = DirectoryAccess::open(m_location, &error);
            DirectoryStore store(connection->database());
            LocalUser alice;
            alice.id = u"hand-made-alice"_s;
            alice.username = u"Alice.Andersen"_s;
            alice.displayName = u"Alice (old)"_s;
            alice.createdAt = 1234567;
            alice.updatedAt = 1234567;
            QVERIFY(store.addLocalUser(alice, &error));
            QVERIFY(store.addLocalGroup(LocalGroup{u"local-group"_s, u"Local Only"_s, {}, {}, {}, 1, 1}, &error));
            QVERIFY(store.addLocalMembership(alice.id, u"local-group"_s, &error));
        }
        const QByteArray before = fingerprint();

        // Simulate: everything is reported, nothing but the run record is written.
        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        QCOMPARE(simulated.status, SyncResult::Status::Succeeded);
        QCOMPARE(fingerprint(), before);
        QCOMPARE(simulated.plan->count(Object::User, Action::Link), 1);
        QCOMPARE(simulated.plan->count(Object::User, Action::Add), m_realm.users().size() - 1);
        // The realm has two groups named "Team A" (under Engineering and Sales): with groups named
        // as in Keycloak they collide, and are reported and left out rather than merged.
        QCOMPARE(simulated.plan->count(Object::Group, Action::Add), m_realm.groupPaths().size() - 2);
        QCOMPARE(simulated.plan->count(Object::Group, Action::Skip), 2);
        QSet<QPair<QString, QString>> realmMemberships = m_realm.memberships();
        const qsizetype teamAMembers = realmMemberships.size();
        realmMemberships.removeIf([](const QPair<QString, QString>& m) { return m.second.endsWith(u"/Team A"_s); });
        QCOMPARE(simulated.plan->count(Object::Membership, Action::Add), realmMemberships.size());
        // The memberships the skipped groups take with them are reported too, naming the group's path.
        QCOMPARE(simulated.plan->count(Object::Membership, Action::Skip), teamAMembers - realmMemberships.size());
        QSet<QString> skippedPaths;
        for (const Change& change : simulated.plan->changes) {
            if (change.object == Object::Group && change.action == Action::Skip) {
                skippedPaths.insert(change.path);
            }
        }
        QCOMPARE(skippedPaths, (QSet<QString>{u"/Engineering/Team A"_s, u"/Sales/Team A"_s}));
        for (const MembershipChange& membership : simulated.plan->memberships) {
            if (membership.action == Action::Skip) {
                QVERIFY2(membership.reason.contains(u"/Team A"_s), qPrintable(membership.reason));
            }
        }
        QCOMPARE(runCount(), 1);

        // Full: the directory now holds the realm; Alice kept her id, creation date and own group.
        const SyncResult full = sync(SyncRequest::Mode::Full);
        QVERIFY2(full.status == SyncResult::Status::Succeeded, qPrintable(full.message));
        const DirectoryState synced = state();
        QCOMPARE(synced.users.size(), m_realm.users().size());
        const LocalUser alice = userNamed(synced, u"alice.andersen"_s);
        QCOMPARE(alice.id, u"hand-made-alice"_s);
        QCOMPARE(alice.createdAt, 1234567);
        QCOMPARE(alice.displayName, u"Alice Andersen"_s);
        QSet<QPair<QString, QString>> expectedMemberships = realmMemberships;
        expectedMemberships.insert({u"alice.andersen"_s, u"Local Only"_s});
        QCOMPARE(memberships(synced), expectedMemberships);

        // Nothing changed in Keycloak: nothing to do.
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());

        // An administrator changes the realm.
        const QString realm = u"/"_s + m_realmName;
        QCOMPARE(m_admin.updateUser(m_realmName, u"bob.baker"_s, {{u"username"_s, u"robert.baker"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"enabled"_s, false}}), 204);
        QCOMPARE(m_admin.send("DELETE", realm + u"/users/"_s + m_admin.userId(m_realmName, u"frank.fischer"_s)).status,
                 204);
        QCOMPARE(m_admin
                     .send("DELETE",
                           realm + u"/users/"_s + m_admin.userId(m_realmName, u"grace.green"_s) + u"/groups/"_s
                               + m_admin.groupId(m_realmName, u"/Sales/EMEA"_s))
                     .status,
                 204);
        QCOMPARE(m_admin
                     .send("POST",
                           realm + u"/groups/"_s
                               + m_admin.groupId(m_realmName, u"/Engineering/Platform/Backend/Databases"_s)
                               + u"/children"_s,
                           {{u"name"_s, u"Replicas"_s}})
                     .status,
                 201);
        QCOMPARE(m_admin.updateUser(m_realmName, u"zoe.odegard"_s, {{u"email"_s, u"zoe@example.org"_s}}), 204);

        // The next simulation reports exactly those changes and nothing else.
        const SyncResult next = sync(SyncRequest::Mode::Simulate);
        QCOMPARE(next.status, SyncResult::Status::Succeeded);
        QSet<QString> reported;
        for (qsizetype i = 0; i < next.plan->size(); ++i) {
            const Change change = next.plan->at(i);
            if (change.action != Action::Unchanged) {
                reported.insert(Change::objectName(change.object) + u' ' + Change::actionName(change.action) + u' '
                                + change.key);
            }
        }
        const QSet<QString> expected = {
            u"user modify robert.baker"_s,
            u"user disable carol.chen"_s,
            u"user disable frank.fischer"_s,
            u"user modify zoe.odegard"_s,
            u"group add Replicas"_s,
            u"membership remove grace.green → EMEA"_s,
            u"group skip Team A"_s, // the standing name conflict, reported on every run
            // and the memberships it leaves out
            u"membership skip robert.baker → Team A"_s,
            u"membership skip grace.green → Team A"_s,
        };
        QCOMPARE(reported, expected);

        const SyncResult applied = sync(SyncRequest::Mode::Full);
        QVERIFY2(applied.status == SyncResult::Status::Succeeded, qPrintable(applied.message));
        const DirectoryState after = state();
        QCOMPARE(userNamed(after, u"robert.baker"_s).id, userNamed(synced, u"bob.baker"_s).id);
        QVERIFY(!userNamed(after, u"carol.chen"_s).active);
        QVERIFY(!userNamed(after, u"frank.fischer"_s).active);
        QCOMPARE(userNamed(after, u"zoe.odegard"_s).email, u"zoe@example.org"_s);
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    void rollbackRestoresTheStateBeforeTheRun()
    {
        m_config.sync.cleanup = SyncOptions::Cleanup::Delete;
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        const DirectoryState before = state();

        QCOMPARE(m_admin.updateUser(m_realmName, u"bob.baker"_s, {{u"username"_s, u"robert.baker"_s}}), 204);
        QCOMPARE(
            m_admin.send("DELETE", u"/%1/users/%2"_s.arg(m_realmName, m_admin.userId(m_realmName, u"frank.fischer"_s)))
                .status,
            204);
        const SyncResult changed = sync(SyncRequest::Mode::Full);
        m_config.sync.cleanup = SyncOptions::Cleanup::Disable;
        QVERIFY2(changed.status == SyncResult::Status::Succeeded, qPrintable(changed.message));
        QVERIFY(state().fingerprint != before.fingerprint);

        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        DirectoryStore store(connection->database());
        const auto recorded = store.changes(changed.run.id, &error);
        QVERIFY2(recorded, qPrintable(error));
        const ChangeSet undo =
            Rollback::plan(changed.run, *recorded, *store.load(&error), m_config.sync, Rollback::Added::Delete);
        QCOMPARE(undo.count(Object::User, Action::Add), 1); // Frank comes back...
        QCOMPARE(undo.count(Object::User, Action::Skip), 0);
        RunRecord record = changed.run;
        record.id = u"rollback-%1"_s.arg(m_realmName);
        record.mode = u"rollback"_s;
        record.rollbackOf = changed.run.id;
        QVERIFY2(store.apply(undo, record, &error), qPrintable(error));

        // ...with his id, creation date and memberships, and Bob has his old name again.
        const DirectoryState after = *store.load(&error);
        QCOMPARE(after.fingerprint, before.fingerprint);
        QCOMPARE(userNamed(after, u"frank.fischer"_s).createdAt, userNamed(before, u"frank.fischer"_s).createdAt);
        QCOMPARE(userNamed(after, u"bob.baker"_s).id, userNamed(before, u"bob.baker"_s).id);

        // Rolling back the same run again finds nothing it can still revert.
        const ChangeSet again = Rollback::plan(changed.run, *recorded, after, m_config.sync, Rollback::Added::Delete);
        QVERIFY(!again.hasChanges());
    }

    // Rolling back a first sync undoes what it added: past the deletion limit only when allowed,
    // and its users disabled as the connector's cleanup says, not deleted, unless asked.
    void rollbackOfAFirstSyncIsGuardedAndDisablesByDefault()
    {
        QString error;
        {
            auto connection = DirectoryAccess::open(m_location, &error);
            ConnectorConfig stored = connectorConfig();
            stored.id.clear();
            QVERIFY2(ConnectorStore(connection->database()).add(stored, &error), qPrintable(error));
            m_config.id = stored.id; // the rollback reads the connector's rules from the directory
        }
        const SyncResult first = sync(SyncRequest::Mode::Full);
        QVERIFY2(first.status == SyncResult::Status::Succeeded, qPrintable(first.message));
        const DirectoryState synced = state();
        const qsizetype added =
            std::count_if(first.plan->changes.cbegin(), first.plan->changes.cend(), [](const Change& change) {
                return change.object == Object::User && change.action == Action::Add
                    && change.fields.contains(FieldChange{u"active"_s, {}, u"true"_s});
            });
        QVERIFY(added > 1);

        const RollbackResult preview = rollback(first.run.id, true, {});
        QCOMPARE(preview.status, RollbackResult::Status::Succeeded);
        QCOMPARE(preview.added, Rollback::Added::Disable);
        QCOMPARE(preview.plan->count(Object::User, Action::Disable), added);
        QCOMPARE(preview.plan->count(Object::User, Action::Delete), 0);
        QVERIFY(preview.plan->deletionGuardTripped); // every user of a small realm: past 10 %
        QVERIFY2(preview.plan->deletionGuardReason.contains(u"rollback"_s),
                 qPrintable(preview.plan->deletionGuardReason));

        // Not allowed: refused, recorded as refused, and nothing changed.
        RollbackRequest request = rollbackRequest(first.run.id, false, preview.plan);
        const RollbackResult refused = rollback(request);
        QCOMPARE(refused.status, RollbackResult::Status::Refused);
        QVERIFY2(refused.message.contains(u"deletion limit"_s), qPrintable(refused.message));
        QCOMPARE(refused.record.status, u"refused"_s);
        QCOMPARE(state().fingerprint, synced.fingerprint);

        // Allowed once: the users stay, disabled, with their ids; groups and memberships go.
        request.allowDeletions = true;
        const RollbackResult applied = rollback(request);
        QVERIFY2(applied.status == RollbackResult::Status::Succeeded, qPrintable(applied.message));
        const DirectoryState after = state();
        QCOMPARE(after.users.size(), synced.users.size());
        QVERIFY(std::none_of(after.users.cbegin(), after.users.cend(), [](const LocalUser& u) { return u.active; }));
        QCOMPARE(after.memberships.size(), 0);
    }

    // Chosen instead of disabling: the users the run added are deleted, but only if the directory
    // is still the one the preview was made against.
    void rollbackMayDeleteWhatTheRunAdded()
    {
        const SyncResult first = sync(SyncRequest::Mode::Full);
        QVERIFY2(first.status == SyncResult::Status::Succeeded, qPrintable(first.message));
        const RollbackResult preview = rollback(first.run.id, true, {});
        QCOMPARE(preview.added, Rollback::Added::Disable); // no connector stored: the default rule

        RollbackRequest request = rollbackRequest(first.run.id, false, nullptr);
        request.added = Rollback::Added::Delete;
        request.allowDeletions = true;
        request.reviewedFingerprint = u"not the directory's"_s.toUtf8();
        const RollbackResult stale = rollback(request);
        QCOMPARE(stale.status, RollbackResult::Status::Refused);
        QVERIFY2(stale.message.contains(u"Preview the rollback again"_s), qPrintable(stale.message));
        QVERIFY(!state().users.isEmpty());

        request.reviewedFingerprint = preview.plan->directoryFingerprint;
        const RollbackResult applied = rollback(request);
        QVERIFY2(applied.status == RollbackResult::Status::Succeeded, qPrintable(applied.message));
        QCOMPARE(applied.plan->count(Object::User, Action::Delete), first.plan->count(Object::User, Action::Add));
        QVERIFY(state().users.isEmpty());
    }

    void reviewedPlanIsAppliedOnlyToTheDirectoryItWasMadeFor()
    {
        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        QVERIFY(simulated.plan);
        {
            QString error;
            auto connection = DirectoryAccess::open(m_location, &error);
            LocalUser other;
            other.id = u"meanwhile"_s;
            other.username = u"added.meanwhile"_s;
            QVERIFY(DirectoryStore(connection->database()).addLocalUser(other, &error));
        }
        SyncRequest request;
        request.mode = SyncRequest::Mode::Full;
        request.reviewedPlan = simulated.plan;
        const SyncResult stale = run(request);
        QCOMPARE(stale.status, SyncResult::Status::Refused);
        QVERIFY2(stale.message.contains(u"Run a new simulation"_s), qPrintable(stale.message));
        QCOMPARE(state().users.size(), 1);
    }

    void deletionGuardStopsAFullSyncUnlessAllowed()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        // Every user disappears from the connector's view: a wrong realm, say.
        m_config.sync.requiredGroups = {u"/No Such Group"_s};
        const SyncResult refused = sync(SyncRequest::Mode::Full);
        m_config.sync.requiredGroups.clear();
        QCOMPARE(refused.status, SyncResult::Status::Refused);
        QVERIFY2(refused.message.contains(u"deletion limit"_s), qPrintable(refused.message));
        QCOMPARE(refused.run.status, u"refused"_s);
        for (const LocalUser& user : state().users) {
            QVERIFY(user.active || user.username == u"dave.disabled"_s);
        }
    }

    void secondSyncOfTheSameConnectorIsRefused()
    {
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        auto held = SyncLock::acquire(m_location, connection->database(), connectorConfig().id, u"Test"_s, &error);
        QVERIFY2(held, qPrintable(error));
        const SyncResult second = sync(SyncRequest::Mode::Simulate);
        QCOMPARE(second.status, SyncResult::Status::Refused);
        QVERIFY2(second.message.contains(u"Another sync"_s), qPrintable(second.message));
        held.reset();
        QCOMPARE(sync(SyncRequest::Mode::Simulate).status, SyncResult::Status::Succeeded);
    }

private:
    ConnectorConfig connectorConfig()
    {
        if (m_config.id.isEmpty()) {
            m_config.id = u"e2e-connector"_s;
            m_config.name = u"End to end"_s;
        }
        m_config.keycloak.baseUrl = m_url;
        m_config.keycloak.realm = m_realmName;
        m_config.keycloak.clientId = u"usersync-sync"_s;
        return m_config;
    }

    SyncResult run(const SyncRequest& request)
    {
        SyncJob job(m_location, connectorConfig(), m_realm.clientSecret(u"usersync-sync"_s), request);
        const QList<QVariant> arguments = runJob(job);
        return arguments.isEmpty() ? SyncResult{} : arguments.first().value<SyncResult>();
    }

    RollbackResult rollback(const RollbackRequest& request)
    {
        RollbackJob job(m_location, request);
        const QList<QVariant> arguments = runJob(job);
        return arguments.isEmpty() ? RollbackResult{} : arguments.first().value<RollbackResult>();
    }

    static RollbackRequest rollbackRequest(const QString& runId, bool simulate,
                                           std::shared_ptr<const ChangeSet> reviewed)
    {
        RollbackRequest request;
        request.runId = runId;
        request.simulate = simulate;
        request.trigger = u"cli"_s;
        request.reviewedPlan = std::move(reviewed);
        return request;
    }

    RollbackResult rollback(const QString& runId, bool simulate, std::shared_ptr<const ChangeSet> reviewed)
    {
        return rollback(rollbackRequest(runId, simulate, std::move(reviewed)));
    }

    SyncResult sync(SyncRequest::Mode mode)
    {
        SyncRequest request;
        request.mode = mode;
        request.trigger = u"cli"_s;
        return run(request);
    }

    DirectoryState state()
    {
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        return connection ? DirectoryStore(connection->database()).load(&error).value_or(DirectoryState{})
                          : DirectoryState{};
    }

    QByteArray fingerprint() { return state().fingerprint; }

    int runCount()
    {
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        return int(DirectoryStore(connection->database()).runs({}, 1000, &error)->size());
    }

    static LocalUser userNamed(const DirectoryState& state, const QString& username)
    {
        for (const LocalUser& user : state.users) {
            if (user.username.compare(username, Qt::CaseInsensitive) == 0) {
                return user;
            }
        }
        return {};
    }

    static QSet<QPair<QString, QString>> memberships(const DirectoryState& state)
    {
        QSet<QPair<QString, QString>> pairs;
        for (const LocalMembership& membership : state.memberships) {
            const LocalGroup& group = state.groups.at(membership.group);
            pairs.insert({state.users.at(membership.user).username, group.path.isEmpty() ? group.name : group.path});
        }
        return pairs;
    }

    KeycloakAdmin m_admin;
    TestRealm m_realm;
    QTemporaryDir m_temporary;
    QString m_url;
    QString m_realmName;
    TestEnvironment::PostgresService m_postgres{DirectoryLocation::sqlite({}), {}};
    DirectoryLocation m_location = DirectoryLocation::sqlite({});
    ConnectorConfig m_config;
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"

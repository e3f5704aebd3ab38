#include "JobRunner.h"
#include "KeycloakAdmin.h"
#include "ScimServer.h"
#include "TargetWorkflow.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"
#include "sync/MigrationPreviewJob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

// Synchronizing the real test Keycloak into the real SCIM server of the test services
// (scim2-server), through its harness, which records every request: the workflow of the product
// (simulate, apply the reviewed plan, migration, changes in Keycloak, deletion guard, rollback,
// completed with errors) and the rules of a good SCIM client, asserted on what was sent: a lookup
// before every create, a 409 or a lost answer resolved without a duplicate, members in PATCHes of
// at most 100 and removed only by a filtered path, If-Match with the version read and a 412 read
// again, the whole resource PUT back where the service has no PATCH.
class TestScimSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        QVERIFY2(m_scim.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_SCIM_URL").constData());
        QVERIFY2(m_admin.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD").constData());
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        QVERIFY(m_temporary.isValid());
        TestEnvironment::isolateUserFolders();
        m_url = url;
        m_location = DirectoryLocation::sqlite(m_temporary.filePath(u"scim.sqlite"_s));
    }

    void init()
    {
        QVERIFY(m_scim.reset());
        m_realmName = u"usersync-scim-%1"_s.arg(QCoreApplication::applicationPid());
        m_target = TargetConfig();
        m_target.name = u"SCIM"_s;
        m_target.type = TargetConfig::scimType;
        m_target.url = m_scim.url();
        m_target.http.retryDelayMs = 50;
        TargetWorkflow::start(m_admin, m_realmName, m_location, m_url, m_target, m_scim.token(), m_connector);
    }

    void cleanup()
    {
        m_scim.setFaults({});
        m_admin.deleteRealm(m_realmName);
    }

    void wholeWorkflow()
    {
        // Before the first sync the service has Alice (with a title no one else manages) and a
        // group of its own with her in it.
        const QString aliceId = addUser(u"Alice.Andersen"_s, u"alice@old.example.com"_s, u"Engineer"_s);
        QVERIFY(!m_scim.addGroup(u"scim-only"_s, {QJsonObject{{u"value"_s, aliceId}}}).isEmpty());

        // Simulate: reads, writes nothing.
        QVERIFY(m_scim.clearRequests());
        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        QVERIFY2(simulated.status == SyncResult::Status::Succeeded, qPrintable(simulated.message));
        for (const QJsonValue request : m_scim.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
        }
        const qsizetype people = m_realm.users().size();
        QCOMPARE(simulated.plan->count(Object::User, Action::Link), 1);
        QCOMPARE(simulated.plan->count(Object::User, Action::Add), people - 1);

        // Apply exactly the reviewed plan.
        QVERIFY(m_scim.clearRequests());
        const SyncResult applied = sync(SyncRequest::Mode::Full, simulated.plan);
        QVERIFY2(applied.status == SyncResult::Status::Succeeded, qPrintable(applied.message));
        QJsonObject scim = m_scim.state();
        QCOMPARE(scim[u"users"_s].toArray().size(), people);
        const QJsonObject alice = user(scim, u"alice.andersen"_s);
        QCOMPARE(alice[u"id"_s].toString(), aliceId); // the same account
        QCOMPARE(alice[u"externalId"_s].toString(), m_admin.userId(m_realmName, u"alice.andersen"_s));
        QCOMPARE(alice[u"emails"_s][0][u"value"_s].toString(), u"alice.andersen@example.com"_s);
        QCOMPARE(alice[u"title"_s].toString(), u"Engineer"_s); // not UserSync's: kept
        QVERIFY(groupsOf(scim, u"alice.andersen"_s).contains(u"scim-only"_s));
        QVERIFY(groupsOf(scim, u"alice.andersen"_s).contains(u"All Staff"_s));
        const QJsonObject bob = user(scim, u"bob.baker"_s);
        QCOMPARE(bob[u"externalId"_s].toString(), m_admin.userId(m_realmName, u"bob.baker"_s));
        QCOMPARE(bob[u"name"_s][u"givenName"_s].toString(), u"Bob"_s);
        QVERIFY(bob[u"active"_s].toBool(false));
        QVERIFY(!user(scim, u"dave.disabled"_s)[u"active"_s].toBool(true));
        QCOMPARE(memberships(scim),
                 simulated.plan->count(Object::Membership, Action::Add) + 1); // and Alice's own group

        // As sent: every user looked up (by externalId, then by userName) before it was created,
        // the creations together in Bulk requests (the service offers Bulk, at most 1,000
        // operations), every one answered 201, and members in PATCHes of at most 100.
        const QJsonArray sent = m_scim.requests();
        QSet<QString> lookedUp;
        int creates = 0;
        int bulks = 0;
        for (const QJsonValue request : sent) {
            const QString method = request[u"method"_s].toString();
            const QString path = request[u"path"_s].toString();
            if (method == u"GET"_s && path.endsWith(u"/Users"_s) && request[u"query"_s][u"filter"_s].isString()) {
                lookedUp.insert(request[u"query"_s][u"filter"_s].toString());
            }
            QVERIFY2(method != u"POST"_s || !path.endsWith(u"/Users"_s), "a creation sent alone");
            if (method != u"POST"_s || !path.endsWith(u"/Bulk"_s)) {
                continue;
            }
            ++bulks;
            QCOMPARE(request[u"status"_s].toInt(), 200);
            const QJsonArray operations = request[u"body"_s][u"Operations"_s].toArray();
            QVERIFY(!operations.isEmpty() && operations.size() <= 1000);
            for (const QJsonValue operation : operations) {
                QCOMPARE(operation[u"method"_s].toString(), u"POST"_s);
                QCOMPARE(operation[u"path"_s].toString(), u"/Users"_s);
                ++creates;
                const QString userName = operation[u"data"_s][u"userName"_s].toString();
                const QString externalId = operation[u"data"_s][u"externalId"_s].toString();
                QVERIFY(!externalId.isEmpty());
                QVERIFY2(lookedUp.contains(u"externalId eq \"%1\""_s.arg(externalId)), qPrintable(userName));
                QVERIFY2(lookedUp.contains(u"userName eq \"%1\""_s.arg(userName)), qPrintable(userName));
            }
        }
        QCOMPARE(creates, people - 1);
        QVERIFY(bulks >= 1);
        verifyMemberPatches(sent);

        // Nothing left to do.
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());

        // Changes in Keycloak: a rename, an e-mail address, a disabled user, a membership moved.
        QCOMPARE(m_admin.updateUser(m_realmName, u"bob.baker"_s, {{u"username"_s, u"robert.baker"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"email"_s, u"carol@new.example.com"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const QString grace = m_admin.userId(m_realmName, u"grace.green"_s);
        const QString staff = m_admin.groupId(m_realmName, u"/All Staff"_s);
        const QString support = m_admin.groupId(m_realmName, u"/Support"_s);
        QCOMPARE(m_admin.send("DELETE", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, grace, staff)).status, 204);
        QCOMPARE(m_admin.send("PUT", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, grace, support)).status, 204);
        QVERIFY(m_scim.clearRequests());
        const SyncResult second = sync(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        scim = m_scim.state();
        QCOMPARE(user(scim, u"robert.baker"_s)[u"id"_s], bob[u"id"_s]); // renamed, not made again
        QVERIFY(user(scim, u"bob.baker"_s).isEmpty());
        QCOMPARE(user(scim, u"carol.chen"_s)[u"emails"_s][0][u"value"_s].toString(), u"carol@new.example.com"_s);
        QVERIFY(!user(scim, u"frank.fischer"_s)[u"active"_s].toBool(true)); // deprovisioned, not deleted
        QVERIFY(groupsOf(scim, u"grace.green"_s).contains(u"Support"_s));
        QVERIFY(!groupsOf(scim, u"grace.green"_s).contains(u"All Staff"_s));
        QCOMPARE(scim[u"users"_s].toArray().size(), people);
        int removals = 0;
        for (const QJsonValue request : m_scim.requests()) {
            QVERIFY2(request[u"method"_s].toString() != u"DELETE"_s, qPrintable(request[u"path"_s].toString()));
            for (const QJsonValue operation : request[u"body"_s][u"Operations"_s].toArray()) {
                removals += operation[u"op"_s].toString() == u"remove"_s;
            }
        }
        QCOMPARE(removals, 1); // Grace from All Staff, by a filtered path (verifyMemberPatches)
        verifyMemberPatches(m_scim.requests());
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    void raceOnCreateIsResolvedByAdoption_data()
    {
        QTest::addColumn<bool>("bulk");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("status");
        // Another client's create won (409 after the server made it), or the answer to UserSync's
        // own create was lost (a 502 after the server made it): either way, no one twice. Users
        // created one by one (a service without Bulk), or in a Bulk request answered so.
        QTest::newRow("409 after another create") << false << u"conflict-after-create"_s << 409;
        QTest::newRow("answer lost") << false << u"apply-then-fail"_s << 502;
        QTest::newRow("Bulk, answer lost") << true << u"apply-then-fail"_s << 502;
    }

    void raceOnCreateIsResolvedByAdoption()
    {
        QFETCH(bool, bulk);
        QFETCH(QString, mode);
        QFETCH(int, status);
        if (!bulk) {
            QVERIFY(m_scim.reset({{u"bulk"_s, false}}));
        }
        QVERIFY(m_scim.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, bulk ? u"/Bulk$"_s : u"/Users$"_s},
                                              {u"status"_s, status},
                                              {u"count"_s, bulk ? 1 : 3},
                                              {u"mode"_s, mode}},
                                  QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, u"/Groups$"_s},
                                              {u"status"_s, status},
                                              {u"count"_s, 2},
                                              {u"mode"_s, mode}}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        int refusedCreates = 0;
        for (const QJsonValue request : m_scim.requests()) {
            refusedCreates += request[u"method"_s].toString() == u"POST"_s && request[u"status"_s].toInt() == status;
        }
        QCOMPARE(refusedCreates, bulk ? 3 : 5);
        const QJsonObject scim = m_scim.state();
        QSet<QString> names;
        for (const QJsonValue user : scim[u"users"_s].toArray()) {
            names.insert(user[u"userName"_s].toString());
        }
        QCOMPARE(scim[u"users"_s].toArray().size(), m_realm.users().size());
        QCOMPARE(names.size(), m_realm.users().size());
        QSet<QString> groups;
        for (const QJsonValue group : scim[u"groups"_s].toArray()) {
            groups.insert(group[u"displayName"_s].toString());
        }
        QCOMPARE(groups.size(), scim[u"groups"_s].toArray().size());
        QCOMPARE(groups.size(), result.plan->count(Object::Group, Action::Add));
        // The adopted ones are linked like the others: nothing left to do.
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    // Someone else creates Bob just before UserSync's Bulk request reaches the service: the
    // service's own uniqueness check refuses that one operation with 409, and Bob is looked up
    // and adopted, the others created by the same request.
    void conflictInsideABulkIsAdopted()
    {
        const QJsonObject bob{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:User"_s}},
                              {u"userName"_s, u"bob.baker"_s},
                              {u"title"_s, u"Made elsewhere"_s}};
        QVERIFY(m_scim.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, u"/Bulk$"_s},
                                              {u"mode"_s, u"created-before"_s},
                                              {u"resource"_s, bob}}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        int conflicts = 0;
        for (const QJsonValue request : m_scim.requests()) {
            if (request[u"path"_s].toString().endsWith(u"/Bulk"_s)) {
                for (const QJsonValue operation : request[u"body"_s][u"Operations"_s].toArray()) {
                    conflicts += operation[u"data"_s][u"userName"_s].toString() == u"bob.baker"_s;
                }
            }
        }
        QCOMPARE(conflicts, 1); // sent once in a Bulk request, refused there
        const QJsonObject scim = m_scim.state();
        QCOMPARE(scim[u"users"_s].toArray().size(), m_realm.users().size());
        const QJsonObject adopted = user(scim, u"bob.baker"_s);
        QCOMPARE(adopted[u"title"_s].toString(), u"Made elsewhere"_s); // the one made elsewhere
        QCOMPARE(adopted[u"externalId"_s].toString(), m_admin.userId(m_realmName, u"bob.baker"_s));
        QCOMPARE(adopted[u"name"_s][u"givenName"_s].toString(), u"Bob"_s);
        QVERIFY(groupsOf(scim, u"bob.baker"_s).contains(u"All Staff"_s));
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    // A service without filters (it says so in /ServiceProviderConfig): nothing can be looked up
    // before it is created, so the complete read before the plan is all there is; the creations
    // go through Bulk, and the next run finds everything linked.
    void withoutFiltersTheReadIsTheLookup()
    {
        QVERIFY(m_scim.reset({{u"filter"_s, false}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        for (const QJsonValue request : m_scim.requests()) {
            QVERIFY2(!request[u"query"_s][u"filter"_s].isString(), qPrintable(request[u"path"_s].toString()));
        }
        QCOMPARE(m_scim.state()[u"users"_s].toArray().size(), m_realm.users().size());
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    void resourceChangedMeanwhileIsReadAgain()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        const QString carol = user(m_scim.state(), u"carol.chen"_s)[u"id"_s].toString();
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"email"_s, u"carol@new.example.com"_s}}), 204);
        // Someone changes Carol in the service just before UserSync's PATCH reaches it: the real
        // server refuses the PATCH's stale If-Match with 412.
        QVERIFY(m_scim.setFaults({QJsonObject{
            {u"method"_s, u"PATCH"_s}, {u"path"_s, u"/Users/%1$"_s.arg(carol)}, {u"mode"_s, u"changed-before"_s}}}));
        QVERIFY(m_scim.clearRequests());
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        const QJsonObject now = user(m_scim.state(), u"carol.chen"_s);
        QCOMPARE(now[u"emails"_s][0][u"value"_s].toString(), u"carol@new.example.com"_s);
        QCOMPARE(now[u"title"_s].toString(), u"Changed elsewhere"_s); // the other change kept

        QStringList seen;
        QStringList versions;
        for (const QJsonValue request : m_scim.requests()) {
            if (request[u"path"_s].toString().endsWith(carol)) {
                seen << u"%1 %2"_s.arg(request[u"method"_s].toString()).arg(request[u"status"_s].toInt());
                if (request[u"method"_s].toString() == u"PATCH"_s) {
                    versions << request[u"ifMatch"_s].toString();
                }
            }
        }
        // The PATCH that lands is answered with the resource (200) or without it (204).
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen.mid(0, 2), (QStringList{u"PATCH 412"_s, u"GET 200"_s}));
        QVERIFY2(seen.at(2) == u"PATCH 200"_s || seen.at(2) == u"PATCH 204"_s, qPrintable(seen.at(2)));
        QCOMPARE(versions.size(), 2);
        QVERIFY(!versions.first().isEmpty());
        QVERIFY(versions.first() != versions.last()); // sent again with the version read again
    }

    void withoutPatchTheWholeResourceIsPut()
    {
        QVERIFY(m_scim.reset({{u"patch"_s, false}}));
        const QString aliceId = addUser(u"alice.andersen"_s, u"alice@old.example.com"_s, u"Engineer"_s);
        QVERIFY(!aliceId.isEmpty());
        const SyncResult first = sync(SyncRequest::Mode::Full);
        QVERIFY2(first.status == SyncResult::Status::Succeeded, qPrintable(first.message));
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const QString grace = m_admin.userId(m_realmName, u"grace.green"_s);
        const QString staff = m_admin.groupId(m_realmName, u"/All Staff"_s);
        QCOMPARE(m_admin.send("DELETE", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, grace, staff)).status, 204);
        const SyncResult second = sync(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));

        const QJsonObject scim = m_scim.state();
        const QJsonObject alice = user(scim, u"alice.andersen"_s);
        QCOMPARE(alice[u"emails"_s][0][u"value"_s].toString(), u"alice.andersen@example.com"_s);
        QCOMPARE(alice[u"title"_s].toString(), u"Engineer"_s); // PUT back as it was
        QVERIFY(!user(scim, u"frank.fischer"_s)[u"active"_s].toBool(true));
        QVERIFY(!groupsOf(scim, u"grace.green"_s).contains(u"All Staff"_s));
        QCOMPARE(memberships(scim), first.plan->count(Object::Membership, Action::Add) - 1);
        int puts = 0;
        for (const QJsonValue request : m_scim.requests()) {
            QVERIFY(request[u"method"_s].toString() != u"PATCH"_s);
            if (request[u"method"_s].toString() == u"PUT"_s) {
                ++puts;
                QVERIFY2(request[u"status"_s].toInt() == 200, qPrintable(request[u"path"_s].toString()));
                QVERIFY(!request[u"ifMatch"_s].toString().isEmpty());
                if (request[u"path"_s].toString().contains(u"/Users/"_s)) {
                    QVERIFY(request[u"body"_s][u"active"_s].isBool()); // whole, active included
                }
            }
        }
        QVERIFY(puts > 0);
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    void deprovisionDeactivatesAndCleanupDeletes()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        const auto removeFromKeycloak = [this](const QString& username) {
            return m_admin.send("DELETE", u"/%1/users/%2"_s.arg(m_realmName, m_admin.userId(m_realmName, username)))
                .status;
        };
        QCOMPARE(removeFromKeycloak(u"frank.fischer"_s), 204);
        SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        QCOMPARE(result.plan->count(Object::User, Action::Disable), 1);
        QVERIFY(!user(m_scim.state(), u"frank.fischer"_s)[u"active"_s].toBool(true)); // still there

        m_connector.sync.cleanup = SyncOptions::Cleanup::Delete;
        QCOMPARE(removeFromKeycloak(u"grace.green"_s), 204);
        QVERIFY(m_scim.clearRequests());
        result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        QCOMPARE(result.plan->count(Object::User, Action::Delete), 2); // Frank too, now
        const QJsonObject scim = m_scim.state();
        QVERIFY(user(scim, u"grace.green"_s).isEmpty());
        QVERIFY(user(scim, u"frank.fischer"_s).isEmpty());
        int deletes = 0;
        for (const QJsonValue request : m_scim.requests()) {
            if (request[u"method"_s].toString() == u"DELETE"_s) {
                ++deletes;
                QCOMPARE(request[u"status"_s].toInt(), 204);
                QVERIFY(!request[u"ifMatch"_s].toString().isEmpty());
            }
        }
        QCOMPARE(deletes, 2);
    }

    void deletionGuardStopsAFullSyncUnlessAllowed()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        // Every user disappears from the connector's view: a wrong group filter, say.
        m_connector.sync.requiredGroups = {u"/No Such Group"_s};
        QVERIFY(m_scim.clearRequests());
        const SyncResult refused = sync(SyncRequest::Mode::Full);
        QCOMPARE(refused.status, SyncResult::Status::Refused);
        QVERIFY2(refused.message.contains(u"deletion limit"_s), qPrintable(refused.message));
        QCOMPARE(refused.run.status, u"refused"_s);
        for (const QJsonValue request : m_scim.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s); // nothing was written
        }
        int active = 0;
        for (const QJsonValue user : m_scim.state()[u"users"_s].toArray()) {
            active += user[u"active"_s].toBool();
        }
        QCOMPARE(active, m_realm.users().size() - 1); // all but Dave, as before

        SyncRequest allowed;
        allowed.mode = SyncRequest::Mode::Full;
        allowed.allowDeletions = true;
        SyncJob job(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), allowed);
        const QList<QVariant> arguments = runJob(job, 300'000);
        QVERIFY(!arguments.isEmpty());
        QCOMPARE(arguments.first().value<SyncResult>().status, SyncResult::Status::Succeeded);
        for (const QJsonValue user : m_scim.state()[u"users"_s].toArray()) {
            QVERIFY(!user[u"active"_s].toBool(true));
        }
    }

    void refusalForOneObjectCompletesWithErrors()
    {
        // The service refuses one user (the first it is sent); the others go on. Users are sent
        // one by one here (a service without Bulk); a refusal inside a Bulk answer is
        // conflictInsideABulkIsAdopted's 409 and bulkOperationRefused's 400.
        QVERIFY(m_scim.reset({{u"bulk"_s, false}}));
        QVERIFY(m_scim.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, u"/Users$"_s},
                                              {u"status"_s, 400},
                                              {u"scimType"_s, u"invalidValue"_s}}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QCOMPARE(result.status, SyncResult::Status::CompletedWithErrors);
        QCOMPARE(result.run.status, u"completed-with-errors"_s);
        QCOMPARE(m_scim.state()[u"users"_s].toArray().size(), m_realm.users().size() - 1);
        QString error;
        {
            auto connection = DirectoryAccess::open(m_location, &error);
            const auto recorded = DirectoryStore(connection->database()).changes(result.run.id, &error);
            QVERIFY(recorded);
            int failed = 0;
            for (const Change& change : recorded->changes) {
                if (change.outcome == ChangeOutcome::Failed) {
                    ++failed;
                    QVERIFY2(change.error.contains(u"Injected by the test harness"_s), qPrintable(change.error));
                }
            }
            QCOMPARE(failed, 1);
        }
        // The next run makes the one refused, with its memberships, and then there is nothing left.
        const SyncResult next = sync(SyncRequest::Mode::Full);
        QVERIFY2(next.status == SyncResult::Status::Succeeded, qPrintable(next.message));
        QCOMPARE(next.plan->count(Object::User, Action::Add), 1);
        QCOMPARE(m_scim.state()[u"users"_s].toArray().size(), m_realm.users().size());
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    // One operation of a Bulk request refused by the service: recorded with its words, the
    // other operations of the same request done.
    void bulkOperationRefused()
    {
        QVERIFY(m_scim.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, u"/Bulk$"_s},
                                              {u"status"_s, 400},
                                              {u"scimType"_s, u"invalidValue"_s},
                                              {u"mode"_s, u"refused-in-bulk"_s}}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QCOMPARE(result.status, SyncResult::Status::CompletedWithErrors);
        QCOMPARE(m_scim.state()[u"users"_s].toArray().size(), m_realm.users().size() - 1);
        QString error;
        {
            auto connection = DirectoryAccess::open(m_location, &error);
            const auto recorded = DirectoryStore(connection->database()).changes(result.run.id, &error);
            QVERIFY(recorded);
            QStringList failed;
            for (const Change& change : recorded->changes) {
                if (change.outcome == ChangeOutcome::Failed) {
                    failed << change.key;
                    QVERIFY2(change.error.contains(u"Injected by the test harness"_s), qPrintable(change.error));
                }
            }
            QCOMPARE(failed.size(), 1);
            // Its memberships are not attempted: the user is not there.
            for (const MembershipChange& membership : recorded->memberships) {
                if (membership.action == Action::Add
                    && recorded->memberUsers.at(membership.user).name == failed.constFirst()) {
                    QCOMPARE(membership.outcome, ChangeOutcome::Failed);
                }
            }
        }
        const SyncResult next = sync(SyncRequest::Mode::Full);
        QVERIFY2(next.status == SyncResult::Status::Succeeded, qPrintable(next.message));
        QCOMPARE(next.plan->count(Object::User, Action::Add), 1);
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    void rateLimitsAndUnavailabilityAreWaitedOut()
    {
        // The service limits the client (429, Retry-After in seconds), then is unavailable twice
        // (503, Retry-After as an HTTP date): creates (in a Bulk request), which are never sent
        // twice on other failures, are sent again after these, which say nothing was done.
        const QString soon =
            QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(1), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
        QVERIFY(m_scim.setFaults({QJsonObject{{u"method"_s, u"PATCH"_s},
                                              {u"path"_s, u"/Groups/"_s},
                                              {u"status"_s, 429},
                                              {u"retryAfter"_s, 1},
                                              {u"count"_s, 2}},
                                  QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, u"/Bulk$"_s},
                                              {u"status"_s, 503},
                                              {u"retryAfter"_s, soon},
                                              {u"count"_s, 2}}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        int limited = 0;
        int unavailable = 0;
        for (const QJsonValue request : m_scim.requests()) {
            limited += request[u"status"_s].toInt() == 429;
            unavailable += request[u"status"_s].toInt() == 503;
        }
        QCOMPARE(limited, 2);
        QCOMPARE(unavailable, 2);
        QCOMPARE(m_scim.state()[u"users"_s].toArray().size(), m_realm.users().size());
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges()); // all of it applied
    }

    void reviewedPlanIsRefusedWhenTheServiceChanged()
    {
        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        // Someone creates Bob in the service by hand before the plan is applied.
        QVERIFY(!m_scim.addUser(u"bob.baker"_s, u"bob@example.com"_s).isEmpty());
        QVERIFY(m_scim.clearRequests());
        const SyncResult applied = sync(SyncRequest::Mode::Full, simulated.plan);
        QCOMPARE(applied.status, SyncResult::Status::Refused);
        QVERIFY2(applied.message.contains(u"Run a new simulation"_s), qPrintable(applied.message));
        for (const QJsonValue request : m_scim.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s); // nothing was written
        }
    }

    void migrationPreviewShowsWhoIsLinked()
    {
        QVERIFY(!m_scim.addUser(u"alice.andersen"_s, u"alice@old.example.com"_s).isEmpty());
        QVERIFY(!m_scim.addUser(u"BOB.BAKER"_s, u"bob@example.com"_s).isEmpty());
        QVERIFY(!m_scim.addUser(u"grace.green"_s, u"grace@old.example.com"_s).isEmpty());
        QVERIFY(!m_scim.addUser(u"ggreen"_s, u"grace.green@example.com"_s).isEmpty());
        QVERIFY(m_scim.clearRequests());
        QString error;
        const QHash<QString, Planner::MatchPreview::Outcome> outcomes =
            TargetWorkflow::migrationPreview(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(outcomes.value(u"alice.andersen"_s), Planner::MatchPreview::Outcome::Link);
        QCOMPARE(outcomes.value(u"bob.baker"_s), Planner::MatchPreview::Outcome::Link); // whatever the case
        QCOMPARE(outcomes.value(u"grace.green"_s), Planner::MatchPreview::Outcome::Collision);
        QCOMPARE(outcomes.value(u"carol.chen"_s), Planner::MatchPreview::Outcome::Create);
        for (const QJsonValue request : m_scim.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s); // a preview changes nothing
        }
    }

    void rollbackRevertsWhatTheRunDid()
    {
        QVERIFY(!addUser(u"alice.andersen"_s, u"alice@old.example.com"_s, u"Engineer"_s).isEmpty());
        const SyncResult first = sync(SyncRequest::Mode::Full);
        QVERIFY2(first.status == SyncResult::Status::Succeeded, qPrintable(first.message));
        const QString carolId = user(m_scim.state(), u"carol.chen"_s)[u"id"_s].toString();
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"username"_s, u"carol.c"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const SyncResult second = sync(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        QVERIFY(!user(m_scim.state(), u"carol.c"_s).isEmpty());

        // The second run, previewed then applied: Carol's name back (the same account), Frank active.
        const RollbackResult preview = rollback(TargetWorkflow::rollbackOf(second.run.id, true));
        QVERIFY2(preview.status == RollbackResult::Status::Succeeded, qPrintable(preview.message));
        QCOMPARE(preview.plan->count(Object::User, Action::Modify), 1);
        QCOMPARE(preview.plan->count(Object::User, Action::Reactivate), 1);
        RollbackRequest apply = TargetWorkflow::rollbackOf(second.run.id, false);
        apply.reviewedPlan = preview.plan;
        const RollbackResult applied = rollback(apply);
        QVERIFY2(applied.status == RollbackResult::Status::Succeeded, qPrintable(applied.message));
        QJsonObject scim = m_scim.state();
        QCOMPARE(user(scim, u"carol.chen"_s)[u"id"_s].toString(), carolId);
        QVERIFY(user(scim, u"frank.fischer"_s)[u"active"_s].toBool(false));

        // The first run: the users it made are deactivated, not deleted (past the deletion limit
        // only when allowed once); the groups it made are deleted; Alice has her old address back.
        RollbackRequest undo = TargetWorkflow::rollbackOf(first.run.id, false);
        QCOMPARE(rollback(undo).status, RollbackResult::Status::Refused);
        undo.allowDeletions = true;
        const RollbackResult undoFirst = rollback(undo);
        QVERIFY2(undoFirst.status == RollbackResult::Status::Succeeded, qPrintable(undoFirst.message));
        // Its memberships found in the groups it made, by the ids the service gave them.
        QCOMPARE(undoFirst.plan->count(Object::Membership, Action::Skip), 0);
        QCOMPARE(undoFirst.plan->count(Object::Membership, Action::Remove),
                 first.plan->count(Object::Membership, Action::Add));
        scim = m_scim.state();
        QVERIFY(!user(scim, u"bob.baker"_s).isEmpty());
        QVERIFY(!user(scim, u"bob.baker"_s)[u"active"_s].toBool(true));
        const QJsonObject alice = user(scim, u"alice.andersen"_s);
        QCOMPARE(alice[u"emails"_s][0][u"value"_s].toString(), u"alice@old.example.com"_s);
        QCOMPARE(alice[u"title"_s].toString(), u"Engineer"_s);
        QVERIFY(scim[u"groups"_s].toArray().isEmpty());
    }

private:
    // A user as someone made it in the service by hand, with a title UserSync does not manage.
    QString addUser(const QString& userName, const QString& email, const QString& title)
    {
        QJsonObject created;
        const int status =
            m_scim.scim("POST", u"Users"_s,
                        {{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:User"_s}},
                         {u"userName"_s, userName},
                         {u"title"_s, title},
                         {u"emails"_s, QJsonArray{QJsonObject{{u"value"_s, email}, {u"primary"_s, true}}}}},
                        &created);
        return status == 201 ? created[u"id"_s].toString() : QString();
    }

    static QJsonObject user(const QJsonObject& state, const QString& userName)
    {
        for (const QJsonValue user : state[u"users"_s].toArray()) {
            if (user[u"userName"_s].toString().compare(userName, Qt::CaseInsensitive) == 0) {
                return user.toObject();
            }
        }
        return {};
    }

    static QStringList groupsOf(const QJsonObject& state, const QString& userName)
    {
        const QString id = user(state, userName)[u"id"_s].toString();
        QStringList names;
        for (const QJsonValue group : state[u"groups"_s].toArray()) {
            for (const QJsonValue member : group[u"members"_s].toArray()) {
                if (member[u"value"_s].toString() == id) {
                    names << group[u"displayName"_s].toString();
                }
            }
        }
        return names;
    }

    static qsizetype memberships(const QJsonObject& state)
    {
        qsizetype count = 0;
        for (const QJsonValue group : state[u"groups"_s].toArray()) {
            count += group[u"members"_s].toArray().size();
        }
        return count;
    }

    // Every membership PATCH adds or removes at most 100 members, and removes only by the
    // filtered path members[value eq "ID"]: an unfiltered remove takes every member away.
    static void verifyMemberPatches(const QJsonArray& requests)
    {
        static const QRegularExpression filtered(u"^members\\[value eq \"[^\"]+\"\\]$"_s);
        for (const QJsonValue request : requests) {
            if (request[u"method"_s].toString() != u"PATCH"_s
                || !request[u"path"_s].toString().contains(u"/Groups/"_s)) {
                continue;
            }
            QVERIFY2(request[u"status"_s].toInt() == 200 || request[u"status"_s].toInt() == 204,
                     qPrintable(request[u"path"_s].toString()));
            qsizetype members = 0;
            for (const QJsonValue operation : request[u"body"_s][u"Operations"_s].toArray()) {
                if (operation[u"op"_s].toString() == u"remove"_s) {
                    QVERIFY2(filtered.match(operation[u"path"_s].toString()).hasMatch(),
                             qPrintable(operation[u"path"_s].toString()));
                    ++members;
                } else {
                    QCOMPARE(operation[u"path"_s].toString(), u"members"_s);
                    members += operation[u"value"_s].toArray().size();
                }
            }
            QVERIFY2(members > 0 && members <= 100, qPrintable(QString::number(members)));
        }
    }

    RollbackResult rollback(const RollbackRequest& request) { return TargetWorkflow::rollback(m_location, request); }
    SyncResult sync(SyncRequest::Mode mode, std::shared_ptr<const ChangeSet> reviewed = {})
    {
        return TargetWorkflow::sync(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), mode,
                                    std::move(reviewed));
    }

    ScimServer m_scim;
    KeycloakAdmin m_admin;
    TestRealm m_realm;
    QTemporaryDir m_temporary;
    QString m_url;
    QString m_realmName;
    DirectoryLocation m_location = DirectoryLocation::defaultLocation();
    TargetConfig m_target;
    ConnectorConfig m_connector;
};

QTEST_GUILESS_MAIN(TestScimSync)
#include "tst_scimsync.moc"

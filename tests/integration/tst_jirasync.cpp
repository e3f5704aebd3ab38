#include "AtlassianEmulator.h"
#include "JobRunner.h"
#include "KeycloakAdmin.h"
#include "TargetWorkflow.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"
#include "sync/MigrationPreviewJob.h"
#include "sync/RollbackJob.h"
#include "sync/SyncJob.h"
#include "targets/TargetStore.h"
#include "targets/TargetTest.h"
#include "targets/jira/JiraTarget.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

// Synchronizing the real test Keycloak into Jira: the test services' Jira emulator, with every
// request UserSync sends validated by Prism against Atlassian's own OpenAPI spec. Connection
// tests, complete reads past Jira's caps, and the workflow of the product on Jira: simulate,
// apply the reviewed plan, migration of existing users keeping their keys, changes made in
// Keycloak, a refusal for one object, a lost answer that must not create a duplicate.
class TestJiraSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        USERSYNC_REQUIRE_ENV(jira, "USERSYNC_TEST_JIRA_URL");
        QVERIFY2(m_jira.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_JIRA_DIRECT_URL").constData());
        QVERIFY2(m_admin.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD").constData());
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        QVERIFY(m_temporary.isValid());
        TestEnvironment::isolateUserFolders();
        m_url = url;
        m_location = DirectoryLocation::sqlite(m_temporary.filePath(u"jira.sqlite"_s));
    }

    void init()
    {
        QVERIFY(m_jira.reset());
        m_realmName = u"usersync-jira-%1"_s.arg(QCoreApplication::applicationPid());
        m_target = TargetConfig();
        m_target.name = u"Jira"_s;
        m_target.url = m_jira.url();
        m_target.http.retryDelayMs = 50;
        TargetWorkflow::start(m_admin, m_realmName, m_location, m_url, m_target, m_jira.token(), m_connector);
    }

    void cleanup() { m_admin.deleteRealm(m_realmName); }

    void connectionTest_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("tenSpec");
        QTest::addColumn<QString>("listing");
        QTest::newRow("11.3.8") << u"11.3.8"_s << false << u"user/list"_s;
        QTest::newRow("10.3.24") << u"10.3.24"_s << true << u"user/list"_s;
        QTest::newRow("10.0.1") << u"10.0.1"_s << true << u"user/search prefixes"_s;
        QTest::newRow("9.12.15") << u"9.12.15"_s << true << u"user/search pages"_s;
    }

    void connectionTest()
    {
        QFETCH(QString, version);
        QFETCH(bool, tenSpec);
        QFETCH(QString, listing);
        QVERIFY(m_jira.reset(version));
        QVERIFY(m_jira.seed({{u"users"_s,
                              QJsonArray{QJsonObject{{u"name"_s, u"old.timer"_s},
                                                     {u"emailAddress"_s, u"old@example.com"_s},
                                                     {u"displayName"_s, u"Old Timer"_s},
                                                     {u"active"_s, false}}}},
                             {u"groups"_s, QJsonArray{u"jira-servicedesk-users"_s}}}));
        TargetConfig config = m_target;
        config.url = tenSpec ? m_jira.secondUrl() : m_jira.url();
        const TargetTestResult result = test(config, m_jira.token());
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.product, u"Jira"_s);
        QCOMPARE(result.version, version);
        QCOMPARE(result.signedInAs, m_jira.adminUser());
        QVERIFY(result.systemAdministrator);
        QCOMPARE(result.listing, listing);
        QCOMPARE(result.userCount, 2); // the administrator and the inactive user
        QCOMPARE(result.groupCount, 3);
        QCOMPARE(result.toJson().value(u"error"_s), QJsonValue(QJsonValue::Null));
    }

    void connectionTestSaysWhatIsWrong()
    {
        TargetConfig config = m_target;
        TargetTestResult result = test(config, u"not-the-token"_s);
        QVERIFY(!result.ok);
        QCOMPARE(result.error->kind, ConnectorError::Kind::Unauthorized);
        QVERIFY2(result.error->message.contains(u"Personal Access Tokens"_s), qPrintable(result.error->message));

        QVERIFY(m_jira.configure({{u"callerRole"_s, u"admin"_s}}));
        result = test(config, m_jira.token());
        QVERIFY(result.ok);
        QVERIFY(!result.systemAdministrator);
        QCOMPARE(result.warnings.size(), 2); // http://, and system administrators will be skipped
        QVERIFY(result.warnings.last().contains(u"system administrator"_s));

        QVERIFY(m_jira.configure({{u"callerRole"_s, u"user"_s}}));
        result = test(config, m_jira.token());
        QCOMPARE(result.error->kind, ConnectorError::Kind::NotAdministrator);
        QVERIFY(result.error->message.contains(u"Global permissions"_s));

        config.url = u"http://127.0.0.1:1"_s;
        result = test(config, m_jira.token());
        QCOMPARE(result.error->kind, ConnectorError::Kind::ConnectionRefused);
    }

    void captchaLockIsNeverRetried()
    {
        TargetConfig config = m_target;
        config.auth = TargetConfig::Auth::Basic;
        config.username = m_jira.adminUser();
        for (int attempt = 0; attempt < 3; ++attempt) {
            QCOMPARE(test(config, u"wrong"_s).error->kind, ConnectorError::Kind::Unauthorized);
        }
        QVERIFY(m_jira.clearRequests());
        // Jira now wants a CAPTCHA, whatever the password: one answer, and nothing sent after it.
        const TargetTestResult result = test(config, m_jira.adminPassword());
        QCOMPARE(result.error->kind, ConnectorError::Kind::LoginLocked);
        QVERIFY(result.error->message.contains(u"CAPTCHA"_s));
        QCOMPARE(m_jira.requests().size(), 1);
    }

    void readsEverythingPastJirasCaps_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("11.3.8, user/list") << u"11.3.8"_s;
        QTest::newRow("10.0.1, user/search by prefixes") << u"10.0.1"_s;
        QTest::newRow("9.12.15, user/search pages") << u"9.12.15"_s;
    }

    void readsEverythingPastJirasCaps()
    {
        QFETCH(QString, version);
        QVERIFY(m_jira.reset(version));
        // More users than a 10.0 search answers, more groups than the picker lists, more members
        // per group than a member page holds, some of them inactive.
        QJsonArray users;
        QJsonArray groups;
        QJsonArray memberships;
        for (int i = 0; i < 260; ++i) {
            const QString name = (i % 3 == 0 ? u"anna.%1"_s : i % 3 == 1 ? u"ben.%1"_s : u"c%1"_s).arg(i);
            const QString email = name + u"@example.com"_s;
            users.append(QJsonObject{{u"name"_s, name},
                                     {u"emailAddress"_s, email},
                                     {u"displayName"_s, u"Person %1"_s.arg(i)},
                                     {u"active"_s, i % 10 != 0}});
            memberships.append(QJsonArray{name, u"team-%1"_s.arg(i % 25)});
        }
        for (int i = 0; i < 25; ++i) {
            groups.append(u"team-%1"_s.arg(i));
        }
        QVERIFY(m_jira.seed({{u"users"_s, users}, {u"groups"_s, groups}, {u"memberships"_s, memberships}}));
        QVERIFY(m_jira.configure({{u"pickerLimit"_s, 7}, {u"memberPageCap"_s, 3}}));
        const QJsonObject state = m_jira.state();

        TargetConfig config = m_target;
        config.url = version == u"11.3.8"_s ? m_jira.url() : m_jira.secondUrl();
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        JiraTarget target(config, m_jira.token(), connection->database());
        std::optional<DirectoryState> read;
        std::optional<ConnectorError> failure;
        bool done = false;
        target.read([&](std::optional<DirectoryState> state, std::optional<ConnectorError> e) {
            read = std::move(state);
            failure = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 120'000);
        QVERIFY2(read, qPrintable(failure ? failure->message : QString()));
        QCOMPARE(read->users.size(), state.value(u"users"_s).toArray().size());
        QCOMPARE(read->groups.size(), state.value(u"groups"_s).toArray().size());
        QCOMPARE(read->memberships.size(), state.value(u"memberships"_s).toArray().size());
        QSet<QString> keys;
        int inactive = 0;
        for (const LocalUser& user : read->users) {
            keys.insert(user.id);
            inactive += !user.active;
        }
        QCOMPARE(keys.size(), read->users.size()); // every user once
        QCOMPARE(inactive, 26);
    }

    void incompleteReadIsAnError()
    {
        QVERIFY(m_jira.seed({{u"groups"_s, QJsonArray{u"g1"_s, u"g2"_s}}}));
        // A member page that keeps failing: the read must fail, not yield two thirds of Jira.
        QVERIFY(m_jira.setFaults({QJsonObject{{u"method"_s, u"GET"_s},
                                              {u"path"_s, u"^/rest/api/2/group/member$"_s},
                                              {u"status"_s, 503},
                                              {u"count"_s, 100}}}));
        m_target.http.maxRetries = 1;
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        JiraTarget target(m_target, m_jira.token(), connection->database());
        std::optional<ConnectorError> failure;
        bool done = false;
        target.read([&](std::optional<DirectoryState> state, std::optional<ConnectorError> e) {
            QVERIFY(!state);
            failure = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60'000);
        QVERIFY(failure);
        QCOMPARE(failure->kind, ConnectorError::Kind::ServerError);
        QVERIFY(m_jira.setFaults({}));
    }

    void wholeWorkflow()
    {
        // Before the first sync, Jira has Alice (an old account with history: a legacy key) and
        // a group of its own.
        QVERIFY(m_jira.seed({{u"users"_s,
                              QJsonArray{QJsonObject{{u"name"_s, u"Alice.Andersen"_s},
                                                     {u"key"_s, u"alice.andersen"_s},
                                                     {u"emailAddress"_s, u"alice@old.example.com"_s},
                                                     {u"displayName"_s, u"Alice A."_s}}}},
                             {u"groups"_s, QJsonArray{u"jira-project-x"_s}},
                             {u"memberships"_s, QJsonArray{QJsonArray{u"alice.andersen"_s, u"jira-project-x"_s}}}}));

        // Simulate: reads, writes nothing.
        QVERIFY(m_jira.clearRequests());
        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        QCOMPARE(simulated.status, SyncResult::Status::Succeeded);
        for (const QJsonValue request : m_jira.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
            QVERIFY2(request[u"status"_s].toInt() < 300, qPrintable(request[u"path"_s].toString()));
        }
        const qsizetype people = m_realm.users().size();
        QCOMPARE(simulated.plan->count(Object::User, Action::Link), 1);
        QCOMPARE(simulated.plan->count(Object::User, Action::Add), people - 1);
        QCOMPARE(simulated.run.targetId, m_target.id);

        // Apply exactly the reviewed plan.
        const SyncResult applied = sync(SyncRequest::Mode::Full, simulated.plan);
        QVERIFY2(applied.status == SyncResult::Status::Succeeded, qPrintable(applied.message));
        QCOMPARE(applied.run.status, u"succeeded"_s);
        QJsonObject jira = m_jira.state();
        QCOMPARE(jira.value(u"users"_s).toArray().size(), people + 1); // and the administrator
        const QJsonObject alice = AtlassianEmulator::user(jira, u"alice.andersen"_s);
        QCOMPARE(alice.value(u"key"_s).toString(), u"alice.andersen"_s); // her issues stay hers
        QCOMPARE(alice.value(u"emailAddress"_s).toString(), u"alice.andersen@example.com"_s);
        QVERIFY(AtlassianEmulator::groupsOf(jira, u"alice.andersen"_s).contains(u"jira-project-x"_s));
        QVERIFY(AtlassianEmulator::groupsOf(jira, u"alice.andersen"_s).contains(u"All Staff"_s));
        const QJsonObject bob = AtlassianEmulator::user(jira, u"bob.baker"_s);
        QVERIFY(bob.value(u"key"_s).toString().startsWith(u"JIRAUSER"_s));
        QVERIFY(!AtlassianEmulator::user(jira, u"dave.disabled"_s).value(u"active"_s).toBool(true));

        // Every change of the run is recorded with its outcome, a created user under its Jira key.
        QString error;
        {
            auto connection = DirectoryAccess::open(m_location, &error);
            const auto recorded = DirectoryStore(connection->database()).changes(applied.run.id, &error);
            QVERIFY(recorded);
            for (qsizetype i = 0; i < recorded->size(); ++i) {
                const Change change = recorded->at(i);
                if (change.action != Action::Skip) {
                    QCOMPARE(change.outcome, ChangeOutcome::Done);
                }
                if (change.object == Object::User && change.key == u"bob.baker"_s) {
                    QCOMPARE(change.localId, bob.value(u"key"_s).toString());
                }
            }
        }

        // Nothing left to do.
        const SyncResult again = sync(SyncRequest::Mode::Simulate);
        QVERIFY(!again.plan->hasChanges());

        // Changes in Keycloak: a rename, an e-mail address, a disabled user, a membership moved.
        QCOMPARE(m_admin.updateUser(m_realmName, u"bob.baker"_s, {{u"username"_s, u"robert.baker"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"email"_s, u"carol@new.example.com"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const QString grace = m_admin.userId(m_realmName, u"grace.green"_s);
        const QString support = m_admin.groupId(m_realmName, u"/Support"_s);
        QCOMPARE(m_admin.send("PUT", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, grace, support)).status, 204);
        const SyncResult second = sync(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        jira = m_jira.state();
        QCOMPARE(AtlassianEmulator::user(jira, u"robert.baker"_s).value(u"key"_s), bob.value(u"key"_s)); // same key
        QVERIFY(AtlassianEmulator::user(jira, u"bob.baker"_s).isEmpty());
        QCOMPARE(AtlassianEmulator::user(jira, u"carol.chen"_s).value(u"emailAddress"_s).toString(),
                 u"carol@new.example.com"_s);
        QVERIFY(!AtlassianEmulator::user(jira, u"frank.fischer"_s).value(u"active"_s).toBool(true));
        QVERIFY(AtlassianEmulator::groupsOf(jira, u"grace.green"_s).contains(u"Support"_s));
        QCOMPARE(jira.value(u"users"_s).toArray().size(), people + 1); // no one twice
    }

    void refusalForOneObjectCompletesWithErrors()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        // Frank leads a project in Jira: Jira will not deactivate him until the lead changes.
        QVERIFY(m_jira.setUserFlags(u"frank.fischer"_s, {{u"projectLead"_s, true}}));
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"grace.green"_s, {{u"enabled"_s, false}}), 204);
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QCOMPARE(result.status, SyncResult::Status::CompletedWithErrors);
        QCOMPARE(result.run.status, u"completed-with-errors"_s);
        QVERIFY2(result.message.contains(u"1"_s), qPrintable(result.message));
        const QJsonObject jira = m_jira.state();
        QVERIFY(AtlassianEmulator::user(jira, u"frank.fischer"_s).value(u"active"_s).toBool(false));
        QVERIFY(!AtlassianEmulator::user(jira, u"grace.green"_s).value(u"active"_s).toBool(true)); // the rest goes on

        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        const auto recorded = DirectoryStore(connection->database()).changes(result.run.id, &error);
        QVERIFY(recorded);
        bool found = false;
        for (const Change& change : recorded->changes) {
            if (change.key == u"frank.fischer"_s) {
                found = true;
                QCOMPARE(change.outcome, ChangeOutcome::Failed);
                QVERIFY2(change.error.contains(u"project lead"_s), qPrintable(change.error));
            }
        }
        QVERIFY(found);
        // The next run tries again: still refused, and still only Frank.
        const SyncResult next = sync(SyncRequest::Mode::Simulate);
        QCOMPARE(next.plan->count(Object::User, Action::Disable), 1);
    }

    void reviewedPlanIsRefusedWhenJiraChanged()
    {
        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        // Someone creates Bob in Jira by hand before the plan is applied.
        QVERIFY(m_jira.seed({{u"users"_s,
                              QJsonArray{QJsonObject{{u"name"_s, u"bob.baker"_s},
                                                     {u"emailAddress"_s, u"bob@example.com"_s},
                                                     {u"displayName"_s, u"Bob"_s}}}}}));
        QVERIFY(m_jira.clearRequests());
        const SyncResult applied = sync(SyncRequest::Mode::Full, simulated.plan);
        QCOMPARE(applied.status, SyncResult::Status::Refused);
        QVERIFY(applied.message.contains(u"Run a new simulation"_s));
        for (const QJsonValue request : m_jira.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s); // nothing was written
        }
    }

    void rateLimitsAndServerErrorsAreWaitedOut()
    {
        // Jira limits the sync account (429 with Retry-After), then a node fails twice (503).
        QVERIFY(m_jira.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, u"^/rest/api/2/group$"_s},
                                              {u"status"_s, 429},
                                              {u"retryAfter"_s, 1},
                                              {u"count"_s, 2}},
                                  QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, u"^/rest/api/2/group/user$"_s},
                                              {u"status"_s, 503},
                                              {u"count"_s, 2}}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY(m_jira.setFaults({}));
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        int limited = 0;
        int failed = 0;
        for (const QJsonValue request : m_jira.requests()) {
            limited += request[u"status"_s].toInt() == 429;
            failed += request[u"status"_s].toInt() == 503;
        }
        QCOMPARE(limited, 2);
        QCOMPARE(failed, 2);
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges()); // all of it applied
    }

    void lostAnswerDoesNotCreateADuplicate()
    {
        // Jira creates the user, then the answer is lost: the retry meets "already exists".
        QVERIFY(m_jira.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                              {u"path"_s, u"^/rest/api/2/user$"_s},
                                              {u"status"_s, 502},
                                              {u"count"_s, 3},
                                              {u"mode"_s, u"apply-then-fail"_s}}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY(m_jira.setFaults({}));
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        const QJsonObject jira = m_jira.state();
        QCOMPARE(jira.value(u"users"_s).toArray().size(), m_realm.users().size() + 1);
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    void migrationPreviewShowsWhoIsLinked()
    {
        QVERIFY(m_jira.seed({{u"users"_s,
                              QJsonArray{QJsonObject{{u"name"_s, u"alice.andersen"_s},
                                                     {u"emailAddress"_s, u"alice@old.example.com"_s},
                                                     {u"displayName"_s, u"Alice"_s}},
                                         QJsonObject{{u"name"_s, u"BOB.BAKER"_s},
                                                     {u"key"_s, u"bob.baker"_s},
                                                     {u"emailAddress"_s, u"bob@example.com"_s},
                                                     {u"displayName"_s, u"Bob"_s}},
                                         QJsonObject{{u"name"_s, u"grace.green"_s},
                                                     {u"emailAddress"_s, u"grace@old.example.com"_s},
                                                     {u"displayName"_s, u"Grace"_s}},
                                         QJsonObject{{u"name"_s, u"ggreen"_s},
                                                     {u"emailAddress"_s, u"grace.green@example.com"_s},
                                                     {u"displayName"_s, u"Grace G."_s}}}}}));
        QString error;
        const QHash<QString, Planner::MatchPreview::Outcome> outcomes =
            TargetWorkflow::migrationPreview(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(outcomes.value(u"alice.andersen"_s), Planner::MatchPreview::Outcome::Link);
        QCOMPARE(outcomes.value(u"bob.baker"_s), Planner::MatchPreview::Outcome::Link); // whatever the case
        // Linked by username, while another Jira user has her e-mail address: worth a look first.
        QCOMPARE(outcomes.value(u"grace.green"_s), Planner::MatchPreview::Outcome::Collision);
        QCOMPARE(outcomes.value(u"carol.chen"_s), Planner::MatchPreview::Outcome::Create);
        for (const QJsonValue request : m_jira.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s); // a preview changes nothing
        }
    }

    void rollbackRevertsWhatTheRunDid()
    {
        QVERIFY(m_jira.seed({{u"users"_s,
                              QJsonArray{QJsonObject{{u"name"_s, u"alice.andersen"_s},
                                                     {u"key"_s, u"alice.andersen"_s},
                                                     {u"emailAddress"_s, u"alice@old.example.com"_s},
                                                     {u"displayName"_s, u"Alice A."_s}}}}}));
        const SyncResult first = sync(SyncRequest::Mode::Full);
        QVERIFY2(first.status == SyncResult::Status::Succeeded, qPrintable(first.message));
        const QString carolKey = AtlassianEmulator::user(m_jira.state(), u"carol.chen"_s).value(u"key"_s).toString();
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"username"_s, u"carol.c"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const SyncResult second = sync(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        QVERIFY(!AtlassianEmulator::user(m_jira.state(), u"carol.c"_s).isEmpty());

        // The second run, previewed then applied: Carol's name back (same key), Frank active again.
        RollbackResult preview = rollback(rollbackOf(second.run.id, true));
        QVERIFY2(preview.status == RollbackResult::Status::Succeeded, qPrintable(preview.message));
        QCOMPARE(preview.plan->count(Object::User, Action::Modify), 1);
        QCOMPARE(preview.plan->count(Object::User, Action::Reactivate), 1);
        RollbackRequest apply = rollbackOf(second.run.id, false);
        apply.reviewedPlan = preview.plan;
        const RollbackResult applied = rollback(apply);
        QVERIFY2(applied.status == RollbackResult::Status::Succeeded, qPrintable(applied.message));
        QJsonObject jira = m_jira.state();
        QCOMPARE(AtlassianEmulator::user(jira, u"carol.chen"_s).value(u"key"_s).toString(), carolKey);
        QVERIFY(AtlassianEmulator::user(jira, u"frank.fischer"_s).value(u"active"_s).toBool(false));

        // The first run: the users it created are deactivated, not deleted; Alice gets her old
        // address back and is no longer the connector's.
        // Nearly everyone would be deactivated: the deletion limit stops it until allowed once.
        RollbackRequest undo = rollbackOf(first.run.id, false);
        QCOMPARE(rollback(undo).status, RollbackResult::Status::Refused);
        undo.allowDeletions = true;
        const RollbackResult undoFirst = rollback(undo);
        QVERIFY2(undoFirst.status == RollbackResult::Status::Succeeded, qPrintable(undoFirst.message));
        jira = m_jira.state();
        QVERIFY(!AtlassianEmulator::user(jira, u"bob.baker"_s).isEmpty());
        QVERIFY(!AtlassianEmulator::user(jira, u"bob.baker"_s).value(u"active"_s).toBool(true));
        QCOMPARE(AtlassianEmulator::user(jira, u"alice.andersen"_s).value(u"emailAddress"_s).toString(),
                 u"alice@old.example.com"_s);
        QVERIFY(AtlassianEmulator::user(jira, u"alice.andersen"_s).value(u"active"_s).toBool(false));
    }

    void anonymizedUserKeepsItsKey()
    {
        m_connector.sync.cleanup = SyncOptions::Cleanup::Anonymize;
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        const QString key = AtlassianEmulator::user(m_jira.state(), u"frank.fischer"_s).value(u"key"_s).toString();
        QCOMPARE(
            m_admin.send("DELETE", u"/%1/users/%2"_s.arg(m_realmName, m_admin.userId(m_realmName, u"frank.fischer"_s)))
                .status,
            204);
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        QCOMPARE(result.plan->count(Object::User, Action::Anonymize), 1);
        // Renamed to a pseudonym, address and name gone, deactivated: the same account (and key),
        // so the issues Frank worked on keep an owner, who is no longer named.
        const QJsonObject jira = m_jira.state();
        QVERIFY(AtlassianEmulator::user(jira, u"frank.fischer"_s).isEmpty());
        QJsonObject anonymized;
        for (const QJsonValue user : jira.value(u"users"_s).toArray()) {
            if (user[u"key"_s].toString() == key) {
                anonymized = user.toObject();
            }
        }
        QVERIFY(anonymized.value(u"name"_s).toString().startsWith(u"anonymized-"_s));
        QCOMPARE(anonymized.value(u"emailAddress"_s).toString(), QString());
        QVERIFY(!anonymized.value(u"displayName"_s).toString().contains(u"Frank"_s));
        QVERIFY(!anonymized.value(u"active"_s).toBool(true));
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges()); // anonymized once
    }

    void aDeletedUserCannotComeBack()
    {
        m_connector.sync.cleanup = SyncOptions::Cleanup::Delete;
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        QCOMPARE(
            m_admin.send("DELETE", u"/%1/users/%2"_s.arg(m_realmName, m_admin.userId(m_realmName, u"frank.fischer"_s)))
                .status,
            204);
        const SyncResult deleting = sync(SyncRequest::Mode::Full);
        QVERIFY2(deleting.status == SyncResult::Status::Succeeded, qPrintable(deleting.message));
        QVERIFY(AtlassianEmulator::user(m_jira.state(), u"frank.fischer"_s).isEmpty());
        const RollbackResult preview = rollback(rollbackOf(deleting.run.id, true));
        QVERIFY2(preview.status == RollbackResult::Status::Succeeded, qPrintable(preview.message));
        bool said = false;
        for (const Change& change : preview.plan->changes) {
            if (change.key == u"frank.fischer"_s) {
                QCOMPARE(change.action, Action::Skip);
                said = change.reason.contains(u"for good"_s);
            }
        }
        QVERIFY(said);
    }

private:
    static RollbackRequest rollbackOf(const QString& runId, bool simulate)
    {
        return TargetWorkflow::rollbackOf(runId, simulate);
    }
    RollbackResult rollback(const RollbackRequest& request) { return TargetWorkflow::rollback(m_location, request); }
    static TargetTestResult test(const TargetConfig& config, const QString& credential)
    {
        return TargetWorkflow::test(config, credential);
    }
    SyncResult sync(SyncRequest::Mode mode, std::shared_ptr<const ChangeSet> reviewed = {})
    {
        return TargetWorkflow::sync(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), mode,
                                    std::move(reviewed));
    }

    AtlassianEmulator m_jira = AtlassianEmulator::jira();
    KeycloakAdmin m_admin;
    TestRealm m_realm;
    QTemporaryDir m_temporary;
    QString m_url;
    QString m_realmName;
    DirectoryLocation m_location = DirectoryLocation::defaultLocation();
    TargetConfig m_target;
    ConnectorConfig m_connector;
};

QTEST_GUILESS_MAIN(TestJiraSync)
#include "tst_jirasync.moc"

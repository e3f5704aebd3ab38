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
#include "targets/TargetStore.h"
#include "targets/confluence/ConfluenceTarget.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;
using namespace TargetWorkflow;

// Synchronizing the real test Keycloak into Confluence: the test services' Confluence emulator,
// every request UserSync sends validated by Prism against Atlassian's own OpenAPI specs (10.2.14
// and 9.3.1). What Confluence does differently from Jira is tested here: no renames (a reported
// skip), deletion as a long task followed to its end, 402 when no licence is left, users named
// in paths, memberships as idempotent calls.
class TestConfluenceSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        USERSYNC_REQUIRE_ENV(confluence, "USERSYNC_TEST_CONFLUENCE_URL");
        QVERIFY2(m_confluence.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_CONFLUENCE_DIRECT_URL").constData());
        QVERIFY2(m_admin.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD").constData());
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        QVERIFY(m_temporary.isValid());
        TestEnvironment::isolateUserFolders();
        m_url = url;
        m_databaseFile = m_temporary.filePath(u"confluence.sqlite"_s);
        m_location = DirectoryLocation::sqlite(m_databaseFile);
    }

    void init()
    {
        QVERIFY(m_confluence.reset());
        m_realmName = u"usersync-confluence-%1"_s.arg(QCoreApplication::applicationPid());
        m_target = TargetConfig();
        m_target.name = u"Confluence"_s;
        m_target.type = TargetConfig::confluenceType;
        m_target.url = m_confluence.url();
        m_target.http.retryDelayMs = 50;
        start(m_admin, m_realmName, m_location, m_url, m_target, m_confluence.token(), m_connector);
    }

    void cleanup() { m_admin.deleteRealm(m_realmName); }

    void connectionTest_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("newerSpec");
        QTest::addColumn<int>("versionWarnings");
        QTest::newRow("10.2.14") << u"10.2.14"_s << true << 0;
        QTest::newRow("9.3.1") << u"9.3.1"_s << false << 1; // groups named with a /
        QTest::newRow("8.5.4") << u"8.5.4"_s << false << 2; // and the details update is unverified
    }

    void connectionTest()
    {
        QFETCH(QString, version);
        QFETCH(bool, newerSpec);
        QFETCH(int, versionWarnings);
        QVERIFY(m_confluence.reset(version));
        QVERIFY(m_confluence.seed({{u"users"_s,
                                    QJsonArray{QJsonObject{{u"name"_s, u"old.timer"_s},
                                                           {u"email"_s, u"old@example.com"_s},
                                                           {u"fullName"_s, u"Old Timer"_s},
                                                           {u"active"_s, false}}}},
                                   {u"groups"_s, QJsonArray{u"wiki-editors"_s}}}));
        TargetConfig config = m_target;
        config.url = newerSpec ? m_confluence.url() : m_confluence.secondUrl();
        const TargetTestResult result = test(config, m_confluence.token());
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.product, u"Confluence"_s);
        QCOMPARE(result.version, version);
        QCOMPARE(result.signedInAs, m_confluence.adminUser());
        QVERIFY(result.systemAdministrator);
        QCOMPARE(result.listing, u"user/list"_s);
        QCOMPARE(result.userCount, 2); // the administrator and the disabled user
        QCOMPARE(result.groupCount, 3); // confluence-administrators, confluence-users, wiki-editors
        QCOMPARE(result.warnings.size(), 1 + versionWarnings); // http://, and what this version lacks
        if (versionWarnings == 2) {
            QVERIFY2(result.warnings.at(1).contains(u"unverified"_s), qPrintable(result.warnings.at(1)));
        }
    }

    void connectionTestSaysWhatIsWrong()
    {
        TargetConfig config = m_target;
        TargetTestResult result = test(config, u"not-the-token"_s);
        QCOMPARE(result.error->kind, ConnectorError::Kind::Unauthorized);
        QVERIFY2(result.error->message.contains(u"Personal Access Tokens"_s), qPrintable(result.error->message));

        QVERIFY(m_confluence.configure({{u"callerRole"_s, u"admin"_s}}));
        result = test(config, m_confluence.token());
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QVERIFY(!result.systemAdministrator);

        QVERIFY(m_confluence.configure({{u"callerRole"_s, u"user"_s}}));
        result = test(config, m_confluence.token());
        QCOMPARE(result.error->kind, ConnectorError::Kind::NotAdministrator);
        QVERIFY2(result.error->message.contains(u"Global Permissions"_s), qPrintable(result.error->message));

        // Jira's address: it answers, but has no Confluence server information.
        AtlassianEmulator jira = AtlassianEmulator::jira();
        if (jira.isValid()) {
            config.url = jira.url();
            result = test(config, jira.token());
            QCOMPARE(result.error->kind, ConnectorError::Kind::WrongUrl);
            QVERIFY2(result.error->message.contains(u"/rest/api/server-information"_s),
                     qPrintable(result.error->message));
        }
    }

    void readsEverythingPageByPage_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("10.2.14, members by query") << u"10.2.14"_s;
        QTest::newRow("9.3.1, members by path") << u"9.3.1"_s;
    }

    void readsEverythingPageByPage()
    {
        QFETCH(QString, version);
        QVERIFY(m_confluence.reset(version));
        // More of everything than a page holds, some users disabled, and names that need
        // encoding in a path (a / only where the version can read it).
        QJsonArray users;
        QJsonArray groups;
        QJsonArray memberships;
        const bool tenTwo = version.startsWith(u"10."_s);
        const QString special = tenTwo ? u"R&D/Ops 1+2"_s : u"R&D Ops 1+2"_s;
        for (int i = 0; i < 260; ++i) {
            const QString name = u"person.%1"_s.arg(i, 3, 10, QChar(u'0'));
            users.append(QJsonObject{{u"name"_s, name},
                                     {u"email"_s, QString(name + u"@example.com"_s)},
                                     {u"fullName"_s, u"Person %1"_s.arg(i)},
                                     {u"active"_s, bool(i % 10 != 0)}});
            memberships.append(QJsonArray{name, i % 26 == 25 ? special : u"team-%1"_s.arg(i % 26)});
        }
        for (int i = 0; i < 25; ++i) {
            groups.append(u"team-%1"_s.arg(i));
        }
        groups.append(special);
        QVERIFY(m_confluence.seed({{u"users"_s, users}, {u"groups"_s, groups}, {u"memberships"_s, memberships}}));
        QVERIFY(m_confluence.configure({{u"userPageCap"_s, 50}, {u"groupPageCap"_s, 7}, {u"memberPageCap"_s, 3}}));
        const QJsonObject state = m_confluence.state();

        TargetConfig config = m_target;
        config.url = tenTwo ? m_confluence.url() : m_confluence.secondUrl();
        const std::optional<DirectoryState> read = readConfluence(config);
        QVERIFY(read);
        QCOMPARE(read->users.size(), state.value(u"users"_s).toArray().size());
        QCOMPARE(read->groups.size(), state.value(u"groups"_s).toArray().size());
        QCOMPARE(read->memberships.size(), state.value(u"memberships"_s).toArray().size());
        QSet<QString> keys;
        int inactive = 0;
        for (const LocalUser& user : read->users) {
            keys.insert(user.id);
            inactive += !user.active;
        }
        QCOMPARE(keys.size(), read->users.size());
        QCOMPARE(inactive, 26);
        const auto specialGroup = std::find_if(read->groups.cbegin(), read->groups.cend(),
                                               [&](const LocalGroup& g) { return g.name == special; });
        QVERIFY(specialGroup != read->groups.cend());
        const qint32 specialIndex = qint32(specialGroup - read->groups.cbegin());
        QCOMPARE(std::count_if(read->memberships.cbegin(), read->memberships.cend(),
                               [&](const LocalMembership& m) { return m.group == specialIndex; }),
                 10);
    }

    void aGroupWithASlashCannotBeReadBefore10_2()
    {
        QVERIFY(m_confluence.reset(u"9.3.1"_s));
        QVERIFY(m_confluence.seed({{u"groups"_s, QJsonArray{u"a/b"_s}}}));
        TargetConfig config = m_target;
        config.url = m_confluence.secondUrl();
        QString message;
        QVERIFY(!readConfluence(config, &message));
        QVERIFY2(message.contains(u"“a/b”"_s) && message.contains(u"10.2"_s), qPrintable(message));
    }

    void wholeWorkflow()
    {
        // Before the first sync, Confluence has Alice (with her pages: her key must stay) and a
        // group of its own.
        QVERIFY(
            m_confluence.seed({{u"users"_s,
                                QJsonArray{QJsonObject{{u"name"_s, u"alice.andersen"_s},
                                                       {u"key"_s, u"ff80808180000000000000000000a11c"_s},
                                                       {u"email"_s, u"alice@old.example.com"_s},
                                                       {u"fullName"_s, u"Alice A."_s}}}},
                               {u"groups"_s, QJsonArray{u"wiki-project-x"_s}},
                               {u"memberships"_s, QJsonArray{QJsonArray{u"alice.andersen"_s, u"wiki-project-x"_s}}}}));

        // Simulate: reads, writes nothing.
        QVERIFY(m_confluence.clearRequests());
        const SyncResult simulated = run(SyncRequest::Mode::Simulate);
        QCOMPARE(simulated.status, SyncResult::Status::Succeeded);
        for (const QJsonValue request : m_confluence.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
            QVERIFY2(request[u"status"_s].toInt() < 300, qPrintable(request[u"path"_s].toString()));
        }
        const qsizetype people = m_realm.users().size();
        QCOMPARE(simulated.plan->count(Object::User, Action::Link), 1);
        QCOMPARE(simulated.plan->count(Object::User, Action::Add), people - 1);

        // Apply exactly the reviewed plan.
        const SyncResult applied = run(SyncRequest::Mode::Full, simulated.plan);
        QVERIFY2(applied.status == SyncResult::Status::Succeeded, qPrintable(applied.message));
        QJsonObject confluence = m_confluence.state();
        QCOMPARE(confluence.value(u"users"_s).toArray().size(), people + 1); // and the administrator
        const QJsonObject alice = AtlassianEmulator::user(confluence, u"alice.andersen"_s);
        QCOMPARE(alice.value(u"key"_s).toString(), u"ff80808180000000000000000000a11c"_s);
        QCOMPARE(alice.value(u"email"_s).toString(), u"alice.andersen@example.com"_s);
        QVERIFY(AtlassianEmulator::groupsOf(confluence, u"alice.andersen"_s).contains(u"wiki-project-x"_s));
        QVERIFY(AtlassianEmulator::groupsOf(confluence, u"alice.andersen"_s).contains(u"All Staff"_s));
        QVERIFY(!AtlassianEmulator::user(confluence, u"dave.disabled"_s).value(u"active"_s).toBool(true));
        const QJsonObject bob = AtlassianEmulator::user(confluence, u"bob.baker"_s);
        QCOMPARE(bob.value(u"key"_s).toString().size(), 32);

        // Every new user got a password of its own, which UserSync kept nowhere.
        QSet<QString> passwords;
        for (const QJsonValue user : confluence.value(u"users"_s).toArray()) {
            const QString password = user[u"password"_s].toString();
            const QString name = user[u"name"_s].toString();
            if (name != m_confluence.adminUser() && name != u"alice.andersen"_s) {
                QVERIFY2(password.size() >= 32, qPrintable(name));
                passwords.insert(password);
            }
        }
        QCOMPARE(passwords.size(), people - 1); // Alice existed
        QFile database(m_databaseFile);
        QVERIFY(database.open(QIODevice::ReadOnly));
        const QByteArray stored = database.readAll();
        for (const QString& password : std::as_const(passwords)) {
            QVERIFY(!stored.contains(password.toUtf8()));
        }

        QVERIFY(!run(SyncRequest::Mode::Simulate).plan->hasChanges());

        // Keycloak changes: a rename, an e-mail address, a disabled user, a membership moved.
        QCOMPARE(m_admin.updateUser(m_realmName, u"bob.baker"_s,
                                    {{u"username"_s, u"robert.baker"_s}, {u"email"_s, u"robert@example.com"_s}}),
                 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"email"_s, u"carol@new.example.com"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const QString grace = m_admin.userId(m_realmName, u"grace.green"_s);
        const QString support = m_admin.groupId(m_realmName, u"/Support"_s);
        QCOMPARE(m_admin.send("PUT", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, grace, support)).status, 204);
        const SyncResult second = run(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        confluence = m_confluence.state();
        // Bob cannot be renamed: still bob.baker, the same account, with his new address.
        QVERIFY(AtlassianEmulator::user(confluence, u"robert.baker"_s).isEmpty());
        const QJsonObject bobNow = AtlassianEmulator::user(confluence, u"bob.baker"_s);
        QCOMPARE(bobNow.value(u"key"_s), bob.value(u"key"_s));
        QCOMPARE(bobNow.value(u"email"_s).toString(), u"robert@example.com"_s);
        const Change skip = find(*second.plan, u"robert.baker"_s);
        QCOMPARE(skip.action, Action::Skip);
        QVERIFY2(skip.reason.contains(u"Confluence cannot rename users"_s) && skip.reason.contains(u"Edit Details"_s),
                 qPrintable(skip.reason));
        QCOMPARE(AtlassianEmulator::user(confluence, u"carol.chen"_s).value(u"email"_s).toString(),
                 u"carol@new.example.com"_s);
        QVERIFY(!AtlassianEmulator::user(confluence, u"frank.fischer"_s).value(u"active"_s).toBool(true));
        QVERIFY(AtlassianEmulator::groupsOf(confluence, u"grace.green"_s).contains(u"Support"_s));
        QCOMPARE(confluence.value(u"users"_s).toArray().size(), people + 1); // no one twice

        // The rename stays reported, run after run, and nothing else is left to do.
        const SyncResult third = run(SyncRequest::Mode::Simulate);
        QVERIFY(!third.plan->hasChanges());
        QCOMPARE(find(*third.plan, u"robert.baker"_s).action, Action::Skip);
    }

    void deletionIsFollowedToTheEndOfItsTask()
    {
        m_connector.sync.cleanup = SyncOptions::Cleanup::Delete;
        QVERIFY(run(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        QVERIFY(m_confluence.configure({{u"longTaskPolls"_s, 3}}));
        removeFromKeycloak(u"frank.fischer"_s);
        QVERIFY(m_confluence.clearRequests());
        const SyncResult deleted = run(SyncRequest::Mode::Full);
        QVERIFY2(deleted.status == SyncResult::Status::Succeeded, qPrintable(deleted.message));
        QVERIFY(AtlassianEmulator::user(m_confluence.state(), u"frank.fischer"_s).isEmpty());
        int polls = 0;
        for (const QJsonValue request : m_confluence.requests()) {
            polls += request[u"path"_s].toString().startsWith(u"/rest/api/longtask/"_s);
        }
        QCOMPARE(polls, 4); // three times still running, then done

        // A task that fails is a failed change, and the user is still there.
        QVERIFY(m_confluence.configure({{u"failNextDeletions"_s, 1}}));
        removeFromKeycloak(u"grace.green"_s);
        const SyncResult failed = run(SyncRequest::Mode::Full);
        QCOMPARE(failed.status, SyncResult::Status::CompletedWithErrors);
        QVERIFY(!AtlassianEmulator::user(m_confluence.state(), u"grace.green"_s).isEmpty());
        const Change grace = recorded(failed.run.id, u"grace.green"_s);
        QCOMPARE(grace.outcome, ChangeOutcome::Failed);
        QVERIFY2(grace.error.contains(u"task deleting the user failed"_s), qPrintable(grace.error));
        // The next run deletes her.
        QVERIFY(run(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        QVERIFY(AtlassianEmulator::user(m_confluence.state(), u"grace.green"_s).isEmpty());
    }

    void noLicenceLeftIsARefusalForThatUser()
    {
        // Room for the administrator and three more.
        QVERIFY(m_confluence.configure({{u"licenceLimit"_s, 4}}));
        const SyncResult result = run(SyncRequest::Mode::Full);
        QCOMPARE(result.status, SyncResult::Status::CompletedWithErrors);
        QVERIFY2(result.message.contains(u"Confluence refused"_s), qPrintable(result.message));
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        const auto changes = DirectoryStore(connection->database()).changes(result.run.id, &error);
        QVERIFY(changes);
        int created = 0;
        int refused = 0;
        for (const Change& change : changes->changes) {
            if (change.object != Object::User || change.action != Action::Add) {
                continue;
            }
            if (change.outcome == ChangeOutcome::Done) {
                ++created;
            } else {
                ++refused;
                QCOMPARE(change.outcome, ChangeOutcome::Failed);
                QVERIFY2(change.error.contains(u"no licence left"_s), qPrintable(change.error));
            }
        }
        QCOMPARE(created, 3);
        QCOMPARE(refused, m_realm.users().size() - 3);
    }

    void reviewedPlanIsRefusedWhenConfluenceChanged()
    {
        const SyncResult simulated = run(SyncRequest::Mode::Simulate);
        QVERIFY(m_confluence.seed(
            {{u"users"_s,
              QJsonArray{QJsonObject{
                  {u"name"_s, u"bob.baker"_s}, {u"email"_s, u"bob@example.com"_s}, {u"fullName"_s, u"Bob"_s}}}}}));
        QVERIFY(m_confluence.clearRequests());
        const SyncResult applied = run(SyncRequest::Mode::Full, simulated.plan);
        QCOMPARE(applied.status, SyncResult::Status::Refused);
        QVERIFY2(applied.message.contains(u"Confluence has changed"_s), qPrintable(applied.message));
        for (const QJsonValue request : m_confluence.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
        }
    }

    void lostAnswerDoesNotCreateADuplicate()
    {
        // Confluence creates the user, then the answer is lost: the retry meets 409.
        QVERIFY(m_confluence.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                                    {u"path"_s, u"^/rest/api/admin/user$"_s},
                                                    {u"status"_s, 502},
                                                    {u"count"_s, 3},
                                                    {u"mode"_s, u"apply-then-fail"_s}}}));
        const SyncResult result = run(SyncRequest::Mode::Full);
        QVERIFY(m_confluence.setFaults({}));
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        QCOMPARE(m_confluence.state().value(u"users"_s).toArray().size(), m_realm.users().size() + 1);
        QVERIFY(!run(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    void migrationPreviewShowsWhoIsLinked()
    {
        QVERIFY(m_confluence.seed({{u"users"_s,
                                    QJsonArray{QJsonObject{{u"name"_s, u"alice.andersen"_s},
                                                           {u"email"_s, u"alice@old.example.com"_s},
                                                           {u"fullName"_s, u"Alice"_s}},
                                               QJsonObject{{u"name"_s, u"ggreen"_s},
                                                           {u"email"_s, u"grace.green@example.com"_s},
                                                           {u"fullName"_s, u"Grace G."_s}}}}}));
        QString error;
        const QHash<QString, Planner::MatchPreview::Outcome> outcomes =
            TargetWorkflow::migrationPreview(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(outcomes.value(u"alice.andersen"_s), Planner::MatchPreview::Outcome::Link);
        QCOMPARE(outcomes.value(u"carol.chen"_s), Planner::MatchPreview::Outcome::Create);
        for (const QJsonValue request : m_confluence.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
        }
    }

    void rollbackRevertsWhatTheRunDid()
    {
        const SyncResult first = run(SyncRequest::Mode::Full);
        QVERIFY2(first.status == SyncResult::Status::Succeeded, qPrintable(first.message));
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"email"_s, u"carol@new.example.com"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const SyncResult second = run(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));

        const RollbackResult preview = rollback(m_location, rollbackOf(second.run.id, true));
        QVERIFY2(preview.status == RollbackResult::Status::Succeeded, qPrintable(preview.message));
        RollbackRequest apply = rollbackOf(second.run.id, false);
        apply.reviewedPlan = preview.plan;
        const RollbackResult applied = rollback(m_location, apply);
        QVERIFY2(applied.status == RollbackResult::Status::Succeeded, qPrintable(applied.message));
        QJsonObject confluence = m_confluence.state();
        QCOMPARE(AtlassianEmulator::user(confluence, u"carol.chen"_s).value(u"email"_s).toString(),
                 u"carol.chen@example.com"_s);
        QVERIFY(AtlassianEmulator::user(confluence, u"frank.fischer"_s).value(u"active"_s).toBool(false));

        // Undoing the first run would disable nearly everyone: the deletion guard stops it until
        // allowed once, and then the users it created are disabled, not deleted.
        RollbackRequest undo = rollbackOf(first.run.id, false);
        QCOMPARE(rollback(m_location, undo).status, RollbackResult::Status::Refused);
        undo.allowDeletions = true;
        const RollbackResult undone = rollback(m_location, undo);
        QVERIFY2(undone.status == RollbackResult::Status::Succeeded, qPrintable(undone.message));
        confluence = m_confluence.state();
        QVERIFY(!AtlassianEmulator::user(confluence, u"bob.baker"_s).isEmpty());
        QVERIFY(!AtlassianEmulator::user(confluence, u"bob.baker"_s).value(u"active"_s).toBool(true));
    }

private:
    SyncResult run(SyncRequest::Mode mode, std::shared_ptr<const ChangeSet> reviewed = {})
    {
        return sync(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), mode, std::move(reviewed));
    }

    std::optional<DirectoryState> readConfluence(const TargetConfig& config, QString* message = nullptr)
    {
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        ConfluenceTarget target(config, m_confluence.token(), connection->database());
        std::optional<DirectoryState> read;
        bool done = false;
        target.read([&](std::optional<DirectoryState> state, std::optional<ConnectorError> failure) {
            read = std::move(state);
            if (failure && message) {
                *message = failure->message;
            }
            if (!read && failure) {
                qInfo("read failed: %s", qPrintable(failure->message));
            }
            done = true;
        });
        if (!QTest::qWaitFor([&done] { return done; }, 120'000)) {
            return std::nullopt;
        }
        return read;
    }

    void removeFromKeycloak(const QString& username)
    {
        QCOMPARE(
            m_admin.send("DELETE", u"/%1/users/%2"_s.arg(m_realmName, m_admin.userId(m_realmName, username))).status,
            204);
    }

    static Change find(const ChangeSet& plan, const QString& key)
    {
        for (const Change& change : plan.changes) {
            if (change.object == Object::User && change.key == key) {
                return change;
            }
        }
        return {};
    }

    Change recorded(const QString& runId, const QString& key)
    {
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        const auto changes = DirectoryStore(connection->database()).changes(runId, &error);
        return changes ? find(*changes, key) : Change{};
    }

    AtlassianEmulator m_confluence = AtlassianEmulator::confluence();
    KeycloakAdmin m_admin;
    TestRealm m_realm;
    QTemporaryDir m_temporary;
    QString m_url;
    QString m_realmName;
    QString m_databaseFile;
    DirectoryLocation m_location = DirectoryLocation::defaultLocation();
    TargetConfig m_target;
    ConnectorConfig m_connector;
};

QTEST_GUILESS_MAIN(TestConfluenceSync)
#include "tst_confluencesync.moc"

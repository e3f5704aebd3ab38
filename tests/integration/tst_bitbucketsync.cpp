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
#include "targets/atlassian/OAuthAuthorization.h"
#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/bitbucket/BitbucketTarget.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;
using namespace TargetWorkflow;

// Synchronizing the real test Keycloak into Bitbucket: the test services' Bitbucket emulator,
// every request UserSync sends validated by Prism against Atlassian's own OpenAPI specs (10.4 and
// 9.4). What Bitbucket does differently is tested here: no disabled flag (disabling takes the
// access groups, the connector's groups and the direct global permission away, and a rollback or
// a reactivation gives back exactly that), creation without the default group and a body-less
// 204, renames, bulk membership calls, pages with gaps, and passwords where tokens are refused.
class TestBitbucketSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        USERSYNC_REQUIRE_ENV(bitbucket, "USERSYNC_TEST_BITBUCKET_URL");
        QVERIFY2(m_bitbucket.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_BITBUCKET_DIRECT_URL").constData());
        QVERIFY2(m_admin.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD").constData());
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        QVERIFY(m_temporary.isValid());
        TestEnvironment::isolateUserFolders();
        m_url = url;
        m_location = DirectoryLocation::sqlite(m_temporary.filePath(u"bitbucket.sqlite"_s));
    }

    void init()
    {
        QVERIFY(m_bitbucket.reset());
        m_realmName = u"usersync-bitbucket-%1"_s.arg(QCoreApplication::applicationPid());
        m_target = TargetConfig();
        m_target.name = u"Bitbucket"_s;
        m_target.type = TargetConfig::bitbucketType;
        m_target.url = m_bitbucket.url();
        m_target.auth = TargetConfig::Auth::Basic;
        m_target.username = m_bitbucket.adminUser();
        m_target.http.retryDelayMs = 50;
        start(m_admin, m_realmName, m_location, m_url, m_target, m_bitbucket.adminPassword(), m_connector);
    }

    void cleanup() { m_admin.deleteRealm(m_realmName); }

    void connectionTest_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("newerSpec");
        QTest::newRow("10.4.0") << u"10.4.0"_s << true;
        QTest::newRow("9.4.0") << u"9.4.0"_s << false;
    }

    void connectionTest()
    {
        QFETCH(QString, version);
        QFETCH(bool, newerSpec);
        QVERIFY(m_bitbucket.reset(version));
        QVERIFY(m_bitbucket.seed({{u"users"_s,
                                   QJsonArray{QJsonObject{{u"name"_s, u"old.timer"_s},
                                                          {u"email"_s, u"old@example.com"_s},
                                                          {u"displayName"_s, u"Old Timer"_s}}}},
                                  {u"groups"_s, QJsonArray{u"developers"_s}}}));
        TargetConfig config = m_target;
        config.url = newerSpec ? m_bitbucket.url() : m_bitbucket.secondUrl();
        const TargetTestResult result = test(config, m_bitbucket.adminPassword());
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.product, u"Bitbucket"_s);
        QCOMPARE(result.version, version);
        QCOMPARE(result.signedInAs, m_bitbucket.adminUser());
        QVERIFY(result.systemAdministrator);
        QCOMPARE(result.userCount, 2);
        QCOMPARE(result.groupCount, 2); // stash-users and developers
    }

    void connectionTestSaysWhatIsWrong()
    {
        // A personal access token: Bitbucket refuses it for administration, and the test says so.
        TargetConfig config = m_target;
        config.auth = TargetConfig::Auth::Token;
        TargetTestResult result = test(config, m_bitbucket.token());
        QCOMPARE(result.error->kind, ConnectorError::Kind::Unauthorized);
        QVERIFY2(result.error->message.contains(u"refuses personal access tokens"_s)
                     && result.error->message.contains(u"username and password"_s),
                 qPrintable(result.error->message));

        result = test(m_target, u"wrong"_s);
        QCOMPARE(result.error->kind, ConnectorError::Kind::Unauthorized);
        QVERIFY2(result.error->message.contains(u"did not accept the username"_s), qPrintable(result.error->message));

        QVERIFY(m_bitbucket.configure({{u"callerRole"_s, u"user"_s}}));
        result = test(m_target, m_bitbucket.adminPassword());
        QCOMPARE(result.error->kind, ConnectorError::Kind::NotAdministrator);
        QVERIFY2(result.error->message.contains(u"Global permissions"_s), qPrintable(result.error->message));
        QVERIFY(m_bitbucket.configure({{u"callerRole"_s, u"sysadmin"_s}}));

        config = m_target;
        config.accessGroups = {u"stash-users"_s, u"licensed-devs"_s};
        result = test(config, m_bitbucket.adminPassword());
        QCOMPARE(result.error->kind, ConnectorError::Kind::InvalidSettings);
        QVERIFY2(result.error->message.contains(u"“licensed-devs”"_s), qPrintable(result.error->message));
    }

    // OAuth 2.0 through an incoming application link: authorized once in the browser, then every
    // run renews its access token with the refresh token (which rotates, and is stored again), a
    // 401 in mid-run renews and sends again, and a revoked authorization stops the run with the
    // next step named.
    void oauthAuthorizesOnceAndRenewsItself()
    {
        const auto link = m_bitbucket.addIncomingLink();
        QVERIFY(link);
        const QString redirect = link->redirectUrl;
        TargetConfig config = m_target;
        config.auth = TargetConfig::Auth::OAuth;
        config.username.clear();
        config.oauthClientId = link->clientId;
        config.oauthRedirectUrl = redirect;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate().join(u' ')));
        const QString clientSecret = link->clientSecret;
        {
            QString error;
            auto connection = DirectoryAccess::open(m_location, &error);
            QVERIFY2(TargetStore(connection->database()).update(config, &error), qPrintable(error));
        }
        QVERIFY(SecretStore().writeNow(config.secretKey(), clientSecret).ok());
        SecretStore().removeNow(config.refreshTokenKey());

        TargetTestResult result = test(config, clientSecret);
        QVERIFY(result.error);
        QVERIFY2(result.error->message.contains(u"not yet authorized"_s)
                     && result.error->message.contains(u"usersync-cli target authorize"_s),
                 qPrintable(result.error->message));

        OAuthAuthorization authorization(config, clientSecret);
        QSignalSpy waiting(&authorization, &OAuthAuthorization::waitingForBrowser);
        QSignalSpy finished(&authorization, &OAuthAuthorization::finished);
        authorization.start();
        QCOMPARE(waiting.size(), 1);
        const QUrl address = waiting.first().first().toUrl();
        const QUrlQuery query(address);
        QCOMPARE(address.path(), u"/rest/oauth2/latest/authorize"_s);
        QCOMPARE(query.queryItemValue(u"client_id"_s), config.oauthClientId);
        QCOMPARE(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), redirect);
        QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
        QCOMPARE(query.queryItemValue(u"scope"_s), u"ADMIN"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge"_s).size(), 43);
        QVERIFY(query.queryItemValue(u"state"_s).size() >= 32);

        // A return without this authorization's state is turned away, and UserSync waits on.
        QUrlQuery forgedQuery = query;
        forgedQuery.removeQueryItem(u"state"_s);
        forgedQuery.addQueryItem(u"state"_s, u"forged"_s);
        QUrl forged = address;
        forged.setQuery(forgedQuery);
        auto [status, page] = m_bitbucket.authorizeInBrowser(forged);
        QCOMPARE(status, 400);
        QVERIFY2(page.contains(u"does not belong"_s), qPrintable(page));
        QVERIFY(finished.isEmpty());

        std::tie(status, page) = m_bitbucket.authorizeInBrowser(address);
        QCOMPARE(status, 200);
        QVERIFY2(page.contains(u"UserSync is authorized"_s), qPrintable(page));
        QVERIFY(!finished.isEmpty() || finished.wait(10'000));
        const auto failure = finished.first().first().value<std::optional<ConnectorError>>();
        QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
        const QString granted = SecretStore().readNow(config.refreshTokenKey()).secret;
        QVERIFY(!granted.isEmpty());

        // Signed in with it; the refresh token rotated and the new one is what the keychain holds.
        result = test(config, clientSecret);
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.signedInAs, m_bitbucket.adminUser());
        QVERIFY(result.systemAdministrator);
        const QString rotated = SecretStore().readNow(config.refreshTokenKey()).secret;
        QVERIFY(!rotated.isEmpty() && rotated != granted);

        // An access token refused in mid-run: renewed once, the request sent again, the run done.
        const int renewalsBefore = m_bitbucket.control("GET", u"oauth"_s)[u"refreshGrants"_s].toInt();
        QVERIFY(m_bitbucket.setFaults({QJsonObject{{u"method"_s, u"GET"_s},
                                                   {u"path"_s, u"^/rest/api/latest/admin/groups$"_s},
                                                   {u"status"_s, 401},
                                                   {u"count"_s, 1}}}));
        QVERIFY(m_bitbucket.clearRequests());
        const SyncResult applied = run(SyncRequest::Mode::Full);
        QVERIFY(m_bitbucket.setFaults({}));
        QVERIFY2(applied.status == SyncResult::Status::Succeeded, qPrintable(applied.message));
        QVERIFY(AtlassianEmulator::groupsOf(m_bitbucket.state(), u"bob.baker"_s).contains(u"stash-users"_s));
        // Once when each of the run's clients (read, apply) started, and once for the 401.
        QCOMPARE(m_bitbucket.control("GET", u"oauth"_s)[u"refreshGrants"_s].toInt() - renewalsBefore, 3);
        for (const QJsonValue request : m_bitbucket.requests()) {
            if (request[u"path"_s].toString() == u"/rest/oauth2/latest/token"_s) {
                // The secrets travel in the form body, never in the address.
                QVERIFY(!request[u"query"_s].toObject().contains(u"client_secret"_s));
                QCOMPARE(request[u"body"_s][u"grant_type"_s].toString(), u"refresh_token"_s);
            }
        }

        // Revoked in Bitbucket: the run stops before changing anything, and says what to do.
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"email"_s, u"carol@new.example.com"_s}}), 204);
        bool ok = false;
        m_bitbucket.control("POST", u"oauth/revoke"_s, {}, &ok);
        QVERIFY(ok);
        const SyncResult refused = run(SyncRequest::Mode::Full);
        QCOMPARE(refused.status, SyncResult::Status::Failed);
        QVERIFY2(refused.message.contains(u"no longer accepts UserSync's authorization"_s)
                     && refused.message.contains(u"target authorize"_s),
                 qPrintable(refused.message));
        QCOMPARE(AtlassianEmulator::user(m_bitbucket.state(), u"carol.chen"_s)[u"email"_s].toString(),
                 u"carol.chen@example.com"_s);
    }

    void readsEverythingPastTheGaps()
    {
        // Pages that skip entries the caller may not see: a short page is not the last one.
        QJsonArray users;
        QJsonArray memberships;
        for (int i = 0; i < 260; ++i) {
            const QString name = u"person.%1"_s.arg(i, 3, 10, QChar(u'0'));
            users.append(QJsonObject{{u"name"_s, name},
                                     {u"email"_s, QString(name + u"@example.com"_s)},
                                     {u"displayName"_s, u"Person %1"_s.arg(i)}});
            if (i % 10 != 0) {
                memberships.append(QJsonArray{name, u"stash-users"_s}); // the others have no access
            }
            memberships.append(QJsonArray{name, u"team-%1"_s.arg(i % 25)});
        }
        QJsonArray groups;
        for (int i = 0; i < 25; ++i) {
            groups.append(u"team-%1"_s.arg(i));
        }
        QVERIFY(m_bitbucket.seed({{u"users"_s, users}, {u"groups"_s, groups}, {u"memberships"_s, memberships}}));
        QVERIFY(m_bitbucket.configure({{u"pageCap"_s, 50}, {u"gapEvery"_s, 7}}));
        const QJsonObject state = m_bitbucket.state();
        QVERIFY(m_bitbucket.clearRequests());
        const std::optional<DirectoryState> read = readBitbucket();
        QVERIFY(read);
        // The user pages after the first were asked for ahead, on the steps the first page gave
        // (its cap of 50, not the 1,000 asked for), each once.
        QList<int> starts;
        for (const QJsonValue request : m_bitbucket.requests()) {
            if (request[u"path"_s].toString() == u"/rest/api/latest/admin/users"_s) {
                starts << request[u"query"_s][u"start"_s].toString().toInt();
            }
        }
        std::sort(starts.begin(), starts.end());
        QVERIFY2(std::adjacent_find(starts.cbegin(), starts.cend()) == starts.cend(), "a page asked for twice");
        QVERIFY(std::all_of(starts.cbegin(), starts.cend(), [](int start) { return start % 50 == 0; }));
        const int pages = int(state.value(u"users"_s).toArray().size() * 7 / 6 / 50) + 1; // with the gaps
        QVERIFY2(starts.size() >= pages && starts.size() <= pages + m_target.http.maxInFlight,
                 qPrintable(QString::number(starts.size())));
        QCOMPARE(read->users.size(), state.value(u"users"_s).toArray().size());
        QCOMPARE(read->groups.size(), state.value(u"groups"_s).toArray().size());
        QCOMPARE(read->memberships.size(), state.value(u"memberships"_s).toArray().size());
        int inactive = 0;
        for (const LocalUser& user : read->users) {
            inactive += !user.active;
            if (user.active) {
                QVERIFY(BitbucketAccess::fromText(user.access).groups.contains(u"stash-users"_s)
                        || user.username == m_bitbucket.adminUser());
            }
        }
        QCOMPARE(inactive, 26);
    }

    void wholeWorkflow()
    {
        // Before the first sync, Bitbucket has Alice (with her repositories: her id must stay),
        // licensed, in a group of its own.
        QVERIFY(m_bitbucket.seed({{u"users"_s,
                                   QJsonArray{QJsonObject{{u"name"_s, u"alice.andersen"_s},
                                                          {u"email"_s, u"alice@old.example.com"_s},
                                                          {u"displayName"_s, u"Alice A."_s}}}},
                                  {u"groups"_s, QJsonArray{u"repo-x-writers"_s}},
                                  {u"memberships"_s,
                                   QJsonArray{QJsonArray{u"alice.andersen"_s, u"stash-users"_s},
                                              QJsonArray{u"alice.andersen"_s, u"repo-x-writers"_s}}}}));
        const QString aliceId =
            AtlassianEmulator::user(m_bitbucket.state(), u"alice.andersen"_s)[u"id"_s].toVariant().toString();

        QVERIFY(m_bitbucket.clearRequests());
        const SyncResult simulated = run(SyncRequest::Mode::Simulate);
        QCOMPARE(simulated.status, SyncResult::Status::Succeeded);
        for (const QJsonValue request : m_bitbucket.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
        }
        const qsizetype people = m_realm.users().size();
        QCOMPARE(simulated.plan->count(Object::User, Action::Link), 1);
        QCOMPARE(simulated.plan->count(Object::User, Action::Add), people - 1);

        QVERIFY(m_bitbucket.clearRequests());
        const SyncResult applied = run(SyncRequest::Mode::Full, simulated.plan);
        QVERIFY2(applied.status == SyncResult::Status::Succeeded, qPrintable(applied.message));
        QJsonObject bitbucket = m_bitbucket.state();
        QCOMPARE(bitbucket.value(u"users"_s).toArray().size(), people + 1);
        const QJsonObject alice = AtlassianEmulator::user(bitbucket, u"alice.andersen"_s);
        QCOMPARE(alice[u"id"_s].toVariant().toString(), aliceId);
        QCOMPARE(alice[u"email"_s].toString(), u"alice.andersen@example.com"_s);
        QVERIFY(AtlassianEmulator::groupsOf(bitbucket, u"alice.andersen"_s).contains(u"repo-x-writers"_s));
        // New users: licensed through the access group, and in their Keycloak groups; the
        // disabled one created without access.
        QVERIFY(AtlassianEmulator::groupsOf(bitbucket, u"bob.baker"_s).contains(u"stash-users"_s));
        QVERIFY(AtlassianEmulator::groupsOf(bitbucket, u"bob.baker"_s).contains(u"All Staff"_s));
        QVERIFY(!AtlassianEmulator::groupsOf(bitbucket, u"dave.disabled"_s).contains(u"stash-users"_s));
        int creations = 0;
        int bulk = 0;
        int oneUserCalls = 0;
        for (const QJsonValue request : m_bitbucket.requests()) {
            const QString path = request[u"path"_s].toString();
            if (request[u"method"_s].toString() == u"POST"_s && path == u"/rest/api/latest/admin/users"_s) {
                ++creations;
                QCOMPARE(request[u"query"_s][u"addToDefaultGroup"_s].toString(), u"false"_s);
                QVERIFY(request[u"body"_s].isNull());
            }
            bulk += path == u"/rest/api/latest/admin/groups/add-users"_s;
            oneUserCalls += path == u"/rest/api/latest/admin/users/add-groups"_s; // access given in bulk too
            // The new users' ids come from one listing, not from a search per user.
            QVERIFY(!request[u"query"_s].toObject().contains(u"filter"_s));
        }
        QCOMPARE(creations, people - 1);
        QVERIFY2(bulk > 0 && bulk < 30, qPrintable(QString::number(bulk))); // a call per group, not per member
        QCOMPARE(oneUserCalls, 0);
        QVERIFY(!run(SyncRequest::Mode::Simulate).plan->hasChanges());

        // Frank holds a global permission of his own, given by hand in Bitbucket.
        QCOMPARE(m_bitbucket.rest(
                     "PUT", u"/rest/api/latest/admin/permissions/users?name=frank.fischer&permission=PROJECT_CREATE"_s),
                 204);
        // Keycloak changes: a rename, a disabled user.
        const QString bobId = AtlassianEmulator::user(bitbucket, u"bob.baker"_s)[u"id"_s].toVariant().toString();
        QCOMPARE(m_admin.updateUser(m_realmName, u"bob.baker"_s, {{u"username"_s, u"robert.baker"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const QStringList frankGroups = AtlassianEmulator::groupsOf(bitbucket, u"frank.fischer"_s);
        const SyncResult second = run(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        bitbucket = m_bitbucket.state();
        QCOMPARE(AtlassianEmulator::user(bitbucket, u"robert.baker"_s)[u"id"_s].toVariant().toString(), bobId);
        // Frank: out of the access group and the connector's groups, his permission revoked, and
        // the report says what was taken.
        QVERIFY2(AtlassianEmulator::groupsOf(bitbucket, u"frank.fischer"_s).isEmpty(),
                 qPrintable(AtlassianEmulator::groupsOf(bitbucket, u"frank.fischer"_s).join(u", "_s)));
        QVERIFY(!hasPermission(bitbucket, u"frank.fischer"_s));
        const Change frank = find(*second.plan, u"frank.fischer"_s);
        QCOMPARE(frank.action, Action::Disable);
        const BitbucketAccess taken = BitbucketAccess::fromText(field(frank, u"access"_s).before);
        QCOMPARE(taken.groups, QStringList{u"stash-users"_s});
        QCOMPARE(taken.permission, u"PROJECT_CREATE"_s);
        QVERIFY(!run(SyncRequest::Mode::Simulate).plan->hasChanges()); // disabled once

        // A rollback of that run gives back exactly what was taken.
        const RollbackResult preview = rollback(m_location, rollbackOf(second.run.id, true));
        QVERIFY2(preview.status == RollbackResult::Status::Succeeded, qPrintable(preview.message));
        RollbackRequest undo = rollbackOf(second.run.id, false);
        undo.reviewedPlan = preview.plan;
        const RollbackResult undone = rollback(m_location, undo);
        QVERIFY2(undone.status == RollbackResult::Status::Succeeded, qPrintable(undone.message));
        bitbucket = m_bitbucket.state();
        QCOMPARE(AtlassianEmulator::groupsOf(bitbucket, u"frank.fischer"_s), frankGroups);
        QVERIFY(hasPermission(bitbucket, u"frank.fischer"_s));

        // Disabled again by the next sync (Keycloak still says so), then enabled in Keycloak: the
        // reactivation gives back what the disabling recorded.
        QVERIFY(run(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        QVERIFY(AtlassianEmulator::groupsOf(m_bitbucket.state(), u"frank.fischer"_s).isEmpty());
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, true}}), 204);
        const SyncResult back = run(SyncRequest::Mode::Full);
        QVERIFY2(back.status == SyncResult::Status::Succeeded, qPrintable(back.message));
        QCOMPARE(find(*back.plan, u"frank.fischer"_s).action, Action::Reactivate);
        bitbucket = m_bitbucket.state();
        QCOMPARE(AtlassianEmulator::groupsOf(bitbucket, u"frank.fischer"_s), frankGroups);
        QVERIFY(hasPermission(bitbucket, u"frank.fischer"_s));
        QCOMPARE(bitbucket.value(u"users"_s).toArray().size(), people + 1); // no one twice
    }

    void refusalForOneObjectCompletesWithErrors()
    {
        QVERIFY(run(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"email"_s, u"carol@new.example.com"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"grace.green"_s, {{u"email"_s, u"grace@new.example.com"_s}}), 204);
        QVERIFY(m_bitbucket.setFaults(
            {QJsonObject{{u"method"_s, u"PUT"_s},
                         {u"path"_s, u"^/rest/api/latest/admin/users$"_s},
                         {u"status"_s, 400},
                         {u"count"_s, 1},
                         {u"body"_s,
                          QJsonObject{{u"errors"_s,
                                       QJsonArray{QJsonObject{{u"context"_s, u"email"_s},
                                                              {u"message"_s, u"That address is taken."_s},
                                                              {u"exceptionName"_s, u"x"_s}}}}}}}}));
        const SyncResult result = run(SyncRequest::Mode::Full);
        QVERIFY(m_bitbucket.setFaults({}));
        QCOMPARE(result.status, SyncResult::Status::CompletedWithErrors);
        QVERIFY2(result.message.contains(u"Bitbucket refused 1 of 2"_s), qPrintable(result.message));
    }

    // New users get their access group in bulk; a refusal has each tried alone, and the one it is
    // about is created but recorded as failed, with the words, and given access by the next sync.
    void accessRefusedForOneNewUserIsItsFailure()
    {
        QVERIFY(m_bitbucket.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                                   {u"path"_s, u"^/rest/api/latest/admin/groups/add-users$"_s},
                                                   {u"status"_s, 404},
                                                   {u"count"_s, 1},
                                                   {u"body"_s, errorBody(u"No such user."_s)}},
                                       QJsonObject{{u"method"_s, u"POST"_s},
                                                   {u"path"_s, u"^/rest/api/latest/admin/users/add-groups$"_s},
                                                   {u"status"_s, 404},
                                                   {u"count"_s, 1},
                                                   {u"body"_s, errorBody(u"The user cannot be found."_s)}}}));
        QVERIFY(m_bitbucket.clearRequests());
        const SyncResult first = run(SyncRequest::Mode::Full);
        QVERIFY(m_bitbucket.setFaults({}));
        QCOMPARE(first.status, SyncResult::Status::CompletedWithErrors);
        const QJsonArray requests = m_bitbucket.requests();
        QStringList alone;
        for (const QJsonValue request : requests) {
            if (request[u"path"_s].toString() == u"/rest/api/latest/admin/users/add-groups"_s) {
                alone.append(request[u"body"_s][u"user"_s].toString());
            }
        }
        QVERIFY2(alone.size() > 1, qPrintable(alone.join(u", "_s))); // the refused call's users, each alone
        const QString refused = alone.first();

        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        QVERIFY2(connection, qPrintable(error));
        const auto changes = DirectoryStore(connection->database()).changes(first.run.id, &error);
        QVERIFY2(changes, qPrintable(error));
        QStringList failed;
        for (const Change& change : changes->changes) {
            if (change.outcome == ChangeOutcome::Failed) {
                failed.append(change.key);
                QVERIFY2(change.error.contains(u"not given access through the group stash-users"_s)
                             && change.error.contains(u"The user cannot be found."_s),
                         qPrintable(change.error));
            }
        }
        QCOMPARE(failed, QStringList{refused});
        QJsonObject bitbucket = m_bitbucket.state();
        QVERIFY(!AtlassianEmulator::user(bitbucket, refused).isEmpty()); // created all the same
        QVERIFY(!AtlassianEmulator::groupsOf(bitbucket, refused).contains(u"stash-users"_s));
        QVERIFY(AtlassianEmulator::groupsOf(bitbucket, alone.last()).contains(u"stash-users"_s));

        const SyncResult second = run(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        QVERIFY(AtlassianEmulator::groupsOf(m_bitbucket.state(), refused).contains(u"stash-users"_s));
        QVERIFY(!run(SyncRequest::Mode::Simulate).plan->hasChanges());
        QCOMPARE(m_bitbucket.state().value(u"users"_s).toArray().size(), m_realm.users().size() + 1); // no one twice
    }

    // The history of a run into an application is written on a connection of its own, also to a
    // PostgreSQL directory: every outcome and every link is there when the run has ended.
    void historyInAPostgreSqlDirectory()
    {
        USERSYNC_REQUIRE_POSTGRES(postgres);
        QVERIFY(SecretStore().writeNow(DirectoryAccess::passwordKey(postgres->location), postgres->password).ok());
        QVERIFY(m_bitbucket.reset());
        m_admin.deleteRealm(m_realmName);
        start(m_admin, m_realmName, postgres->location, m_url, m_target, m_bitbucket.adminPassword(), m_connector);
        const SyncResult applied =
            sync(postgres->location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), SyncRequest::Mode::Full);
        QVERIFY2(applied.status == SyncResult::Status::Succeeded, qPrintable(applied.message));

        QString error;
        auto connection = DirectoryAccess::open(postgres->location, &error);
        QVERIFY2(connection, qPrintable(error));
        const auto changes = DirectoryStore(connection->database()).changes(applied.run.id, &error);
        QVERIFY2(changes, qPrintable(error));
        qsizetype planned = 0;
        for (const Change& change : applied.plan->changes) {
            planned += change.action != Action::Unchanged && change.action != Action::Skip;
        }
        qsizetype done = 0;
        for (const Change& change : changes->changes) {
            if (change.action != Action::Skip) { // a skip is recorded, not settled
                QVERIFY2(change.outcome == ChangeOutcome::Done, qPrintable(change.key));
                ++done;
            }
        }
        QCOMPARE(done, planned);
        QCOMPARE(changes->memberships.size(), applied.plan->memberships.size());
        for (const MembershipChange& membership : changes->memberships) {
            if (membership.action != Action::Skip) {
                QCOMPARE(membership.outcome, ChangeOutcome::Done);
            }
        }
        QSqlQuery query(connection->database());
        QVERIFY(query.exec(u"SELECT object, COUNT(*) FROM target_links GROUP BY object"_s));
        QHash<QString, int> links;
        while (query.next()) {
            links.insert(query.value(0).toString(), query.value(1).toInt());
        }
        QCOMPARE(links.value(u"user"_s), m_realm.users().size());
        const auto added = std::count_if(applied.plan->memberships.cbegin(), applied.plan->memberships.cend(),
                                         [](const MembershipChange& m) { return m.action == Action::Add; });
        QCOMPARE(links.value(u"membership"_s), int(added));
        QVERIFY(!sync(postgres->location, m_connector, m_realm.clientSecret(u"usersync-sync"_s),
                      SyncRequest::Mode::Simulate)
                     .plan->hasChanges());
        QVERIFY(TestEnvironment::emptyDirectory(connection->database(), true));
    }

    void reviewedPlanIsRefusedWhenBitbucketChanged()
    {
        const SyncResult simulated = run(SyncRequest::Mode::Simulate);
        QVERIFY(m_bitbucket.seed(
            {{u"users"_s,
              QJsonArray{QJsonObject{
                  {u"name"_s, u"bob.baker"_s}, {u"email"_s, u"bob@example.com"_s}, {u"displayName"_s, u"Bob"_s}}}}}));
        QVERIFY(m_bitbucket.clearRequests());
        const SyncResult applied = run(SyncRequest::Mode::Full, simulated.plan);
        QCOMPARE(applied.status, SyncResult::Status::Refused);
        for (const QJsonValue request : m_bitbucket.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
        }
    }

    void lostAnswerDoesNotCreateADuplicate()
    {
        QVERIFY(m_bitbucket.setFaults({QJsonObject{{u"method"_s, u"POST"_s},
                                                   {u"path"_s, u"^/rest/api/latest/admin/users$"_s},
                                                   {u"status"_s, 502},
                                                   {u"count"_s, 3},
                                                   {u"mode"_s, u"apply-then-fail"_s}}}));
        const SyncResult result = run(SyncRequest::Mode::Full);
        QVERIFY(m_bitbucket.setFaults({}));
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        QCOMPARE(m_bitbucket.state().value(u"users"_s).toArray().size(), m_realm.users().size() + 1);
        QVERIFY(!run(SyncRequest::Mode::Simulate).plan->hasChanges());
    }

    void migrationPreviewShowsWhoIsLinked()
    {
        QVERIFY(m_bitbucket.seed({{u"users"_s,
                                   QJsonArray{QJsonObject{{u"name"_s, u"alice.andersen"_s},
                                                          {u"email"_s, u"alice@old.example.com"_s},
                                                          {u"displayName"_s, u"Alice"_s}}}}}));
        QString error;
        const QHash<QString, Planner::MatchPreview::Outcome> outcomes =
            TargetWorkflow::migrationPreview(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(outcomes.value(u"alice.andersen"_s), Planner::MatchPreview::Outcome::Link);
        QCOMPARE(outcomes.value(u"carol.chen"_s), Planner::MatchPreview::Outcome::Create);
    }

    void theDeletionGuardStopsARollbackThatDisablesEveryone()
    {
        const SyncResult first = run(SyncRequest::Mode::Full);
        QVERIFY2(first.status == SyncResult::Status::Succeeded, qPrintable(first.message));
        RollbackRequest undo = rollbackOf(first.run.id, false);
        QCOMPARE(rollback(m_location, undo).status, RollbackResult::Status::Refused);
        undo.allowDeletions = true;
        const RollbackResult undone = rollback(m_location, undo);
        QVERIFY2(undone.status == RollbackResult::Status::Succeeded, qPrintable(undone.message));
        // Disabled the Bitbucket way: still there, without access or the connector's groups.
        const QJsonObject bitbucket = m_bitbucket.state();
        QVERIFY(!AtlassianEmulator::user(bitbucket, u"bob.baker"_s).isEmpty());
        QVERIFY(AtlassianEmulator::groupsOf(bitbucket, u"bob.baker"_s).isEmpty());
    }

private:
    SyncResult run(SyncRequest::Mode mode, std::shared_ptr<const ChangeSet> reviewed = {})
    {
        return sync(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), mode, std::move(reviewed));
    }

    std::optional<DirectoryState> readBitbucket()
    {
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        BitbucketTarget target(m_target, m_bitbucket.adminPassword(), connection->database());
        std::optional<DirectoryState> read;
        bool done = false;
        target.read([&](std::optional<DirectoryState> state, std::optional<ConnectorError> failure) {
            read = std::move(state);
            if (failure) {
                qInfo("read failed: %s", qPrintable(failure->message));
            }
            done = true;
        });
        if (!QTest::qWaitFor([&done] { return done; }, 120'000)) {
            return std::nullopt;
        }
        return read;
    }

    static bool hasPermission(const QJsonObject& state, const QString& name)
    {
        const QJsonArray permissions = state.value(u"userPermissions"_s).toArray();
        return std::any_of(permissions.cbegin(), permissions.cend(), [&name](const QJsonValue& entry) {
            return entry[0].toString() == name && entry[1].toString() == u"PROJECT_CREATE"_s;
        });
    }

    static QJsonObject errorBody(const QString& message)
    {
        return {{u"errors"_s,
                 QJsonArray{QJsonObject{
                     {u"context"_s, QJsonValue::Null}, {u"message"_s, message}, {u"exceptionName"_s, u"x"_s}}}}};
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

    static FieldChange field(const Change& change, const QString& name)
    {
        for (const FieldChange& f : change.fields) {
            if (f.field == name) {
                return f;
            }
        }
        return {};
    }

    AtlassianEmulator m_bitbucket = AtlassianEmulator::bitbucket();
    KeycloakAdmin m_admin;
    TestRealm m_realm;
    QTemporaryDir m_temporary;
    QString m_url;
    QString m_realmName;
    DirectoryLocation m_location = DirectoryLocation::defaultLocation();
    TargetConfig m_target;
    ConnectorConfig m_connector;
};

QTEST_GUILESS_MAIN(TestBitbucketSync)
#include "tst_bitbucketsync.moc"

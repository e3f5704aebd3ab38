#include "JobRunner.h"
#include "ScimServer.h"
#include "TestEnvironment.h"
#include "targets/TargetTest.h"
#include "targets/scim/ScimClient.h"
#include "targets/scim/ScimReader.h"
#include "targets/scim/ScimResources.h"

#include <QTest>

using namespace Qt::StringLiterals;

// A SCIM 2.0 service as a target, against the test services' real SCIM server (scim2-server):
// what UserSync learns from its discovery, and what Test Connection says, also when something is
// wrong. Every request goes through the harness, which records it.
class TestScimTarget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_SCIM_URL").constData());
    }

    void init()
    {
        QVERIFY(m_server.reset());
        m_config = TargetConfig();
        m_config.name = u"Test SCIM"_s;
        m_config.type = TargetConfig::scimType;
        m_config.url = m_server.url();
        m_config.http.retryDelayMs = 20;
    }

    void connectionTestSaysWhatTheServiceSupports()
    {
        QVERIFY(!m_server.addUser(u"alice"_s, u"alice@example.com"_s).isEmpty());
        QVERIFY(!m_server.addUser(u"bob"_s, u"bob@example.com"_s, false).isEmpty());
        QCOMPARE(m_server.scim("POST", u"Groups"_s,
                               {{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:Group"_s}},
                                {u"displayName"_s, u"Staff"_s}}),
                 201);
        QVERIFY(m_server.clearRequests());
        const TargetTestResult result = test(m_config, m_server.token());
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.product, u"SCIM 2.0"_s);
        QCOMPARE(result.userCount, 2);
        QCOMPARE(result.groupCount, 1);
        for (const QString& feature :
             {u"PATCH"_s, u"Bulk (at most 1,000 operations)"_s, u"filters (at most 1,000 results)"_s, u"sorting"_s,
              u"ETags"_s, u"the enterprise user extension"_s}) {
            QVERIFY2(result.supports.contains(feature), qPrintable(result.supports.join(u", "_s)));
        }
        QVERIFY2(result.warnings.size() == 1 && result.warnings.first().contains(u"http://"_s),
                 qPrintable(result.warnings.join(u'\n')));
        // Discovery first, then the counts; read-only, with the token on every request.
        QStringList asked;
        for (const QJsonValue request : m_server.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
            QCOMPARE(request[u"status"_s].toInt(), 200);
            asked << request[u"path"_s].toString().section(u'/', 2);
        }
        const QStringList discovery = asked.mid(0, 3);
        QCOMPARE(QSet<QString>(discovery.cbegin(), discovery.cend()),
                 (QSet<QString>{u"ServiceProviderConfig"_s, u"Schemas"_s, u"ResourceTypes"_s}));
        QCOMPARE(asked.mid(3), (QStringList{u"Users"_s, u"Groups"_s}));
    }

    void connectionTestWarnsWhatTheServiceLacks()
    {
        QVERIFY(m_server.reset({{u"patch"_s, false}, {u"filter"_s, false}, {u"bulk"_s, false}}));
        const TargetTestResult result = test(m_config, m_server.token());
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QVERIFY(!result.supports.contains(u"PATCH"_s));
        const QString warnings = result.warnings.join(u'\n');
        QVERIFY2(warnings.contains(u"does not support PATCH"_s) && warnings.contains(u"PUT"_s), qPrintable(warnings));
        QVERIFY2(warnings.contains(u"does not support filters"_s), qPrintable(warnings));
    }

    void connectionTestSaysWhatIsWrong()
    {
        TargetTestResult result = test(m_config, u"not-the-token"_s);
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ConnectorError::Kind::Unauthorized);
        QVERIFY2(result.error->message.contains(u"did not accept the bearer token"_s),
                 qPrintable(result.error->message));

        TargetConfig wrong = m_config;
        wrong.url = m_server.url() + u"/tenants/none"_s; // no SCIM there: scim2-server answers 404
        result = test(wrong, m_server.token());
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ConnectorError::Kind::WrongUrl);
        QVERIFY2(result.error->message.contains(u"not as a SCIM 2.0 service"_s), qPrintable(result.error->message));

        // A service that stays unavailable: retried (honouring Retry-After), then said.
        QVERIFY(m_server.setFaults(
            {QJsonObject{{u"path"_s, u"/Users$"_s}, {u"status"_s, 503}, {u"retryAfter"_s, 0}, {u"count"_s, -1}}}));
        m_config.http.maxRetries = 2;
        result = test(m_config, m_server.token());
        QVERIFY(m_server.setFaults({}));
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ConnectorError::Kind::ServerError);
        QVERIFY2(result.error->message.contains(u"HTTP 503"_s) && result.error->message.contains(u"3 attempts"_s),
                 qPrintable(result.error->message));
    }

    void tlsIsAlwaysVerified_data()
    {
        QTest::addColumn<QByteArray>("urlVariable");
        QTest::addColumn<bool>("withCaFile");
        QTest::addColumn<QString>("said"); // empty: accepted
        QTest::newRow("private CA, without its file")
            << QByteArray("USERSYNC_TEST_SCIM_HTTPS_URL") << false << u"Advanced Settings → CA file"_s;
        QTest::newRow("private CA, with its file") << QByteArray("USERSYNC_TEST_SCIM_HTTPS_URL") << true << QString();
        QTest::newRow("another host name")
            << QByteArray("USERSYNC_TEST_SCIM_WRONG_HOST_URL") << true << u"made out for another host name"_s;
        QTest::newRow("expired") << QByteArray("USERSYNC_TEST_SCIM_EXPIRED_URL") << true << u"has expired"_s;
    }

    // The real service over TLS with certificates of the test run's own CA: one it may trust once
    // given the CA file, and two no CA file makes right, each refused with its own sentence.
    void tlsIsAlwaysVerified()
    {
        QFETCH(QByteArray, urlVariable);
        QFETCH(bool, withCaFile);
        QFETCH(QString, said);
        const QString url = qEnvironmentVariable(urlVariable.constData());
        QVERIFY2(!url.isEmpty(), TestEnvironment::missingServiceMessage(urlVariable.constData()).constData());
        TargetConfig config = m_config;
        config.url = url;
        if (withCaFile) {
            USERSYNC_REQUIRE_ENV(caFile, "USERSYNC_TEST_CA_FILE");
            config.http.caFile = caFile;
        }
        const TargetTestResult result = test(config, m_server.token());
        if (said.isEmpty()) {
            QVERIFY2(!result.error, qPrintable(result.error ? result.error->message : QString()));
            QVERIFY(result.ok);
            return;
        }
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ConnectorError::Kind::Tls);
        QVERIFY2(result.error->message.contains(said), qPrintable(result.error->message));
    }

    // Every user and group, across pages asked for ahead, with the members that are users.
    void readsEverythingAcrossPages()
    {
        QStringList ids;
        for (int n = 1; n <= 25; ++n) {
            ids << m_server.addUser(u"user%1"_s.arg(n, 2, 10, QLatin1Char('0')), u"user%1@example.com"_s.arg(n),
                                    n != 7);
            QVERIFY(!ids.constLast().isEmpty());
        }
        QJsonObject answer;
        QCOMPARE(m_server.scim("POST", u"Users"_s,
                               {{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:User"_s}},
                                {u"userName"_s, u"carol"_s},
                                {u"name"_s, QJsonObject{{u"givenName"_s, u"Carol"_s}, {u"familyName"_s, u"Chen"_s}}},
                                {u"displayName"_s, u"Carol Chen"_s},
                                {u"emails"_s,
                                 QJsonArray{QJsonObject{{u"value"_s, u"old@example.com"_s}},
                                            QJsonObject{{u"value"_s, u"carol@example.com"_s}, {u"primary"_s, true}}}}},
                               &answer),
                 201);
        const QString carol = answer[u"id"_s].toString();
        const QString staff = m_server.addGroup(u"Staff"_s,
                                                {QJsonObject{{u"value"_s, ids.at(0)}}, QJsonObject{{u"value"_s, carol}},
                                                 // no such user: scim2-server keeps no referential integrity
                                                 QJsonObject{{u"value"_s, u"gone"_s}}});
        QVERIFY(!staff.isEmpty());
        QVERIFY(!m_server
                     .addGroup(u"Everyone"_s,
                               {QJsonObject{{u"value"_s, staff}, {u"type"_s, u"Group"_s}},
                                QJsonObject{{u"value"_s, ids.at(6)}}})
                     .isEmpty());

        QVERIFY(m_server.clearRequests());
        std::optional<DirectoryState> state = read(10);
        QVERIFY(state);
        QCOMPARE(state->users.size(), 26);
        QCOMPARE(state->groups.size(), 2);
        QCOMPARE(state->memberships.size(), 3); // Staff: user01 and carol; Everyone: user07
        const auto user = [&state](const QString& name) {
            return *std::find_if(state->users.cbegin(), state->users.cend(),
                                 [&name](const LocalUser& u) { return u.username == name; });
        };
        QVERIFY(!user(u"user07"_s).active);
        QCOMPARE(user(u"carol"_s).email, u"carol@example.com"_s); // the primary one
        QCOMPARE(user(u"carol"_s).firstName, u"Carol"_s);
        QCOMPARE(user(u"carol"_s).lastName, u"Chen"_s);
        QSet<QString> pages;
        for (const QJsonValue request : m_server.requests()) {
            if (request[u"path"_s].toString().endsWith(u"/Users"_s)) {
                QCOMPARE(request[u"query"_s][u"count"_s].toString(), u"10"_s);
                pages.insert(request[u"query"_s][u"startIndex"_s].toString());
            }
        }
        QCOMPARE(pages, (QSet<QString>{u"1"_s, u"11"_s, u"21"_s}));

        // A page that comes back empty although the total says there is more: no state at all.
        QVERIFY(m_server.setFaults(
            {QJsonObject{{u"path"_s, u"/Users$"_s}, {u"query"_s, u"startIndex=11"_s}, {u"mode"_s, u"empty-list"_s}}}));
        state = read(10, &m_lastError);
        QVERIFY(m_server.setFaults({}));
        QVERIFY(!state);
        QCOMPARE(m_lastError.kind, ConnectorError::Kind::IncompleteData);
        QVERIFY2(m_lastError.message.contains(u"holds 26 of the users, but 16 were listed"_s),
                 qPrintable(m_lastError.message));
    }

    // A service that gives fewer than asked for (its own maximum, here 5 of 10): the pages after
    // the first follow what it gave, and nothing is left out. Groups, as large as their members,
    // start with a small page and go on in pages of about 10,000 members.
    void pagesFollowWhatTheServiceGives()
    {
        QVERIFY(m_server.reset({{u"maxResults"_s, 5}}));
        QJsonArray members;
        for (int n = 1; n <= 12; ++n) {
            const QString id = m_server.addUser(u"user%1"_s.arg(n), u"user%1@example.com"_s.arg(n));
            QVERIFY(!id.isEmpty());
            members.append(QJsonObject{{u"value"_s, id}});
        }
        for (int n = 1; n <= 3; ++n) {
            QVERIFY(!m_server.addGroup(u"group%1"_s.arg(n), members).isEmpty());
        }
        QVERIFY(m_server.clearRequests());
        const std::optional<DirectoryState> state = read(10);
        QVERIFY(state);
        QCOMPARE(state->users.size(), 12);
        QCOMPARE(state->groups.size(), 3);
        QCOMPARE(state->memberships.size(), 36);
        QStringList users;
        QStringList groups;
        for (const QJsonValue request : m_server.requests()) {
            const QString page =
                request[u"query"_s][u"startIndex"_s].toString() + u'+' + request[u"query"_s][u"count"_s].toString();
            if (request[u"path"_s].toString().endsWith(u"/Users"_s)) {
                users << page;
            } else if (request[u"path"_s].toString().endsWith(u"/Groups"_s)) {
                groups << page;
            }
        }
        users.sort();
        QCOMPARE(users, (QStringList{u"1+10"_s, u"11+5"_s, u"6+5"_s}));
        QCOMPARE(groups, QStringList{u"1+10"_s});
    }

    // What a plan's changes become, as the real server takes them: a user with only advertised
    // attributes, a PATCH of its changed fields, lookups by externalId and userName, and members in
    // PATCHes of at most 100, removed one filtered operation at a time.
    void resourcesAreWhatTheServerTakes()
    {
        const std::optional<ScimService> service = discover();
        QVERIFY(service);
        const QList<FieldChange> added{{u"username"_s, {}, u"dora.dunn"_s},    {u"email"_s, {}, u"dora@example.com"_s},
                                       {u"firstName"_s, {}, u"Dora"_s},        {u"lastName"_s, {}, u"Dunn"_s},
                                       {u"displayName"_s, {}, u"Dora Dunn"_s}, {u"active"_s, {}, u"false"_s}};
        QJsonObject created;
        QCOMPARE(m_server.scim("POST", u"Users"_s, ScimResources::user(added, *service, u"kc-dora"_s), &created), 201);
        const QString id = created[u"id"_s].toString();
        LocalUser dora = ScimReader::userOf(created);
        QCOMPARE(dora.username, u"dora.dunn"_s);
        QCOMPARE(dora.email, u"dora@example.com"_s);
        QCOMPARE(dora.firstName, u"Dora"_s);
        QCOMPARE(dora.lastName, u"Dunn"_s);
        QCOMPARE(dora.displayName, u"Dora Dunn"_s);
        QVERIFY(!dora.active);
        QCOMPARE(created[u"externalId"_s].toString(), u"kc-dora"_s);

        const QList<FieldChange> changed{{u"email"_s, u"dora@example.com"_s, u"dora.dunn@example.com"_s},
                                         {u"displayName"_s, u"Dora Dunn"_s, u"Dr. Dora Dunn"_s},
                                         {u"active"_s, u"false"_s, u"true"_s}};
        const int patched = m_server.scim("PATCH", u"Users/"_s + id, ScimResources::userPatch(changed, *service));
        QVERIFY2(patched == 200 || patched == 204, qPrintable(QString::number(patched)));
        QJsonObject read;
        QCOMPARE(m_server.scim("GET", u"Users/"_s + id, {}, &read), 200);
        dora = ScimReader::userOf(read);
        QCOMPARE(dora.email, u"dora.dunn@example.com"_s);
        QCOMPARE(dora.displayName, u"Dr. Dora Dunn"_s);
        QVERIFY(dora.active);
        QCOMPARE(m_server.scim("PATCH", u"Users/"_s + id, ScimResources::activePatch(false)) / 100, 2);
        QCOMPARE(m_server.scim("GET", u"Users/"_s + id, {}, &read), 200);
        QVERIFY(!ScimReader::userOf(read).active);

        for (const QString& filter : {ScimResources::externalIdFilter(u"kc-dora"_s),
                                      ScimResources::userNameFilter(u"DORA.DUNN"_s)}) { // userName: case-insensitive
            QJsonObject found;
            QCOMPARE(m_server.scim("GET", u"Users?filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(filter)), {},
                                   &found),
                     200);
            QCOMPARE(found[u"totalResults"_s].toInt(), 1);
        }

        QStringList members;
        for (int n = 0; n < 150; ++n) {
            members << m_server.addUser(u"member%1"_s.arg(n), u"member%1@example.com"_s.arg(n));
        }
        QJsonObject group;
        QCOMPARE(m_server.scim("POST", u"Groups"_s, ScimResources::group(u"Staff"_s, u"kc-staff"_s, *service), &group),
                 201);
        const QString groupPath = u"Groups/"_s + group[u"id"_s].toString();
        const QList<QJsonObject> additions = ScimResources::addMembers(members);
        QCOMPARE(additions.size(), 2);
        QVERIFY(m_server.clearRequests());
        for (const QJsonObject& patch : additions) {
            QCOMPARE(m_server.scim("PATCH", groupPath, patch) / 100, 2);
        }
        QCOMPARE(m_server.scim("GET", groupPath, {}, &group), 200);
        QCOMPARE(group[u"members"_s].toArray().size(), 150);
        const QList<QJsonObject> removals = ScimResources::removeMembers(members.mid(0, 120));
        QCOMPARE(removals.size(), 2);
        for (const QJsonObject& patch : removals) {
            QCOMPARE(m_server.scim("PATCH", groupPath, patch) / 100, 2);
        }
        QCOMPARE(m_server.scim("GET", groupPath, {}, &group), 200);
        QCOMPARE(group[u"members"_s].toArray().size(), 30);
        // As sent: at most 100 members a PATCH, and no remove without a filter.
        for (const QJsonValue request : m_server.requests()) {
            if (request[u"method"_s].toString() != u"PATCH"_s) {
                continue;
            }
            const QJsonArray operations = request[u"body"_s][u"Operations"_s].toArray();
            qsizetype count = 0;
            for (const QJsonValue operation : operations) {
                if (operation[u"op"_s].toString() == u"remove"_s) {
                    QVERIFY2(operation[u"path"_s].toString().startsWith(u"members[value eq \""_s),
                             qPrintable(operation[u"path"_s].toString()));
                    ++count;
                } else {
                    count += operation[u"value"_s].toArray().size();
                }
            }
            QVERIFY(count > 0 && count <= 100);
        }
    }

    void filterValuesAreQuotedAndEscaped()
    {
        QCOMPARE(ScimClient::quoted(u"plain"_s), u"\"plain\""_s);
        QCOMPARE(ScimClient::quoted(u"a\"b\\c"_s), u"\"a\\\"b\\\\c\""_s);
        // What the real server makes of it: the user with both characters in its name is found.
        QVERIFY(!m_server.addUser(u"o\"brien\\x"_s, u"ob@example.com"_s).isEmpty());
        QJsonObject found;
        const QString filter = u"userName eq "_s + ScimClient::quoted(u"o\"brien\\x"_s);
        QCOMPARE(
            m_server.scim("GET", u"Users?filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(filter)), {}, &found),
            200);
        QCOMPARE(found[u"totalResults"_s].toInt(), 1);
    }

private:
    std::optional<ScimService> discover()
    {
        ScimClient client(m_config, m_server.token());
        ScimDiscovery discovery(&client);
        std::optional<ScimService> service;
        bool discovered = false;
        discovery.discover([&](std::optional<ScimService> found, std::optional<ConnectorError>) {
            service = std::move(found);
            discovered = true;
        });
        if (!QTest::qWaitFor([&] { return discovered; }, 30'000)) {
            return std::nullopt;
        }
        return service;
    }

    std::optional<DirectoryState> read(int pageSize, ConnectorError* failure = nullptr)
    {
        const std::optional<ScimService> service = discover();
        if (!service) {
            return std::nullopt;
        }
        ScimClient client(m_config, m_server.token());
        ScimReader reader(&client, *service, pageSize);
        std::optional<ConnectorError> error;
        bool done = false;
        reader.readAll([&](std::optional<ConnectorError> readError) {
            error = std::move(readError);
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30'000)) {
            return std::nullopt;
        }
        if (error) {
            if (failure) {
                *failure = *error;
            }
            return std::nullopt;
        }
        return reader.takeState();
    }

    static TargetTestResult test(const TargetConfig& config, const QString& token)
    {
        const std::unique_ptr<TargetTest> job = TargetTest::create(config, token);
        const QList<QVariant> arguments = runJob(*job);
        return arguments.isEmpty() ? TargetTestResult{} : arguments.first().value<TargetTestResult>();
    }

    ScimServer m_server;
    TargetConfig m_config;
    ConnectorError m_lastError;
};

QTEST_GUILESS_MAIN(TestScimTarget)
#include "tst_scimtarget.moc"

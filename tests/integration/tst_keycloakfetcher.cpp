#include "JobRunner.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "connectors/keycloak/KeycloakFetcher.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

// A full fetch of the real test realm must reproduce the fixture exactly.
class TestKeycloakFetcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        m_url = url;
    }

    void snapshotMatchesTheRealm_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("maxInFlight");
        QTest::newRow("defaults") << KeycloakSettings::defaultPageSize << KeycloakSettings::defaultMaxInFlight;
        // Many small, overlapping pages, several at once: the same realm must come out.
        QTest::newRow("small pages") << 7 << 3;
        QTest::newRow("one request at a time") << 100 << 1;
    }

    void snapshotMatchesTheRealm()
    {
        QFETCH(int, pageSize);
        QFETCH(int, maxInFlight);
        KeycloakSettings keycloak = settings(u"usersync-sync"_s);
        keycloak.pageSize = pageSize;
        keycloak.maxInFlight = maxInFlight;
        keycloak.userAttributes = {u"department"_s, u"employeeNumber"_s};
        const FetchResult result = fetch(keycloak, u"usersync-sync"_s);
        QVERIFY2(!result.error,
                 qPrintable(result.error ? result.error->message + u" / "_s + result.error->detail : QString()));
        QVERIFY(result.snapshot);
        const DirectorySnapshot& snapshot = *result.snapshot;

        // Users, field by field; Keycloak keeps usernames and emails in lower case.
        QHash<QString, User> byUsername;
        for (const User& user : snapshot.users) {
            QVERIFY2(!byUsername.contains(user.username), qPrintable(user.username));
            byUsername.insert(user.username, user);
        }
        QCOMPARE(byUsername.size(), m_realm.users().size());
        for (const QJsonObject& expected : m_realm.users()) {
            const QString username = expected[u"username"_s].toString().toLower();
            QVERIFY2(byUsername.contains(username), qPrintable(username));
            const User& user = byUsername.value(username);
            QVERIFY(!user.id.isEmpty());
            QCOMPARE(user.email, expected[u"email"_s].toString().toLower());
            QCOMPARE(user.firstName, expected[u"firstName"_s].toString());
            QCOMPARE(user.lastName, expected[u"lastName"_s].toString());
            QCOMPARE(user.enabled, expected[u"enabled"_s].toBool());
            QVERIFY(user.createdTimestamp > 0);
            const QJsonObject attributes = expected[u"attributes"_s].toObject();
            QCOMPARE(user.attributes.size(), attributes.size());
            for (auto it = attributes.begin(); it != attributes.end(); ++it) {
                QCOMPARE(user.attributes.value(it.key()), QStringList{it.value().toArray().first().toString()});
            }
        }
        // No service-account users.
        for (const User& user : snapshot.users) {
            QVERIFY2(!user.username.startsWith(u"service-account-"_s), qPrintable(user.username));
        }

        // The whole group tree with parents.
        QStringList paths;
        QHash<QString, Group> byId;
        for (const Group& group : snapshot.groups) {
            paths << group.path;
            byId.insert(group.id, group);
        }
        QStringList expectedPaths = m_realm.groupPaths();
        paths.sort();
        expectedPaths.sort();
        QCOMPARE(paths, expectedPaths);
        for (const Group& group : snapshot.groups) {
            const QString parentPath = group.path.section(u'/', 0, -2);
            if (parentPath.isEmpty()) {
                QVERIFY(group.parentId.isEmpty());
            } else {
                QCOMPARE(byId.value(group.parentId).path, parentPath);
            }
        }

        // Every direct membership, including "All Staff" with more members than one page.
        QSet<QPair<QString, QString>> memberships;
        for (const Membership& membership : snapshot.memberships) {
            memberships.insert(
                {snapshot.users.at(membership.user).username, snapshot.groups.at(membership.group).path});
        }
        QCOMPARE(memberships.size(), snapshot.memberships.size());
        QCOMPARE(memberships, m_realm.memberships());
        const auto allStaff = std::count_if(memberships.cbegin(), memberships.cend(),
                                            [](const auto& pair) { return pair.second == u"/All Staff"_s; });
        QVERIFY(allStaff > KeycloakSettings::defaultPageSize);

        QCOMPARE(result.statistics.tokensIssued, 1);
        QCOMPARE(result.statistics.retries, 0);
    }

    void briefListingCarriesNoAttributes()
    {
        const FetchResult result = fetch(settings(u"usersync-view"_s), u"usersync-view"_s);
        QVERIFY(result.snapshot);
        for (const User& user : result.snapshot->users) {
            QVERIFY(user.attributes.isEmpty());
        }
    }

    void tokenIsRenewedBeforeItExpires()
    {
        // This client's tokens live 20 s. The fetch's clock jumps an hour once it is under way,
        // so the token it holds is stale and a fresh one must be fetched, not used past its end.
        KeycloakSettings keycloak = settings(u"usersync-short-token"_s);
        keycloak.pageSize = 50;
        keycloak.maxInFlight = 1;
        KeycloakFetcher fetcher(keycloak, m_realm.clientSecret(u"usersync-short-token"_s));
        KeycloakClient* client = fetcher.client();
        client->setClock([client] { return client->statistics().requests > 10 ? 3'600'000 : 0; });
        const QList<QVariant> arguments = runJob(fetcher);
        QVERIFY(!arguments.isEmpty());
        const auto result = arguments.first().value<FetchResult>();
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.snapshot->users.size(), m_realm.users().size());
        QCOMPARE(result.statistics.tokensIssued, 2);
    }

    void cancelledFetchGivesNoSnapshot()
    {
        KeycloakSettings keycloak = settings(u"usersync-sync"_s);
        keycloak.pageSize = 10;
        KeycloakFetcher fetcher(keycloak, m_realm.clientSecret(u"usersync-sync"_s));
        QSignalSpy finished(&fetcher, &KeycloakFetcher::finished);
        // Cancelled from inside, once a few pages are in: the clock is asked before every request.
        KeycloakClient* client = fetcher.client();
        client->setClock([client, &fetcher] {
            if (client->statistics().requests > 5) {
                fetcher.cancel();
            }
            return qint64(0);
        });
        fetcher.start();
        QVERIFY(finished.wait(60'000));
        const auto result = finished.first().first().value<FetchResult>();
        QVERIFY(!result.snapshot);
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ConnectorError::Kind::Cancelled);
    }

private:
    KeycloakSettings settings(const QString& clientId) const
    {
        KeycloakSettings keycloak;
        keycloak.baseUrl = m_url;
        keycloak.realm = m_realm.name();
        keycloak.clientId = clientId;
        return keycloak;
    }

    FetchResult fetch(const KeycloakSettings& keycloak, const QString& clientId) const
    {
        KeycloakFetcher fetcher(keycloak, m_realm.clientSecret(clientId));
        const QList<QVariant> arguments = runJob(fetcher);
        return arguments.isEmpty() ? FetchResult{} : arguments.first().value<FetchResult>();
    }

    TestRealm m_realm;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestKeycloakFetcher)
#include "tst_keycloakfetcher.moc"

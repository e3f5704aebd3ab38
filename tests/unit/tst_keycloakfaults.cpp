#include "FaultHttpServer.h"
#include "JobRunner.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "connectors/keycloak/KeycloakFetcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Fault = FaultHttpServer::Fault;
using Response = FaultHttpServer::Response;
using Kind = ConnectorError::Kind;

// Faults a real Keycloak cannot be made to produce on demand, played by FaultHttpServer speaking
// just enough of Keycloak's API. Every case ends in a retry that succeeds or a clear failure,
// never in a partial snapshot.
class TestKeycloakFaults final : public QObject
{
    Q_OBJECT

    static constexpr int userCount = 23;
    static constexpr int pageSize = 5;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FaultHttpServer>();
        QVERIFY(m_server->listen());
        m_prefix.clear();
        m_server->setHandler([this](const FaultHttpServer::Request& request) { return keycloak(request); });
    }

    void cleanup() { m_server.reset(); }

    void healthyServerGivesTheWholeRealm()
    {
        const FetchResult result = fetch();
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->detail : QString()));
        QCOMPARE(result.snapshot->users.size(), userCount);
        QCOMPARE(result.snapshot->groups.size(), 2);
        QCOMPARE(result.snapshot->memberships.size(), userCount + 1);
        QCOMPARE(result.statistics.retries, 0);
    }

    void serverErrorThenSuccessIsRetried()
    {
        m_server->enqueue(adminPath(u"users"_s), Response::json(503, R"({"error":"unavailable"})"));
        const FetchResult result = fetch();
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->detail : QString()));
        QCOMPARE(result.snapshot->users.size(), userCount);
        QCOMPARE(result.statistics.retries, 1);
    }

    void tooManyRequestsHonoursRetryAfter()
    {
        Response slowDown = Response::json(429, R"({"error":"slow down"})");
        slowDown.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        m_server->enqueue(adminPath(u"users/count"_s), slowDown);
        const FetchResult result = fetch();
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->detail : QString()));
        QCOMPARE(result.statistics.retries, 1);
        // The server's one second, not the 10 ms backoff this test configures.
        QCOMPARE(result.statistics.retryWaitMs, 1000);
    }

    void persistentServerErrorFailsAfterRetries()
    {
        m_server->setHandler([this](const FaultHttpServer::Request& request) {
            return request.path == adminPath(u"groups"_s) ? Response::json(500, "{}") : keycloak(request);
        });
        const FetchResult result = fetch();
        QVERIFY(!result.snapshot);
        QCOMPARE(result.error->kind, Kind::ServerError);
        QVERIFY2(result.error->message.contains(u"HTTP 500"_s), qPrintable(result.error->message));
        QCOMPARE(m_server->requestCount(adminPath(u"groups"_s)), settings().maxRetries + 1);
    }

    void stalledAnswerTimesOutThenRetrySucceeds()
    {
        m_server->enqueue(adminPath(u"groups/count"_s), Response::withFault(Fault::Stall));
        const FetchResult result = fetch();
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->detail : QString()));
        QCOMPARE(result.statistics.retries, 1);
    }

    void stalledAnswerWithoutRetriesIsATimeout()
    {
        m_server->setHandler([this](const FaultHttpServer::Request& request) {
            return request.path == adminPath(u"users/count"_s) ? Response::withFault(Fault::Stall) : keycloak(request);
        });
        KeycloakSettings keycloak = settings();
        keycloak.maxRetries = 0;
        const FetchResult result = fetch(keycloak);
        QVERIFY(!result.snapshot);
        QCOMPARE(result.error->kind, Kind::Timeout);
        QVERIFY2(result.error->message.contains(u"did not answer within 1 seconds"_s),
                 qPrintable(result.error->message));
    }

    void truncatedBodyIsRetried()
    {
        m_server->enqueue(adminPath(u"users"_s), Response::withFault(Fault::Truncate, usersPage(0, pageSize)));
        const FetchResult result = fetch();
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->detail : QString()));
        QCOMPARE(result.snapshot->users.size(), userCount);
        QVERIFY(result.statistics.retries >= 1);
    }

    void persistentlyTruncatedBodyFails()
    {
        m_server->setHandler([this](const FaultHttpServer::Request& request) {
            if (request.path == adminPath(u"users"_s)) {
                return Response::withFault(Fault::Truncate, usersPage(0, pageSize));
            }
            return keycloak(request);
        });
        const FetchResult result = fetch();
        QVERIFY(!result.snapshot);
        QCOMPARE(result.error->kind, Kind::Network);
    }

    void malformedPageStopsTheFetch()
    {
        m_server->enqueue(adminPath(u"users"_s), Response::json(200, R"([{"id": "u1", "username": )"));
        const FetchResult result = fetch();
        QVERIFY(!result.snapshot);
        QCOMPARE(result.error->kind, Kind::InvalidResponse);
        QVERIFY2(result.error->message.contains(u"nothing was changed"_s), qPrintable(result.error->message));
    }

    void pageThatSilentlyShrinksIsCaught()
    {
        // Keycloak counts 23 users, but one page quietly comes back a user short.
        m_shrinkUsers = true;
        const FetchResult result = fetch();
        m_shrinkUsers = false;
        QVERIFY(!result.snapshot);
        QCOMPARE(result.error->kind, Kind::IncompleteData);
        QVERIFY2(result.error->message.contains(u"23 users were counted"_s), qPrintable(result.error->message));
    }

    void userAddedDuringTheFetchIsCaught()
    {
        // The second count sees one more user than the listing did.
        int counts = 0;
        m_server->setHandler([this, &counts](const FaultHttpServer::Request& request) {
            if (request.path == adminPath(u"users/count"_s) && ++counts > 1) {
                return Response::json(200, QByteArray::number(userCount + 1));
            }
            return keycloak(request);
        });
        const FetchResult result = fetch();
        QVERIFY(!result.snapshot);
        QCOMPARE(result.error->kind, Kind::IncompleteData);
    }

    void memberWhoIsNoUserIsCaught()
    {
        m_server->setHandler([this](const FaultHttpServer::Request& request) {
            if (request.path == adminPath(u"groups/g-small/members"_s)) {
                return Response::json(200, R"([{"id": "stranger", "username": "not-listed"}])");
            }
            return keycloak(request);
        });
        const FetchResult result = fetch();
        QVERIFY(!result.snapshot);
        QCOMPARE(result.error->kind, Kind::IncompleteData);
    }

    void realmServedOnlyUnderAuthIsFound()
    {
        // An older Keycloak, or one started with --http-relative-path=/auth, typed without /auth.
        m_prefix = u"/auth"_s;
        KeycloakSettings keycloak = settings();
        ConnectionTest test(keycloak, u"secret"_s);
        const QList<QVariant> arguments = runJob(test);
        QVERIFY(!arguments.isEmpty());
        const auto result = arguments.first().value<ConnectionTestResult>();
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QVERIFY(result.withAuthPath);
        QCOMPARE(result.baseUrl.path(), u"/auth"_s);
        QCOMPARE(result.userCount, userCount);

        const FetchResult fetched = fetch();
        QVERIFY(fetched.snapshot);
        QCOMPARE(fetched.snapshot->users.size(), userCount);
    }

    void secretTravelsOnlyInTheBody()
    {
        const FetchResult result = fetch();
        QVERIFY(result.snapshot);
        for (const FaultHttpServer::Request& request : m_server->requests()) {
            QVERIFY(!request.query.toString().contains(u"secret"_s));
            QVERIFY(!request.path.contains(u"secret"_s));
            if (request.path.endsWith(u"/token"_s)) {
                QVERIFY(request.body.contains("client_secret=s%C3%A9cret%2B%26more"));
            }
        }
    }

private:
    QString adminPath(const QString& path) const { return m_prefix + u"/admin/realms/test/"_s + path; }

    KeycloakSettings settings() const
    {
        KeycloakSettings keycloak;
        keycloak.baseUrl = m_server->url().toString();
        keycloak.realm = u"test"_s;
        keycloak.clientId = u"usersync"_s;
        keycloak.pageSize = pageSize;
        keycloak.timeoutSeconds = 1;
        keycloak.maxRetries = 2;
        keycloak.retryDelayMs = 10;
        return keycloak;
    }

    FetchResult fetch(const KeycloakSettings& keycloak)
    {
        KeycloakFetcher fetcher(keycloak, u"sécret+&more"_s);
        const QList<QVariant> arguments = runJob(fetcher, 60'000);
        return arguments.isEmpty() ? FetchResult{} : arguments.first().value<FetchResult>();
    }
    FetchResult fetch() { return fetch(settings()); }

    QByteArray usersPage(int first, int max) const
    {
        QJsonArray page;
        const int end = std::min(userCount - (m_shrinkUsers ? 1 : 0), first + max);
        for (int i = first; i < end; ++i) {
            page.append(QJsonObject{{u"id"_s, u"u%1"_s.arg(i)},
                                    {u"username"_s, u"user%1"_s.arg(i, 2, 10, QLatin1Char('0'))},
                                    {u"enabled"_s, true}});
        }
        return QJsonDocument(page).toJson(QJsonDocument::Compact);
    }

    // Just enough of Keycloak: discovery, token, counts, users, two groups and their members.
    Response keycloak(const FaultHttpServer::Request& request) const
    {
        const QString path = request.path;
        const int first = request.query.queryItemValue(u"first"_s).toInt();
        const int max = request.query.queryItemValue(u"max"_s).toInt();
        if (path == m_prefix + u"/realms/test/.well-known/openid-configuration"_s) {
            return Response::json(200, R"({"issuer": "x", "token_endpoint": "y"})");
        }
        if (path == m_prefix + u"/realms/test/protocol/openid-connect/token"_s) {
            return Response::json(200, R"({"access_token": "token", "expires_in": 300, "token_type": "Bearer"})");
        }
        if (path == adminPath(u"users/count"_s)) {
            return Response::json(200, QByteArray::number(userCount));
        }
        if (path == adminPath(u"users"_s)) {
            return Response::json(200, usersPage(first, max));
        }
        if (path == adminPath(u"groups/count"_s)) {
            return Response::json(200, R"({"count": 2})");
        }
        if (path == adminPath(u"groups"_s)) {
            return Response::json(
                200, first > 0 ? "[]" : R"([{"id": "g-all", "name": "All", "path": "/All", "subGroupCount": 0},
                                                        {"id": "g-small", "name": "Small", "path": "/Small", "subGroupCount": 0}])");
        }
        if (path == adminPath(u"groups/g-all/members"_s)) {
            return Response::json(200, usersPage(first, max));
        }
        if (path == adminPath(u"groups/g-small/members"_s)) {
            return Response::json(200, first > 0 ? "[]" : R"([{"id": "u3", "username": "user03"}])");
        }
        return Response::json(404, R"({"error": "Unable to find matching target resource method"})");
    }

    std::unique_ptr<FaultHttpServer> m_server;
    QString m_prefix;
    bool m_shrinkUsers = false;
};

QTEST_GUILESS_MAIN(TestKeycloakFaults)
#include "tst_keycloakfaults.moc"

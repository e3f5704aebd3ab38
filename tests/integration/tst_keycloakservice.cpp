#include "TestEnvironment.h"
#include "TestRealm.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

// Proves the test Keycloak is real and holds the fixture realm: tokens come from its token
// endpoint and the admin API answers with what tests/fixtures/usersync-test-realm.json imported.
class TestKeycloakService final : public QObject
{
    Q_OBJECT

    struct Response
    {
        int status = 0;
        QByteArray body;
        QString networkError;

        QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
        QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    };

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        m_baseUrl = QUrl(url);
    }

    void clientCredentialsGrantIssuesBearerToken()
    {
        const Response response = requestToken(u"usersync-sync"_s, m_realm.clientSecret(u"usersync-sync"_s));
        QVERIFY2(response.status == 200, response.body.constData());
        const QJsonObject token = response.object();
        QCOMPARE(token[u"token_type"_s].toString(), u"Bearer"_s);
        QVERIFY(!token[u"access_token"_s].toString().isEmpty());
        // The client credentials grant has no refresh token: a new token is requested instead.
        QVERIFY(!token.contains(u"refresh_token"_s));
        QVERIFY(token[u"expires_in"_s].toInt() > 0);
    }

    void clientTokenLifespanComesFromTheFixture()
    {
        const Response response =
            requestToken(u"usersync-short-token"_s, m_realm.clientSecret(u"usersync-short-token"_s));
        QVERIFY2(response.status == 200, response.body.constData());
        // The lifespan is 20 s; Keycloak counts expires_in from its own clock, so it may say 19.
        const int expiresIn = response.object()[u"expires_in"_s].toInt();
        QVERIFY2(expiresIn >= 18 && expiresIn <= 20, qPrintable(QString::number(expiresIn)));
    }

    void wrongSecretIsRefusedWith401()
    {
        const Response response = requestToken(u"usersync-sync"_s, u"not-the-secret"_s);
        QCOMPARE(response.status, 401);
    }

    void unknownClientIsRefusedWith401()
    {
        const Response response = requestToken(u"no-such-client"_s, u"whatever"_s);
        QCOMPARE(response.status, 401);
    }

    void clientWithoutServiceAccountIsRefused()
    {
        const Response response =
            requestToken(u"usersync-no-service-account"_s, m_realm.clientSecret(u"usersync-no-service-account"_s));
        QVERIFY2(response.status == 401 || response.status == 400, response.body.constData());
        QVERIFY2(
            response.object()[u"error_description"_s].toString().contains(u"service account"_s, Qt::CaseInsensitive),
            response.body.constData());
    }

    void unknownRealmAnswers404()
    {
        const Response response = send(
            QNetworkRequest(m_baseUrl.resolved(QUrl(u"/realms/no-such-realm/.well-known/openid-configuration"_s))));
        QCOMPARE(response.status, 404);
    }

    void serviceAccountSeesEveryImportedUser()
    {
        const Response count = adminGet(u"usersync-sync"_s, u"users/count"_s);
        QVERIFY2(count.status == 200, count.body.constData());
        QCOMPARE(count.body.trimmed().toInt(), m_realm.users().size());
    }

    void topLevelGroupsAreImported()
    {
        const Response groups = adminGet(u"usersync-sync"_s, u"groups"_s, {{u"first"_s, u"0"_s}, {u"max"_s, u"100"_s}});
        QVERIFY2(groups.status == 200, groups.body.constData());
        QSet<QString> names;
        for (const QJsonValue& group : groups.array()) {
            names.insert(group[u"name"_s].toString());
        }
        const QStringList expected = m_realm.topLevelGroupNames();
        QCOMPARE(names, QSet<QString>(expected.cbegin(), expected.cend()));
    }

    void nonAsciiNamesSurviveTheImport()
    {
        const Response users =
            adminGet(u"usersync-sync"_s, u"users"_s, {{u"username"_s, u"jose.nunez"_s}, {u"exact"_s, u"true"_s}});
        QVERIFY2(users.status == 200, users.body.constData());
        QCOMPARE(users.array().size(), 1);
        QCOMPARE(users.array().first()[u"firstName"_s].toString(), u"José"_s);
        QCOMPARE(users.array().first()[u"lastName"_s].toString(), u"Núñez"_s);
    }

    void queryUsersOnlyClientCountsButListsNothing()
    {
        // The trap Test Connection must detect: the count is right, the listing silently empty.
        const Response count = adminGet(u"usersync-query-only"_s, u"users/count"_s);
        QVERIFY2(count.status == 200, count.body.constData());
        QVERIFY(count.body.trimmed().toInt() > 0);
        const Response users = adminGet(u"usersync-query-only"_s, u"users"_s, {{u"max"_s, u"10"_s}});
        QVERIFY2(users.status == 200, users.body.constData());
        QCOMPARE(users.array().size(), 0);
    }

    void clientWithoutRolesIsForbidden()
    {
        const Response count = adminGet(u"usersync-no-roles"_s, u"users/count"_s);
        QCOMPARE(count.status, 403);
    }

private:
    Response send(QNetworkRequest request, const QByteArray& formBody = {})
    {
        request.setTransferTimeout(30'000);
        QNetworkReply* reply = formBody.isNull() ? m_network.get(request) : m_network.post(request, formBody);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Response response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && response.status == 0) {
            response.networkError = reply->errorString();
        }
        reply->deleteLater();
        return response;
    }

    Response requestToken(const QString& clientId, const QString& secret)
    {
        QNetworkRequest request(
            m_baseUrl.resolved(QUrl(u"/realms/%1/protocol/openid-connect/token"_s.arg(m_realm.name()))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
        form.addQueryItem(u"client_id"_s, clientId);
        form.addQueryItem(u"client_secret"_s, secret);
        return send(request, form.toString(QUrl::FullyEncoded).toUtf8());
    }

    Response adminGet(const QString& clientId, const QString& path, const QList<QPair<QString, QString>>& query = {})
    {
        const Response token = requestToken(clientId, m_realm.clientSecret(clientId));
        if (token.status != 200) {
            return token;
        }
        QUrl url = m_baseUrl.resolved(QUrl(u"/admin/realms/%1/%2"_s.arg(m_realm.name(), path)));
        QUrlQuery urlQuery;
        urlQuery.setQueryItems(query);
        url.setQuery(urlQuery);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.object()[u"access_token"_s].toString().toLatin1());
        return send(request);
    }

    TestRealm m_realm;
    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestKeycloakService)
#include "tst_keycloakservice.moc"

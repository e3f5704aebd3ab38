#include "targets/atlassian/AtlassianClient.h"
#include "targets/atlassian/AtlassianOAuth.h"

#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

// An application's refusal, in its own words, whichever of the three products said it.
class TestAtlassianClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageOfEveryProduct_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("Jira messages and fields")
            << QByteArray("{\"errorMessages\": [\"The user is a project lead.\"], "
                          "\"errors\": {\"emailAddress\": \"Invalid address.\"}}")
            << u"The user is a project lead. Invalid address."_s;
        QTest::newRow("Bitbucket errors list")
            << QByteArray("{\"errors\": [{\"context\": \"name\", \"message\": \"A user with that name "
                          "already exists.\", \"exceptionName\": \"com.atlassian.bitbucket.DuplicateException\"}]}")
            << u"A user with that name already exists."_s;
        QTest::newRow("Confluence message and data")
            << QByteArray("{\"statusCode\": 402, \"message\": \"No licence left.\", \"reason\": \"Payment "
                          "Required\", \"data\": {\"errors\": [{\"message\": {\"translation\": \"Add seats.\"}}]}}")
            << u"No licence left. Add seats."_s;
        QTest::newRow("the same words twice")
            << QByteArray("{\"errorMessages\": [\"Nope.\", \"Nope.\"]}") << u"Nope."_s;
        QTest::newRow("not JSON") << QByteArray("<html>Bad Gateway</html>") << QString();
    }

    void messageOfEveryProduct()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        AtlassianClient::Reply reply;
        reply.outcome.status = 400;
        reply.outcome.body = body;
        reply.json = QJsonDocument::fromJson(body);
        QCOMPARE(AtlassianClient::messageOf(reply), message);
    }

    // PKCE as RFC 7636 defines it (its appendix B's example), and verifiers that are new each time.
    void pkceFollowsTheRfc()
    {
        QCOMPARE(AtlassianOAuth::challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        const QByteArray verifier = AtlassianOAuth::newVerifier();
        QCOMPARE(verifier.size(), 43);
        for (const char c : verifier) {
            QVERIFY2(QByteArrayView("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~").contains(c),
                     verifier.constData());
        }
        QVERIFY(AtlassianOAuth::newVerifier() != verifier);
        QVERIFY(AtlassianOAuth::newState() != AtlassianOAuth::newState());
    }

    // Where UserSync listens while it is authorized: a loopback address with a port, nothing else.
    void redirectUrlIsLoopbackWithAPort_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("usable");
        QTest::newRow("default") << TargetConfig::defaultRedirectUrl << true;
        QTest::newRow("localhost") << u"http://localhost:9000/cb"_s << true;
        QTest::newRow("IPv6") << u"http://[::1]:9000/cb"_s << true;
        QTest::newRow("no port") << u"http://127.0.0.1/cb"_s << false;
        QTest::newRow("https") << u"https://127.0.0.1:9000/cb"_s << false;
        QTest::newRow("another host") << u"http://10.0.0.5:9000/cb"_s << false;
        QTest::newRow("other loopback") << u"http://127.0.0.2:9000/cb"_s << false;
    }

    void redirectUrlIsLoopbackWithAPort()
    {
        QFETCH(QString, url);
        QFETCH(bool, usable);
        TargetConfig config;
        config.name = u"Bitbucket"_s;
        config.type = TargetConfig::bitbucketType;
        config.url = u"https://git.example.com"_s;
        config.auth = TargetConfig::Auth::OAuth;
        config.oauthClientId = u"usersync"_s;
        config.oauthRedirectUrl = url;
        QCOMPARE(config.redirectAddress().has_value(), usable);
        QCOMPARE(config.validate().isEmpty(), usable);
        if (usable) {
            QVERIFY(config.redirectAddress()->isLoopback());
        }
    }

    // The client secret and the refresh token travel in the form body only, encoded.
    void tokenRequestsKeepSecretsInTheBody()
    {
        TargetConfig config;
        config.name = u"Bitbucket"_s;
        config.type = TargetConfig::bitbucketType;
        config.url = u"https://git.example.com/bitbucket/"_s;
        config.auth = TargetConfig::Auth::OAuth;
        config.oauthClientId = u"usersync"_s;
        const HttpRequest request = AtlassianOAuth::refreshRequest(config, u"s3cret&+="_s, u"rt/+1"_s);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.url.toString(), u"https://git.example.com/bitbucket/rest/oauth2/latest/token"_s);
        QVERIFY(!request.url.hasQuery());
        QCOMPARE(request.contentType, QByteArray("application/x-www-form-urlencoded"));
        const QUrlQuery form(QString::fromLatin1(request.body));
        QCOMPARE(form.queryItemValue(u"grant_type"_s), u"refresh_token"_s);
        QCOMPARE(form.queryItemValue(u"client_secret"_s, QUrl::FullyDecoded), u"s3cret&+="_s);
        QCOMPARE(form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded), u"rt/+1"_s);

        const QUrl authorize = AtlassianOAuth::authorizeUrl(config, "state", "challenge");
        QCOMPARE(authorize.path(), u"/bitbucket/rest/oauth2/latest/authorize"_s);
        QCOMPARE(QUrlQuery(authorize).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded),
                 TargetConfig::defaultRedirectUrl);
        QVERIFY(!authorize.toString().contains(u"s3cret"_s));
    }

    // What each token answer means for the administrator.
    void tokenAnswersSayWhatToDo_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("granted");
        QTest::addColumn<bool>("lost");
        QTest::addColumn<QString>("words");
        QTest::newRow("granted") << 200 << QByteArray(R"({"access_token":"a","refresh_token":"r","expires_in":60})")
                                 << true << false << QString();
        QTest::newRow("no token") << 200 << QByteArray("{}") << false << false << u"without an access token"_s;
        QTest::newRow("invalid_grant") << 400 << QByteArray(R"({"error":"invalid_grant"})") << false << true
                                       << u"target authorize"_s;
        QTest::newRow("invalid_client") << 401 << QByteArray(R"({"error":"invalid_client"})") << false << false
                                        << u"client ID “usersync” or its client secret"_s;
        QTest::newRow("server error") << 503 << QByteArray() << false << false << u"server error (HTTP 503)"_s;
        QTest::newRow("other") << 400 << QByteArray(R"({"error":"invalid_request"})") << false << false
                               << u"redirect URL must be"_s;
    }

    void tokenAnswersSayWhatToDo()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, granted);
        QFETCH(bool, lost);
        QFETCH(QString, words);
        TargetConfig config;
        config.name = u"Bitbucket"_s;
        config.type = TargetConfig::bitbucketType;
        config.oauthClientId = u"usersync"_s;
        HttpOutcome outcome;
        outcome.status = status;
        outcome.body = body;
        outcome.attempts = 1;
        const AtlassianOAuth::Answer answer = AtlassianOAuth::readAnswer(config, outcome);
        QCOMPARE(answer.grant.has_value(), granted);
        QCOMPARE(answer.authorizationLost, lost);
        if (granted) {
            QCOMPARE(answer.grant->accessToken, u"a"_s);
            QCOMPARE(answer.grant->refreshToken, u"r"_s);
            QCOMPARE(answer.grant->expiresInSeconds, 60);
        } else {
            QVERIFY2(answer.error.message.contains(words), qPrintable(answer.error.message));
        }
    }

    void namesInAPathStayOneSegment()
    {
        TargetConfig config;
        config.url = u"https://wiki.example.com/confluence"_s;
        const AtlassianClient client(config, u"token"_s, u"rest/api"_s);
        const QUrl url = client.urlFor(u"user/%1/group/%2"_s.arg(AtlassianClient::segment(u"ann"_s),
                                                                 AtlassianClient::segment(u"R&D/Team 1+2 %"_s)),
                                       {{u"expand"_s, u"a+b"_s}});
        QCOMPARE(url.toEncoded(),
                 QByteArray("https://wiki.example.com/confluence/rest/api/user/ann/group/"
                            "R%26D%2FTeam%201%2B2%20%25?expand=a%2Bb"));
    }
};

QTEST_GUILESS_MAIN(TestAtlassianClient)
#include "tst_atlassianclient.moc"

#include "targets/atlassian/AtlassianClient.h"

#include <QTest>

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

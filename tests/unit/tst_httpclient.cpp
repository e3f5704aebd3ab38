#include "FaultHttpServer.h"
#include "net/HttpClient.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using Fault = FaultHttpServer::Fault;
using Response = FaultHttpServer::Response;

// What HttpClient promises every source and target, on its libcurl transport: credentials never
// follow a redirect to another server, bodies and headers arrive as sent, the answer's headers are
// the final answer's, and cancelling reports every request in flight.
class TestHttpClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redirectToAnotherServerDropsTheAuthorization()
    {
        FaultHttpServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.setHandler([](const FaultHttpServer::Request&) { return Response::json(200, "{}"); });
        FaultHttpServer first;
        QVERIFY(first.listen());
        Response moved = Response::json(302, {});
        moved.headers = {{"Location", elsewhere.url().toEncoded() + "/landing"}};
        first.enqueue(u"/start"_s, moved);

        const HttpOutcome outcome = send(get(first.url(), u"/start"_s));
        QCOMPARE(outcome.status, 200);
        QCOMPARE(elsewhere.requestCount(u"/landing"_s), 1);
        // Another port is another server: the token stays with the one it was meant for.
        QVERIFY(!elsewhere.requests().first().headers.contains("authorization"));
        QCOMPARE(first.requests().first().headers.value("authorization"), QByteArray("Bearer secret"));
    }

    void redirectOnTheSameServerKeepsItAndTheFinalHeaders()
    {
        FaultHttpServer server;
        QVERIFY(server.listen());
        Response moved = Response::json(301, {});
        moved.headers = {{"Location", "/there"}, {"X-Only-On-The-Redirect", "1"}};
        server.enqueue(u"/here"_s, moved);
        Response there = Response::json(200, "{\"ok\": true}");
        there.headers = {{"X-Final", "yes"}};
        server.enqueue(u"/there"_s, there);

        const HttpOutcome outcome = send(get(server.url(), u"/here"_s));
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.body, QByteArray("{\"ok\": true}"));
        QCOMPARE(outcome.header("x-final"), QByteArray("yes"));
        QVERIFY(outcome.header("X-Only-On-The-Redirect").isEmpty());
        QCOMPARE(server.requests().last().headers.value("authorization"), QByteArray("Bearer secret"));
    }

    void bodiesMethodsAndHeadersArriveAsSent_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("POST") << QByteArray("POST") << QByteArray("{\"name\": \"Zoë\"}");
        QTest::newRow("PUT") << QByteArray("PUT") << QByteArray("{\"active\": false}");
        QTest::newRow("PUT without a body") << QByteArray("PUT") << QByteArray();
        QTest::newRow("DELETE with a body") << QByteArray("DELETE") << QByteArray("{\"users\": [\"a\"]}");
        QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray();
        // Larger than the size at which libcurl would otherwise ask for 100-continue first.
        QTest::newRow("large POST") << QByteArray("POST") << QByteArray(2 * 1024 * 1024, 'x');
    }

    void bodiesMethodsAndHeadersArriveAsSent()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        FaultHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FaultHttpServer::Request&) { return Response::json(204, {}); });
        HttpRequest request = get(server.url(), u"/write"_s);
        request.method = method;
        request.body = body;
        request.contentType = body.isEmpty() ? QByteArray() : QByteArray("application/json");
        request.headers.append(std::pair<QByteArray, QByteArray>("X-Atlassian-Token", "no-check"));

        const HttpOutcome outcome = send(request);
        QCOMPARE(outcome.status, 204);
        QVERIFY(outcome.isHttpSuccess());
        const FaultHttpServer::Request seen = server.requests().first();
        QCOMPARE(seen.method, method);
        QCOMPARE(seen.body, body);
        QCOMPARE(seen.headers.value("x-atlassian-token"), QByteArray("no-check"));
        QCOMPARE(seen.headers.value("accept"), QByteArray("application/json"));
        QVERIFY(!seen.headers.contains("expect"));
        if (!body.isEmpty()) {
            QCOMPARE(seen.headers.value("content-type"), QByteArray("application/json"));
        }
        if (method == "PUT" || method == "POST") {
            QCOMPARE(seen.headers.value("content-length"), QByteArray::number(body.size()));
        }
    }

    void cancelReportsEveryRequestInFlightAndWaiting()
    {
        FaultHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FaultHttpServer::Request&) { return Response::withFault(Fault::Stall); });
        HttpSettings settings;
        settings.maxInFlight = 2;
        HttpClient client(settings, u"Test"_s);
        QList<HttpOutcome> outcomes;
        for (int i = 0; i < 5; ++i) {
            client.send(get(server.url(), u"/stall/%1"_s.arg(i)),
                        [&outcomes](const HttpOutcome& outcome) { outcomes.append(outcome); });
        }
        QTRY_COMPARE(server.requests().size(), 2); // two in flight, three waiting for a slot
        client.cancel();
        QTRY_COMPARE(outcomes.size(), 5);
        for (const HttpOutcome& outcome : std::as_const(outcomes)) {
            QVERIFY(outcome.cancelled);
            QVERIFY(!outcome.isHttpSuccess());
        }
        QCOMPARE(server.requests().size(), 2); // nothing more was sent after the cancel
    }

    void refusedConnectionIsNotRetried()
    {
        QUrl nowhere;
        {
            FaultHttpServer gone;
            QVERIFY(gone.listen());
            nowhere = gone.url(); // the port is free again once the server is gone
        }
        HttpSettings retrying;
        retrying.maxRetries = 3;
        retrying.retryDelayMs = 1;
        const HttpOutcome outcome = send(get(nowhere, u"/"_s), retrying);
        QCOMPARE(outcome.networkError, QNetworkReply::ConnectionRefusedError);
        QVERIFY(outcome.transportFailed());
        QCOMPARE(outcome.attempts, 1);
    }

    // A create must not be sent twice when whether it was carried out is not known: a lost answer
    // or a 5xx is the caller's to resolve (by a lookup), while 429 and 503 say the server did not
    // do it and are waited out as for any request.
    void notReplayableIsRetriedOnlyWhereTheServerSaysItDidNot_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("closed");
        QTest::addColumn<int>("attempts");
        QTest::newRow("502") << 502 << false << 1;
        QTest::newRow("answer lost") << 0 << true << 1;
        QTest::newRow("429") << 429 << false << 2;
        QTest::newRow("503") << 503 << false << 2;
    }

    void notReplayableIsRetriedOnlyWhereTheServerSaysItDidNot()
    {
        QFETCH(int, status);
        QFETCH(bool, closed);
        QFETCH(int, attempts);
        FaultHttpServer server;
        QVERIFY(server.listen());
        int answered = 0;
        server.setHandler([&answered, status, closed](const FaultHttpServer::Request&) {
            if (answered++ > 0) {
                return Response::json(201, "{}");
            }
            if (closed) {
                return Response::withFault(Fault::CloseWithoutAnswer);
            }
            Response refusal = Response::json(status, "{}");
            refusal.headers.append(QPair<QByteArray, QByteArray>("Retry-After", "0"));
            return refusal;
        });
        HttpSettings retrying;
        retrying.maxRetries = 3;
        retrying.retryDelayMs = 1;
        HttpRequest request = get(server.url(), u"/Users"_s);
        request.method = "POST";
        request.body = "{}";
        request.contentType = "application/json";
        request.replayable = false;
        const HttpOutcome outcome = send(request, retrying);
        QCOMPARE(outcome.attempts, attempts);
        QCOMPARE(server.requests().size(), attempts);
        QCOMPARE(outcome.isHttpSuccess(), attempts == 2);

        // The same request, replayable, is retried after the 502 and the lost answer as well.
        answered = 0;
        request.replayable = true;
        QCOMPARE(send(request, retrying).attempts, 2);
    }

private:
    static HttpSettings noRetries()
    {
        HttpSettings settings;
        settings.maxRetries = 0;
        return settings;
    }

    static HttpRequest get(const QUrl& base, const QString& path)
    {
        HttpRequest request;
        request.url = base;
        request.url.setPath(path);
        request.headers.append(std::pair<QByteArray, QByteArray>("Authorization", "Bearer secret"));
        return request;
    }

    static HttpOutcome send(const HttpRequest& request, HttpSettings settings = noRetries())
    {
        HttpClient client(settings, u"Test"_s);
        std::optional<HttpOutcome> result;
        client.send(request, [&result](const HttpOutcome& outcome) { result = outcome; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30'000); }();
        return result.value_or(HttpOutcome{});
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"

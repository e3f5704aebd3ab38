#include "FaultHttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

using Fault = FaultHttpServer::Fault;
using Response = FaultHttpServer::Response;

namespace {

// A bare TCP client for what QNetworkAccessManager never sends: pipelined, split or malformed requests.
class RawClient final
{
public:
    explicit RawClient(const QUrl& server)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(server.host(), quint16(server.port()));
    }

    QTcpSocket& socket() { return m_socket; }
    QByteArray received() const { return m_received; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

// Returns as soon as the reply has finished, where QTRY_VERIFY would poll every 50 ms.
[[nodiscard]] bool finishes(QNetworkReply& reply, int timeoutMs = 5000)
{
    if (reply.isFinished()) {
        return true;
    }
    QSignalSpy finished(&reply, &QNetworkReply::finished);
    return finished.wait(timeoutMs);
}

int statusOf(const QNetworkReply& reply)
{
    return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

class TestFaultHttpServer final : public QObject
{
    Q_OBJECT

private:
    QUrl urlFor(const QString& path) const
    {
        QUrl url = m_server->url();
        url.setPath(path);
        return url;
    }

    // The test waits for the reply with QVERIFY(finishes(*reply)); nothing here blocks.
    std::unique_ptr<QNetworkReply> get(const QString& path, QNetworkAccessManager* network = nullptr)
    {
        return std::unique_ptr<QNetworkReply>(
            (network ? network : m_network.get())->get(QNetworkRequest(urlFor(path))));
    }

    std::unique_ptr<FaultHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FaultHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        // A proxy taken from the environment would answer for 127.0.0.1 instead of the server under test.
        m_network->setProxy(QNetworkProxy::NoProxy);
    }

    void cleanup()
    {
        m_network.reset();
        m_server.reset();
    }

    void urlIsLoopbackWithPort()
    {
        QCOMPARE(m_server->url().scheme(), u"http"_s);
        QCOMPARE(m_server->url().host(), u"127.0.0.1"_s);
        QVERIFY(m_server->url().port() > 0);
        QVERIFY(m_server->url().path().isEmpty());
    }

    void answersWithStatusReasonHeadersAndBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");

        QTest::newRow("200") << 200 << "OK"_ba;
        QTest::newRow("400") << 400 << "Bad Request"_ba;
        QTest::newRow("401") << 401 << "Unauthorized"_ba;
        QTest::newRow("403") << 403 << "Forbidden"_ba;
        QTest::newRow("404") << 404 << "Not Found"_ba;
        QTest::newRow("429") << 429 << "Too Many Requests"_ba;
        QTest::newRow("500") << 500 << "Internal Server Error"_ba;
        QTest::newRow("502") << 502 << "Bad Gateway"_ba;
        QTest::newRow("503") << 503 << "Service Unavailable"_ba;
    }

    void answersWithStatusReasonHeadersAndBody()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, reason);

        const QByteArray body = R"({"status":)" + QByteArray::number(status) + '}';
        Response response = Response::json(status, body);
        response.headers = {{"X-Fault-Test", "yes"}};
        m_server->enqueue(u"/answer"_s, response);

        const auto reply = get(u"/answer"_s);
        QVERIFY(finishes(*reply));
        QCOMPARE(statusOf(*reply), status);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(), reason);
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"application/json"_s);
        QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), body.size());
        QCOMPARE(reply->rawHeader("X-Fault-Test"), "yes"_ba);
        QCOMPARE(reply->readAll(), body);
        QCOMPARE(reply->error() == QNetworkReply::NoError, status < 400);
    }

    void malformedJsonIsSentAsGiven()
    {
        const QByteArray body = R"({"users": [{"id": "1",)";
        m_server->enqueue(u"/broken"_s, Response::json(200, body));

        const auto reply = get(u"/broken"_s);
        QVERIFY(finishes(*reply));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), body);
    }

    void contentTypeCanBeLeftOut()
    {
        Response response = Response::json(200, "plain");
        response.contentType.clear();
        m_server->enqueue(u"/bare"_s, response);

        const auto reply = get(u"/bare"_s);
        QVERIFY(finishes(*reply));
        QVERIFY(!reply->hasRawHeader("Content-Type"));
        QCOMPARE(reply->readAll(), "plain"_ba);
    }

    void unknownPathWithoutHandlerIsNotFound()
    {
        const auto reply = get(u"/nowhere"_s);
        QVERIFY(finishes(*reply));
        QCOMPARE(statusOf(*reply), 404);
        QCOMPARE(reply->error(), QNetworkReply::ContentNotFoundError);
        QCOMPARE(reply->readAll(), R"({"error":"not found"})"_ba);
        QCOMPARE(m_server->requestCount(u"/nowhere"_s), 1);
    }

    void queuedAnswersComeFirstInOrderThenTheHandler()
    {
        m_server->enqueue(u"/token"_s, Response::json(503, R"({"error":"starting"})"));
        m_server->enqueue(u"/token"_s, Response::json(200, R"({"access_token":"queued"})"));
        m_server->setHandler([](const FaultHttpServer::Request& request) {
            return Response::json(200, "{\"handled\":\"" + request.path.toUtf8() + "\"}");
        });

        const QList<QPair<int, QByteArray>> expected = {
            {503, R"({"error":"starting"})"},
            {200, R"({"access_token":"queued"})"},
            {200, R"({"handled":"/token"})"},
        };
        for (const auto& [status, body] : expected) {
            const auto reply = get(u"/token"_s);
            QVERIFY(finishes(*reply));
            QCOMPARE(statusOf(*reply), status);
            QCOMPARE(reply->readAll(), body);
        }

        // The queue belongs to its exact path only.
        m_server->enqueue(u"/token"_s, Response::json(500, "{}"));
        const auto other = get(u"/token/other"_s);
        QVERIFY(finishes(*other));
        QCOMPARE(statusOf(*other), 200);
        QCOMPARE(other->readAll(), R"({"handled":"/token/other"})"_ba);

        QCOMPARE(m_server->requestCount(u"/token"_s), 3);
        QCOMPARE(m_server->requestCount(u"/token/other"_s), 1);
        QCOMPARE(m_server->requests().size(), 4);
    }

    void tooManyRequestsCarriesRetryAfter()
    {
        Response limit = Response::json(429, R"({"error":"slow down"})");
        limit.headers = {{"Retry-After", "1"}};
        m_server->enqueue(u"/users"_s, limit);
        m_server->enqueue(u"/users"_s, Response::json(200, "[]"));

        const auto limited = get(u"/users"_s);
        QVERIFY(finishes(*limited));
        QCOMPARE(statusOf(*limited), 429);
        QCOMPARE(limited->rawHeader("Retry-After"), "1"_ba);
        QCOMPARE(limited->readAll(), R"({"error":"slow down"})"_ba);

        const auto allowed = get(u"/users"_s);
        QVERIFY(finishes(*allowed));
        QCOMPARE(statusOf(*allowed), 200);
        QVERIFY(!allowed->hasRawHeader("Retry-After"));
    }

    void truncatedBodyEndsInRemoteHostClosed()
    {
        QByteArray body = "[";
        for (int i = 0; i < 200; ++i) {
            // moc 6.4 loses its way in raw strings holding an odd number of quotes.
            body += "{\"id\":\"" + QByteArray::number(i) + "\",\"username\":\"user" + QByteArray::number(i) + "\"},";
        }
        body += "{}]";
        m_server->enqueue(u"/users"_s, Response::withFault(Fault::Truncate, body));

        const auto reply = get(u"/users"_s);
        QVERIFY(finishes(*reply));
        qInfo() << "truncated body:" << reply->error() << reply->errorString();
        QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
        QCOMPARE(statusOf(*reply), 200);
        QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), body.size());
        QVERIFY(reply->readAll().size() < body.size());
        // Data had arrived, so the client must not have sent the request again.
        QCOMPARE(m_server->requestCount(u"/users"_s), 1);
    }

    void stalledAnswerEndsInTransferTimeout()
    {
        m_server->enqueue(u"/slow"_s, Response::withFault(Fault::Stall));
        QSignalSpy received(m_server.get(), &FaultHttpServer::requestReceived);

        QNetworkRequest request(urlFor(u"/slow"_s));
        request.setTransferTimeout(300);
        QElapsedTimer timer;
        timer.start();
        const std::unique_ptr<QNetworkReply> reply(m_network->get(request));
        QVERIFY(finishes(*reply, 10000));
        qInfo() << "transfer timeout:" << reply->error() << reply->errorString() << "after" << timer.elapsed() << "ms";
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
        // The timer is coarse: it may fire a little early, never long before.
        QVERIFY(timer.elapsed() >= 250);
        QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
        QCOMPARE(received.size(), 1);
        QCOMPARE(m_server->requestCount(u"/slow"_s), 1);
    }

    void stalledConnectionStaysOpenUntilTheServerGoes()
    {
        m_server->enqueue(u"/slow"_s, Response::withFault(Fault::Stall));
        QSignalSpy received(m_server.get(), &FaultHttpServer::requestReceived);
        RawClient client(m_server->url());
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        client.socket().write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QTRY_COMPARE(received.size(), 1);

        // A full exchange on another connection gives a wrongly sent answer time to arrive.
        const auto other = get(u"/other"_s);
        QVERIFY(finishes(*other));
        QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        QVERIFY(client.received().isEmpty());

        m_server.reset();
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::UnconnectedState);
        QVERIFY(client.received().isEmpty());
    }

    void closeWithoutAnswerIsResentByTheClient()
    {
        // QNetworkAccessManager takes a connection closed before any answer for a stale keep-alive
        // connection and sends the request once more (Qt 6.4) before it reports an error.
        for (int i = 0; i < 10; ++i) {
            m_server->enqueue(u"/gone"_s, Response::withFault(Fault::CloseWithoutAnswer));
        }
        const auto reply = get(u"/gone"_s);
        QVERIFY(finishes(*reply));
        qInfo() << "close without answer:" << reply->error() << reply->errorString() << "after"
                << m_server->requestCount(u"/gone"_s) << "requests";
        QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
        QCOMPARE(m_server->requestCount(u"/gone"_s), 2);

        // So one closed connection followed by an answer looks like success to the client.
        m_server.reset(new FaultHttpServer);
        QVERIFY(m_server->listen());
        m_server->enqueue(u"/once"_s, Response::withFault(Fault::CloseWithoutAnswer));
        m_server->enqueue(u"/once"_s, Response::json(200, "{}"));
        const auto retried = get(u"/once"_s);
        QVERIFY(finishes(*retried));
        QCOMPARE(retried->error(), QNetworkReply::NoError);
        QCOMPARE(m_server->requestCount(u"/once"_s), 2);
    }

    void logsMethodPathQueryHeadersAndBody()
    {
        QSignalSpy received(m_server.get(), &FaultHttpServer::requestReceived);
        QUrl url = urlFor(u"/realms/my realm/protocol/openid-connect/token"_s);
        url.setQuery(u"scope=a%20b&redirect=%2Fhome%3Fx%3D1&empty="_s);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        request.setRawHeader("X-Request-Id", "Abc-42");
        const QByteArray body = "grant_type=client_credentials&client_id=usersync&client_secret=s%26cret";

        const std::unique_ptr<QNetworkReply> reply(m_network->post(request, body));
        QVERIFY(finishes(*reply));
        QCOMPARE(statusOf(*reply), 404);

        QCOMPARE(received.size(), 1);
        const auto signalled = received.at(0).at(0).value<FaultHttpServer::Request>();
        QCOMPARE(m_server->requests().size(), 1);
        const FaultHttpServer::Request logged = m_server->requests().first();
        for (const FaultHttpServer::Request& r : {signalled, logged}) {
            QCOMPARE(r.method, "POST"_ba);
            QCOMPARE(r.path, u"/realms/my realm/protocol/openid-connect/token"_s);
            QCOMPARE(r.query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"a b"_s);
            QCOMPARE(r.query.queryItemValue(u"redirect"_s, QUrl::FullyDecoded), u"/home?x=1"_s);
            QVERIFY(r.query.hasQueryItem(u"empty"_s));
            QCOMPARE(r.headers.value("x-request-id"), "Abc-42"_ba);
            QCOMPARE(r.headers.value("content-type"), "application/x-www-form-urlencoded"_ba);
            QCOMPARE(r.headers.value("content-length"), QByteArray::number(body.size()));
            QCOMPARE(r.headers.value("host"), "127.0.0.1:" + QByteArray::number(m_server->url().port()));
            QVERIFY(!r.headers.contains("X-Request-Id"));
            QCOMPARE(r.body, body);
        }
        QCOMPARE(m_server->requestCount(u"/realms/my realm/protocol/openid-connect/token"_s), 1);
    }

    void headAnswerAnnouncesTheBodyWithoutSendingIt()
    {
        m_server->enqueue(u"/head"_s, Response::json(200, "0123456789"));
        const std::unique_ptr<QNetworkReply> reply(m_network->head(QNetworkRequest(urlFor(u"/head"_s))));
        QVERIFY(finishes(*reply));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), 10);
        QVERIFY(reply->readAll().isEmpty());
        QCOMPARE(m_server->requests().first().method, "HEAD"_ba);
    }

    void manyConcurrentConnectionsWhileOneStalls()
    {
        m_server->enqueue(u"/slow"_s, Response::withFault(Fault::Stall));
        m_server->setHandler(
            [](const FaultHttpServer::Request& request) { return Response::json(200, request.path.toUtf8()); });
        QSignalSpy received(m_server.get(), &FaultHttpServer::requestReceived);

        // Each manager opens up to six connections to one host; three give the server eighteen at once.
        std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
        for (int i = 0; i < 3; ++i) {
            networks.push_back(std::make_unique<QNetworkAccessManager>());
            networks.back()->setProxy(QNetworkProxy::NoProxy);
        }
        const auto slow = get(u"/slow"_s);
        QTRY_COMPARE(received.size(), 1);

        std::vector<std::pair<QString, std::unique_ptr<QNetworkReply>>> replies;
        for (int i = 0; i < 60; ++i) {
            const QString path = u"/page/"_s + QString::number(i);
            replies.emplace_back(path, get(path, networks.at(std::size_t(i) % networks.size()).get()));
        }
        for (const auto& [path, reply] : replies) {
            QVERIFY(finishes(*reply));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->readAll(), path.toUtf8());
        }
        QVERIFY(m_server->connectionCount() > 6);
        QCOMPARE(m_server->requests().size(), 61);
        QVERIFY(!slow->isFinished());
        slow->abort();
        replies.clear();
    }

    void closesAfterEachAnswerByDefault()
    {
        for (int i = 0; i < 3; ++i) {
            const auto reply = get(u"/again"_s);
            QVERIFY(finishes(*reply));
            QCOMPARE(reply->rawHeader("Connection"), "close"_ba);
        }
        QCOMPARE(m_server->connectionCount(), 3);
    }

    void keepAliveCarriesSeveralRequestsOnOneConnection()
    {
        m_server->setKeepAlive(true);
        for (int i = 0; i < 3; ++i) {
            const auto reply = get(u"/again"_s);
            QVERIFY(finishes(*reply));
            QCOMPARE(statusOf(*reply), 404);
            QCOMPARE(reply->rawHeader("Connection"), "keep-alive"_ba);
        }
        QCOMPARE(m_server->connectionCount(), 1);
        QCOMPARE(m_server->requestCount(u"/again"_s), 3);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        m_server->setKeepAlive(true);
        m_server->setHandler(
            [](const FaultHttpServer::Request& request) { return Response::json(200, request.path.toUtf8()); });
        RawClient client(m_server->url());
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        client.socket().write("GET /first HTTP/1.1\r\nHost: x\r\n\r\n"
                              "POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                              "GET /third HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::UnconnectedState);

        const QByteArray received = client.received();
        QCOMPARE(received.count("HTTP/1.1 200 OK\r\n"), 3);
        const qsizetype first = received.indexOf("\r\n\r\n/first");
        const qsizetype second = received.indexOf("\r\n\r\n/second");
        const qsizetype third = received.indexOf("\r\n\r\n/third");
        QVERIFY(first > 0 && first < second && second < third);
        QVERIFY(received.endsWith("/third"));
        QCOMPARE(m_server->requests().at(1).body, "abc"_ba);
        QCOMPARE(m_server->connectionCount(), 1);
    }

    void requestArrivingInPiecesIsReadWhole()
    {
        RawClient client(m_server->url());
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        const QList<QByteArray> pieces = {"POST /pie", "ces HTTP/1.1\r\nHost: x\r\nContent-Le", "ngth: 10\r\n\r",
                                          "\n01234", "56789"};
        for (const QByteArray& piece : pieces) {
            client.socket().write(piece);
            QTRY_COMPARE(client.socket().bytesToWrite(), 0);
        }
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::UnconnectedState);
        QVERIFY(client.received().startsWith("HTTP/1.1 404 Not Found\r\n"));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().path, u"/pieces"_s);
        QCOMPARE(m_server->requests().first().body, "0123456789"_ba);
    }

    void malformedRequestIsRejected()
    {
        RawClient client(m_server->url());
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        client.socket().write("NONSENSE\r\n\r\n");
        QTRY_COMPARE(client.socket().state(), QAbstractSocket::UnconnectedState);
        QVERIFY(client.received().startsWith("HTTP/1.1 400 Bad Request\r\n"));
        QVERIFY(m_server->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFaultHttpServer)
#include "tst_faulthttpserver.moc"

#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

// A loopback HTTP/1.1 server that stands in for Keycloak only where a test needs a fault the real
// server cannot be made to produce on demand: 503 then success, 429 with Retry-After, a stalled or
// truncated response, malformed JSON, a page that shrinks between calls, a realm served under /auth.
// Everything a real Keycloak can answer is tested against the real Keycloak instead.
//
// Single-threaded and event driven: answers are written from the event loop of the thread that owns
// the server, so a test must spin that loop (QSignalSpy::wait, QTRY_VERIFY) while a client waits.
//
// An HTTP client may resend a request by itself when a connection closes before any byte of the
// answer arrived (libcurl does on a reused connection, QNetworkAccessManager did on any), so
// Fault::CloseWithoutAnswer may be seen (and served from the queue) more than once for one request
// from the client's point of view.
class FaultHttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method; // "GET", "POST"
        QString path; // decoded path, no query, e.g. "/realms/x/protocol/openid-connect/token"
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // names lower-cased; repeated headers joined with ", "
        QByteArray body;
    };

    enum class Fault {
        None,
        Stall, // read the request, never answer; keep the socket open until the server is destroyed
        Truncate, // send headers announcing the full Content-Length, then half the body, then close
        CloseWithoutAnswer, // read the request, close the connection without a byte
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json"; // empty: no Content-Type header
        QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. {"Retry-After", "1"}
        Fault fault = Fault::None;

        static Response json(int status, const QByteArray& body);
        // A 200 JSON answer spoilt by `fault`; Truncate needs a body to cut in half.
        static Response withFault(Fault fault, const QByteArray& body = {});
    };

    using Handler = std::function<Response(const Request&)>;

    explicit FaultHttpServer(QObject* parent = nullptr);
    ~FaultHttpServer() override;

    bool listen(); // 127.0.0.1 on a free port
    QUrl url() const; // "http://127.0.0.1:<port>"

    // Responses queued for an exact path are used first, in order, one per request to that path;
    // after the queue for a path is empty the handler answers; without a handler, 404 {"error":"not found"}.
    void enqueue(const QString& path, const Response& response);
    // The handler runs inside the server's socket handling: it must not destroy the server.
    void setHandler(Handler handler);

    // Off (the default): every answer says "Connection: close" and the connection closes after it, so
    // each request arrives on a fresh connection. On: HTTP/1.1 connections stay open for further requests
    // unless the client asks to close.
    void setKeepAlive(bool keepAlive);

    QList<Request> requests() const;
    int requestCount(const QString& path) const;
    // Connections accepted so far, to tell whether a client reused one.
    int connectionCount() const { return m_connectionCount; }

Q_SIGNALS:
    // Emitted once the request has been answered (or the fault applied); slots must not destroy the server.
    void requestReceived(const FaultHttpServer::Request& request);

private:
    struct Connection
    {
        QByteArray buffer;
        // Stalled, closing or answered with "Connection: close": anything the client sends is ignored.
        bool done = false;
    };

    void acceptConnections();
    void readRequests(QTcpSocket* socket);
    Response responseFor(const Request& request);
    void answer(QTcpSocket* socket, const Response& response, bool headRequest, bool close);
    void finish(QTcpSocket* socket);
    void forget(QTcpSocket* socket);

    QTcpServer* m_server;
    QHash<QTcpSocket*, Connection> m_connections;
    QHash<QString, QList<Response>> m_queues;
    Handler m_handler;
    QList<Request> m_requests;
    bool m_keepAlive = false;
    int m_connectionCount = 0;
};

#include "FaultHttpServer.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Far more than any request a test sends; beyond it the client is talking nonsense, not HTTP.
constexpr qsizetype maxHeaderBytes = 64 * 1024;

enum class Parsed { Incomplete, Complete, Malformed, Unsupported };

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

bool hasToken(const QByteArray& list, const QByteArray& token)
{
    const QList<QByteArray> items = list.split(',');
    for (const QByteArray& item : items) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

// Takes one complete request off the front of `buffer`. Leaves the buffer alone unless Complete.
Parsed parseRequest(QByteArray& buffer, FaultHttpServer::Request* request, bool* clientWantsClose)
{
    // A client may send empty lines before the request line (RFC 9112 section 2.2).
    while (buffer.startsWith("\r\n")) {
        buffer.remove(0, 2);
    }
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        return buffer.size() > maxHeaderBytes ? Parsed::Malformed : Parsed::Incomplete;
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');

    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || !requestLine.at(2).startsWith("HTTP/1.")) {
        return Parsed::Malformed;
    }
    const QByteArray& target = requestLine.at(1);
    // Origin form ("/path?query") is what clients send to a server that is not a proxy.
    const QUrl url = QUrl::fromEncoded(target.startsWith('/') ? QByteArray("http://127.0.0.1" + target) : target);
    if (!url.isValid() || url.scheme() != "http"_L1) {
        return Parsed::Malformed;
    }

    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return Parsed::Malformed;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        QByteArray& joined = headers[name];
        joined = joined.isEmpty() ? value : QByteArray(joined + ", " + value);
    }

    if (headers.contains("transfer-encoding")) {
        return Parsed::Unsupported; // no test client sends a chunked body
    }
    qint64 contentLength = 0;
    if (headers.contains("content-length")) {
        bool ok = false;
        contentLength = headers.value("content-length").toLongLong(&ok);
        if (!ok || contentLength < 0) {
            return Parsed::Malformed;
        }
    }
    const qsizetype bodyStart = headEnd + 4;
    if (buffer.size() - bodyStart < contentLength) {
        return Parsed::Incomplete;
    }

    request->method = requestLine.at(0);
    request->path = url.path(QUrl::FullyDecoded);
    if (request->path.isEmpty()) {
        request->path = u"/"_s;
    }
    request->query = QUrlQuery(url);
    request->headers = headers;
    request->body = buffer.mid(bodyStart, contentLength);
    buffer.remove(0, bodyStart + contentLength);

    const QByteArray connection = headers.value("connection");
    *clientWantsClose =
        requestLine.at(2) == "HTTP/1.0" ? !hasToken(connection, "keep-alive") : hasToken(connection, "close");
    return Parsed::Complete;
}

} // namespace

FaultHttpServer::Response FaultHttpServer::Response::json(int status, const QByteArray& body)
{
    Response response;
    response.status = status;
    response.body = body;
    return response;
}

FaultHttpServer::Response FaultHttpServer::Response::withFault(Fault fault, const QByteArray& body)
{
    Response response = json(200, body);
    response.fault = fault;
    return response;
}

FaultHttpServer::FaultHttpServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultHttpServer::acceptConnections);
}

FaultHttpServer::~FaultHttpServer()
{
    m_server->close();
    // Closing a socket emits disconnected(); none of this half-destroyed object may run in response.
    const QList<QTcpSocket*> sockets = m_connections.keys();
    for (QTcpSocket* socket : sockets) {
        socket->disconnect(this);
        socket->disconnectFromHost();
        delete socket;
    }
}

bool FaultHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FaultHttpServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server->serverPort());
    return url;
}

void FaultHttpServer::enqueue(const QString& path, const Response& response)
{
    m_queues[path].append(response);
}

void FaultHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void FaultHttpServer::setKeepAlive(bool keepAlive)
{
    m_keepAlive = keepAlive;
}

QList<FaultHttpServer::Request> FaultHttpServer::requests() const
{
    return m_requests;
}

int FaultHttpServer::requestCount(const QString& path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&path](const Request& request) { return request.path == path; }));
}

void FaultHttpServer::acceptConnections()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        ++m_connectionCount;
        m_connections.insert(socket, Connection());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequests(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
        if (socket->state() != QAbstractSocket::ConnectedState) {
            forget(socket); // the client gave up before we got to it
        } else if (socket->bytesAvailable() > 0) {
            readRequests(socket);
        }
    }
}

void FaultHttpServer::readRequests(QTcpSocket* socket)
{
    // Looked up afresh on every round: answering may close the socket and so remove it.
    for (auto connection = m_connections.find(socket); connection != m_connections.end();
         connection = m_connections.find(socket)) {
        if (connection->done) {
            socket->readAll(); // a stalled or closing connection hears nothing more
            return;
        }
        connection->buffer += socket->readAll();

        Request request;
        bool clientWantsClose = false;
        switch (parseRequest(connection->buffer, &request, &clientWantsClose)) {
        case Parsed::Incomplete:
            return;
        case Parsed::Malformed:
            answer(socket, Response::json(400, R"({"error":"malformed request"})"), false, true);
            return;
        case Parsed::Unsupported:
            answer(socket, Response::json(501, R"({"error":"request body encoding not supported"})"), false, true);
            return;
        case Parsed::Complete:
            break;
        }

        m_requests.append(request);
        const Response response = responseFor(request);
        answer(socket, response, request.method == "HEAD", clientWantsClose || !m_keepAlive);
        Q_EMIT requestReceived(request);
    }
}

FaultHttpServer::Response FaultHttpServer::responseFor(const Request& request)
{
    const auto queue = m_queues.find(request.path);
    if (queue != m_queues.end() && !queue->isEmpty()) {
        return queue->takeFirst();
    }
    if (m_handler) {
        return m_handler(request);
    }
    return Response::json(404, R"({"error":"not found"})");
}

void FaultHttpServer::answer(QTcpSocket* socket, const Response& response, bool headRequest, bool close)
{
    switch (response.fault) {
    case Fault::Stall:
        m_connections[socket].done = true;
        return;
    case Fault::CloseWithoutAnswer:
        finish(socket);
        return;
    case Fault::None:
    case Fault::Truncate:
        break;
    }

    // 204 and 304 never carry a body (RFC 9110 sections 15.3.5, 15.4.5); a HEAD answer announces one it leaves out.
    const bool bodyless = response.status == 204 || response.status == 304;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty() && !bodyless) {
        head += "Content-Type: " + response.contentType + "\r\n";
    }
    if (response.status != 204) {
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    head += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    for (const auto& [name, value] : response.headers) {
        head += name + ": " + value + "\r\n";
    }
    head += "\r\n";

    if (!bodyless && !headRequest) {
        head += response.fault == Fault::Truncate ? response.body.left(response.body.size() / 2) : response.body;
    }
    socket->write(head);

    if (close || response.fault == Fault::Truncate) {
        finish(socket);
    }
}

void FaultHttpServer::finish(QTcpSocket* socket)
{
    // Marked first: with nothing left to write, disconnectFromHost() disconnects (and forgets) at once.
    m_connections[socket].done = true;
    socket->disconnectFromHost();
}

void FaultHttpServer::forget(QTcpSocket* socket)
{
    if (m_connections.remove(socket)) {
        socket->deleteLater();
    }
}

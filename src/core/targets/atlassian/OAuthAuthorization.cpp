#include "OAuthAuthorization.h"

#include "Logging.h"
#include "config/SecretStore.h"
#include "net/NetworkErrors.h"
#include "targets/atlassian/AtlassianOAuth.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// A browser's request line and headers fit well within this; anything longer is not one.
constexpr qsizetype maxRequestBytes = 16 * 1024;

} // namespace

OAuthAuthorization::OAuthAuthorization(TargetConfig config, QString clientSecret, QObject* parent)
    : Job(parent)
    , m_config(std::move(config))
    , m_clientSecret(std::move(clientSecret))
    , m_http(m_config.http, m_config.productName(), this)
{ }

OAuthAuthorization::~OAuthAuthorization() = default;

void OAuthAuthorization::start()
{
    if (const std::optional<ConnectorError> error = listen()) {
        finish(error);
        return;
    }
    Q_EMIT waitingForBrowser(AtlassianOAuth::authorizeUrl(m_config, m_state, AtlassianOAuth::challengeOf(m_verifier)));
}

std::optional<ConnectorError> OAuthAuthorization::listen()
{
    if (m_http.setupError()) {
        return m_http.setupError();
    }
    const std::optional<QHostAddress> address = m_config.redirectAddress();
    if (!address) {
        return ConnectorError{
            ConnectorError::Kind::InvalidSettings,
            tr("The redirect URL %1 is not a loopback address with a port, so UserSync cannot "
               "receive the authorization there. Use one such as %2, here and in %3's incoming "
               "link.")
                .arg(m_config.oauthRedirectUrl, TargetConfig::defaultRedirectUrl, m_config.productName()),
            {}};
    }
    const QUrl redirect(m_config.oauthRedirectUrl.trimmed());
    m_server = new QTcpServer(this);
    if (!m_server->listen(*address, quint16(redirect.port()))) {
        return ConnectorError{ConnectorError::Kind::InvalidSettings,
                              tr("UserSync cannot listen on %1 for the browser's answer (%2). Close the program "
                                 "using port %3, or choose another port in the redirect URL, here and in %4's "
                                 "incoming link.")
                                  .arg(m_config.oauthRedirectUrl, m_server->errorString())
                                  .arg(redirect.port())
                                  .arg(m_config.productName()),
                              {}};
    }
    connect(m_server, &QTcpServer::newConnection, this, &OAuthAuthorization::onConnection);
    m_state = AtlassianOAuth::newState();
    m_verifier = AtlassianOAuth::newVerifier();
    qCInfo(lcTargets) << "waiting for the OAuth authorization on" << redirect.toString();
    return std::nullopt;
}

void OAuthAuthorization::cancelled()
{
    m_http.cancel();
    finish(NetworkErrors::cancelled());
}

void OAuthAuthorization::onConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
    }
}

void OAuthAuthorization::onReadable(QTcpSocket* socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray request = socket->property("request").toByteArray() + socket->readAll();
    if (request.size() > maxRequestBytes) {
        answer(socket, 400, tr("Not understood"), tr("This request is too long."));
        return;
    }
    socket->setProperty("request", request);
    if (!request.contains("\r\n\r\n")) {
        return; // the headers are not all here yet
    }
    const QList<QByteArray> line = request.left(request.indexOf("\r\n")).split(' ');
    if (line.size() != 3 || line[0] != "GET") {
        answer(socket, 400, tr("Not understood"), tr("UserSync only receives the browser's return here."));
        return;
    }
    const QUrl target(QString::fromLatin1(line[1]));
    const QUrl redirect(m_config.oauthRedirectUrl.trimmed());
    const QString expectedPath = redirect.path().isEmpty() ? u"/"_s : redirect.path();
    if (target.path() != expectedPath) {
        answer(socket, 404, tr("Not here"), tr("UserSync only receives the browser's return at %1.").arg(expectedPath));
        return;
    }
    const QUrlQuery query(target);
    if (m_done || m_exchanging) {
        answer(socket, 409, tr("Already received"),
               tr("UserSync has already received an answer from %1. Return to UserSync.").arg(m_config.productName()));
        return;
    }
    if (query.queryItemValue(u"state"_s, QUrl::FullyDecoded).toLatin1() != m_state) {
        // Not the answer to this authorization (an old tab, or another site): ignored, still waiting.
        answer(socket, 400, tr("Not this authorization"),
               tr("This answer does not belong to the authorization UserSync is waiting for. Start it again from "
                  "UserSync."));
        return;
    }
    if (query.hasQueryItem(u"error"_s)) {
        const QString code = query.queryItemValue(u"error"_s, QUrl::FullyDecoded);
        const QString description = query.queryItemValue(u"error_description"_s, QUrl::FullyDecoded);
        const QString reason = code == u"access_denied"_s
            ? tr("access was denied in the browser")
            : (description.isEmpty() ? code : code + u": "_s + description);
        const ConnectorError error{ConnectorError::Kind::Unauthorized,
                                   tr("%1 did not authorize UserSync (%2). Check that the incoming link allows the "
                                      "%3 scope, and authorize again as a %1 administrator.")
                                       .arg(m_config.productName(), reason, AtlassianOAuth::scope),
                                   code};
        answer(socket, 200, tr("Not authorized"), error.message);
        finishAfter(socket, error);
        return;
    }
    const QString code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    if (code.isEmpty()) {
        answer(socket, 400, tr("Not understood"), tr("The answer carries no authorization code."));
        return;
    }
    exchange(socket, code);
}

void OAuthAuthorization::exchange(QTcpSocket* socket, const QString& code)
{
    m_exchanging = true;
    const QPointer<QTcpSocket> browser(socket);
    m_http.send(AtlassianOAuth::codeRequest(m_config, m_clientSecret, code, m_verifier),
                [this, browser](const HttpOutcome& outcome) {
                    m_exchanging = false;
                    const AtlassianOAuth::Answer answered = AtlassianOAuth::readAnswer(m_config, outcome);
                    if (!answered.grant) {
                        if (browser) {
                            answer(browser, 200, tr("Not authorized"), answered.error.message);
                        }
                        finishAfter(browser, answered.error);
                        return;
                    }
                    if (answered.grant->refreshToken.isEmpty()) {
                        const ConnectorError error{
                            ConnectorError::Kind::InvalidResponse,
                            tr("%1 authorized UserSync but gave no refresh token, so UserSync could not renew its "
                               "access for later runs.")
                                .arg(m_config.productName()),
                            outcome.describe()};
                        if (browser) {
                            answer(browser, 200, tr("Not authorized"), error.message);
                        }
                        finishAfter(browser, error);
                        return;
                    }
                    SecretStore().write(
                        m_config.refreshTokenKey(), answered.grant->refreshToken, this,
                        [this, browser](const SecretResult& written) {
                            if (!written.ok()) {
                                const ConnectorError error{ConnectorError::Kind::NoSecret, written.message, {}};
                                if (browser) {
                                    answer(browser, 200, tr("Not stored"), error.message);
                                }
                                finishAfter(browser, error);
                                return;
                            }
                            if (browser) {
                                answer(browser, 200, tr("UserSync is authorized"),
                                       tr("UserSync may now manage %1's users. You can close this tab and return to "
                                          "UserSync.")
                                           .arg(m_config.productName()));
                            }
                            finishAfter(browser, std::nullopt);
                        });
                });
}

void OAuthAuthorization::answer(QTcpSocket* socket, int status, const QString& title, const QString& text)
{
    const QByteArray page = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                            u"<body style=\"font-family: sans-serif; margin: 3em\"><h1>%1</h1><p>%2</p></body></html>"_s
                                .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
                                .toUtf8();
    const QByteArray reason = status == 200 ? "OK"
        : status == 404                     ? "Not Found"
        : status == 409                     ? "Conflict"
                                            : "Bad Request";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                    "Referrer-Policy: no-referrer\r\nConnection: close\r\nContent-Length: "
                  + QByteArray::number(page.size()) + "\r\n\r\n" + page);
    socket->setProperty("answered", true);
    socket->disconnectFromHost();
}

void OAuthAuthorization::finishAfter(QTcpSocket* socket, const std::optional<ConnectorError>& error)
{
    // The page must reach the browser before a CLI exits on finished(): once the socket has
    // written it and closed, or after a few seconds if the browser keeps it open.
    if (!socket || socket->state() == QAbstractSocket::UnconnectedState) {
        finish(error);
        return;
    }
    connect(socket, &QTcpSocket::disconnected, this, [this, error] { finish(error); });
    QTimer::singleShot(std::chrono::seconds(3), this, [this, error] { finish(error); });
}

void OAuthAuthorization::finish(const std::optional<ConnectorError>& error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_server) {
        m_server->close();
    }
    Q_EMIT finished(error);
}

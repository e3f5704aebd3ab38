#pragma once

#include "connectors/ConnectorError.h"
#include "jobs/Job.h"
#include "net/HttpClient.h"
#include "targets/TargetConfig.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QTcpServer;
class QTcpSocket;

// The browser half of OAuth 2.0's authorization code flow for a desktop program (RFC 8252, with
// PKCE): listens on the target's loopback redirect URL, gives the address the administrator opens
// in a browser, takes the code the browser brings back (the `state` checked), swaps it for tokens
// and stores the refresh token in the keychain, then tells the browser in a short page what
// happened. Nothing but that one request is served; the listener closes when it is done. A job,
// so that Ctrl+C in the CLI and Cancel in the window stop the wait.
class OAuthAuthorization final : public Job
{
    Q_OBJECT

public:
    // `config` must be stored (it has an id) and use Auth::OAuth; `clientSecret` is its credential.
    OAuthAuthorization(TargetConfig config, QString clientSecret, QObject* parent = nullptr);
    ~OAuthAuthorization() override;

    // Opens the listener, then reports waitingForBrowser(); finished() with an error when the
    // redirect URL's port is taken or not on this machine.
    void start() override;

Q_SIGNALS:
    // Open this address in a browser, where an administrator signs in and allows access.
    void waitingForBrowser(const QUrl& authorizeUrl);
    // The refresh token is stored (no error), or why not.
    void finished(const std::optional<ConnectorError>& error);

protected:
    void cancelled() override;

private:
    std::optional<ConnectorError> listen();
    void onConnection();
    void onReadable(QTcpSocket* socket);
    void exchange(QTcpSocket* socket, const QString& code);
    void answer(QTcpSocket* socket, int status, const QString& title, const QString& text);
    void finish(const std::optional<ConnectorError>& error);
    void finishAfter(QTcpSocket* socket, const std::optional<ConnectorError>& error);

    TargetConfig m_config;
    QString m_clientSecret;
    HttpClient m_http;
    QTcpServer* m_server = nullptr;
    QByteArray m_state;
    QByteArray m_verifier;
    bool m_exchanging = false;
    bool m_done = false;
};

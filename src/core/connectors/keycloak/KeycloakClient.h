#pragma once

#include "config/ConnectorConfig.h"
#include "connectors/ConnectorError.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrlQuery>

#include <functional>
#include <optional>

// Talks to one Keycloak realm: finds which URL form answers, keeps a client-credentials token
// fresh, and runs admin API requests through an HttpClient (bounded requests in flight, retries,
// Retry-After). Lives in one thread and reports through callbacks in that thread; never blocks.
class KeycloakClient final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const std::optional<ConnectorError>& error)>;
    struct AdminReply
    {
        std::optional<ConnectorError> error;
        HttpOutcome outcome;
    };
    using AdminDone = std::function<void(const AdminReply& reply)>;

    struct Statistics
    {
        int requests = 0; // HTTP attempts, retries included
        int retries = 0;
        qint64 retryWaitMs = 0; // backoff and Retry-After waits planned, in total
        int tokensIssued = 0;
        qint64 bytesReceived = 0;
    };

    KeycloakClient(KeycloakSettings settings, QString clientSecret, QObject* parent = nullptr);
    ~KeycloakClient() override;

    // Probes {base}/realms/{realm}/.well-known/openid-configuration as typed, then the other form
    // (with or without /auth). Must succeed before anything else is called.
    void discover(Done done);
    // Obtains a new token now (Test Connection wants to see the token step on its own).
    void authenticate(Done done);
    // GET {base}/admin/realms/{realm}/{path}; renews the token first when it is about to expire,
    // and once more if Keycloak answers 401.
    void adminGet(const QString& path, const QUrlQuery& query, AdminDone done);

    // Aborts what is in flight; every pending callback then reports Kind::Cancelled.
    void cancel();
    bool isCancelled() const { return m_http.isCancelled(); }

    QUrl baseUrl() const { return m_baseUrl; } // the form that answered
    bool answeredWithAuthPath() const;
    QString issuer() const { return m_issuer; }
    const KeycloakSettings& settings() const { return m_settings; }
    Statistics statistics() const;

    // Milliseconds on a monotonic clock; replaceable so that tests can age a token.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

private:
    void probe(const QUrl& base, const QUrl& alternative, bool isAlternative, Done done);
    void ensureToken(Done done);
    void requestToken();
    void finishTokenRequest(const std::optional<ConnectorError>& error);
    // On a slot it holds through a token renewal and the retry after a 401.
    void runAdmin(const QUrl& url, bool renewedAfter401, AdminDone done);
    QUrl realmUrl(const QUrl& base, const QString& suffix) const;
    qint64 now() const { return m_clock(); }

    KeycloakSettings m_settings;
    QString m_clientSecret;
    HttpClient m_http;

    QUrl m_typedUrl;
    QUrl m_baseUrl;
    QString m_issuer;

    QString m_token;
    qint64 m_tokenRenewAt = 0;
    bool m_tokenRequestRunning = false;
    std::vector<Done> m_tokenWaiters;
    int m_tokensIssued = 0;

    QElapsedTimer m_monotonic;
    std::function<qint64()> m_clock;
};

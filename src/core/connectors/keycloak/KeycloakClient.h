#pragma once

#include "config/ConnectorConfig.h"
#include "connectors/ConnectorError.h"
#include "connectors/keycloak/HttpOutcome.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <deque>
#include <functional>
#include <optional>

// Talks to one Keycloak realm: finds which URL form answers, keeps a client-credentials token
// fresh, and runs admin API requests with a bounded number in flight, retrying 5xx answers,
// timeouts and 429 (honouring Retry-After) with exponential backoff. Lives in one thread and
// reports through callbacks in that thread; never blocks.
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
    bool isCancelled() const { return m_cancelled; }

    QUrl baseUrl() const { return m_baseUrl; } // the form that answered
    bool answeredWithAuthPath() const;
    QString issuer() const { return m_issuer; }
    const KeycloakSettings& settings() const { return m_settings; }
    Statistics statistics() const { return m_statistics; }

    // Milliseconds on a monotonic clock; replaceable so that tests can age a token.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

private:
    struct Request
    {
        QByteArray method;
        QUrl url;
        QByteArray body; // form body of a POST
        bool withToken = false;
    };
    using OutcomeDone = std::function<void(const HttpOutcome&)>;

    void probe(const QUrl& base, const QUrl& alternative, bool isAlternative, Done done);
    void ensureToken(Done done);
    void requestToken();
    void finishTokenRequest(const std::optional<ConnectorError>& error);
    void runAdmin(const Request& request, bool renewedAfter401, AdminDone done);

    // Slots bound the requests in flight; a request keeps its slot through its retries.
    void withSlot(std::function<void()> work);
    void releaseSlot();

    void perform(const Request& request, int attempt, OutcomeDone done);
    void onReplyFinished(QNetworkReply* reply, const Request& request, int attempt, OutcomeDone done);
    int retryDelayMs(const QNetworkReply* reply, int attempt) const;
    QUrl realmUrl(const QUrl& base, const QString& suffix) const;
    qint64 now() const { return m_clock(); }

    KeycloakSettings m_settings;
    QString m_clientSecret;
    QNetworkAccessManager m_network;
    QSslConfiguration m_sslConfiguration;
    std::optional<ConnectorError> m_setupError;

    QUrl m_typedUrl;
    QUrl m_baseUrl;
    QString m_issuer;

    QString m_token;
    qint64 m_tokenRenewAt = 0;
    bool m_tokenRequestRunning = false;
    std::vector<Done> m_tokenWaiters;

    int m_inFlight = 0;
    std::deque<std::function<void()>> m_waitingForSlot;
    QSet<QNetworkReply*> m_activeReplies;
    bool m_cancelled = false;

    QElapsedTimer m_monotonic;
    std::function<qint64()> m_clock;
    Statistics m_statistics;
};

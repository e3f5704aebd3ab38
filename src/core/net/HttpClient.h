#pragma once

#include "connectors/ConnectorError.h"
#include "net/HttpOutcome.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <deque>
#include <functional>
#include <optional>
#include <utility>

// How an HTTP client talks to one server: the same knobs for every source and target.
class CurlTransport;

struct HttpSettings
{
    static constexpr int defaultMaxInFlight = 4;
    static constexpr int defaultTimeoutSeconds = 30;
    static constexpr int defaultMaxRetries = 4;
    static constexpr int defaultRetryDelayMs = 500;

    int maxInFlight = defaultMaxInFlight;
    int timeoutSeconds = defaultTimeoutSeconds; // per request, without any data arriving
    int maxRetries = defaultMaxRetries; // after the first attempt, on 5xx, 429, timeouts, dropped connections
    int retryDelayMs = defaultRetryDelayMs; // first backoff; doubles with each retry
    QString caFile; // extra CA certificates (PEM) for a private CA; verification stays on

    bool operator==(const HttpSettings&) const = default;
};

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QByteArray body;
    QByteArray contentType; // of the body
    QList<std::pair<QByteArray, QByteArray>> headers; // Authorization among them: never logged
    // False for a request that must not be sent twice when whether the server carried it out is
    // not known (a POST that creates where nothing unique refuses the second): retried only on
    // 429 and 503, where the server says it did not.
    bool replayable = true;
};

// What every client of an outside server needs, written once (as Nextcloud builds every request
// on one AbstractNetworkJob): a bounded number of requests in flight, retries with exponential
// backoff on 5xx answers, timeouts, dropped connections and 429/503 (honouring Retry-After, in
// seconds or as a date), TLS always verified with an optional extra CA, a cut-short body told
// apart from an answer, cancellation, and counts for benchmarks. Lives in one thread and reports
// through callbacks in that thread; never blocks.
class HttpClient final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const HttpOutcome& outcome)>;

    struct Statistics
    {
        int requests = 0; // HTTP attempts, retries included
        int retries = 0;
        qint64 retryWaitMs = 0; // backoff and Retry-After waits planned, in total
        qint64 bytesReceived = 0;
    };

    // `product` names the server in sentences ("Keycloak", "Jira").
    HttpClient(HttpSettings settings, QString product, QObject* parent = nullptr);
    ~HttpClient() override;

    // Set when the settings cannot work (an unreadable CA file): nothing should be sent then.
    const std::optional<ConnectorError>& setupError() const { return m_setupError; }

    // Waits for a free slot, performs the request with its retries, frees the slot, reports.
    void send(HttpRequest request, Done done);

    // For a caller that chains several requests on one slot (a token renewal and a retry):
    // `work` runs once a slot is free; the caller calls releaseSlot() when it is done.
    void withSlot(std::function<void()> work);
    void releaseSlot();
    // The request with its retries, on a slot the caller holds.
    void perform(HttpRequest request, Done done);

    // Aborts what is in flight; every pending callback then reports a cancelled outcome.
    void cancel();
    bool isCancelled() const { return m_cancelled; }

    const HttpSettings& settings() const { return m_settings; }
    Statistics statistics() const { return m_statistics; }

private:
    void attempt(const HttpRequest& request, int attempt, const Done& done);
    void onAttemptFinished(HttpOutcome&& outcome, const HttpRequest& request, int attempt, const Done& done);
    int retryDelayMs(const HttpOutcome& outcome, int attempt) const;

    HttpSettings m_settings;
    std::optional<ConnectorError> m_setupError;
    CurlTransport* m_transport; // a child, so that it follows this client to another thread
    int m_inFlight = 0;
    std::deque<std::function<void()>> m_waitingForSlot;
    bool m_cancelled = false;
    Statistics m_statistics;
};

#include "HttpClient.h"

#include "Logging.h"
#include "net/CurlTransport.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int maxRetryAfterSeconds = 120;
constexpr int maxBackoffMs = 30'000;

bool isRetryable(const HttpOutcome& outcome, const HttpRequest& request)
{
    if (!request.replayable) {
        return outcome.status == 429 || outcome.status == 503;
    }
    if (outcome.timedOut) {
        return true;
    }
    if (outcome.transportFailed()) {
        // Refused connections and unknown hosts are configuration mistakes: retrying only delays the answer.
        switch (outcome.networkError) {
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::TimeoutError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::UnknownNetworkError:
        case QNetworkReply::ProxyTimeoutError:
            return true;
        default:
            return false;
        }
    }
    return outcome.status == 429 || outcome.status >= 500;
}

} // namespace

QByteArray HttpOutcome::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QString HttpOutcome::describe() const
{
    QString text = QString::fromLatin1(method) + u' ' + url.path();
    if (transportFailed() && !cancelled && !timedOut) {
        text += u" → %1"_s.arg(networkErrorString);
    } else if (status != 0) {
        text += u" → HTTP %1"_s.arg(status);
    } else if (cancelled) {
        text += u" → cancelled"_s;
    } else if (timedOut) {
        text += u" → timed out"_s;
    } else {
        text += u" → %1"_s.arg(networkErrorString);
    }
    if (attempts > 1) {
        text += u" after %1 attempts"_s.arg(attempts);
    }
    return text;
}

namespace {

std::optional<ConnectorError> checkCaFile(const QString& caFile, const QString& product)
{
    if (caFile.isEmpty() || !QSslCertificate::fromPath(caFile, QSsl::Pem).isEmpty()) {
        return std::nullopt;
    }
    return ConnectorError{ConnectorError::Kind::Tls,
                          HttpClient::tr("The CA file %1 cannot be read or holds no PEM certificate. Choose the "
                                         "certificate file of the certificate authority that signed %2's certificate.")
                              .arg(caFile, product),
                          u"CA file without certificates"_s};
}

} // namespace

HttpClient::HttpClient(HttpSettings settings, QString product, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_setupError(checkCaFile(m_settings.caFile, product))
    , m_transport(new CurlTransport(
          CurlTransport::Options{.timeoutSeconds = m_settings.timeoutSeconds, .caFile = m_settings.caFile}, this))
{
    m_settings.maxInFlight = std::max(1, m_settings.maxInFlight);
}

HttpClient::~HttpClient()
{
    m_cancelled = true;
    delete m_transport; // drops what is in flight, before the members its callbacks use are gone
}

void HttpClient::send(HttpRequest request, Done done)
{
    withSlot([this, request = std::move(request), done = std::move(done)] {
        perform(request, [this, done](const HttpOutcome& outcome) {
            releaseSlot();
            done(outcome);
        });
    });
}

void HttpClient::withSlot(std::function<void()> work)
{
    if (m_inFlight < m_settings.maxInFlight) {
        ++m_inFlight;
        work();
    } else {
        m_waitingForSlot.push_back(std::move(work));
    }
}

void HttpClient::releaseSlot()
{
    if (!m_waitingForSlot.empty()) {
        // The slot passes straight to the next request; queued so that deep callback chains unwind.
        auto next = std::move(m_waitingForSlot.front());
        m_waitingForSlot.pop_front();
        QTimer::singleShot(0, this, std::move(next));
    } else {
        --m_inFlight;
    }
}

void HttpClient::perform(HttpRequest request, Done done)
{
    attempt(request, 0, done);
}

void HttpClient::attempt(const HttpRequest& request, int attempt, const Done& done)
{
    if (m_cancelled) {
        HttpOutcome outcome;
        outcome.method = request.method;
        outcome.url = request.url;
        outcome.cancelled = true;
        outcome.attempts = attempt;
        done(outcome);
        return;
    }
    ++m_statistics.requests;
    m_transport->start(request, [this, request, attempt, done](HttpOutcome&& outcome) {
        onAttemptFinished(std::move(outcome), request, attempt, done);
    });
}

void HttpClient::onAttemptFinished(HttpOutcome&& answer, const HttpRequest& request, int attempt, const Done& done)
{
    HttpOutcome outcome = std::move(answer);
    outcome.attempts = attempt + 1;
    outcome.cancelled = m_cancelled;
    m_statistics.bytesReceived += outcome.body.size();

    if (!m_cancelled && attempt < m_settings.maxRetries && isRetryable(outcome, request)) {
        const int delay = retryDelayMs(outcome, attempt);
        ++m_statistics.retries;
        m_statistics.retryWaitMs += delay;
        qCInfo(lcNetwork) << "retrying in" << delay << "ms:" << outcome.describe();
        QTimer::singleShot(delay, this, [this, request, attempt, done] { this->attempt(request, attempt + 1, done); });
        return;
    }
    if (!outcome.isHttpSuccess() && !outcome.cancelled) {
        // Callers decide what a failure means (a 404 while probing is expected); they report it.
        qCInfo(lcNetwork) << "request failed:" << outcome.describe();
    }
    done(outcome);
}

int HttpClient::retryDelayMs(const HttpOutcome& outcome, int attempt) const
{
    const QByteArray retryAfter = outcome.header("Retry-After").trimmed();
    if ((outcome.status == 429 || outcome.status == 503) && !retryAfter.isEmpty()) {
        bool isNumber = false;
        const int seconds = retryAfter.toInt(&isNumber);
        if (isNumber) {
            return std::clamp(seconds, 0, maxRetryAfterSeconds) * 1000;
        }
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(retryAfter), Qt::RFC2822Date);
        if (when.isValid()) {
            return int(
                std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, maxRetryAfterSeconds * 1000));
        }
    }
    return int(std::min<qint64>(qint64(m_settings.retryDelayMs) << attempt, maxBackoffMs));
}

void HttpClient::cancel()
{
    if (m_cancelled) {
        return;
    }
    m_cancelled = true;
    // Aborting finishes each transfer, whose callback then reports the cancellation.
    m_transport->abortAll();
    // Requests still waiting for a slot start, see the flag and report it too.
}

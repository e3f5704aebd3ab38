#include "HttpClient.h"

#include "Logging.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int maxRetryAfterSeconds = 120;
constexpr int maxBackoffMs = 30'000;

bool isRetryable(const HttpOutcome& outcome)
{
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

HttpClient::HttpClient(HttpSettings settings, QString product, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_network(this)
    , m_sslConfiguration(QSslConfiguration::defaultConfiguration())
{
    m_network.setAutoDeleteReplies(false);
    m_settings.maxInFlight = std::max(1, m_settings.maxInFlight);
    if (!m_settings.caFile.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
        if (certificates.isEmpty()) {
            m_setupError = ConnectorError{
                ConnectorError::Kind::Tls,
                tr("The CA file %1 cannot be read or holds no PEM certificate. Choose the certificate file of the "
                   "certificate authority that signed %2's certificate.")
                    .arg(m_settings.caFile, product),
                u"CA file without certificates"_s};
        }
        // Added to the system's authorities, never instead of verification.
        m_sslConfiguration.addCaCertificates(certificates);
    }
}

HttpClient::~HttpClient()
{
    m_cancelled = true;
    const QSet<QNetworkReply*> replies = std::exchange(m_activeReplies, {});
    for (QNetworkReply* reply : replies) {
        reply->disconnect(this);
        reply->abort();
        delete reply;
    }
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
    QNetworkRequest networkRequest(request.url);
    networkRequest.setSslConfiguration(m_sslConfiguration);
    networkRequest.setTransferTimeout(m_settings.timeoutSeconds * 1000);
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    for (const auto& [name, value] : request.headers) {
        networkRequest.setRawHeader(name, value);
    }
    if (!request.contentType.isEmpty()) {
        networkRequest.setRawHeader("Content-Type", request.contentType);
    }
    QNetworkReply* reply = nullptr;
    if (request.method == "GET") {
        reply = m_network.get(networkRequest);
    } else if (request.method == "POST") {
        reply = m_network.post(networkRequest, request.body);
    } else if (request.method == "PUT") {
        reply = m_network.put(networkRequest, request.body);
    } else if (request.method == "DELETE" && request.body.isEmpty()) {
        reply = m_network.deleteResource(networkRequest);
    } else {
        reply = m_network.sendCustomRequest(networkRequest, request.method, request.body);
    }
    ++m_statistics.requests;
    m_activeReplies.insert(reply);
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError>& errors) {
        QStringList texts;
        for (const QSslError& error : errors) {
            texts << error.errorString();
        }
        reply->setProperty("usersyncSslErrors", texts);
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, request, attempt, done] { onReplyFinished(reply, request, attempt, done); });
}

void HttpClient::onReplyFinished(QNetworkReply* reply, const HttpRequest& request, int attempt, const Done& done)
{
    m_activeReplies.remove(reply);
    reply->deleteLater();

    HttpOutcome outcome;
    outcome.method = request.method;
    outcome.url = request.url;
    outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    outcome.body = reply->readAll();
    outcome.headers = reply->rawHeaderPairs();
    outcome.networkError = reply->error();
    outcome.networkErrorString = reply->errorString();
    outcome.sslErrors = reply->property("usersyncSslErrors").toStringList();
    outcome.attempts = attempt + 1;
    outcome.cancelled = m_cancelled;
    // Qt reports its transfer timeout as an abort; ours is the only other abort, and it sets m_cancelled.
    outcome.timedOut = !m_cancelled && reply->error() == QNetworkReply::OperationCanceledError;
    m_statistics.bytesReceived += outcome.body.size();

    if (!m_cancelled && attempt < m_settings.maxRetries && isRetryable(outcome)) {
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
    // Aborting finishes each reply, whose callback then reports the cancellation.
    const QSet<QNetworkReply*> replies = m_activeReplies;
    for (QNetworkReply* reply : replies) {
        reply->abort();
    }
    // Requests still waiting for a slot start, see the flag and report it too.
}

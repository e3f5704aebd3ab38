#include "KeycloakClient.h"

#include "Logging.h"
#include "connectors/keycloak/KeycloakErrors.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int maxRetryAfterSeconds = 120;
constexpr int maxBackoffMs = 30'000;

QUrl withoutTrailingSlashes(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    url.setPath(path);
    return url;
}

// The other spelling of the base URL: with /auth removed, or added.
QUrl alternativeBase(const QUrl& base)
{
    QUrl other = base;
    const QString path = base.path();
    if (path.endsWith(u"/auth"_s)) {
        other.setPath(path.chopped(5));
    } else {
        other.setPath(path + u"/auth"_s);
    }
    return other;
}

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

KeycloakClient::KeycloakClient(KeycloakSettings settings, QString clientSecret, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clientSecret(std::move(clientSecret))
    , m_network(this)
    , m_sslConfiguration(QSslConfiguration::defaultConfiguration())
{
    m_monotonic.start();
    m_clock = [this] { return m_monotonic.elapsed(); };
    m_network.setAutoDeleteReplies(false);
    m_typedUrl = withoutTrailingSlashes(QUrl(m_settings.baseUrl.trimmed()));

    if (!m_settings.caFile.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
        if (certificates.isEmpty()) {
            m_setupError = ConnectorError{
                ConnectorError::Kind::Tls,
                tr("The CA file %1 cannot be read or holds no PEM certificate. Choose the certificate file of the "
                   "certificate authority that signed Keycloak's certificate.")
                    .arg(m_settings.caFile),
                u"CA file without certificates"_s};
        }
        // Added to the system's authorities, never instead of verification.
        m_sslConfiguration.addCaCertificates(certificates);
    }
}

KeycloakClient::~KeycloakClient()
{
    m_cancelled = true;
    const QSet<QNetworkReply*> replies = std::exchange(m_activeReplies, {});
    for (QNetworkReply* reply : replies) {
        reply->disconnect(this);
        reply->abort();
        delete reply;
    }
}

bool KeycloakClient::answeredWithAuthPath() const
{
    return m_baseUrl.path().endsWith(u"/auth"_s);
}

QUrl KeycloakClient::realmUrl(const QUrl& base, const QString& suffix) const
{
    QUrl url = base;
    url.setPath(base.path() + suffix.arg(m_settings.realm), QUrl::DecodedMode);
    return url;
}

void KeycloakClient::discover(Done done)
{
    if (m_setupError) {
        done(m_setupError);
        return;
    }
    probe(m_typedUrl, alternativeBase(m_typedUrl), false, std::move(done));
}

void KeycloakClient::probe(const QUrl& base, const QUrl& alternative, bool isAlternative, Done done)
{
    Request request{"GET", realmUrl(base, u"/realms/%1/.well-known/openid-configuration"_s), {}, false};
    withSlot([this, request, base, alternative, isAlternative, done = std::move(done)] {
        perform(request, 0, [this, base, alternative, isAlternative, done](const HttpOutcome& outcome) {
            releaseSlot();
            if (outcome.status == 0 || outcome.transportFailed()) {
                // Both forms share host and port: a network failure answers for both.
                done(KeycloakErrors::network(outcome, m_settings.timeoutSeconds));
                return;
            }
            if (KeycloakErrors::isRealmMissing(outcome)) {
                done(KeycloakErrors::realmNotFound(m_settings.realm, outcome));
                return;
            }
            const QJsonObject document = QJsonDocument::fromJson(outcome.body).object();
            if (outcome.status == 200 && document.contains(u"token_endpoint"_s)) {
                m_baseUrl = base;
                m_issuer = document.value(u"issuer"_s).toString();
                qCInfo(lcKeycloak) << "Keycloak answered at" << base.toString() << "issuer" << m_issuer;
                done(std::nullopt);
                return;
            }
            if (!isAlternative) {
                probe(alternative, base, true, done);
                return;
            }
            done(KeycloakErrors::wrongUrl(alternative, base, outcome));
        });
    });
}

void KeycloakClient::authenticate(Done done)
{
    m_token.clear();
    ensureToken(std::move(done));
}

void KeycloakClient::ensureToken(Done done)
{
    if (m_cancelled) {
        done(KeycloakErrors::cancelled());
        return;
    }
    if (!m_token.isEmpty() && now() < m_tokenRenewAt) {
        done(std::nullopt);
        return;
    }
    m_tokenWaiters.push_back(std::move(done));
    if (!m_tokenRequestRunning) {
        requestToken();
    }
}

void KeycloakClient::requestToken()
{
    m_tokenRequestRunning = true;
    m_token.clear();
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, m_settings.clientId);
    form.addQueryItem(u"client_secret"_s, m_clientSecret);
    // Encoded by hand: QUrlQuery leaves '+' alone, which a form body would read as a space.
    QByteArray body;
    for (const auto& [key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    const Request request{"POST", realmUrl(m_baseUrl, u"/realms/%1/protocol/openid-connect/token"_s), body, false};
    const qint64 requestedAt = now();
    perform(request, 0, [this, requestedAt](const HttpOutcome& outcome) {
        if (!outcome.isHttpSuccess()) {
            finishTokenRequest(
                KeycloakErrors::token(outcome, m_settings.clientId, m_settings.realm, m_settings.timeoutSeconds));
            return;
        }
        const QJsonObject token = QJsonDocument::fromJson(outcome.body).object();
        const QString accessToken = token.value(u"access_token"_s).toString();
        const qint64 lifetimeMs = qint64(token.value(u"expires_in"_s).toInt(60)) * 1000;
        if (accessToken.isEmpty()) {
            finishTokenRequest(KeycloakErrors::invalidResponse(outcome, tr("a token answer without a token")));
            return;
        }
        m_token = accessToken;
        // Renew when a quarter of the lifetime (at most 30 s) is left, so that a request never
        // leaves with a token about to expire; client credentials come without a refresh token.
        m_tokenRenewAt = requestedAt + lifetimeMs - std::min<qint64>(lifetimeMs / 4, 30'000);
        ++m_statistics.tokensIssued;
        qCDebug(lcKeycloak) << "token obtained, valid for" << lifetimeMs / 1000 << "s";
        finishTokenRequest(std::nullopt);
    });
}

void KeycloakClient::finishTokenRequest(const std::optional<ConnectorError>& error)
{
    m_tokenRequestRunning = false;
    std::vector<Done> waiters = std::exchange(m_tokenWaiters, {});
    for (const Done& waiter : waiters) {
        waiter(error);
    }
}

void KeycloakClient::adminGet(const QString& path, const QUrlQuery& query, AdminDone done)
{
    QUrl url = realmUrl(m_baseUrl, u"/admin/realms/%1/"_s);
    url.setPath(url.path() + path, QUrl::DecodedMode);
    url.setQuery(query);
    const Request request{"GET", url, {}, true};
    withSlot([this, request, done = std::move(done)] { runAdmin(request, false, done); });
}

void KeycloakClient::runAdmin(const Request& request, bool renewedAfter401, AdminDone done)
{
    ensureToken([this, request, renewedAfter401, done](const std::optional<ConnectorError>& tokenError) {
        if (tokenError) {
            releaseSlot();
            done(AdminReply{tokenError, {}});
            return;
        }
        const QString tokenUsed = m_token;
        perform(request, 0, [this, request, renewedAfter401, done, tokenUsed](const HttpOutcome& outcome) {
            if (outcome.status == 401 && !renewedAfter401 && !m_cancelled) {
                // Expired or revoked in mid-run: a new token, then this request once more.
                qCInfo(lcKeycloak) << "401 in mid-run; renewing the token:" << outcome.describe();
                if (m_token == tokenUsed) {
                    m_token.clear();
                }
                runAdmin(request, true, done);
                return;
            }
            releaseSlot();
            if (outcome.isHttpSuccess()) {
                done(AdminReply{std::nullopt, outcome});
            } else {
                done(AdminReply{KeycloakErrors::admin(outcome, m_settings.clientId, m_settings.timeoutSeconds),
                                outcome});
            }
        });
    });
}

void KeycloakClient::withSlot(std::function<void()> work)
{
    if (m_inFlight < m_settings.maxInFlight) {
        ++m_inFlight;
        work();
    } else {
        m_waitingForSlot.push_back(std::move(work));
    }
}

void KeycloakClient::releaseSlot()
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

void KeycloakClient::perform(const Request& request, int attempt, OutcomeDone done)
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
    if (request.withToken) {
        networkRequest.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    }
    QNetworkReply* reply = nullptr;
    if (request.method == "POST") {
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        reply = m_network.post(networkRequest, request.body);
    } else {
        reply = m_network.get(networkRequest);
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
    connect(reply, &QNetworkReply::finished, this, [this, reply, request, attempt, done = std::move(done)] {
        onReplyFinished(reply, request, attempt, done);
    });
}

void KeycloakClient::onReplyFinished(QNetworkReply* reply, const Request& request, int attempt, OutcomeDone done)
{
    m_activeReplies.remove(reply);
    reply->deleteLater();

    HttpOutcome outcome;
    outcome.method = request.method;
    outcome.url = request.url;
    outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    outcome.body = reply->readAll();
    outcome.networkError = reply->error();
    outcome.networkErrorString = reply->errorString();
    outcome.sslErrors = reply->property("usersyncSslErrors").toStringList();
    outcome.attempts = attempt + 1;
    outcome.cancelled = m_cancelled;
    // Qt reports its transfer timeout as an abort; ours is the only other abort, and it sets m_cancelled.
    outcome.timedOut = !m_cancelled && reply->error() == QNetworkReply::OperationCanceledError;
    m_statistics.bytesReceived += outcome.body.size();

    if (!m_cancelled && attempt < m_settings.maxRetries && isRetryable(outcome)) {
        const int delay = retryDelayMs(reply, attempt);
        ++m_statistics.retries;
        m_statistics.retryWaitMs += delay;
        qCInfo(lcKeycloak) << "retrying in" << delay << "ms:" << outcome.describe();
        QTimer::singleShot(delay, this, [this, request, attempt, done] { perform(request, attempt + 1, done); });
        return;
    }
    if (!outcome.isHttpSuccess() && !outcome.cancelled) {
        // Callers decide what a failure means (a 404 while probing is expected); they report it.
        qCInfo(lcKeycloak) << "request failed:" << outcome.describe();
    }
    done(outcome);
}

int KeycloakClient::retryDelayMs(const QNetworkReply* reply, int attempt) const
{
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 429
        && reply->hasRawHeader("Retry-After")) {
        const QByteArray value = reply->rawHeader("Retry-After").trimmed();
        bool isNumber = false;
        const int seconds = value.toInt(&isNumber);
        if (isNumber) {
            return std::clamp(seconds, 0, maxRetryAfterSeconds) * 1000;
        }
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
        if (when.isValid()) {
            return int(
                std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, maxRetryAfterSeconds * 1000));
        }
    }
    return int(std::min<qint64>(qint64(m_settings.retryDelayMs) << attempt, maxBackoffMs));
}

void KeycloakClient::cancel()
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

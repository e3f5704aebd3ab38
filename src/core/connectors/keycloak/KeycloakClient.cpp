#include "KeycloakClient.h"

#include "Logging.h"
#include "connectors/keycloak/KeycloakErrors.h"
#include "net/FormEncoding.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

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

} // namespace

KeycloakClient::KeycloakClient(KeycloakSettings settings, QString clientSecret, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clientSecret(std::move(clientSecret))
    , m_http(m_settings.http(), u"Keycloak"_s, this)
{
    m_monotonic.start();
    m_clock = [this] { return m_monotonic.elapsed(); };
    m_typedUrl = withoutTrailingSlashes(QUrl(m_settings.baseUrl.trimmed()));
}

KeycloakClient::~KeycloakClient() = default;

KeycloakClient::Statistics KeycloakClient::statistics() const
{
    const HttpClient::Statistics http = m_http.statistics();
    return {http.requests, http.retries, http.retryWaitMs, m_tokensIssued, http.bytesReceived};
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
    if (m_http.setupError()) {
        done(m_http.setupError());
        return;
    }
    probe(m_typedUrl, alternativeBase(m_typedUrl), false, std::move(done));
}

void KeycloakClient::probe(const QUrl& base, const QUrl& alternative, bool isAlternative, Done done)
{
    HttpRequest request;
    request.url = realmUrl(base, u"/realms/%1/.well-known/openid-configuration"_s);
    m_http.send(request, [this, base, alternative, isAlternative, done = std::move(done)](const HttpOutcome& outcome) {
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
}

void KeycloakClient::authenticate(Done done)
{
    m_token.clear();
    ensureToken(std::move(done));
}

void KeycloakClient::ensureToken(Done done)
{
    if (m_http.isCancelled()) {
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
    const QByteArray body = formEncoded({
        {u"grant_type"_s, u"client_credentials"_s},
        {u"client_id"_s, m_settings.clientId},
        {u"client_secret"_s, m_clientSecret},
    });
    HttpRequest request{"POST",
                        realmUrl(m_baseUrl, u"/realms/%1/protocol/openid-connect/token"_s),
                        body,
                        "application/x-www-form-urlencoded",
                        {}};
    const qint64 requestedAt = now();
    m_http.perform(request, [this, requestedAt](const HttpOutcome& outcome) {
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
        ++m_tokensIssued;
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
    m_http.withSlot([this, url, done = std::move(done)] { runAdmin(url, false, done); });
}

void KeycloakClient::runAdmin(const QUrl& url, bool renewedAfter401, AdminDone done)
{
    ensureToken([this, url, renewedAfter401, done](const std::optional<ConnectorError>& tokenError) {
        if (tokenError) {
            m_http.releaseSlot();
            done(AdminReply{tokenError, {}});
            return;
        }
        const QString tokenUsed = m_token;
        HttpRequest request;
        request.url = url;
        request.headers = {{"Authorization", "Bearer " + m_token.toLatin1()}};
        m_http.perform(request, [this, url, renewedAfter401, done, tokenUsed](const HttpOutcome& outcome) {
            if (outcome.status == 401 && !renewedAfter401 && !m_http.isCancelled()) {
                // Expired or revoked in mid-run: a new token, then this request once more.
                qCInfo(lcKeycloak) << "401 in mid-run; renewing the token:" << outcome.describe();
                if (m_token == tokenUsed) {
                    m_token.clear();
                }
                runAdmin(url, true, done);
                return;
            }
            m_http.releaseSlot();
            if (outcome.isHttpSuccess()) {
                done(AdminReply{std::nullopt, outcome});
            } else {
                done(AdminReply{KeycloakErrors::admin(outcome, m_settings.clientId, m_settings.timeoutSeconds),
                                outcome});
            }
        });
    });
}

void KeycloakClient::cancel()
{
    m_http.cancel();
}

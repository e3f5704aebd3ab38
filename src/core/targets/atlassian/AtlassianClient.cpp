#include "AtlassianClient.h"

#include "Logging.h"
#include "config/SecretStore.h"
#include "net/FormEncoding.h"
#include "net/NetworkErrors.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

AtlassianClient::AtlassianClient(TargetConfig config, QString credential, QString restPath, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_http(m_config.http, TargetConfig::productName(m_config.type), this)
{
    switch (m_config.auth) {
    case TargetConfig::Auth::Basic: {
        const QByteArray pair = m_config.username.toUtf8() + ':' + credential.toUtf8();
        m_authorization = "Basic " + pair.toBase64();
        break;
    }
    case TargetConfig::Auth::Token:
        m_authorization = "Bearer " + credential.toUtf8();
        break;
    case TargetConfig::Auth::OAuth:
        m_clientSecret = std::move(credential);
        break;
    }
    m_clock.start();
    m_base = m_config.baseUrl();
    m_restPath = u'/' + restPath + u'/';
}

QUrl AtlassianClient::urlFor(const QString& path, const Query& query) const
{
    QUrl url = m_base;
    // Encoded: names in the path come through segment(), so that a '/' in one stays part of it.
    url.setPath(m_base.path(QUrl::FullyEncoded) + m_restPath + path, QUrl::TolerantMode);
    return withQuery(url, query);
}

QString AtlassianClient::segment(const QString& name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name));
}

void AtlassianClient::get(const QString& path, const Query& query, Done done)
{
    HttpRequest request;
    request.url = urlFor(path, query);
    dispatch(std::move(request), Parse::Always, std::move(done));
}

void AtlassianClient::getPage(const QString& path, const Query& query, Done done)
{
    HttpRequest request;
    request.url = urlFor(path, query);
    dispatch(std::move(request), Parse::ErrorsOnly, std::move(done));
}

void AtlassianClient::send(const QByteArray& method, const QString& path, const Query& query, const QJsonDocument& body,
                           Done done)
{
    HttpRequest request;
    request.method = method;
    request.url = urlFor(path, query);
    if (!body.isNull()) {
        request.body = body.toJson(QJsonDocument::Compact);
        request.contentType = "application/json";
    }
    // Harmless on JSON calls, and the form-post XSRF check never trips on it.
    request.headers.append(std::pair<QByteArray, QByteArray>("X-Atlassian-Token", "no-check"));
    dispatch(std::move(request), Parse::Always, std::move(done));
}

void AtlassianClient::dispatch(HttpRequest request, Parse parse, Done done)
{
    if (m_config.auth == TargetConfig::Auth::OAuth) {
        sendWithToken(std::move(request), parse, false, std::move(done));
        return;
    }
    request.headers.append(std::pair<QByteArray, QByteArray>("Authorization", m_authorization));
    transmit(std::move(request), parse, std::move(done));
}

void AtlassianClient::transmit(HttpRequest request, Parse parse, Done done)
{
    if (m_loginLocked) {
        HttpOutcome outcome;
        outcome.method = request.method;
        outcome.url = request.url;
        outcome.status = 403;
        outcome.headers = {{"X-Seraph-LoginReason", "AUTHENTICATION_DENIED"}};
        done(Reply{outcome, {}, {}});
        return;
    }
    m_http.send(std::move(request), [this, parse, done = std::move(done)](const HttpOutcome& outcome) {
        if (isLoginDenied(outcome) && !m_loginLocked) {
            qCWarning(lcTargets) << TargetConfig::productName(m_config.type)
                                 << "denies the login (CAPTCHA); sending nothing more:" << outcome.describe();
            m_loginLocked = true;
        }
        const bool wanted = parse == Parse::Always || !outcome.isHttpSuccess();
        done(Reply{outcome, wanted ? QJsonDocument::fromJson(outcome.body) : QJsonDocument(), {}});
    });
}

void AtlassianClient::sendWithToken(HttpRequest request, Parse parse, bool renewed, Done done)
{
    ensureToken([this, request = std::move(request), parse, renewed,
                 done = std::move(done)](const std::optional<ConnectorError>& error) mutable {
        if (error) {
            HttpOutcome outcome;
            outcome.method = request.method;
            outcome.url = request.url;
            outcome.cancelled = m_http.isCancelled();
            done(Reply{outcome, {}, error});
            return;
        }
        HttpRequest signedIn = request;
        signedIn.headers.append(std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + m_accessToken.toUtf8()));
        const QString used = m_accessToken;
        transmit(
            std::move(signedIn), parse,
            [this, request = std::move(request), parse, renewed, used, done](const Reply& reply) mutable {
                if (reply.outcome.status == 401 && !renewed && !isLoginDenied(reply.outcome) && !m_http.isCancelled()) {
                    // Expired or revoked in mid-run: a new access token, then this request once more.
                    qCInfo(lcTargets) << "401 with an OAuth access token; renewing it:" << reply.outcome.describe();
                    if (m_accessToken == used) {
                        m_accessToken.clear();
                    }
                    sendWithToken(std::move(request), parse, true, std::move(done));
                    return;
                }
                done(reply);
            });
    });
}

void AtlassianClient::ensureToken(TokenDone done)
{
    if (m_signInError) {
        done(m_signInError);
        return;
    }
    if (m_http.isCancelled()) {
        done(NetworkErrors::cancelled());
        return;
    }
    if (!m_accessToken.isEmpty() && m_clock.elapsed() < m_renewAt) {
        done(std::nullopt);
        return;
    }
    m_tokenWaiters.push_back(std::move(done));
    if (m_tokenRunning) {
        return;
    }
    m_tokenRunning = true;
    m_accessToken.clear();
    if (!m_refreshToken.isEmpty()) {
        renewToken(true);
        return;
    }
    SecretStore().read(m_config.refreshTokenKey(), this, [this](const SecretResult& stored) {
        if (stored.status == SecretResult::Status::NotFound) {
            finishToken(
                ConnectorError{ConnectorError::Kind::NoSecret,
                               tr("UserSync is not yet authorized in %1 for “%2”: %3.")
                                   .arg(m_config.productName(), m_config.name, AtlassianOAuth::authorizeHint(m_config)),
                               {}});
            return;
        }
        if (!stored.ok()) {
            finishToken(ConnectorError{ConnectorError::Kind::NoSecret,
                                       tr("UserSync's authorization in %1 cannot be read from the keychain: %2")
                                           .arg(m_config.productName(), stored.message),
                                       {}});
            return;
        }
        m_refreshToken = stored.secret;
        renewToken(true);
    });
}

void AtlassianClient::renewToken(bool rereadAfterLoss)
{
    const QString used = m_refreshToken;
    const qint64 requestedAt = m_clock.elapsed();
    m_http.send(AtlassianOAuth::refreshRequest(m_config, m_clientSecret, used),
                [this, used, requestedAt, rereadAfterLoss](const HttpOutcome& outcome) {
                    const AtlassianOAuth::Answer answer = AtlassianOAuth::readAnswer(m_config, outcome);
                    if (!answer.grant && answer.authorizationLost && rereadAfterLoss) {
                        // Another UserSync (the scheduled run, the window) may have renewed it meanwhile:
                        // the one it stored is the one that works now.
                        SecretStore().read(m_config.refreshTokenKey(), this,
                                           [this, used, answer](const SecretResult& stored) {
                                               if (stored.ok() && stored.secret != used) {
                                                   m_refreshToken = stored.secret;
                                                   renewToken(false);
                                                   return;
                                               }
                                               finishToken(answer.error);
                                           });
                        return;
                    }
                    if (!answer.grant) {
                        finishToken(answer.error);
                        return;
                    }
                    const qint64 lifetimeMs = qint64(std::max(answer.grant->expiresInSeconds, 1)) * 1000;
                    // Renewed when a quarter of its life (at most a minute) is left.
                    m_renewAt = requestedAt + lifetimeMs - std::min<qint64>(lifetimeMs / 4, 60'000);
                    if (answer.grant->refreshToken.isEmpty() || answer.grant->refreshToken == used) {
                        m_accessToken = answer.grant->accessToken;
                        finishToken(std::nullopt);
                        return;
                    }
                    storeRefreshToken(answer.grant->refreshToken, *answer.grant);
                });
}

void AtlassianClient::storeRefreshToken(const QString& refreshToken, const AtlassianOAuth::Grant& grant)
{
    // The old refresh token no longer works: the new one is stored before anything relies on it.
    SecretStore().write(
        m_config.refreshTokenKey(), refreshToken, this, [this, refreshToken, grant](const SecretResult& written) {
            if (!written.ok()) {
                finishToken(ConnectorError{
                    ConnectorError::Kind::NoSecret,
                    tr("%1 renewed UserSync's authorization, but the keychain did not store it (%2), "
                       "so UserSync stopped before changing anything with it. Make the keychain "
                       "available, then authorize UserSync again: %3.")
                        .arg(m_config.productName(), written.message, AtlassianOAuth::authorizeHint(m_config)),
                    {}});
                return;
            }
            m_refreshToken = refreshToken;
            m_accessToken = grant.accessToken;
            qCDebug(lcTargets) << "OAuth access token renewed, valid for" << grant.expiresInSeconds << "s";
            finishToken(std::nullopt);
        });
}

void AtlassianClient::finishToken(const std::optional<ConnectorError>& error)
{
    m_tokenRunning = false;
    if (error && error->kind != ConnectorError::Kind::Cancelled && error->kind != ConnectorError::Kind::Timeout
        && error->kind != ConnectorError::Kind::Network && error->kind != ConnectorError::Kind::ConnectionRefused) {
        m_signInError = error;
    }
    std::vector<TokenDone> waiters = std::exchange(m_tokenWaiters, {});
    for (const TokenDone& waiter : waiters) {
        waiter(error);
    }
}

bool AtlassianClient::isLoginDenied(const HttpOutcome& outcome)
{
    return (outcome.status == 401 || outcome.status == 403)
        && outcome.header("X-Seraph-LoginReason").contains("AUTHENTICATION_DENIED");
}

QString AtlassianClient::messageOf(const Reply& reply)
{
    QStringList parts;
    const QJsonObject object = reply.json.object();
    // Jira: {"errorMessages": [...], "errors": {"field": "..."}}.
    for (const QJsonValue message : object.value(u"errorMessages"_s).toArray()) {
        parts << message.toString();
    }
    const QJsonValue errors = object.value(u"errors"_s);
    const QJsonObject fieldErrors = errors.toObject();
    for (auto it = fieldErrors.constBegin(); it != fieldErrors.constEnd(); ++it) {
        parts << it.value().toString();
    }
    // Bitbucket: {"errors": [{"context": ..., "message": "..."}]}.
    for (const QJsonValue error : errors.toArray()) {
        parts << error.toObject().value(u"message"_s).toString();
    }
    // Confluence: {"statusCode": 400, "message": "...", "data": {"errors": [{"message": {"translation": "..."}}]}}.
    if (parts.isEmpty() && !object.value(u"message"_s).toString().isEmpty()) {
        parts << object.value(u"message"_s).toString();
        for (const QJsonValue error : object.value(u"data"_s).toObject().value(u"errors"_s).toArray()) {
            const QJsonValue message = error.toObject().value(u"message"_s);
            parts << (message.isObject() ? message.toObject().value(u"translation"_s).toString() : message.toString());
        }
    }
    parts.removeAll(QString());
    parts.removeDuplicates();
    return parts.join(u' ');
}

#include "AtlassianOAuth.h"

#include "net/FormEncoding.h"
#include "net/NetworkErrors.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {

QByteArray randomUrlSafe(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QUrl endpoint(const TargetConfig& config, const QString& name)
{
    QUrl url = config.baseUrl();
    url.setPath(url.path() + u"/rest/oauth2/latest/"_s + name);
    return url;
}

HttpRequest tokenRequest(const TargetConfig& config, const QList<std::pair<QString, QString>>& fields)
{
    HttpRequest request;
    request.method = "POST";
    request.url = AtlassianOAuth::tokenUrl(config);
    request.body = formEncoded(fields);
    request.contentType = "application/x-www-form-urlencoded";
    request.headers.append(std::pair<QByteArray, QByteArray>("Accept", "application/json"));
    return request;
}

} // namespace

QByteArray AtlassianOAuth::newVerifier()
{
    return randomUrlSafe(32);
}

QByteArray AtlassianOAuth::challengeOf(const QByteArray& verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray AtlassianOAuth::newState()
{
    return randomUrlSafe(24);
}

QUrl AtlassianOAuth::authorizeUrl(const TargetConfig& config, const QByteArray& state, const QByteArray& challenge)
{
    return withQuery(endpoint(config, u"authorize"_s),
                     {
                         {u"client_id"_s, config.oauthClientId.trimmed()},
                         {u"redirect_uri"_s, config.oauthRedirectUrl.trimmed()},
                         {u"response_type"_s, u"code"_s},
                         {u"scope"_s, scope},
                         {u"state"_s, QString::fromLatin1(state)},
                         {u"code_challenge"_s, QString::fromLatin1(challenge)},
                         {u"code_challenge_method"_s, u"S256"_s},
                     });
}

QUrl AtlassianOAuth::tokenUrl(const TargetConfig& config)
{
    return endpoint(config, u"token"_s);
}

HttpRequest AtlassianOAuth::codeRequest(const TargetConfig& config, const QString& clientSecret, const QString& code,
                                        const QByteArray& verifier)
{
    return tokenRequest(config,
                        {
                            {u"grant_type"_s, u"authorization_code"_s},
                            {u"code"_s, code},
                            {u"redirect_uri"_s, config.oauthRedirectUrl.trimmed()},
                            {u"client_id"_s, config.oauthClientId.trimmed()},
                            {u"client_secret"_s, clientSecret},
                            {u"code_verifier"_s, QString::fromLatin1(verifier)},
                        });
}

HttpRequest AtlassianOAuth::refreshRequest(const TargetConfig& config, const QString& clientSecret,
                                           const QString& refreshToken)
{
    return tokenRequest(config,
                        {
                            {u"grant_type"_s, u"refresh_token"_s},
                            {u"refresh_token"_s, refreshToken},
                            {u"client_id"_s, config.oauthClientId.trimmed()},
                            {u"client_secret"_s, clientSecret},
                        });
}

AtlassianOAuth::Answer AtlassianOAuth::readAnswer(const TargetConfig& config, const HttpOutcome& outcome)
{
    const QString product = config.productName();
    Answer answer;
    if (outcome.status == 0 || outcome.transportFailed()) {
        answer.error = NetworkErrors::transport(outcome, product, config.http.timeoutSeconds);
        return answer;
    }
    const QJsonObject body = QJsonDocument::fromJson(outcome.body).object();
    if (outcome.isHttpSuccess()) {
        Grant grant;
        grant.accessToken = body.value(u"access_token"_s).toString();
        grant.refreshToken = body.value(u"refresh_token"_s).toString();
        grant.expiresInSeconds = body.value(u"expires_in"_s).toInt(3600);
        if (grant.accessToken.isEmpty()) {
            answer.error = {ConnectorError::Kind::InvalidResponse,
                            tr("%1 answered the OAuth token request without an access token (HTTP %2).")
                                .arg(product)
                                .arg(outcome.status),
                            outcome.describe()};
            return answer;
        }
        answer.grant = grant;
        return answer;
    }
    // RFC 6749 §5.2: {"error": "invalid_grant", "error_description": "..."}.
    const QString code = body.value(u"error"_s).toString();
    const QString description = body.value(u"error_description"_s).toString();
    const QString said = description.isEmpty() ? code : description;
    if (code == u"invalid_client"_s || outcome.status == 401) {
        answer.error = {
            ConnectorError::Kind::Unauthorized,
            tr("%1 did not accept the client ID “%2” or its client secret (%3). Copy both again from the "
               "incoming link in %1 (Administration → Application links) into this application's "
               "settings.")
                .arg(product, config.oauthClientId, said.isEmpty() ? tr("HTTP %1").arg(outcome.status) : said),
            outcome.describe()};
        return answer;
    }
    if (outcome.status >= 500) {
        answer.error = {ConnectorError::Kind::ServerError,
                        tr("%1 answered the OAuth token request with a server error (HTTP %2) after %3 attempts. "
                           "Check %1's log, then try again.")
                            .arg(product)
                            .arg(outcome.status)
                            .arg(outcome.attempts),
                        outcome.describe()};
        return answer;
    }
    if (code == u"invalid_grant"_s) {
        answer.authorizationLost = true;
        answer.error = {ConnectorError::Kind::Unauthorized,
                        tr("%1 no longer accepts UserSync's authorization (%2): it expired, was revoked, or was used "
                           "by another copy of UserSync. Authorize UserSync again: %3.")
                            .arg(product, said, authorizeHint(config)),
                        outcome.describe()};
        return answer;
    }
    answer.error = {ConnectorError::Kind::Unauthorized,
                    tr("%1 refused the OAuth token request (HTTP %2%3). Check the incoming link in %1 "
                       "(Administration → Application links): its redirect URL must be %4 and its scope must allow "
                       "%5.")
                        .arg(product)
                        .arg(outcome.status)
                        .arg(said.isEmpty() ? QString() : u": "_s + said, config.oauthRedirectUrl, scope),
                    outcome.describe()};
    return answer;
}

QString AtlassianOAuth::authorizeHint(const TargetConfig& config)
{
    return tr("run usersync-cli target authorize \"%1\", or press Authorize in Browser in the application's settings "
              "in the window")
        .arg(config.name);
}

#include "JiraClient.h"

#include "Logging.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

JiraClient::JiraClient(TargetConfig config, QString credential, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_http(m_config.http, TargetConfig::productName(m_config.type), this)
{
    if (m_config.auth == TargetConfig::Auth::Basic) {
        const QByteArray pair = m_config.username.toUtf8() + ':' + credential.toUtf8();
        m_authorization = "Basic " + pair.toBase64();
    } else {
        m_authorization = "Bearer " + credential.toUtf8();
    }
    QString base = m_config.url.trimmed();
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    m_base = QUrl(base);
}

QUrl JiraClient::urlFor(const QString& path, const Query& query) const
{
    QUrl url = m_base;
    url.setPath(m_base.path() + u"/rest/api/2/"_s + path, QUrl::DecodedMode);
    // Encoded by hand: QUrlQuery leaves '+' alone, which Jira (like any servlet) reads as a space.
    QByteArray encoded;
    for (const auto& [key, value] : query) {
        if (!encoded.isEmpty()) {
            encoded += '&';
        }
        encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    if (!encoded.isEmpty()) {
        url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    }
    return url;
}

void JiraClient::get(const QString& path, const Query& query, Done done)
{
    HttpRequest request;
    request.url = urlFor(path, query);
    dispatch(std::move(request), Parse::Always, std::move(done));
}

void JiraClient::getPage(const QString& path, const Query& query, Done done)
{
    HttpRequest request;
    request.url = urlFor(path, query);
    dispatch(std::move(request), Parse::ErrorsOnly, std::move(done));
}

void JiraClient::send(const QByteArray& method, const QString& path, const Query& query, const QJsonDocument& body,
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

void JiraClient::dispatch(HttpRequest request, Parse parse, Done done)
{
    request.headers.append(std::pair<QByteArray, QByteArray>("Authorization", m_authorization));
    if (m_loginLocked) {
        HttpOutcome outcome;
        outcome.method = request.method;
        outcome.url = request.url;
        outcome.status = 403;
        outcome.headers = {{"X-Seraph-LoginReason", "AUTHENTICATION_DENIED"}};
        done(Reply{outcome, {}});
        return;
    }
    m_http.send(std::move(request), [this, parse, done = std::move(done)](const HttpOutcome& outcome) {
        if (isLoginDenied(outcome) && !m_loginLocked) {
            qCWarning(lcJira) << "Jira denies the login (CAPTCHA); sending nothing more:" << outcome.describe();
            m_loginLocked = true;
        }
        const bool wanted = parse == Parse::Always || !outcome.isHttpSuccess();
        done(Reply{outcome, wanted ? QJsonDocument::fromJson(outcome.body) : QJsonDocument()});
    });
}

bool JiraClient::isLoginDenied(const HttpOutcome& outcome)
{
    return (outcome.status == 401 || outcome.status == 403)
        && outcome.header("X-Seraph-LoginReason").contains("AUTHENTICATION_DENIED");
}

QString JiraClient::messageOf(const Reply& reply)
{
    QStringList parts;
    const QJsonObject object = reply.json.object();
    for (const QJsonValue message : object.value(u"errorMessages"_s).toArray()) {
        parts << message.toString();
    }
    const QJsonObject errors = object.value(u"errors"_s).toObject();
    for (auto it = errors.constBegin(); it != errors.constEnd(); ++it) {
        parts << it.value().toString();
    }
    if (parts.isEmpty() && !object.value(u"message"_s).toString().isEmpty()) {
        parts << object.value(u"message"_s).toString();
    }
    parts.removeAll(QString());
    return parts.join(u' ');
}

#include "AtlassianClient.h"

#include "Logging.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

AtlassianClient::AtlassianClient(TargetConfig config, QString credential, QString restPath, QObject* parent)
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
    m_restPath = u'/' + restPath + u'/';
}

QUrl AtlassianClient::urlFor(const QString& path, const Query& query) const
{
    QUrl url = m_base;
    // Encoded: names in the path come through segment(), so that a '/' in one stays part of it.
    url.setPath(m_base.path(QUrl::FullyEncoded) + m_restPath + path, QUrl::TolerantMode);
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
            qCWarning(lcTargets) << TargetConfig::productName(m_config.type)
                                 << "denies the login (CAPTCHA); sending nothing more:" << outcome.describe();
            m_loginLocked = true;
        }
        const bool wanted = parse == Parse::Always || !outcome.isHttpSuccess();
        done(Reply{outcome, wanted ? QJsonDocument::fromJson(outcome.body) : QJsonDocument()});
    });
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

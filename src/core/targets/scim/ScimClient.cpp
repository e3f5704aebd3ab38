#include "ScimClient.h"

#include "net/FormEncoding.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

ScimClient::ScimClient(TargetConfig config, QString token, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_authorization("Bearer " + token.toUtf8())
    , m_http(m_config.http, m_config.name.isEmpty() ? TargetConfig::productName(m_config.type) : m_config.name, this)
    , m_base(m_config.baseUrl())
{ }

QUrl ScimClient::urlFor(const QString& path, const Query& query) const
{
    QUrl url = m_base;
    url.setPath(m_base.path(QUrl::FullyEncoded) + u'/' + path, QUrl::TolerantMode);
    return withQuery(url, query);
}

QString ScimClient::quoted(const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

void ScimClient::get(const QString& path, const Query& query, Done done)
{
    HttpRequest request;
    request.url = urlFor(path, query);
    dispatch(std::move(request), std::move(done));
}

void ScimClient::send(const QByteArray& method, const QString& path, const QJsonDocument& body, Done done,
                      const QByteArray& ifMatch)
{
    HttpRequest request;
    request.method = method;
    request.url = urlFor(path, {});
    if (!body.isNull()) {
        request.body = body.toJson(QJsonDocument::Compact);
        request.contentType = "application/scim+json";
    }
    if (!ifMatch.isEmpty()) {
        request.headers.append(std::pair<QByteArray, QByteArray>("If-Match", ifMatch));
    }
    dispatch(std::move(request), std::move(done));
}

void ScimClient::create(const QString& path, const QJsonDocument& body, Done done)
{
    HttpRequest request;
    request.method = "POST";
    request.url = urlFor(path, {});
    request.body = body.toJson(QJsonDocument::Compact);
    request.contentType = "application/scim+json";
    request.replayable = false;
    dispatch(std::move(request), std::move(done));
}

void ScimClient::dispatch(HttpRequest request, Done done)
{
    request.headers.append(std::pair<QByteArray, QByteArray>("Authorization", m_authorization));
    request.headers.append(std::pair<QByteArray, QByteArray>("Accept", "application/scim+json, application/json"));
    m_http.send(std::move(request), [done = std::move(done)](const HttpOutcome& outcome) {
        done(Reply{outcome, QJsonDocument::fromJson(outcome.body), {}});
    });
}

QString ScimClient::messageOf(const Reply& reply)
{
    const QJsonObject error = reply.json.object();
    QString detail = error.value(u"detail"_s).toString();
    const QString type = error.value(u"scimType"_s).toString();
    if (!type.isEmpty()) {
        detail = detail.isEmpty() ? type : detail + u" (" + type + u')';
    }
    return detail;
}

QString ScimClient::scimTypeOf(const Reply& reply)
{
    return reply.json.object().value(u"scimType"_s).toString();
}

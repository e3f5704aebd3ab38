#pragma once

#include "net/HttpClient.h"
#include "targets/TargetConfig.h"
#include "targets/TargetReply.h"

#include <QJsonDocument>
#include <QObject>

#include <functional>

// Talks to one SCIM 2.0 service (RFC 7644) below its base URL (https://example.com/scim/v2):
// every request with the bearer token, bodies as application/scim+json, answers parsed as JSON.
// 429 and 503 wait for Retry-After (seconds or an HTTP date) in HttpClient, like every other
// server's.
class ScimClient final : public QObject
{
    Q_OBJECT

public:
    using Query = QList<std::pair<QString, QString>>;
    using Reply = TargetReply;
    using Done = std::function<void(const Reply& reply)>;

    ScimClient(TargetConfig config, QString token, QObject* parent = nullptr);

    // `path` is below the base URL ("Users", "Groups/ID"), every id in it percent-encoded.
    void get(const QString& path, const Query& query, Done done);
    // POST, PUT, PATCH or DELETE, with a JSON body unless it is empty; `ifMatch` an ETag to send.
    void send(const QByteArray& method, const QString& path, const QJsonDocument& body, Done done,
              const QByteArray& ifMatch = {});

    // A POST that creates: not sent again when whether it was carried out is not known (a timeout,
    // a 500), so that a service without a uniqueness rule (groups) is not given the object twice;
    // the caller looks it up instead.
    void create(const QString& path, const QJsonDocument& body, Done done);

    void cancel() { m_http.cancel(); }
    bool isCancelled() const { return m_http.isCancelled(); }
    const TargetConfig& config() const { return m_config; }
    const std::optional<ConnectorError>& setupError() const { return m_http.setupError(); }
    HttpClient::Statistics statistics() const { return m_http.statistics(); }
    QUrl urlFor(const QString& path, const Query& query) const;

    // The service's words in a SCIM error answer (RFC 7644 §3.12: detail, scimType), or empty.
    static QString messageOf(const Reply& reply);
    // RFC 7644 §3.12's scimType of an error answer ("uniqueness", "invalidFilter"), or empty.
    static QString scimTypeOf(const Reply& reply);
    // A value as a string literal in a filter (RFC 7644 §3.4.2.2): quoted, with " and \ escaped.
    static QString quoted(const QString& value);

private:
    void dispatch(HttpRequest request, Done done);

    TargetConfig m_config;
    QByteArray m_authorization;
    HttpClient m_http;
    QUrl m_base;
};

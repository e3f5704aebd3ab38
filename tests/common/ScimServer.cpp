#include "ScimServer.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

ScimServer::ScimServer()
    : m_url(qEnvironmentVariable("USERSYNC_TEST_SCIM_URL"))
    , m_token(qEnvironmentVariable("USERSYNC_TEST_SCIM_TOKEN"))
    , m_control(qEnvironmentVariable("USERSYNC_TEST_SCIM_CONTROL_URL"))
{ }

QByteArray ScimServer::call(const QUrl& url, const QByteArray& method, const QByteArray& body, bool withToken,
                            int* status)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      withToken ? u"application/scim+json"_s : u"application/json"_s);
    if (withToken) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

bool ScimServer::reset(const QJsonObject& options)
{
    int status = 0;
    call(QUrl(m_control.toString() + u"/reset"_s), "POST", QJsonDocument(options).toJson(), false, &status);
    return status == 200;
}

bool ScimServer::setFaults(const QJsonArray& rules)
{
    int status = 0;
    const QUrl url(m_control.toString() + u"/faults"_s);
    if (rules.isEmpty()) {
        call(url, "DELETE", {}, false, &status);
    } else {
        call(url, "POST", QJsonDocument(QJsonObject{{u"rules"_s, rules}}).toJson(), false, &status);
    }
    return status == 200;
}

QJsonArray ScimServer::requests()
{
    int status = 0;
    return QJsonDocument::fromJson(call(QUrl(m_control.toString() + u"/requests"_s), "GET", {}, false, &status))
        .array();
}

bool ScimServer::clearRequests()
{
    int status = 0;
    call(QUrl(m_control.toString() + u"/requests"_s), "DELETE", {}, false, &status);
    return status == 200;
}

QJsonObject ScimServer::state()
{
    int status = 0;
    return QJsonDocument::fromJson(call(QUrl(m_control.toString() + u"/state"_s), "GET", {}, false, &status)).object();
}

int ScimServer::scim(const QByteArray& method, const QString& pathAndQuery, const QJsonObject& body,
                     QJsonObject* answer)
{
    int status = 0;
    const QByteArray text = call(QUrl(url() + u'/' + pathAndQuery), method,
                                 body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(), true, &status);
    if (answer) {
        *answer = QJsonDocument::fromJson(text).object();
    }
    return status;
}

QString ScimServer::addUser(const QString& userName, const QString& email, bool active)
{
    QJsonObject created;
    const int status = scim("POST", u"Users"_s,
                            {{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:User"_s}},
                             {u"userName"_s, userName},
                             {u"active"_s, active},
                             {u"emails"_s, QJsonArray{QJsonObject{{u"value"_s, email}, {u"primary"_s, true}}}}},
                            &created);
    return status == 201 ? created.value(u"id"_s).toString() : QString();
}

QString ScimServer::addGroup(const QString& displayName, const QJsonArray& members)
{
    QJsonObject created;
    const int status = scim("POST", u"Groups"_s,
                            {{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:Group"_s}},
                             {u"displayName"_s, displayName},
                             {u"members"_s, members}},
                            &created);
    return status == 201 ? created.value(u"id"_s).toString() : QString();
}

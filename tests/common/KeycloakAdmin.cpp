#include "KeycloakAdmin.h"

#include "TestRealm.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

KeycloakAdmin::KeycloakAdmin()
    : m_base(qEnvironmentVariable("USERSYNC_TEST_KEYCLOAK_URL"))
    , m_user(qEnvironmentVariable("USERSYNC_TEST_KEYCLOAK_ADMIN_USER"))
    , m_password(qEnvironmentVariable("USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD"))
{ }

bool KeycloakAdmin::authenticate()
{
    QNetworkRequest request(m_base.resolved(QUrl(u"/realms/master/protocol/openid-connect/token"_s)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"client_id"_s, u"admin-cli"_s);
    form.addQueryItem(u"username"_s, m_user);
    form.addQueryItem(u"password"_s, m_password); // letters and digits only: no form encoding pitfalls
    QNetworkReply* reply = m_network.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    m_token = QJsonDocument::fromJson(reply->readAll()).object().value(u"access_token"_s).toString();
    reply->deleteLater();
    return !m_token.isEmpty();
}

KeycloakAdmin::Response KeycloakAdmin::send(const QByteArray& method, const QString& path, const QJsonObject& body)
{
    // The admin token lives a minute: fetch one for every request rather than track it.
    if (!authenticate()) {
        return {};
    }
    QUrl url = m_base;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(u"/admin/realms"_s + path.left(query));
    if (query >= 0) {
        url.setQuery(path.mid(query + 1));
    }
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(120'000);
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response response{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return response;
}

bool KeycloakAdmin::importFixtureRealm(const QString& name)
{
    QFile file(qEnvironmentVariable("USERSYNC_TEST_REALM_FILE"));
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    QJsonObject realm = QJsonDocument::fromJson(file.readAll()).object();
    realm.insert(u"realm"_s, name);
    deleteRealm(name);
    const Response created = send("POST", QString(), realm);
    return created.status == 201;
}

bool KeycloakAdmin::deleteRealm(const QString& name)
{
    return send("DELETE", u"/"_s + name).status == 204;
}

QString KeycloakAdmin::userId(const QString& realm, const QString& username)
{
    const Response found = send("GET", u"/%1/users?exact=true&username=%2"_s.arg(realm, username));
    return QJsonDocument::fromJson(found.body).array().first()[u"id"_s].toString();
}

QString KeycloakAdmin::groupId(const QString& realm, const QString& path)
{
    const Response found = send("GET", u"/%1/group-by-path%2"_s.arg(realm, path));
    return QJsonDocument::fromJson(found.body).object().value(u"id"_s).toString();
}

int KeycloakAdmin::updateUser(const QString& realm, const QString& username, const QJsonObject& changes)
{
    const QString id = userId(realm, username);
    QJsonObject user = QJsonDocument::fromJson(send("GET", u"/%1/users/%2"_s.arg(realm, id)).body).object();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        user.insert(it.key(), it.value());
    }
    return send("PUT", u"/%1/users/%2"_s.arg(realm, id), user).status;
}

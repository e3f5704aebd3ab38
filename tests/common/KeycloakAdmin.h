#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

// The test Keycloak's admin API as its bootstrap admin, for tests that change a realm the way
// an administrator would (rename, disable, delete users; add groups). Blocking; tests only.
class KeycloakAdmin final
{
public:
    struct Response
    {
        int status = 0;
        QByteArray body;
    };

    // From USERSYNC_TEST_KEYCLOAK_URL and the admin variables; isValid() is false without them.
    KeycloakAdmin();
    bool isValid() const { return m_base.isValid() && !m_password.isEmpty(); }

    // A copy of the fixture realm under `name`, created fresh (a realm of that name is replaced).
    bool importFixtureRealm(const QString& name);
    bool deleteRealm(const QString& name);

    Response send(const QByteArray& method, const QString& path, const QJsonObject& body = {});
    // The id of the user with exactly this username in `realm`, or empty.
    QString userId(const QString& realm, const QString& username);
    QString groupId(const QString& realm, const QString& path);
    // Changes the given fields of a user, keeping the others (the API wants the whole user back).
    int updateUser(const QString& realm, const QString& username, const QJsonObject& changes);

private:
    bool authenticate();

    QUrl m_base;
    QString m_user;
    QString m_password;
    QString m_token;
    QNetworkAccessManager m_network;
};

#pragma once

#include <QJsonObject>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

// The realm that scripts/with-test-services.sh imports into the test Keycloak
// (tests/fixtures/usersync-test-realm.json), read so that tests compare against the
// fixture itself instead of repeating its numbers.
class TestRealm final
{
public:
    // Loads the fixture; on failure isValid() is false and errorString() says why.
    TestRealm();

    bool isValid() const { return m_errorString.isEmpty(); }
    QString errorString() const { return m_errorString; }

    QString name() const;
    QString clientSecret(const QString& clientId) const;
    // People only: the service-account users Keycloak does not list are left out.
    QList<QJsonObject> users() const;
    QStringList topLevelGroupNames() const;
    // Every group's full path ("/Engineering/Platform"), nested ones included.
    QStringList groupPaths() const;
    // Every direct membership as (username as Keycloak stores it: lower case, group path).
    QSet<QPair<QString, QString>> memberships() const;

private:
    QJsonObject m_realm;
    QString m_errorString;
};

#include "TestRealm.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

TestRealm::TestRealm()
{
    QString path = qEnvironmentVariable("USERSYNC_TEST_REALM_FILE");
    if (path.isEmpty()) {
        path = QStringLiteral(USERSYNC_TEST_FIXTURES_DIR "/usersync-test-realm.json");
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errorString = QStringLiteral("cannot read the test realm %1: %2").arg(path, file.errorString());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        m_errorString =
            QStringLiteral("the test realm %1 is not a JSON object: %2").arg(path, parseError.errorString());
        return;
    }
    m_realm = document.object();
}

QString TestRealm::name() const
{
    return m_realm.value(QLatin1String("realm")).toString();
}

QString TestRealm::clientSecret(const QString& clientId) const
{
    const QJsonArray clients = m_realm.value(QLatin1String("clients")).toArray();
    for (const QJsonValue& client : clients) {
        if (client[QLatin1String("clientId")].toString() == clientId) {
            return client[QLatin1String("secret")].toString();
        }
    }
    return {};
}

QList<QJsonObject> TestRealm::users() const
{
    QList<QJsonObject> people;
    const QJsonArray users = m_realm.value(QLatin1String("users")).toArray();
    for (const QJsonValue& user : users) {
        if (!user.toObject().contains(QLatin1String("serviceAccountClientId"))) {
            people.append(user.toObject());
        }
    }
    return people;
}

QStringList TestRealm::topLevelGroupNames() const
{
    QStringList names;
    const QJsonArray groups = m_realm.value(QLatin1String("groups")).toArray();
    for (const QJsonValue& group : groups) {
        names.append(group[QLatin1String("name")].toString());
    }
    return names;
}

namespace {

void collectPaths(const QJsonArray& groups, const QString& parentPath, QStringList* paths)
{
    for (const QJsonValue& group : groups) {
        const QString path = parentPath + u'/' + group[QLatin1String("name")].toString();
        paths->append(path);
        collectPaths(group[QLatin1String("subGroups")].toArray(), path, paths);
    }
}

} // namespace

QStringList TestRealm::groupPaths() const
{
    QStringList paths;
    collectPaths(m_realm.value(QLatin1String("groups")).toArray(), QString(), &paths);
    return paths;
}

QSet<QPair<QString, QString>> TestRealm::memberships() const
{
    QSet<QPair<QString, QString>> pairs;
    for (const QJsonObject& user : users()) {
        const QString username = user.value(QLatin1String("username")).toString().toLower();
        for (const QJsonValue& path : user.value(QLatin1String("groups")).toArray()) {
            pairs.insert({username, path.toString()});
        }
    }
    return pairs;
}

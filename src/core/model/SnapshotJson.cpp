#include "SnapshotJson.h"

#include <QBuffer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace SnapshotJson {

namespace {

constexpr int formatVersion = 1;

QJsonObject userObject(const User& user)
{
    QJsonObject attributes;
    for (auto it = user.attributes.cbegin(); it != user.attributes.cend(); ++it) {
        attributes.insert(it.key(), QJsonArray::fromStringList(it.value()));
    }
    return QJsonObject{
        {u"id"_s, user.id},
        {u"username"_s, user.username},
        {u"email"_s, user.email},
        {u"firstName"_s, user.firstName},
        {u"lastName"_s, user.lastName},
        {u"enabled"_s, user.enabled},
        {u"emailVerified"_s, user.emailVerified},
        {u"createdTimestamp"_s, user.createdTimestamp},
        {u"attributes"_s, attributes},
    };
}

QJsonObject groupObject(const Group& group)
{
    return QJsonObject{
        {u"id"_s, group.id},
        {u"name"_s, group.name},
        {u"path"_s, group.path},
        {u"parentId"_s, group.parentId},
    };
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Writes one array element at a time: a whole QJsonDocument of half a million memberships
// would cost several times the snapshot's own memory.
template <typename List, typename ToJson>
bool writeArray(QIODevice* device, const char* name, const List& list, ToJson toJson)
{
    bool ok = device->write(",\n\"") >= 0 && device->write(name) >= 0 && device->write("\": [") >= 0;
    for (qsizetype i = 0; ok && i < list.size(); ++i) {
        ok = device->write(i == 0 ? "\n" : ",\n") >= 0 && device->write(toJson(list.at(i))) >= 0;
    }
    return ok && device->write("\n]") >= 0;
}

} // namespace

bool write(const DirectorySnapshot& snapshot, QIODevice* device)
{
    QByteArray head = compact(QJsonObject{
        {u"format"_s, u"usersync-snapshot"_s},
        {u"version"_s, formatVersion},
        {u"source"_s, snapshot.source},
        {u"fetchedAt"_s, snapshot.fetchedAt.toUTC().toString(Qt::ISODateWithMs)},
    });
    head.chop(1); // the closing brace: the arrays follow
    bool ok = device->write(head) >= 0;
    ok = ok && writeArray(device, "users", snapshot.users, [](const User& u) { return compact(userObject(u)); });
    ok = ok && writeArray(device, "groups", snapshot.groups, [](const Group& g) { return compact(groupObject(g)); });
    ok = ok && writeArray(device, "memberships", snapshot.memberships, [&snapshot](const Membership& m) {
             return compact(
                 QJsonObject{{u"user"_s, snapshot.users.at(m.user).id}, {u"group"_s, snapshot.groups.at(m.group).id}});
         });
    return ok && device->write("\n}\n") >= 0;
}

QByteArray toJson(const DirectorySnapshot& snapshot)
{
    QByteArray json;
    QBuffer buffer(&json);
    buffer.open(QIODevice::WriteOnly);
    write(snapshot, &buffer);
    return json;
}

std::optional<DirectorySnapshot> fromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value(u"format"_s).toString() != u"usersync-snapshot"_s) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"not a UserSync snapshot"_s;
        return std::nullopt;
    }
    if (root.value(u"version"_s).toInt() != formatVersion) {
        *error = u"snapshot format version %1 is not supported"_s.arg(root.value(u"version"_s).toInt());
        return std::nullopt;
    }

    DirectorySnapshot snapshot;
    snapshot.source = root.value(u"source"_s).toString();
    snapshot.fetchedAt = QDateTime::fromString(root.value(u"fetchedAt"_s).toString(), Qt::ISODateWithMs);
    QHash<QString, qint32> userIndex;
    for (const QJsonValue& value : root.value(u"users"_s).toArray()) {
        const QJsonObject object = value.toObject();
        User user;
        user.id = object.value(u"id"_s).toString();
        user.username = object.value(u"username"_s).toString();
        user.email = object.value(u"email"_s).toString();
        user.firstName = object.value(u"firstName"_s).toString();
        user.lastName = object.value(u"lastName"_s).toString();
        user.enabled = object.value(u"enabled"_s).toBool();
        user.emailVerified = object.value(u"emailVerified"_s).toBool();
        user.createdTimestamp = object.value(u"createdTimestamp"_s).toInteger();
        const QJsonObject attributes = object.value(u"attributes"_s).toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            QStringList values;
            for (const QJsonValue& v : it.value().toArray()) {
                values.append(v.toString());
            }
            user.attributes.insert(it.key(), values);
        }
        userIndex.insert(user.id, qint32(snapshot.users.size()));
        snapshot.users.append(std::move(user));
    }
    QHash<QString, qint32> groupIndex;
    for (const QJsonValue& value : root.value(u"groups"_s).toArray()) {
        const QJsonObject object = value.toObject();
        Group group{object.value(u"id"_s).toString(), object.value(u"name"_s).toString(),
                    object.value(u"path"_s).toString(), object.value(u"parentId"_s).toString()};
        groupIndex.insert(group.id, qint32(snapshot.groups.size()));
        snapshot.groups.append(std::move(group));
    }
    for (const QJsonValue& value : root.value(u"memberships"_s).toArray()) {
        const QString userId = value[u"user"_s].toString();
        const QString groupId = value[u"group"_s].toString();
        if (!userIndex.contains(userId) || !groupIndex.contains(groupId)) {
            *error = u"membership of unknown user %1 or group %2"_s.arg(userId, groupId);
            return std::nullopt;
        }
        snapshot.memberships.append(Membership{userIndex.value(userId), groupIndex.value(groupId)});
    }
    return snapshot;
}

} // namespace SnapshotJson

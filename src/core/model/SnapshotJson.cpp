#include "SnapshotJson.h"

#include "model/JsonText.h"

#include <QBuffer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace SnapshotJson {

namespace {

constexpr int formatVersion = 1;

// Written by hand, element by element, in chunks: a QJsonDocument per user and membership took
// as long as a tenth of the fetch, and a whole document would cost several times the
// snapshot's own memory. Field order as documented in SnapshotJson.h.
class Writer
{
public:
    explicit Writer(QIODevice* device)
        : m_device(device)
    { }

    Writer& text(QStringView literal)
    {
        m_chunk += literal;
        return *this;
    }
    Writer& string(const QString& value)
    {
        JsonText::appendString(m_chunk, value);
        return *this;
    }
    Writer& field(QStringView name, const QString& value)
    {
        JsonText::appendString(m_chunk, name);
        m_chunk += u':';
        return string(value);
    }
    Writer& field(QStringView name, qint64 value)
    {
        JsonText::appendString(m_chunk, name);
        m_chunk += u':';
        m_chunk += QString::number(value);
        return *this;
    }
    Writer& field(QStringView name, bool value)
    {
        JsonText::appendString(m_chunk, name);
        m_chunk += value ? u":true"_s : u":false"_s;
        return *this;
    }
    // Writes out what has gathered once it is large enough (or at the end).
    bool flush(bool always = false)
    {
        if (!always && m_chunk.size() < 32 * 1024) {
            return true;
        }
        const QByteArray utf8 = m_chunk.toUtf8();
        m_chunk.clear();
        return m_device->write(utf8) == utf8.size();
    }

private:
    QIODevice* m_device;
    QString m_chunk;
};

void writeUser(Writer& out, const User& user)
{
    out.text(u"{").field(u"id", user.id).text(u",").field(u"username", user.username).text(u",");
    out.field(u"email", user.email).text(u",").field(u"firstName", user.firstName).text(u",");
    out.field(u"lastName", user.lastName).text(u",").field(u"enabled", user.enabled).text(u",");
    out.field(u"emailVerified", user.emailVerified).text(u",");
    out.field(u"createdTimestamp", user.createdTimestamp).text(u",\"attributes\":");
    if (user.attributes.isEmpty()) {
        out.text(u"{}}");
        return;
    }
    QJsonObject attributes;
    for (auto it = user.attributes.cbegin(); it != user.attributes.cend(); ++it) {
        attributes.insert(it.key(), QJsonArray::fromStringList(it.value()));
    }
    out.text(QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact))).text(u"}");
}

template <typename List, typename WriteOne>
bool writeArray(Writer& out, QStringView name, const List& list, WriteOne writeOne)
{
    out.text(u",\n").string(name.toString()).text(u": [");
    bool ok = true;
    for (qsizetype i = 0; ok && i < list.size(); ++i) {
        out.text(i == 0 ? u"\n" : u",\n");
        writeOne(list.at(i));
        ok = out.flush();
    }
    out.text(u"\n]");
    return ok;
}

} // namespace

bool write(const DirectorySnapshot& snapshot, QIODevice* device)
{
    Writer out(device);
    out.text(u"{").field(u"format", u"usersync-snapshot"_s).text(u",").field(u"version", qint64(formatVersion));
    out.text(u",").field(u"source", snapshot.source).text(u",");
    out.field(u"fetchedAt", snapshot.fetchedAt.toUTC().toString(Qt::ISODateWithMs));
    bool ok = writeArray(out, u"users", snapshot.users, [&out](const User& user) { writeUser(out, user); });
    ok = ok && writeArray(out, u"groups", snapshot.groups, [&out](const Group& group) {
             out.text(u"{").field(u"id", group.id).text(u",").field(u"name", group.name).text(u",");
             out.field(u"path", group.path).text(u",").field(u"parentId", group.parentId).text(u"}");
         });
    ok = ok && writeArray(out, u"memberships", snapshot.memberships, [&](const Membership& membership) {
             out.text(u"{").field(u"user", snapshot.users.at(membership.user).id).text(u",");
             out.field(u"group", snapshot.groups.at(membership.group).id).text(u"}");
         });
    out.text(u"\n}\n");
    return ok && out.flush(true);
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

#include "KeycloakPages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace KeycloakPages {

namespace {

QString stringOf(const QJsonObject& object, QLatin1StringView key)
{
    return object.value(key).toString();
}

bool addGroups(const QJsonArray& page, QList<ListedGroup>* into)
{
    into->reserve(page.size());
    for (const QJsonValue& value : page) {
        const QJsonObject object = value.toObject();
        ListedGroup group{stringOf(object, "id"_L1), stringOf(object, "name"_L1), stringOf(object, "path"_L1), 0, {}};
        if (group.id.isEmpty() || group.name.isEmpty()) {
            return false;
        }
        const QJsonArray nested = object.value("subGroups"_L1).toArray();
        group.subGroupCount = object.value("subGroupCount"_L1).toInteger(nested.size());
        if (!nested.isEmpty() && !addGroups(nested, &group.subGroups)) {
            return false;
        }
        into->append(std::move(group));
    }
    return true;
}

} // namespace

std::optional<QJsonArray> list(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray()) {
        return std::nullopt;
    }
    return document.array();
}

std::optional<qint64> userCount(const QByteArray& body)
{
    bool isNumber = false;
    const qint64 count = body.trimmed().toLongLong(&isNumber);
    if (!isNumber || count < 0) {
        return std::nullopt;
    }
    return count;
}

std::optional<qint64> groupCount(const QByteArray& body)
{
    // A whole number that fits: not 1.5, not 1e300, not below zero.
    const qint64 count = QJsonDocument::fromJson(body).object().value("count"_L1).toInteger(-1);
    if (count < 0) {
        return std::nullopt;
    }
    return count;
}

std::optional<QList<User>> users(const QJsonArray& page, const QStringList& attributes)
{
    QList<User> users;
    users.reserve(page.size());
    for (const QJsonValue& value : page) {
        const QJsonObject object = value.toObject();
        User user;
        user.id = stringOf(object, "id"_L1);
        user.username = stringOf(object, "username"_L1);
        if (user.id.isEmpty() || user.username.isEmpty()) {
            return std::nullopt;
        }
        user.email = stringOf(object, "email"_L1);
        user.firstName = stringOf(object, "firstName"_L1);
        user.lastName = stringOf(object, "lastName"_L1);
        user.enabled = object.value("enabled"_L1).toBool(true);
        user.emailVerified = object.value("emailVerified"_L1).toBool();
        user.createdTimestamp = object.value("createdTimestamp"_L1).toInteger();
        if (!attributes.isEmpty()) {
            const QJsonObject values = object.value("attributes"_L1).toObject();
            for (const QString& name : attributes) {
                const QJsonArray list = values.value(name).toArray();
                if (!list.isEmpty()) {
                    QStringList texts;
                    texts.reserve(list.size());
                    for (const QJsonValue& text : list) {
                        texts.append(text.toString());
                    }
                    user.attributes.insert(name, texts);
                }
            }
        }
        users.append(std::move(user));
    }
    return users;
}

std::optional<QList<ListedGroup>> groups(const QJsonArray& page)
{
    QList<ListedGroup> groups;
    if (!addGroups(page, &groups)) {
        return std::nullopt;
    }
    return groups;
}

QList<Member> members(const QJsonArray& page)
{
    QList<Member> members;
    members.reserve(page.size());
    for (const QJsonValue& value : page) {
        members.append(Member{value["id"_L1].toString(), value["username"_L1].toString()});
    }
    return members;
}

} // namespace KeycloakPages

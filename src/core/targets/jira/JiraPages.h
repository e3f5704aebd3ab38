#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The pages a complete read of Jira is made of: users (user/list, user/search) and the members
// of groups (group/member), hundreds of thousands of objects of which the read keeps a few fields.
// They are read with simdjson's On-Demand parser, which walks the text once and builds nothing it
// is not asked for: building a QJsonDocument of every page took 40% of the read's CPU
// (docs/PERFORMANCE.md). Every other answer of Jira goes through QJsonDocument.
namespace JiraPages {

struct User
{
    QString key;
    QString name;
    QString email;
    QString displayName;
    bool active = true; // absent means active, as Jira's own clients read it
};

// user/list on 10.3 and later: {"values": [...], "isLast": bool, "nextCursor": string or number}.
struct UserList
{
    QList<User> users;
    bool isLast = false;
    QString nextCursor;
};

// group/member: {"values": [{"key": ...}, ...], "isLast": bool, "total": number}.
struct Members
{
    QStringList keys;
    bool isLast = true; // absent: the page is the last
    std::optional<qint64> total;
};

// Each is empty when the body is not valid JSON of that shape ("values" missing or no array,
// a user that is no object).
std::optional<UserList> userList(const QByteArray& body);
// user/search on 9.x: an array of users.
std::optional<QList<User>> userArray(const QByteArray& body);
std::optional<Members> members(const QByteArray& body);

} // namespace JiraPages

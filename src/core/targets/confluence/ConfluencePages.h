#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The pages a complete read of Confluence is made of: users (user/list with expand=status), groups
// (group) and the members of each group, read with simdjson as JiraPages are. Every page is
// {"results": [...], "start", "limit", "size", "_links": {"next"?}}: the next link is there only
// when more follow.
namespace ConfluencePages {

struct User
{
    QString key; // userKey: never changes
    QString name; // username
    QString email;
    QString displayName;
    std::optional<bool> active; // from "status" ("Active" or "Deactivated"); empty when not expanded
};

template <typename T>
struct Page
{
    QList<T> results;
    qint64 start = 0;
    bool hasNext = false;
};

// Each is empty when the body is not valid JSON of that shape ("results" missing or no array, an
// entry that is no object).
std::optional<Page<User>> users(const QByteArray& body);
std::optional<Page<QString>> groups(const QByteArray& body); // group names

} // namespace ConfluencePages

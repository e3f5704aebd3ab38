#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// The pages a complete read of Bitbucket is made of: users (admin/users), groups (admin/groups),
// the members of each group (admin/groups/more-members) and the users' direct global permissions
// (admin/permissions/users), read with simdjson as JiraPages are. Every page is {"values": [...],
// "isLastPage", "nextPageStart"?}: the next page starts where Bitbucket says, which is not always
// after the entries shown (it skips entries the caller may not see).
namespace BitbucketPages {

struct User
{
    QString id; // the number that never changes, also across a rename
    QString name;
    QString email;
    QString displayName;
    bool active = true; // the directory's own flag
};

// A user's direct global permission (LICENSED_USER, PROJECT_CREATE, ADMIN, SYS_ADMIN).
struct Permission
{
    QString userId;
    QString permission;
};

template <typename T>
struct Page
{
    QList<T> values;
    bool isLastPage = true;
    std::optional<qint64> nextPageStart;
};

// Each is empty when the body is not valid JSON of that shape ("values" missing or no array, an
// entry that is no object).
std::optional<Page<User>> users(const QByteArray& body);
std::optional<Page<QString>> groups(const QByteArray& body); // names
std::optional<Page<Permission>> permissions(const QByteArray& body);

} // namespace BitbucketPages

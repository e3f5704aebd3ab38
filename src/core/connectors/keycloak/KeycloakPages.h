#pragma once

#include "model/User.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What Keycloak's admin API answers when a realm is read, taken apart without any I/O, so that
// the fetcher and Test Connection read answers one way and a fuzzer can try every malformed one
// (tests/fuzz). Each function gives nothing for an answer that is not of its shape; the caller
// turns that into KeycloakErrors::invalidResponse.
namespace KeycloakPages {

// users, groups, groups/{id}/children, groups/{id}/members: a JSON list.
std::optional<QJsonArray> list(const QByteArray& body);
// users/count: a bare integer.
std::optional<qint64> userCount(const QByteArray& body);
// groups/count: {"count": n}.
std::optional<qint64> groupCount(const QByteArray& body);

// A page of user representations, with the attributes named in `attributes` when the full form
// was asked for. Nothing when a user has no id or username.
std::optional<QList<User>> users(const QJsonArray& page, const QStringList& attributes);

struct ListedGroup
{
    QString id;
    QString name;
    QString path;
    qint64 subGroupCount = 0; // as announced: to be read from groups/{id}/children when none are nested
    QList<ListedGroup> subGroups; // nested in the listing itself (Keycloak before 23)
};
// A page of groups, top-level or children. Nothing when a group, at any depth, has no id or name.
std::optional<QList<ListedGroup>> groups(const QJsonArray& page);

struct Member
{
    QString id;
    QString username;
};
// A page of a group's direct members (brief representations); an entry that is no object has
// neither.
QList<Member> members(const QJsonArray& page);

} // namespace KeycloakPages

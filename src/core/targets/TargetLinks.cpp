#include "TargetLinks.h"

#include "model/NameKey.h"

#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

TargetLinks::TargetLinks(QSqlDatabase db, QString targetId)
    : m_db(std::move(db))
    , m_targetId(std::move(targetId))
{ }

QString TargetLinks::groupKey(const QString& groupName)
{
    return nameKey(groupName);
}

QString TargetLinks::membershipKey(const QString& userKey, const QString& groupName)
{
    // The group first: memberships are linked by group as they are sent, so that each lands next
    // to the one before in the table's index (user first, a large run's links each rewrote a page).
    return nameKey(groupName) + u'\n' + userKey;
}

bool TargetLinks::overlay(DirectoryState& state, QString* error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT object, app_key, external_id, connector_id FROM target_links WHERE target_id = ?"_s);
    query.addBindValue(m_targetId);
    if (!query.exec()) {
        *error = tr("The links of this application cannot be read: %1.").arg(query.lastError().text());
        return false;
    }
    QHash<QString, qint32> users;
    for (qint32 i = 0; i < qint32(state.users.size()); ++i) {
        users.insert(state.users.at(i).id, i);
    }
    QHash<QString, qint32> groups;
    for (qint32 i = 0; i < qint32(state.groups.size()); ++i) {
        groups.insert(groupKey(state.groups.at(i).name), i);
    }
    QHash<QString, QString> membershipOrigins;
    const QString user = Change::objectName(Change::Object::User);
    const QString group = Change::objectName(Change::Object::Group);
    while (query.next()) {
        const QString object = query.value(0).toString();
        const QString key = query.value(1).toString();
        if (object == user) {
            if (const auto found = users.constFind(key); found != users.cend()) {
                state.users[found.value()].externalId = query.value(2).toString();
                state.users[found.value()].originConnector = query.value(3).toString();
            }
        } else if (object == group) {
            if (const auto found = groups.constFind(key); found != groups.cend()) {
                state.groups[found.value()].externalId = query.value(2).toString();
                state.groups[found.value()].originConnector = query.value(3).toString();
            }
        } else {
            membershipOrigins.insert(key, query.value(3).toString());
        }
    }
    if (!membershipOrigins.isEmpty()) {
        for (LocalMembership& membership : state.memberships) {
            const QString key =
                membershipKey(state.users.at(membership.user).id, state.groups.at(membership.group).name);
            membership.originConnector = membershipOrigins.value(key);
        }
    }
    return true;
}

bool TargetLinks::prepare(QString* error)
{
    if (m_link) {
        return true;
    }
    m_link.emplace(m_db);
    m_unlink.emplace(m_db);
    // An upsert: SQLite (3.24 and later) and PostgreSQL spell it the same way.
    if (!m_link->prepare(u"INSERT INTO target_links (target_id, object, app_key, external_id, connector_id, linked_at) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (target_id, object, app_key) DO UPDATE SET "
                         "external_id = excluded.external_id, connector_id = excluded.connector_id, "
                         "linked_at = excluded.linked_at"_s,
                         error)
        || !m_unlink->prepare(u"DELETE FROM target_links WHERE target_id = ? AND object = ? AND app_key = ?"_s,
                              error)) {
        m_link.reset();
        m_unlink.reset();
        return false;
    }
    return true;
}

bool TargetLinks::link(Change::Object object, const QString& appKey, const QString& externalId,
                       const QString& connectorId, QString* error)
{
    return prepare(error)
        && m_link->exec({m_targetId, Change::objectName(object), appKey, externalId, connectorId,
                         QDateTime::currentMSecsSinceEpoch()},
                        error);
}

bool TargetLinks::apply(const QList<Edit>& edits, const QString& connectorId, QString* error)
{
    for (const Edit& edit : edits) {
        if (!(edit.remove ? unlink(edit.object, edit.appKey, error)
                          : link(edit.object, edit.appKey, edit.externalId, connectorId, error))) {
            return false;
        }
    }
    return true;
}

bool TargetLinks::unlink(Change::Object object, const QString& appKey, QString* error)
{
    return prepare(error) && m_unlink->exec({m_targetId, Change::objectName(object), appKey}, error);
}

#pragma once

#include "directory/DirectoryState.h"
#include "directory/SqlStatement.h"
#include "sync/ChangeSet.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

// Which objects of an application a connector created or adopted there: the application keeps
// no such mark, so the directory database does, per target (table target_links). A user is
// linked by its key in the application, a group by its name (case-insensitively), a membership
// by both. Cleanup and rollback only ever touch linked objects.
class TargetLinks final
{
    Q_DECLARE_TR_FUNCTIONS(TargetLinks)

public:
    TargetLinks(QSqlDatabase db, QString targetId);

    static QString groupKey(const QString& groupName);
    static QString membershipKey(const QString& userKey, const QString& groupName);

    // Fills the origin and external ids of `state` (read from the application, ids = its keys)
    // from the links.
    bool overlay(DirectoryState& state, QString* error) const;

    // A link made or taken away, as a run records them.
    struct Edit
    {
        bool remove = false;
        Change::Object object = Change::Object::User;
        QString appKey;
        QString externalId;
    };

    // In the caller's transaction.
    bool apply(const QList<Edit>& edits, const QString& connectorId, QString* error);
    bool link(Change::Object object, const QString& appKey, const QString& externalId, const QString& connectorId,
              QString* error);
    bool unlink(Change::Object object, const QString& appKey, QString* error);

private:
    bool prepare(QString* error);

    QSqlDatabase m_db;
    QString m_targetId;
    // Prepared once: a run links hundreds of thousands of objects.
    std::optional<SqlStatement> m_link;
    std::optional<SqlStatement> m_unlink;
};

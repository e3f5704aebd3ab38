#pragma once

#include "directory/DirectoryLocation.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

// An open Qt Sql connection to the directory, owned by the thread that opened it (Qt Sql
// connections must not cross threads). Closing happens on destruction.
class DatabaseConnection final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseConnection)

public:
    // Opens `location`; `password` is used for PostgreSQL only and comes from the keychain.
    // On failure returns nullptr and sets `error` to a sentence with a next step.
    static std::unique_ptr<DatabaseConnection> open(const DirectoryLocation& location, const QString& password,
                                                    QString* error);

    // Where `db`, a connection opened by open(), connects: for another connection to the same
    // directory, which another thread opens (its password is db.password()).
    static DirectoryLocation locationOf(const QSqlDatabase& db);

    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection&) = delete;
    DatabaseConnection& operator=(const DatabaseConnection&) = delete;

    QSqlDatabase database() const;
    const DirectoryLocation& location() const { return m_location; }

private:
    DatabaseConnection(DirectoryLocation location, QString connectionName);

    DirectoryLocation m_location;
    QString m_connectionName;
};

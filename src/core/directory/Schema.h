#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The directory's schema, one for SQLite and PostgreSQL, brought up to date by forward-only
// migrations: each runs once, in its own transaction, and is recorded in schema_migrations.
class Schema final
{
    Q_DECLARE_TR_FUNCTIONS(Schema)

public:
    static int latestVersion();

    // The version the database is at (0 for an empty one), or -1 with `error` set.
    static int currentVersion(const QSqlDatabase& db, QString* error);
    // The tables of a database that holds no UserSync directory (no schema_migrations), which
    // UserSync must not write into; empty for a directory or an empty database.
    static QStringList foreignTables(const QSqlDatabase& db);

    // Applies the migrations the database lacks (up to `version`; tests stop earlier to check
    // that later migrations keep data). Refuses a database from a newer UserSync.
    static bool migrate(QSqlDatabase& db, QString* error, int version = latestVersion());
};

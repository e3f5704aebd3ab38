#include "Schema.h"

#include "Logging.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

// Append only: a released migration is never edited, a new one is added after it.
// Types are the common ground of SQLite and PostgreSQL; times are milliseconds since the epoch.
// A statement that starts with "sqlite:" or "postgresql:" runs on that database only.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> steps = {
        // 1: connectors; settings are JSON and never hold a secret (that lives in the keychain).
        {
            u"CREATE TABLE connectors ("
            "  id TEXT PRIMARY KEY,"
            "  name TEXT NOT NULL,"
            "  name_key TEXT NOT NULL UNIQUE,"
            "  type TEXT NOT NULL,"
            "  settings TEXT NOT NULL,"
            "  created_at BIGINT NOT NULL,"
            "  updated_at BIGINT NOT NULL)"_s,
        },
        // 2: the directory itself, and the history of sync runs with every change they made.
        {
            u"CREATE TABLE directory_users ("
            "  id TEXT PRIMARY KEY,"
            "  username TEXT NOT NULL,"
            "  username_key TEXT NOT NULL UNIQUE,"
            "  email TEXT NOT NULL DEFAULT '',"
            "  email_key TEXT NOT NULL DEFAULT '',"
            "  first_name TEXT NOT NULL DEFAULT '',"
            "  last_name TEXT NOT NULL DEFAULT '',"
            "  display_name TEXT NOT NULL DEFAULT '',"
            "  active INTEGER NOT NULL DEFAULT 1,"
            "  attributes TEXT NOT NULL DEFAULT '',"
            "  origin_connector TEXT NOT NULL DEFAULT '',"
            "  external_id TEXT NOT NULL DEFAULT '',"
            "  created_at BIGINT NOT NULL,"
            "  updated_at BIGINT NOT NULL,"
            "  last_synced_at BIGINT NOT NULL DEFAULT 0)"_s,
            u"CREATE INDEX directory_users_origin ON directory_users (origin_connector, external_id)"_s,
            u"CREATE INDEX directory_users_email ON directory_users (email_key)"_s,
            u"CREATE TABLE directory_groups ("
            "  id TEXT PRIMARY KEY,"
            "  name TEXT NOT NULL,"
            "  name_key TEXT NOT NULL UNIQUE,"
            "  path TEXT NOT NULL DEFAULT '',"
            "  origin_connector TEXT NOT NULL DEFAULT '',"
            "  external_id TEXT NOT NULL DEFAULT '',"
            "  created_at BIGINT NOT NULL,"
            "  updated_at BIGINT NOT NULL)"_s,
            u"CREATE TABLE directory_memberships ("
            "  user_id TEXT NOT NULL REFERENCES directory_users (id),"
            "  group_id TEXT NOT NULL REFERENCES directory_groups (id),"
            "  origin_connector TEXT NOT NULL DEFAULT '',"
            "  created_at BIGINT NOT NULL,"
            "  PRIMARY KEY (user_id, group_id))"_s,
            u"CREATE INDEX directory_memberships_group ON directory_memberships (group_id)"_s,
            u"CREATE TABLE sync_runs ("
            "  id TEXT PRIMARY KEY,"
            "  connector_id TEXT NOT NULL,"
            "  connector_name TEXT NOT NULL,"
            "  mode TEXT NOT NULL,"
            "  run_trigger TEXT NOT NULL,"
            "  started_at BIGINT NOT NULL,"
            "  finished_at BIGINT NOT NULL,"
            "  status TEXT NOT NULL,"
            "  counts TEXT NOT NULL DEFAULT '{}',"
            "  message TEXT NOT NULL DEFAULT '',"
            "  rollback_of TEXT NOT NULL DEFAULT '')"_s,
            u"CREATE INDEX sync_runs_started ON sync_runs (started_at)"_s,
            u"CREATE TABLE sync_changes ("
            "  run_id TEXT NOT NULL REFERENCES sync_runs (id),"
            "  seq INTEGER NOT NULL,"
            "  object TEXT NOT NULL,"
            "  action TEXT NOT NULL,"
            "  item_key TEXT NOT NULL,"
            "  display_name TEXT NOT NULL DEFAULT '',"
            "  email TEXT NOT NULL DEFAULT '',"
            "  local_id TEXT NOT NULL DEFAULT '',"
            "  external_id TEXT NOT NULL DEFAULT '',"
            "  group_local_id TEXT NOT NULL DEFAULT '',"
            "  fields TEXT NOT NULL DEFAULT '[]',"
            "  reason TEXT NOT NULL DEFAULT '',"
            "  PRIMARY KEY (run_id, seq))"_s,
        },
        // 3: a run's changes without a foreign key to the run. They are only ever written in the
        // run's own transaction, and the per-row check cost PostgreSQL a third of recording a
        // large run. SQLite cannot drop a constraint, so the table is rebuilt there.
        {
            u"postgresql:ALTER TABLE sync_changes DROP CONSTRAINT sync_changes_run_id_fkey"_s,
            u"sqlite:CREATE TABLE sync_changes_v3 ("
            "  run_id TEXT NOT NULL,"
            "  seq INTEGER NOT NULL,"
            "  object TEXT NOT NULL,"
            "  action TEXT NOT NULL,"
            "  item_key TEXT NOT NULL,"
            "  display_name TEXT NOT NULL DEFAULT '',"
            "  email TEXT NOT NULL DEFAULT '',"
            "  local_id TEXT NOT NULL DEFAULT '',"
            "  external_id TEXT NOT NULL DEFAULT '',"
            "  group_local_id TEXT NOT NULL DEFAULT '',"
            "  fields TEXT NOT NULL DEFAULT '[]',"
            "  reason TEXT NOT NULL DEFAULT '',"
            "  PRIMARY KEY (run_id, seq))"_s,
            u"sqlite:INSERT INTO sync_changes_v3 SELECT run_id, seq, object, action, item_key, display_name, email, "
            "local_id, external_id, group_local_id, fields, reason FROM sync_changes"_s,
            u"sqlite:DROP TABLE sync_changes"_s,
            u"sqlite:ALTER TABLE sync_changes_v3 RENAME TO sync_changes"_s,
        },
        // 4: a group change's source path (same-named groups told apart), and each connector's last
        // connection test, for the window's status column.
        {
            u"ALTER TABLE sync_changes ADD COLUMN path TEXT NOT NULL DEFAULT ''"_s,
            u"CREATE TABLE connector_tests ("
            "  connector_id TEXT PRIMARY KEY,"
            "  tested_at BIGINT NOT NULL,"
            "  ok INTEGER NOT NULL,"
            "  message TEXT NOT NULL DEFAULT '')"_s,
        },
        // 5: applications as targets. Their settings (never a secret), their last connection test,
        // and per target the link of every user, group and membership a connector created or
        // adopted there, since the application itself keeps no such mark. A run names its target,
        // and each of its changes records its outcome as it happens ("done", "failed"; empty for a
        // run into the directory, which applies in one transaction).
        {
            u"CREATE TABLE targets ("
            "  id TEXT PRIMARY KEY,"
            "  name TEXT NOT NULL,"
            "  name_key TEXT NOT NULL UNIQUE,"
            "  type TEXT NOT NULL,"
            "  settings TEXT NOT NULL,"
            "  created_at BIGINT NOT NULL,"
            "  updated_at BIGINT NOT NULL)"_s,
            u"CREATE TABLE target_tests ("
            "  target_id TEXT PRIMARY KEY,"
            "  tested_at BIGINT NOT NULL,"
            "  ok INTEGER NOT NULL,"
            "  message TEXT NOT NULL DEFAULT '')"_s,
            u"CREATE TABLE target_links ("
            "  target_id TEXT NOT NULL,"
            "  object TEXT NOT NULL,"
            "  app_key TEXT NOT NULL,"
            "  external_id TEXT NOT NULL DEFAULT '',"
            "  connector_id TEXT NOT NULL,"
            "  linked_at BIGINT NOT NULL,"
            "  PRIMARY KEY (target_id, object, app_key))"_s,
            u"ALTER TABLE sync_runs ADD COLUMN target_id TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE sync_changes ADD COLUMN outcome TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE sync_changes ADD COLUMN error TEXT NOT NULL DEFAULT ''"_s,
        },
        // 6: a membership's link keyed by group, then user (TargetLinks::membershipKey()). In two
        // steps, so that no key is ever another's before it: first each swapped behind a mark no
        // key starts with, then the mark taken off.
        {
            u"sqlite:UPDATE target_links SET app_key = char(1) || substr(app_key, instr(app_key, char(10)) + 1) "
            "|| char(10) || substr(app_key, 1, instr(app_key, char(10)) - 1) "
            "WHERE object = 'membership' AND instr(app_key, char(10)) > 0"_s,
            u"postgresql:UPDATE target_links SET app_key = chr(1) || substr(app_key, strpos(app_key, chr(10)) + 1) "
            "|| chr(10) || substr(app_key, 1, strpos(app_key, chr(10)) - 1) "
            "WHERE object = 'membership' AND strpos(app_key, chr(10)) > 0"_s,
            u"sqlite:UPDATE target_links SET app_key = substr(app_key, 2) "
            "WHERE object = 'membership' AND substr(app_key, 1, 1) = char(1)"_s,
            u"postgresql:UPDATE target_links SET app_key = substr(app_key, 2) "
            "WHERE object = 'membership' AND substr(app_key, 1, 1) = chr(1)"_s,
        },
    };
    return steps;
}

bool isPostgreSql(const QSqlDatabase& db)
{
    return db.driverName() == u"QPSQL"_s;
}

bool exec(QSqlQuery& query, const QString& statement, QString* error)
{
    if (query.exec(statement)) {
        return true;
    }
    *error = query.lastError().text();
    return false;
}

} // namespace

int Schema::latestVersion()
{
    return int(migrations().size());
}

QStringList Schema::foreignTables(const QSqlDatabase& db)
{
    // The tables where the directory's would go: PostgreSQL's current schema (Qt's driver lists
    // every schema's), SQLite's file without its own.
    QStringList tables;
    if (isPostgreSql(db)) {
        QSqlQuery query(db);
        if (query.exec(u"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                       "AND table_type = 'BASE TABLE'"_s)) {
            while (query.next()) {
                tables.append(query.value(0).toString());
            }
        }
    } else {
        for (const QString& table : db.tables(QSql::Tables)) {
            if (!table.startsWith(u"sqlite_"_s)) {
                tables.append(table);
            }
        }
    }
    // Other tools keep a schema_migrations table too: a directory also has its connectors.
    const bool directory =
        tables.contains(u"schema_migrations"_s) && (tables.contains(u"connectors"_s) || tables.size() == 1);
    if (directory) {
        return {};
    }
    tables.sort();
    return tables;
}

int Schema::currentVersion(const QSqlDatabase& db, QString* error)
{
    if (!db.tables().contains(u"schema_migrations"_s)) {
        return 0;
    }
    QSqlQuery query(db);
    if (!query.exec(u"SELECT MAX(version) FROM schema_migrations"_s) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

bool Schema::migrate(QSqlDatabase& db, QString* error, int target)
{
    QString reason;
    const int before = currentVersion(db, &reason);
    if (before < 0) {
        *error = tr("The directory's schema version cannot be read: %1.").arg(reason);
        return false;
    }
    const QStringList others = foreignTables(db);
    if (!others.isEmpty()) {
        *error = tr("This database holds tables of another program (%1) and no UserSync directory; UserSync "
                    "changed nothing in it. Choose a new file or an empty database for the directory.")
                     .arg(others.mid(0, 5).join(u", "_s));
        return false;
    }
    if (before > latestVersion()) {
        *error = tr("This directory was last used by a newer UserSync (schema %1; this version knows up to %2). "
                    "Update UserSync before opening it.")
                     .arg(before)
                     .arg(latestVersion());
        return false;
    }
    target = std::min(target, latestVersion());
    if (before >= target) {
        return true;
    }

    if (!db.transaction()) {
        *error = tr("The directory cannot be updated: %1.").arg(db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    bool ok = true;
    // Two programs opening a shared PostgreSQL directory at once must not both migrate it.
    if (isPostgreSql(db)) {
        ok = exec(query, u"SELECT pg_advisory_xact_lock(7355608)"_s, &reason);
    }
    ok =
        ok
        && exec(
            query,
            u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"_s,
            &reason);
    int version = 0;
    if (ok && query.exec(u"SELECT MAX(version) FROM schema_migrations"_s) && query.next()) {
        version = query.value(0).toInt(); // again, now that we hold the lock
    }
    for (; ok && version < target; ++version) {
        const QString dialect = isPostgreSql(db) ? u"postgresql:"_s : u"sqlite:"_s;
        for (const QString& statement : migrations().at(version)) {
            const bool ownDialect = statement.startsWith(dialect);
            if (ownDialect || !(statement.startsWith(u"sqlite:"_s) || statement.startsWith(u"postgresql:"_s))) {
                ok = ok && exec(query, ownDialect ? statement.mid(dialect.size()) : statement, &reason);
            }
        }
        ok = ok && query.prepare(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s);
        if (ok) {
            query.addBindValue(version + 1);
            query.addBindValue(QDateTime::currentMSecsSinceEpoch());
            ok = query.exec();
            if (!ok) {
                reason = query.lastError().text();
            }
        }
    }
    if (!ok || !db.commit()) {
        if (ok) {
            reason = db.lastError().text();
        }
        db.rollback();
        *error =
            tr("The directory could not be updated to schema %1 and was left as it was: %2.").arg(target).arg(reason);
        qCWarning(lcDirectory) << "migration failed:" << reason;
        return false;
    }
    qCInfo(lcDirectory) << "directory schema migrated from" << before << "to" << target;
    return true;
}

#include "DatabaseConnection.h"

#include "Logging.h"
#include "directory/Schema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString driverName(DirectoryLocation::Kind kind)
{
    return kind == DirectoryLocation::Kind::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("usersync-directory-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

std::unique_ptr<DatabaseConnection> DatabaseConnection::open(const DirectoryLocation& location, const QString& password,
                                                             QString* error)
{
    const QString driver = driverName(location.kind());
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        *error = location.kind() == DirectoryLocation::Kind::Sqlite
            ? tr("The SQLite driver for Qt is not installed. Install the package libqt6sql6-sqlite and start "
                 "UserSync again.")
            : tr("The PostgreSQL driver for Qt is not installed. Install the package libqt6sql6-psql and start "
                 "UserSync again.");
        return nullptr;
    }

    if (location.kind() == DirectoryLocation::Kind::Sqlite) {
        const QString folder = QFileInfo(location.filePath()).absolutePath();
        if (!QDir().mkpath(folder)) {
            *error = tr("The folder %1 for the directory file cannot be created. Check that you may write there, "
                        "or choose another location.")
                         .arg(QDir::toNativeSeparators(folder));
            return nullptr;
        }
    }

    const QString name = uniqueConnectionName();
    std::unique_ptr<DatabaseConnection> connection(new DatabaseConnection(location, name));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
    if (location.kind() == DirectoryLocation::Kind::Sqlite) {
        db.setDatabaseName(location.filePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db.setHostName(location.host());
        db.setPort(location.port());
        db.setDatabaseName(location.database());
        db.setUserName(location.user());
        db.setPassword(password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=UserSync"));
    }

    QString reason;
    if (!db.open()) {
        reason = db.lastError().text().trimmed();
        if (reason.isEmpty()) {
            reason = tr("the driver gave no reason");
        }
    } else if (location.kind() == DirectoryLocation::Kind::Sqlite) {
        // SQLite opens lazily: read the schema now so that a file that is no database fails here.
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
            reason = probe.lastError().databaseText().trimmed();
        } else if (Schema::foreignTables(db).isEmpty()) {
            // Only in a directory or a new file: another program's database is left as it is
            // (journal mode included), and Schema::migrate() refuses it.
            // Off by default in SQLite; the directory's memberships refer to its users and groups.
            probe.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
            // 16 MB of page cache instead of SQLite's 2 MB: a large sync writes its indexes all
            // over, and re-reading their pages from the file took a fifth of applying 600,000
            // rows. The cache only grows as far as a directory needs it.
            probe.exec(QStringLiteral("PRAGMA cache_size = -16384"));
            // A write-ahead log instead of the rollback journal: a run into an application
            // commits its history every quarter second, and each commit had copied every page it
            // changed into the journal first (a tenth of a 20,000-user Bitbucket apply). The
            // window also reads while a scheduled run writes. Kept in the file once set.
            probe.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        }
    }
    if (!reason.isEmpty()) {
        qCWarning(lcDirectory) << "cannot open" << location.toString() << ":" << reason;
        *error = location.kind() == DirectoryLocation::Kind::Sqlite
            ? tr("The directory file %1 cannot be opened: %2. Check that the file is a UserSync directory and "
                 "that you may write to it.")
                  .arg(QDir::toNativeSeparators(location.filePath()), reason)
            : tr("Cannot connect to the PostgreSQL directory (%1): %2. Check that the server is running and "
                 "reachable, and that the user name and password are right.")
                  .arg(location.displayName(), reason);
        return nullptr;
    }
    qCInfo(lcDirectory) << "opened" << location.toString();
    return connection;
}

DirectoryLocation DatabaseConnection::locationOf(const QSqlDatabase& db)
{
    return db.driverName() == driverName(DirectoryLocation::Kind::Sqlite)
        ? DirectoryLocation::sqlite(db.databaseName())
        : DirectoryLocation::postgreSql(db.hostName(), db.port(), db.databaseName(), db.userName());
}

DatabaseConnection::DatabaseConnection(DirectoryLocation location, QString connectionName)
    : m_location(std::move(location))
    , m_connectionName(std::move(connectionName))
{ }

DatabaseConnection::~DatabaseConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase DatabaseConnection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

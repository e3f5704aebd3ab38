#include "SyncLock.h"

#include <QLockFile>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

std::unique_ptr<SyncLock> SyncLock::acquire(const DirectoryLocation& location, QSqlDatabase db,
                                            const QString& connectorId, const QString& connectorName, QString* error)
{
    std::unique_ptr<SyncLock> lock(new SyncLock);
    const QString busy = tr("Another sync of “%1” is running (from the window, the scheduler or the command line). "
                            "Wait for it to finish, then try again.")
                             .arg(connectorName);
    if (location.kind() == DirectoryLocation::Kind::Sqlite) {
        lock->m_file = std::make_unique<QLockFile>(location.filePath() + u".sync-"_s + connectorId + u".lock"_s);
        if (!lock->m_file->tryLock(0)) {
            *error = lock->m_file->error() == QLockFile::LockFailedError
                ? busy
                : tr("The sync lock beside %1 cannot be created; check that its folder is writable.")
                      .arg(location.filePath());
            return nullptr;
        }
        return lock;
    }
    lock->m_db = db;
    lock->m_key = u"usersync-sync/"_s + connectorId;
    QSqlQuery query(db);
    query.prepare(u"SELECT pg_try_advisory_lock(hashtext(?))"_s);
    query.addBindValue(lock->m_key);
    if (!query.exec() || !query.next()) {
        *error = tr("The sync lock cannot be taken on the PostgreSQL directory.");
        return nullptr;
    }
    if (!query.value(0).toBool()) {
        *error = busy;
        return nullptr;
    }
    return lock;
}

SyncLock::~SyncLock()
{
    if (m_file) {
        m_file->unlock();
    } else if (m_db.isOpen()) {
        QSqlQuery query(m_db);
        query.prepare(u"SELECT pg_advisory_unlock(hashtext(?))"_s);
        query.addBindValue(m_key);
        query.exec();
    }
}

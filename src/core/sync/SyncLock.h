#pragma once

#include "directory/DirectoryLocation.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

class QLockFile;

// Only one sync per connector at a time, whoever starts it: the window, the scheduler or the CLI,
// in this process or another. SQLite directories use a lock file beside the database (a crashed
// holder's lock is taken over); PostgreSQL directories a session advisory lock on `db`, which
// the server releases when that connection ends.
class SyncLock final
{
    Q_DECLARE_TR_FUNCTIONS(SyncLock)

public:
    static std::unique_ptr<SyncLock> acquire(const DirectoryLocation& location, QSqlDatabase db,
                                             const QString& connectorId, const QString& connectorName, QString* error);
    ~SyncLock();
    SyncLock(const SyncLock&) = delete;
    SyncLock& operator=(const SyncLock&) = delete;

private:
    SyncLock() = default;

    std::unique_ptr<QLockFile> m_file;
    QSqlDatabase m_db;
    QString m_key;
};

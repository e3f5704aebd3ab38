#include "DirectoryCheckJob.h"

#include "directory/DirectoryAccess.h"

DirectoryCheckJob::DirectoryCheckJob(DirectoryLocation location, QString password, QObject* parent)
    : Job(parent)
    , m_location(std::move(location))
    , m_password(std::move(password))
{ }

void DirectoryCheckJob::start()
{
    reportProgress({tr("Opening the directory"), 0, -1}, true);
    QString error;
    const auto connection = DirectoryAccess::open(m_location, m_password, &error);
    Q_EMIT finished(connection ? QString() : error);
}

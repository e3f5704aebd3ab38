#pragma once

#include "directory/DirectoryLocation.h"
#include "jobs/Job.h"

// Opens a directory once in the job's thread, bringing its schema up to date, and says whether
// that worked: the window does this on a worker before opening its own connection, so that an
// unreachable server or a long migration never holds the window.
class DirectoryCheckJob final : public Job
{
    Q_OBJECT

public:
    DirectoryCheckJob(DirectoryLocation location, QString password, QObject* parent = nullptr);

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    // `error` is empty when the directory opened, else a sentence with a next step.
    void finished(const QString& error);

private:
    DirectoryLocation m_location;
    QString m_password;
};

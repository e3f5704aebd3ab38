#pragma once

#include "directory/DirectoryLocation.h"
#include "jobs/Job.h"
#include "sync/ChangeSet.h"

#include <QCoreApplication>

#include <memory>

struct RunReportResult
{
    std::shared_ptr<const ChangeSet> changes; // set exactly when error is empty
    QString error; // a sentence
};
Q_DECLARE_METATYPE(RunReportResult)

// Reads the changes one run recorded, in the job's thread: a first sync of a large realm
// recorded hundreds of thousands, too many to read while a window waits.
class RunReportJob final : public Job
{
    Q_OBJECT

public:
    RunReportJob(DirectoryLocation location, QString runId, QObject* parent = nullptr);

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    void finished(const RunReportResult& result);

private:
    DirectoryLocation m_location;
    QString m_runId;
};

#include "RunReportJob.h"

#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"

RunReportJob::RunReportJob(DirectoryLocation location, QString runId, QObject* parent)
    : Job(parent)
    , m_location(std::move(location))
    , m_runId(std::move(runId))
{ }

void RunReportJob::start()
{
    RunReportResult result;
    reportProgress({tr("Reading the run's changes"), 0, -1}, true);
    QString error;
    const auto connection = DirectoryAccess::open(m_location, &error);
    const auto changes = connection ? DirectoryStore(connection->database()).changes(m_runId, &error) : std::nullopt;
    if (changes) {
        result.changes = std::make_shared<const ChangeSet>(*changes);
    } else {
        result.error = error;
    }
    Q_EMIT finished(result);
}

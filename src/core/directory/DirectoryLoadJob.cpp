#include "DirectoryLoadJob.h"

#include "config/ConnectorStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"

DirectoryLoadJob::DirectoryLoadJob(DirectoryLocation location, QObject* parent)
    : Job(parent)
    , m_location(std::move(location))
{ }

void DirectoryLoadJob::start()
{
    DirectoryLoadResult result;
    reportProgress({tr("Reading the directory"), 0, -1}, true);
    QString error;
    const auto connection = DirectoryAccess::open(m_location, &error);
    auto state = connection ? DirectoryStore(connection->database()).load(&error) : std::nullopt;
    const auto connectors = state ? ConnectorStore(connection->database()).list(&error) : std::nullopt;
    if (!connectors) {
        result.error = error;
        Q_EMIT finished(result);
        return;
    }
    for (const ConnectorConfig& connector : *connectors) {
        result.connectorNames.insert(connector.id, connector.name);
    }
    result.state = std::make_shared<const DirectoryState>(std::move(*state));
    Q_EMIT finished(result);
}

#include "MigrationPreviewJob.h"

#include "connectors/keycloak/KeycloakFetcher.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"

MigrationPreviewJob::MigrationPreviewJob(DirectoryLocation location, ConnectorConfig connector, QString clientSecret,
                                         QObject* parent)
    : Job(parent)
    , m_location(std::move(location))
    , m_connector(std::move(connector))
{
    KeycloakSettings settings = m_connector.keycloak;
    settings.userAttributes << m_connector.sync.attributesNeeded();
    settings.userAttributes.removeDuplicates();
    m_fetcher = std::make_unique<KeycloakFetcher>(settings, std::move(clientSecret));
}

MigrationPreviewJob::~MigrationPreviewJob() = default;

void MigrationPreviewJob::start()
{
    connect(m_fetcher.get(), &Job::progress, this, [this](const JobProgress& progress) { reportProgress(progress); });
    connect(m_fetcher.get(), &KeycloakFetcher::finished, this, &MigrationPreviewJob::onFetched);
    m_fetcher->start();
}

void MigrationPreviewJob::cancelled()
{
    m_fetcher->cancel();
}

void MigrationPreviewJob::onFetched(const FetchResult& fetched)
{
    MigrationPreviewResult result;
    if (fetched.error) {
        result.error = tr("Reading Keycloak failed: %1").arg(fetched.error->message);
        Q_EMIT finished(result);
        return;
    }
    QString error;
    const auto connection = DirectoryAccess::open(m_location, &error);
    const auto state = connection ? DirectoryStore(connection->database()).load(&error) : std::nullopt;
    if (!state) {
        result.error = error;
    } else {
        result.entries = Planner::previewMatching(*fetched.snapshot, *state, m_connector.id, m_connector.sync);
    }
    Q_EMIT finished(result);
}

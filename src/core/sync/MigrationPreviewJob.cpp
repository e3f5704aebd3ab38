#include "MigrationPreviewJob.h"

#include "connectors/keycloak/KeycloakFetcher.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"
#include "targets/Target.h"
#include "targets/Targets.h"

MigrationPreviewJob::MigrationPreviewJob(DirectoryLocation location, ConnectorConfig connector, QString clientSecret,
                                         std::optional<QString> targetCredential, QObject* parent)
    : Job(parent)
    , m_location(std::move(location))
    , m_connector(std::move(connector))
    , m_targetCredential(std::move(targetCredential))
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
    if (m_target) {
        m_target->cancel();
    }
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
    m_connection = DirectoryAccess::open(m_location, &error);
    m_target =
        m_connection ? Targets::open(m_connector, m_connection->database(), m_targetCredential, &error) : nullptr;
    if (!m_target) {
        result.error = error;
        Q_EMIT finished(result);
        return;
    }
    // Matched against the target's users as they are: the directory's, or the application's.
    connect(m_target.get(), &Target::progress, this, [this](const JobProgress& progress) { reportProgress(progress); });
    m_target->read([this, snapshot = fetched.snapshot](std::optional<DirectoryState> state,
                                                       std::optional<ConnectorError> readError) {
        MigrationPreviewResult result;
        if (!state) {
            result.error = readError->message;
        } else {
            result.entries =
                Planner::previewMatching(*snapshot, *state, m_connector.id, m_connector.sync, m_target->capabilities());
        }
        Q_EMIT finished(result);
    });
}

#pragma once

#include "config/ConnectorConfig.h"
#include "directory/DirectoryLocation.h"
#include "jobs/Job.h"
#include "sync/Planner.h"

#include <memory>

class DatabaseConnection;
class KeycloakFetcher;
class Target;
struct FetchResult;

struct MigrationPreviewResult
{
    QList<Planner::MatchPreview> entries; // one per Keycloak user a first sync would link, create or stop at
    QString error; // a sentence; empty when the preview is there
};
Q_DECLARE_METATYPE(MigrationPreviewResult)

// Before a first sync: reads the realm and the connector's target (the directory, or the
// application) and shows, for every Keycloak user, whether an existing user there will be linked
// (keeping its id or key, and so its history), a new one created, or a collision needs a
// decision. Changes nothing.
class MigrationPreviewJob final : public Job
{
    Q_OBJECT

public:
    // `targetCredential`: of the connector's application, read beforehand (RunSecrets) on a
    // worker; unset, read from the keychain by the job (main thread only).
    MigrationPreviewJob(DirectoryLocation location, ConnectorConfig connector, QString clientSecret,
                        std::optional<QString> targetCredential = std::nullopt, QObject* parent = nullptr);
    ~MigrationPreviewJob() override;

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    void finished(const MigrationPreviewResult& result);

protected:
    void cancelled() override;

private:
    void onFetched(const FetchResult& fetched);

    DirectoryLocation m_location;
    ConnectorConfig m_connector;
    std::optional<QString> m_targetCredential;
    std::unique_ptr<KeycloakFetcher> m_fetcher;
    std::unique_ptr<DatabaseConnection> m_connection;
    std::unique_ptr<Target> m_target;
};

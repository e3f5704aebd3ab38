#pragma once

#include "config/ConnectorConfig.h"
#include "connectors/ConnectorError.h"
#include "directory/DirectoryLocation.h"
#include "directory/DirectoryStore.h"
#include "jobs/Job.h"
#include "sync/ChangeSet.h"

#include <QElapsedTimer>

#include <memory>
#include <optional>

class DatabaseConnection;
class KeycloakFetcher;
class SyncLock;
class Target;
struct TargetApplyResult;
struct DirectorySnapshot;
struct FetchResult;

struct SyncRequest
{
    enum class Mode { Simulate, Full };

    Mode mode = Mode::Simulate;
    QString trigger = QStringLiteral("manual"); // "manual", "cli", "scheduled"
    bool allowDeletions = false; // lets a full sync past the deletion guard, this once
    // A full sync of a reviewed simulation: applies exactly this plan (if the directory has not
    // changed since) instead of fetching and planning again.
    std::shared_ptr<const ChangeSet> reviewedPlan;
    // The token or password of the connector's application, read beforehand (RunSecrets) when the
    // job runs on a worker; unset, the job reads it from the keychain itself (main thread only).
    std::optional<QString> targetCredential;
};

struct SyncResult
{
    // CompletedWithErrors: an application refused some changes, one object each; the rest is applied.
    enum class Status { Succeeded, Failed, Refused, Cancelled, Skipped, CompletedWithErrors };

    Status status = Status::Failed;
    QString message; // why it failed or was refused, as a sentence
    RunRecord run; // as recorded in the history (empty id if nothing could be recorded)
    std::shared_ptr<const ChangeSet> plan;
    std::optional<ConnectorError> fetchError;
    qint64 fetchMs = 0;
    qint64 planMs = 0;
    qint64 applyMs = 0;
};
Q_DECLARE_METATYPE(SyncResult)

// The one pipeline behind simulated and full syncs: lock → fetch → read the target → plan →
// record (simulate) or apply (full: into the directory in one transaction, into an application
// call by call). Refuses on a failed fetch or read, past the deletion guard, or when a reviewed
// plan no longer fits the target. Every run is recorded in the history.
class SyncJob final : public Job
{
    Q_OBJECT

public:
    SyncJob(DirectoryLocation location, ConnectorConfig connector, QString clientSecret, SyncRequest request,
            QObject* parent = nullptr);
    ~SyncJob() override;

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    void finished(const SyncResult& result);

protected:
    void cancelled() override;

private:
    void onFetched(const FetchResult& fetched);
    void planAndFinish(const std::shared_ptr<const DirectorySnapshot>& snapshot);
    void finishRun(SyncResult::Status status, const QString& message, std::shared_ptr<const ChangeSet> plan);
    void onApplied(const TargetApplyResult& applied, std::shared_ptr<const ChangeSet> plan, qint64 applyStartedAt);
    void complete(SyncResult::Status status, const RunRecord& run, std::shared_ptr<const ChangeSet> plan);

    DirectoryLocation m_location;
    ConnectorConfig m_connector;
    QString m_clientSecret;
    SyncRequest m_request;
    std::unique_ptr<DatabaseConnection> m_connection;
    std::unique_ptr<SyncLock> m_lock;
    std::unique_ptr<KeycloakFetcher> m_fetcher;
    std::unique_ptr<Target> m_target;
    SyncResult m_result;
    qint64 m_startedAt = 0;
    bool m_finished = false;
};

#pragma once

#include "config/ConnectorConfig.h"
#include "connectors/ConnectorError.h"
#include "connectors/keycloak/KeycloakClient.h"
#include "connectors/keycloak/KeycloakPages.h"
#include "jobs/Job.h"
#include "model/DirectorySnapshot.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>

#include <memory>
#include <optional>

struct FetchResult
{
    std::shared_ptr<const DirectorySnapshot> snapshot; // set exactly when error is not
    std::optional<ConnectorError> error;
    KeycloakClient::Statistics statistics;
    qint64 elapsedMs = 0;
};
Q_DECLARE_METATYPE(FetchResult)

// Reads a whole realm into a DirectorySnapshot: every user (paged, in parallel, sized by
// users/count), the group tree (top-level groups, then children wherever subGroupCount > 0) and
// every group's direct members. Complete or nothing: a page that fails after retries, a
// malformed answer, or counts that do not match end the fetch with an error and no snapshot.
class KeycloakFetcher final : public Job
{
    Q_OBJECT

public:
    KeycloakFetcher(KeycloakSettings settings, QString clientSecret, QObject* parent = nullptr);
    ~KeycloakFetcher() override;

    // For tests that age the token; see KeycloakClient::setClock.
    KeycloakClient* client() const { return m_client.get(); }

public Q_SLOTS:
    void start() override;

Q_SIGNALS:
    void finished(const FetchResult& result);

protected:
    void cancelled() override;

private:
    struct Listing;
    using PageHandler = std::function<std::optional<ConnectorError>(const QJsonArray& page, const HttpOutcome&)>;
    using ListingDone = std::function<void()>;

    // Reads a paged listing to its end. With a known total, the pages it implies go out at
    // once; after that, one page at a time while pages come back full. Consecutive pages
    // overlap a little, so that entries removed meanwhile do not shift others out of sight.
    void readListing(const QString& path, const QUrlQuery& query, qint64 knownTotal, PageHandler onPage,
                     ListingDone onDone);
    void requestPage(const std::shared_ptr<Listing>& listing, int index);

    void readUsers();
    void readGroups();
    std::optional<ConnectorError> addGroupPage(const QJsonArray& page, const QString& parentId,
                                               const HttpOutcome& outcome);
    void addGroups(const QList<KeycloakPages::ListedGroup>& groups, const QString& parentId);
    void readChildren(const QString& parentId, qint64 expected);
    void checkUsersAndGroups();
    void readMemberships();
    // True when the fetch is already over, or `reply` ends it with its error.
    bool endedBy(const KeycloakClient::AdminReply& reply);
    void fail(const ConnectorError& error);
    void succeed();
    void updateProgress();

    KeycloakSettings m_settings;
    std::unique_ptr<KeycloakClient> m_client;
    QElapsedTimer m_elapsed;
    bool m_done = false;
    bool m_readingMembers = false;

    qint64 m_usersCounted = -1;
    qint64 m_groupsCounted = -1;
    int m_listingsRunning = 0;
    int m_groupsWithMembersRead = 0;

    std::shared_ptr<DirectorySnapshot> m_snapshot;
    QHash<QString, qint32> m_userIndex;
    QHash<QString, qint32> m_groupIndex;
    QHash<QString, qint64> m_childrenExpected; // by parent id, from subGroupCount
    QHash<QString, qint64> m_childrenSeen;
    int m_serviceAccountMembers = 0;
};

#pragma once

#include "connectors/ConnectorError.h"
#include "directory/DirectoryState.h"
#include "jobs/Job.h"
#include "targets/scim/ScimClient.h"
#include "targets/scim/ScimService.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

// Reads all of a SCIM service completely: every user (active or not, its SCIM id as the id),
// every group (likewise) with its members. Lists are paged by startIndex and count; the pages
// after the first are asked for ahead (positions are known once the first answer gives
// totalResults), and a listing ends at totalResults or on an empty page. A read that does not
// add up to what the service said it holds ends in an error, never in a state. Members that are
// no user the read found (a nested group, or a user deleted from a service without referential
// integrity) are no memberships UserSync manages, and are left out.
class ScimReader final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(std::optional<ConnectorError> error)>;

    // `pageSize` 0: the service's filter.maxResults, at most 1000.
    ScimReader(ScimClient* client, ScimService service, int pageSize = 0, QObject* parent = nullptr);

    void readAll(Done done);
    DirectoryState takeState() { return std::move(m_state); }
    // The version (ETag) of each user and group read, by id, where the service gives them.
    const QHash<QString, QString>& versions() const { return m_versions; }

    // One SCIM User as the planner sees it.
    static LocalUser userOf(const QJsonObject& resource);

Q_SIGNALS:
    void progress(const JobProgress& progress);

private:
    struct Listing;
    // Every page of a list: the first of `firstPage`, the rest at once, of the size `pageAfter`
    // gives for the first page's resources (or of firstPage).
    void list(const QString& endpoint, const QString& what, int firstPage,
              std::function<int(const QJsonArray& first)> pageAfter, std::function<void(const QJsonObject&)> take,
              std::function<void(std::optional<ConnectorError>)> done);
    void finish(const std::optional<ConnectorError>& error);
    void linkMembers();

    ScimClient* m_client;
    ScimService m_service;
    int m_pageSize;
    DirectoryState m_state;
    QHash<QString, QString> m_versions;
    QList<QStringList> m_memberIds; // per group read, the values of its members
    Done m_done;
    bool m_finished = false;
};

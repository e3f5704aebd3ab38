#pragma once

#include "targets/atlassian/AtlassianClient.h"
#include "targets/atlassian/AtlassianReader.h"

#include <QHash>
#include <QSet>

#include <memory>

// Reads all of a Bitbucket completely through its administration API: every user (admin/users),
// group (admin/groups), each group's members (admin/groups/more-members) and the users' direct
// global permissions (admin/permissions/users), each list followed by nextPageStart until
// Bitbucket says it was the last page, whatever the pages' sizes. Bitbucket has no disabled flag:
// a user counts as active when its directory has it active and it is in one of the target's
// access groups or holds a global permission of its own; what grants that is its access
// (BitbucketAccess). A member the user list did not contain makes the read an error, never a state.
class BitbucketReader final : public AtlassianReader
{
    Q_OBJECT

public:
    struct Server
    {
        QString version; // "10.4.1"
        QList<int> versionNumbers;
    };
    using ServerDone = std::function<void(std::optional<Server> server, std::optional<ConnectorError> error)>;
    // One page of a list: its values' JSON, and whether another follows.
    using PageDone = std::function<bool(const AtlassianClient::Reply& reply, std::optional<qint64>* next)>;

    explicit BitbucketReader(AtlassianClient* client, QObject* parent = nullptr);

    void readServer(ServerDone done);
    void readUsers(Done done);
    void readGroups(Done done);
    // Members and direct permissions (at the same time), then every user's access.
    void readAccess(Done done);
    void readAll(Done done) override;

    const std::optional<Server>& server() const { return m_server; }

private:
    // Follows one paged list from its first page; `page` takes each answer in order (false:
    // stop, the error is set) and says where the next starts. The pages after the first are
    // asked for ahead, as many as requests may be in flight (see ListRead).
    void readList(const QString& path, const AtlassianClient::Query& query, const QString& what, PageDone page,
                  Done done);
    struct ListRead;
    void askPage(const std::shared_ptr<ListRead>& list, qint64 start);
    void takePages(const std::shared_ptr<ListRead>& list);
    void readMembers(Done done);
    void readPermissions(Done done);
    void memberPage(qint32 group, qint64 start);
    void decideAccess();

    std::optional<Server> m_server;
    QHash<QString, qint32> m_userById;
    QHash<QString, qint32> m_groupByKey; // by nameKey
    QHash<qint32, QString> m_permission; // user -> its direct global permission
    QSet<qint32> m_accessGroups; // groups named in the settings, as read
    std::optional<ConnectorError> m_pageError; // what stopped a list
};

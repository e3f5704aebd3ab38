#pragma once

#include "targets/atlassian/AtlassianClient.h"
#include "targets/atlassian/AtlassianReader.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

// Reads all of a Confluence completely: every user with its status (user/list?expand=status,
// disabled users included), every group (group), and every group's members (group/member by
// query on 10.2 and later, where a name may hold a '/'; group/{name}/member before). Pages are
// followed by their next link, whatever size Confluence chooses; a member the user list did not
// contain, or a user without a status, makes the read an error, never a state.
class ConfluenceReader final : public AtlassianReader
{
    Q_OBJECT

public:
    struct Server
    {
        QString version; // "10.2.14"
        QList<int> versionNumbers;

        bool atLeast(int major, int minor) const;
    };
    using ServerDone = std::function<void(std::optional<Server> server, std::optional<ConnectorError> error)>;

    explicit ConfluenceReader(AtlassianClient* client, QObject* parent = nullptr);

    void readServer(ServerDone done);
    // The three parts; readAll runs users and groups at the same time, then the members.
    void readUsers(Done done);
    void readGroups(Done done);
    void readMemberships(Done done);
    void readAll(Done done) override;

    const std::optional<Server>& server() const { return m_server; }

private:
    void userPage(qint64 start, Done done);
    void groupPage(qint64 start, Done done);
    void memberPage(qint32 group, qint64 start);

    std::optional<Server> m_server;
    QHash<QString, qint32> m_userByKey;
    QHash<QString, qint32> m_groupByKey; // by nameKey
};

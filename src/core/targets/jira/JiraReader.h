#pragma once

#include "targets/atlassian/AtlassianClient.h"
#include "targets/atlassian/AtlassianReader.h"
#include "targets/jira/JiraPages.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

// Reads all of a Jira completely, with the calls its version allows: every user, active and
// inactive (user/list on 10.3 and later; user/search pages on 9.x; on 10.0–10.2, where a search
// stops at 100 matches, by username prefixes), every group (groups/picker, partitioned by query
// when its answer is capped), every membership (group/member with inactive users, following
// isLast whatever page size Jira chooses). Counts are checked: a read that is not complete is an
// error, never a state.
class JiraReader final : public AtlassianReader
{
    Q_OBJECT

public:
    struct Server
    {
        QString version; // "10.3.24"
        QList<int> versionNumbers;
        QString title;
        QString deploymentType;

        // How this version lists users.
        enum class Listing { UserList, SearchPages, SearchPrefixes };
        Listing listing() const;
    };
    using ServerDone = std::function<void(std::optional<Server> server, std::optional<ConnectorError> error)>;
    using UsersDone = std::function<void(std::optional<ConnectorError> error)>;

    explicit JiraReader(AtlassianClient* client, QObject* parent = nullptr);

    void readServer(ServerDone done);
    // The three parts; readAll runs them in order, after readServer.
    void readUsers(const Server& server, UsersDone done);
    void readGroups(Done done);
    void readMemberships(Done done);
    void readAll(Done done) override;

    const std::optional<Server>& server() const { return m_server; }
    qint64 groupTotal() const { return m_groupTotal; }

private:
    void listUserPage(const QString& cursor, UsersDone done);
    void searchUserPage(int startAt, UsersDone done);
    void searchPrefixes(UsersDone done);
    void searchNextPrefix(UsersDone done);
    bool addUser(JiraPages::User user);
    void pickGroups(const QString& query, std::function<void(bool capped, std::optional<ConnectorError>)> done);
    void partitionGroups(Done done);
    void askPendingGroups();
    void memberPage(qint32 group, int startAt, int seen);

    std::optional<Server> m_server;
    QHash<QString, qint32> m_userByKey;
    QHash<QString, qint32> m_groupByKey; // by nameKey
    qint64 m_groupTotal = -1;

    // Partitioning (10.0–10.2 users, capped group searches): queries still to ask, and asked.
    struct Partition
    {
        QStringList pending;
        QSet<QString> asked;
        QString alphabet; // grows with the letters of the names seen

        void start(); // nothing asked yet, the base alphabet
        void askEachLetter();
        void ask(const QString& query); // unless asked before
        void learn(QStringView name);
    };
    Partition m_userQueries; // 10.0–10.2: username prefixes
    Partition m_groupQueries; // a capped group picker: parts of names
    // Group partitioning, several queries at once: those in flight, the first error, and whether
    // askPendingGroups() is already sending (an answer may come back before the request returns).
    int m_queriesInFlight = 0;
    bool m_asking = false;
    std::optional<ConnectorError> m_groupError;
    Done m_groupsDone;
};

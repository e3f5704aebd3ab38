#pragma once

#include "connectors/ConnectorError.h"
#include "directory/DirectoryState.h"
#include "jobs/Job.h"
#include "targets/atlassian/AtlassianClient.h"
#include "targets/atlassian/AtlassianErrors.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

// Reads all of one Atlassian application completely: every user (active or not, with the key that
// never changes as its id), every group (its name as id), every membership. A read that is not
// complete ends in an error, never in a state.
class AtlassianReader : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(std::optional<ConnectorError> error)>;

    explicit AtlassianReader(AtlassianClient* client, QObject* parent = nullptr)
        : QObject(parent)
        , m_client(client)
    { }

    virtual void readAll(Done done) = 0;
    const DirectoryState& state() const { return m_state; }
    DirectoryState takeState() { return std::move(m_state); }

Q_SIGNALS:
    void progress(const JobProgress& progress);

protected:
    void report(const QString& phase, qint64 done, qint64 total) { Q_EMIT progress({phase, done, total}); }
    // Users and groups at the same time, then the members (each checked against the users read):
    // the first error ends the read and cancels the other part.
    void readThreeParts(std::function<void(Done)> users, std::function<void(Done)> groups,
                        std::function<void(Done)> members, Done done);
    // Two parts at the same time; `done` once both ended, with the first error (which cancels the
    // other part).
    void readBoth(std::function<void(Done)> first, std::function<void(Done)> second, Done done);

    // Every group's members, all groups at once (the client keeps only its bounded number of
    // requests in flight): `readGroup` starts a group's pages, and each group ends in groupRead()
    // or the read in finishMembers() with an error. `phase` is what progress says.
    void readEveryGroup(const QString& phase, const std::function<void(qint32 group)>& readGroup, Done done);
    void groupRead();
    // A member of `group` found on one of its pages, `user` its place in the users read (none:
    // the user list did not hold it, which ends the read as incomplete, and false is returned).
    // Pages may overlap: a member seen twice counts once, until memberPagesRead(group).
    bool addMember(const AtlassianProduct& product, qint32 group, std::optional<qint32> user,
                   const QString& memberName);
    // The group's last page is read: it is done.
    void memberPagesRead(qint32 group);
    void finishMembers(const std::optional<ConnectorError>& error);
    bool membersFailed() const { return m_memberError.has_value(); }

    AtlassianClient* m_client;
    DirectoryState m_state;

private:
    QHash<qint32, QSet<qint32>> m_membersSeen; // per group being read
    QString m_memberPhase;
    int m_groupsLeft = 0;
    std::optional<ConnectorError> m_memberError;
    Done m_membersDone;
};

#pragma once

#include "connectors/ConnectorError.h"
#include "jobs/Job.h"
#include "sync/ChangeSet.h"
#include "targets/atlassian/AtlassianClient.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class RunJournal;

// A plan turned into Jira REST calls, in an order that never refers to what does not exist yet:
// groups created, users created and changed (renames by key, which never changes), memberships
// added, then removed, users deleted, groups deleted. A bounded number of calls are in flight.
// "Already exists" and "already a member" are settled by reading the object again. A call Jira
// refuses for one object (a project lead, a system administrator, no licence left) is recorded
// with Jira's words and the rest goes on; an answer that says Jira or the account cannot be used
// (no connection, 5xx or 429 after retries, signed out, a CAPTCHA) stops the apply, leaving what
// was not sent pending in the history.
class JiraWriter final : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        int done = 0;
        int failed = 0;
        int total = 0; // changes that needed a call or a link
        bool cancelled = false;
        std::optional<ConnectorError> stop; // why it stopped before the end
    };
    using Done = std::function<void(const Result& result)>;

    JiraWriter(AtlassianClient* client, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
               QObject* parent = nullptr);
    ~JiraWriter() override;

    void start(Done done);
    void cancel();

Q_SIGNALS:
    void progress(const JobProgress& progress);

private:
    enum class Stage { AddGroups, SaveUsers, AddMemberships, RemoveMemberships, DeleteUsers, DeleteGroups, End };
    struct Item
    {
        qsizetype index; // ChangeSet::at order
    };

    void startStage(Stage stage);
    void launchMore();
    bool linkAhead(); // false when the history could not be written
    // Nothing more is sent once the history cannot be written: a call must never go unrecorded.
    void stopForHistory(const QString& error);
    void run(qsizetype index);
    void settled(qsizetype index, ChangeOutcome outcome, const QString& error = {});
    void refused(qsizetype index, const AtlassianClient::Reply& reply);
    // A failure that is not about one object: stop.
    bool stopsTheRun(const AtlassianClient::Reply& reply);

    void addUser(qsizetype index, const Change& change);
    void adoptExistingUser(qsizetype index, const Change& change, const AtlassianClient::Reply& refusal);
    void updateUser(qsizetype index, const Change& change, const QString& key, bool adding);
    void deleteUser(qsizetype index, const Change& change);
    void addGroup(qsizetype index, const Change& change);
    void deleteGroup(qsizetype index, const Change& change);
    void addMembership(qsizetype index, const MembershipChange& membership);
    void removeMembership(qsizetype index, const MembershipChange& membership);

    void relink(Change::Object object, const QString& appKey, const Change& change);
    QString userKeyOf(const QString& localId) const; // the Jira key, also of a user this run created

    AtlassianClient* m_client;
    RunJournal* m_journal;
    std::shared_ptr<const ChangeSet> m_plan;
    Done m_done;
    Result m_result;
    Stage m_stage = Stage::AddGroups;
    QList<qsizetype> m_queue; // of the current stage
    qsizetype m_next = 0;
    qsizetype m_linkedUntil = 0; // memberships of m_queue linked in the history before their calls
    int m_inFlight = 0;
    bool m_stopping = false;
    QHash<QString, QString> m_createdKeys; // planned local id -> Jira key
    QSet<QString> m_failedObjects; // local ids of users and groups whose creation failed
};

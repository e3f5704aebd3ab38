#pragma once

#include "connectors/ConnectorError.h"
#include "jobs/Job.h"
#include "sync/ChangeSet.h"
#include "targets/TargetReply.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class RunJournal;

// A plan turned into an application's calls (REST requests; LDAP operations), in an order that never refers to what
// does not exist yet: groups created, users created and changed, memberships added, then removed,
// users deleted, groups deleted. A bounded number of calls are in flight. A call the application
// refuses for one object (no licence left, a name taken) is recorded with its words and the rest
// goes on; an answer that says the application or the account cannot be used (no connection, 5xx
// or 429 after retries, signed out, a CAPTCHA) stops the apply, leaving what was not sent pending
// in the history. Each product's writer makes the calls for one change, and says which answers
// concern one object; this class orders the calls, records them and decides when to stop.
class ApplicationWriter : public QObject
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

    ~ApplicationWriter() override;

    void start(Done done);
    void cancel();

Q_SIGNALS:
    void progress(const JobProgress& progress);

protected:
    // `product` names the application in sentences; `maxInFlight` is its client's bound.
    ApplicationWriter(QString product, int maxInFlight, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
                      QObject* parent = nullptr);

    // For writers whose calls are HTTP requests (refused(), refusedAll(), stopsTheRun() ask them);
    // a writer with calls of another kind (LDAP) settles and stops with settled() and stopWith().
    // Whether an answer is a refusal for one object (the rest of the apply goes on), not a sign
    // that the application or the account cannot be used.
    virtual bool isPerObject(const TargetReply& reply) const
    {
        Q_UNUSED(reply)
        return false;
    }
    // The sentence for an answer that stops the apply (`what`: "apply the changes").
    virtual ConnectorError errorOf(const TargetReply& reply, const QString& what) const;
    // The application's own words in an error answer, or empty.
    virtual QString messageOf(const TargetReply& reply) const
    {
        Q_UNUSED(reply)
        return {};
    }

    // The calls for one change. Each ends in settled() (once the outcome is known) or refused()
    // (with the application's answer). `key`: the user's key in the application.
    virtual void addUser(qsizetype index, const Change& change) = 0;
    virtual void updateUser(qsizetype index, const Change& change, const QString& key) = 0;
    virtual void deleteUser(qsizetype index, const Change& change) = 0;
    virtual void addGroup(qsizetype index, const Change& change) = 0;
    virtual void deleteGroup(qsizetype index, const Change& change) = 0;
    virtual void addMember(qsizetype index, const QString& key, const QString& username, const QString& group) = 0;
    virtual void removeMember(qsizetype index, const QString& key, const QString& username, const QString& group) = 0;
    // Where the application adds several users to a group in one call: how many at most (1: one
    // call each), and the call, which ends in settledAll() or refusedAll().
    virtual int memberBatch() const { return 1; }
    struct Member
    {
        qsizetype index;
        QString key;
        QString username;
    };
    virtual void addMembers(const QList<Member>& members, const QString& group)
    {
        Q_UNUSED(members)
        Q_UNUSED(group)
    }

    // Once every user change's calls have ended and before the memberships, unless the apply is
    // stopping: where the application does not answer a creation with the new user's key
    // (Bitbucket), the keys are read here, and the creations settled with them. Calls `next` when done.
    virtual void usersSaved(std::function<void()> next) { next(); }
    // Calls a writer held back to send together (SCIM's Bulk creations), sent once every change of
    // the stage was started and every call of it ended, unless the apply is stopping (what was held
    // back then stays pending): true if it sent some, each begun with callStarted() and ended with
    // callEnded(); the stage ends once they have, and this is asked again.
    virtual bool sendHeldBack() { return false; }

    void settled(qsizetype index, ChangeOutcome outcome, const QString& error = {});
    // The outcome recorded, without ending a call.
    void record(qsizetype index, ChangeOutcome outcome, const QString& error);
    void callEnded();
    // A call ended whose change is settled later, by recordDeferred() (Bitbucket's creations,
    // once their ids are read): counted as answered in the progress meanwhile.
    void deferred();
    void recordDeferred(qsizetype index, ChangeOutcome outcome, const QString& error);
    // A deferred change taken up again by calls of its own, which end in settled() or refused()
    // as any; or left pending, its outcome not known (a Bulk request whose answer was lost).
    void resumeDeferred();
    void abandonDeferred();
    // A call that settles no change of its own (a Bulk request), ended with callEnded().
    void callStarted() { ++m_inFlight; }
    // Whether every change of the current stage has been started.
    bool allStarted() const { return m_next >= m_queue.size(); }
    // A failure that is not about one object: stop.
    bool stopsTheRun(const TargetReply& reply);
    bool stopping() const { return m_stopping; }
    void stopWith(const ConnectorError& error);
    // Settles a refusal for one object as failed with the application's words; any other failure
    // stops the apply (the change stays pending: whether it was done is not known).
    void refused(qsizetype index, const TargetReply& reply);
    // What a refusal for one object is recorded with: the application's words, or its status.
    QString refusalOf(const TargetReply& reply) const;
    // The same for a call that added several memberships: a refusal for one object has each tried
    // alone, so that the others are added and the refusal is recorded for the one it is about.
    void settledAll(const QList<Member>& members, ChangeOutcome outcome);
    void refusedAll(const QList<Member>& members, const TargetReply& reply);
    // A user this run created: its key, so that its memberships and the history find it.
    void created(const Change& change, const QString& key);
    // A group this run created, where the application knows groups by an id of its own rather
    // than their name: kept in the history, so that a rollback finds it.
    void createdGroup(const Change& change, const QString& id);
    // Creating it failed: its memberships are not attempted.
    void failedToCreate(const Change& change) { m_failedObjects.insert(change.localId); }
    // The key of a user in the application, also of one this run created; empty if that failed.
    QString userKeyOf(const QString& localId) const;
    const QString m_productName;
    const int m_maxInFlight;
    RunJournal* m_journal;
    std::shared_ptr<const ChangeSet> m_plan;

private:
    enum class Stage { AddGroups, SaveUsers, AddMemberships, RemoveMemberships, DeleteUsers, DeleteGroups, End };

    void startStage(Stage stage);
    void launchMore();
    bool linkAhead(); // false when the history could not be written
    void linkChunk();
    void reportProgress();
    // Nothing more is sent once the history cannot be written: a call must never go unrecorded.
    void stopForHistory(const QString& error);
    void run(qsizetype index);
    void runMembership(qsizetype index, const MembershipChange& membership);
    void runBatch(); // the next memberships of one group, from m_next
    void relink(Change::Object object, const QString& appKey, const Change& change);

    Done m_done;
    Result m_result;
    Stage m_stage = Stage::AddGroups;
    QList<qsizetype> m_queue; // of the current stage
    qsizetype m_next = 0;
    qsizetype m_linkedUntil = 0; // memberships of m_queue linked in the history (handed to the journal)
    qsizetype m_writtenUntil = 0; // of those, written: their calls may go out
    quint64 m_linkTicket = 0; // the journal's for the last links handed over
    QList<QString> m_linkedKeys; // the users' keys of m_queue's linked memberships, from m_keysFrom on
    qsizetype m_keysFrom = 0;
    int m_inFlight = 0;
    int m_deferred = 0; // answered, not recorded yet
    bool m_stopping = false;
    bool m_savingUsersEnded = false; // usersSaved() called
    bool m_launching = false; // in launchMore()'s loop
    QElapsedTimer m_sinceProgress;
    QHash<QString, QString> m_createdKeys; // planned local id -> the application's key
    QSet<QString> m_failedObjects; // local ids of users and groups whose creation failed
};

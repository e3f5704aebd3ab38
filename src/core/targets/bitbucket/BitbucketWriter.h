#pragma once

#include "targets/atlassian/AtlassianWriter.h"

// A plan turned into Bitbucket REST calls (AtlassianWriter orders and records them). Users are
// created with query parameters and without the default group (Bitbucket answers 204 without a
// body: the new users' ids are read back in one listing once all are created), renamed, updated and deleted by name;
// memberships are added a group at a time for many users. Bitbucket has no disabled flag: disabling a user takes it out
// of its access groups and revokes its direct global permission (its "access", recorded in the change before the
// calls), reactivating gives back what the change says.
class BitbucketWriter final : public AtlassianWriter
{
    Q_OBJECT

public:
    BitbucketWriter(AtlassianClient* client, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
                    QObject* parent = nullptr);

private:
    // One call of a change made of several, in order; a 404 may mean "already so".
    struct Step
    {
        QByteArray method;
        QString path;
        AtlassianClient::Query query;
        QJsonDocument body;
        bool notFoundIsDone = false;
    };

    void addUser(qsizetype index, const Change& change) override;
    void updateUser(qsizetype index, const Change& change, const QString& key) override;
    void deleteUser(qsizetype index, const Change& change) override;
    void addGroup(qsizetype index, const Change& change) override;
    void deleteGroup(qsizetype index, const Change& change) override;
    void addMember(qsizetype index, const QString& key, const QString& username, const QString& group) override;
    void removeMember(qsizetype index, const QString& key, const QString& username, const QString& group) override;
    int memberBatch() const override { return 100; }
    void addMembers(const QList<Member>& members, const QString& group) override;

    // Once all users are created: the new users' access groups given in bulk (a call per group
    // and hundred users, where one per user doubled a first sync's calls), then their ids read
    // from Bitbucket's user list (a hundred pages for 100,000 users, where a look-up per user would
    // search the whole directory each time), and the creations settled.
    void usersSaved(std::function<void()> next) override;
    void grantMore();
    void grantAlone(qsizetype created, const QString& group);
    void readCreatedIds(qint64 start);
    void settleCreated();
    // What changes the user's access: out of the groups and permission it had, or into those it gets.
    static QList<Step> accessSteps(const QList<FieldChange>& fields, const QString& username);
    // The steps in order; `done` gets the first refusal, or nullptr when all went through.
    using StepsDone = std::function<void(const AtlassianClient::Reply* refusal)>;
    void runSteps(QList<Step> steps, StepsDone done);

    struct Created
    {
        qsizetype index; // of its change
        bool settle; // false: its outcome is recorded already
    };
    struct Grant
    {
        QString group;
        QList<qsizetype> created; // into m_created
    };
    QList<Created> m_created; // waiting for their access and ids
    QHash<QString, QList<qsizetype>> m_toGrant; // access group -> new users (into m_created) it is to be given to
    QList<Grant> m_grants; // calls not sent yet
    QHash<qsizetype, QString> m_refusals; // into m_created: why an access group was not given
    int m_grantsInFlight = 0;
    std::function<void()> m_usersSaved;
    QHash<QString, QString> m_createdIds; // nameKey -> id, as listed
};

#pragma once

#include "targets/atlassian/AtlassianWriter.h"

// A plan turned into Bitbucket REST calls (AtlassianWriter orders and records them). Users are
// created with query parameters and without the default group (Bitbucket answers 204 without a
// body, so the new user's id is read back), renamed, updated and deleted by name; memberships are
// added a group at a time for many users. Bitbucket has no disabled flag: disabling a user takes
// it out of its access groups and revokes its direct global permission (its "access", recorded
// in the change before the calls), reactivating gives back what the change says.
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

    // The created (or already existing) user's id, then the rest of what its change asks.
    void findCreated(qsizetype index, const Change& change, const AtlassianClient::Reply& refusal);
    // What changes the user's access: out of the groups and permission it had, or into those it gets.
    static QList<Step> accessSteps(const QList<FieldChange>& fields, const QString& username);
    void runSteps(qsizetype index, QList<Step> steps);
};

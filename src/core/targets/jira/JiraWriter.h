#pragma once

#include "targets/atlassian/AtlassianWriter.h"

// A plan turned into Jira REST calls (AtlassianWriter orders and records them). Users are
// addressed by key, which never changes, so a rename is a change of name. "Already exists" and
// "already a member" are settled by reading the object again. A project lead, a system
// administrator the account may not change, or no licence left is a refusal for that one user.
class JiraWriter final : public AtlassianWriter
{
    Q_OBJECT

public:
    JiraWriter(AtlassianClient* client, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
               QObject* parent = nullptr);

private:
    void addUser(qsizetype index, const Change& change) override;
    void updateUser(qsizetype index, const Change& change, const QString& key) override;
    void deleteUser(qsizetype index, const Change& change) override;
    void addGroup(qsizetype index, const Change& change) override;
    void deleteGroup(qsizetype index, const Change& change) override;
    void addMember(qsizetype index, const QString& key, const QString& username, const QString& group) override;
    void removeMember(qsizetype index, const QString& key, const QString& username, const QString& group) override;

    void adoptExistingUser(qsizetype index, const Change& change, const AtlassianClient::Reply& refusal);
    void saveUser(qsizetype index, const Change& change, const QString& key, bool adding);
};

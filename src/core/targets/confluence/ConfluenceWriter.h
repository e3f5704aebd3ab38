#pragma once

#include "targets/atlassian/AtlassianWriter.h"

#include <QElapsedTimer>

// A plan turned into Confluence REST calls (AtlassianWriter orders and records them). Users are
// addressed by username, which a sync never changes (Confluence cannot rename through REST: the
// planner reports a rename as a skip). A user is created with a long random password that is
// never kept anywhere, since people sign in through single sign-on; a deletion is Confluence's
// long task, followed until it ends, and a task that fails is a failed change. Memberships are
// idempotent calls; 402 (no licence left) is a refusal for that one user.
class ConfluenceWriter final : public AtlassianWriter
{
    Q_OBJECT

public:
    ConfluenceWriter(AtlassianClient* client, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
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
    // The details (e-mail, full name), then the status, of the user named `username`.
    void saveDetails(qsizetype index, const QList<FieldChange>& fields, const QString& username);
    void saveStatus(qsizetype index, const QList<FieldChange>& fields, const QString& username, bool created);
    void followDeletion(qsizetype index, const Change& change, const QString& taskId, int polls, QElapsedTimer waited);
    // A refusal, with a sentence of UserSync's own where Confluence's alone would not say enough.
    void refusedUser(qsizetype index, const AtlassianClient::Reply& reply);
};

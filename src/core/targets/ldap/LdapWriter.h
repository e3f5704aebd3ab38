#pragma once

#include "targets/ApplicationWriter.h"
#include "targets/ldap/LdapClient.h"
#include "targets/ldap/LdapReader.h"

#include <QHash>
#include <QList>

#include <functional>
#include <vector>

// A plan written into an LDAP directory, with what LDAP makes hard done right:
// - a user is an entry named by its username below the users' base; a rename is a modrdn, after
//   which every group naming the old DN (found by a search, as OpenLDAP's refint overlay would)
//   gets the new DN in the same modify that takes the old one away;
// - a group (groupOfUniqueNames) must keep a member: one created empty, or losing its last member,
//   holds the placeholder member instead, taken away in the modify that adds the first user; the
//   changes of one group go one at a time, so that each knows what the group holds;
// - an LDAP directory has no disabled flag the applications read: disabling takes the user out of
//   the access groups (and the planner takes the connector's memberships away), reactivating puts
//   it back; an access group not there yet is made with the user in it; the users a run creates
//   are put into their access groups together, once all are made;
// - a value already there or already gone, or a group that changed meanwhile, has the group read
//   again and the modify sent once more for what is left to do;
// - a user is deleted only where the plan says so (the connector's cleanup), taken out of every
//   group first.
class LdapWriter final : public ApplicationWriter
{
    Q_OBJECT

public:
    LdapWriter(LdapClient* client, LdapEntries entries, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
               QObject* parent = nullptr);

protected:
    void addUser(qsizetype index, const Change& change) override;
    void updateUser(qsizetype index, const Change& change, const QString& key) override;
    void deleteUser(qsizetype index, const Change& change) override;
    void addGroup(qsizetype index, const Change& change) override;
    void deleteGroup(qsizetype index, const Change& change) override;
    void addMember(qsizetype index, const QString& key, const QString& username, const QString& group) override;
    void removeMember(qsizetype index, const QString& key, const QString& username, const QString& group) override;
    int memberBatch() const override { return 500; }
    void addMembers(const QList<Member>& members, const QString& group) override;
    // The new users put into their access groups, 500 in a modify: one modify each would rewrite
    // a group of 100,000 members 100,000 times.
    void usersSaved(std::function<void()> next) override;

private:
    using Done = LdapClient::Done;
    struct Group
    {
        QString name;
        QString dn;
        int values = 0; // of the member attribute; -1 when not known
        bool placeholder = false;
        bool exists = true;
        bool busy = false; // a modify of it is in flight
        QList<std::function<void()>> waiting;
    };

    // Ends a change with the result: done, refused for this entry, or the apply stopped.
    void settle(qsizetype index, const LdapResult& result, const QString& what);
    // Adds `add` to a group's members and takes `remove` away, one change of a group at a time; an
    // access group not there yet is created with `add` as its members.
    void changeMembers(const QString& groupName, const QStringList& add, const QStringList& remove, Done done);
    void sendMembers(const QString& key, const QStringList& add, const QStringList& remove, Done done, bool again);
    void rereadGroup(const QString& key, const QStringList& add, const QStringList& remove, Done done);
    void release(const QString& key);
    // Every group below the groups' base that names `dn` as a member, by name.
    void groupsOf(const QString& dn, std::function<void(const QStringList& names, const LdapResult& result)> found);
    // Calls `then` with the chain's first failure, or a success, once each step has run.
    using Step = std::function<void(Done next)>;
    void runSteps(QList<Step> steps, Done then);
    Step accessStep(const QList<FieldChange>& fields, const QString& key);
    Step attributesStep(const QList<FieldChange>& fields, const QString& key);
    QList<LdapChange> newUser(const Change& change) const;
    QString userDn(const QString& username) const;
    QString dnOf(const QString& key) const { return m_userDns.value(key); }
    // A user this run created is where its username puts it.
    QString dnOf(const QString& key, const QString& username) const
    {
        const QString dn = m_userDns.value(key);
        return dn.isEmpty() ? userDn(username) : dn;
    }
    Group& groupNamed(const QString& name);

    LdapClient* m_client;
    const LdapSettings m_settings;
    const QByteArray m_member;
    QHash<QString, QString> m_userDns; // id -> DN of the users read (and adopted); not of those created
    QHash<QString, QList<qsizetype>> m_toGrant; // access group name -> the changes of new users to put into it
    std::vector<quint8> m_grantsLeft; // by change: a new user's access groups not answered yet
    QHash<qsizetype, QString> m_grantErrors; // a new user's change -> why it was not given access
    QHash<QString, Group> m_groups; // nameKey(name) -> its entry
};

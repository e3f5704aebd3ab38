#pragma once

#include "connectors/ConnectorError.h"
#include "directory/DirectoryState.h"
#include "jobs/Job.h"
#include "targets/ldap/DnIndex.h"
#include "targets/ldap/LdapClient.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

// What a read found out about the entries behind the state, for the writer: where each user and
// group is, and what each group holds besides the users UserSync knows (the placeholder, nested
// groups, people outside the users' base), so that no group is ever left without a member.
struct LdapEntries
{
    struct Group
    {
        QString dn;
        int values = 0; // of the member attribute, whatever they name
        bool placeholder = false; // one of them is the placeholder member
    };
    // Each user's id (entryUUID) and DN, in the order of the state's users: a list, hashed by the
    // writer only when a plan is applied (a simulation does not need it).
    QList<std::pair<QString, QString>> userDns;
    QHash<QString, Group> groups; // nameKey(name) -> the group's entry
};

// Reads an LDAP directory completely: every user below the users' base (the entries of the user
// object classes with a username), known by their id attribute (entryUUID), then every group below
// the groups' base with its members, resolved to the users read by DN. Searches are paged (the
// client's), and a read that any search did not finish with success (a size limit, a lost
// connection) ends in an error, never in a state; so do two entries with one id or one username.
// Users are active while they are in an access group (an LDAP directory has no disabled flag the
// applications read), and their access is the access groups they are in.
class LdapReader final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(std::optional<ConnectorError> error)>;

    explicit LdapReader(LdapClient* client, QObject* parent = nullptr);

    void readAll(Done done);
    DirectoryState takeState() { return std::move(m_state); }
    LdapEntries takeEntries() { return std::move(m_entries); }

Q_SIGNALS:
    void progress(const JobProgress& progress);

private:
    void readUsers();
    void readGroups();
    void takeUser(const LdapEntry& entry);
    void takeGroup(const LdapEntry& entry);
    void decideAccess();
    void fail(const ConnectorError& error);

    LdapClient* m_client;
    const LdapSettings m_settings;
    const QByteArray m_id, m_username, m_email, m_firstName, m_lastName, m_displayName, m_groupName, m_member;
    DirectoryState m_state;
    LdapEntries m_entries;
    // The index of the user a member value names, or -1.
    qint32 userNamed(QByteArrayView member);

    // A member value's key: for a user right below the users' base its RDN, else its whole DN,
    // ASCII lower-cased (short keys: 600,000 member values are looked up).
    QByteArray keyOf(QByteArrayView dn) const;

    DnIndex m_userByDn; // keyOf(dn) -> index in m_state.users
    QSet<QString> m_ids; // where the id attribute is not entryUUID (which the server keeps unique)
    QHash<QString, qint32> m_userByComparable; // LdapNames::comparable(dn): made once a member needs it
    std::vector<qint32> m_lastGroupOf; // per user, the last group it was found in: a member named twice
    std::unordered_set<std::string> m_usernames; // nameKey(username): two entries of one username are refused
    QString m_placeholder; // comparable
    QByteArray m_placeholderBytes; // lower-cased
    QByteArray m_usersSuffix; // "," and the users' base, lower-cased
    std::optional<ConnectorError> m_error; // the first problem an entry showed
    Done m_done;
};

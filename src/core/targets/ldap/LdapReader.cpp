#include "LdapReader.h"

#include "model/NameKey.h"
#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/ldap/LdapNames.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

QString objectClassFilter(const QStringList& objectClasses)
{
    QString filter;
    for (const QString& objectClass : objectClasses) {
        filter += u"(objectClass=%1)"_s.arg(LdapNames::filterValue(objectClass));
    }
    return filter;
}

} // namespace

LdapReader::LdapReader(LdapClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_settings(client->config().ldap)
    , m_id(m_settings.idAttribute.toUtf8())
    , m_username(m_settings.usernameAttribute.toUtf8())
    , m_email(m_settings.emailAttribute.toUtf8())
    , m_firstName(m_settings.firstNameAttribute.toUtf8())
    , m_lastName(m_settings.lastNameAttribute.toUtf8())
    , m_displayName(m_settings.displayNameAttribute.toUtf8())
    , m_groupName(m_settings.groupNameAttribute.toUtf8())
    , m_member(m_settings.memberAttribute.toUtf8())
    , m_placeholder(LdapNames::comparable(m_settings.placeholderMember))
{ }

void LdapReader::readAll(Done done)
{
    m_done = std::move(done);
    m_state = {};
    m_entries = {};
    m_error.reset();
    readUsers();
}

void LdapReader::readUsers()
{
    Q_EMIT progress({tr("Reading the users of the LDAP directory"), 0, -1});
    const QString filter = u"(&%1(%2=*))"_s.arg(objectClassFilter(m_settings.userObjectClasses),
                                                LdapNames::filterValue(m_settings.usernameAttribute));
    m_client->search(
        m_settings.usersBase, LdapClient::Scope::Subtree, filter,
        {m_id, m_username, m_email, m_firstName, m_lastName, m_displayName},
        [this](const LdapEntry& entry) { takeUser(entry); },
        [this](const LdapResult& result) {
            if (!result.ok()) {
                fail(m_client->errorOf(result, tr("read the users below %1").arg(m_settings.usersBase)));
                return;
            }
            if (m_error) {
                fail(*m_error);
                return;
            }
            m_userByName.clear();
            readGroups();
        });
}

void LdapReader::takeUser(const LdapEntry& entry)
{
    LocalUser user;
    user.id = entry.first(m_id);
    const QString dn = entry.dn();
    if (user.id.isEmpty()) {
        m_error = m_error.value_or(
            ConnectorError{ConnectorError::Kind::InvalidResponse,
                           tr("The LDAP entry %1 has no %2, which UserSync knows users by. Set the id attribute in the "
                              "application's settings to one every entry has (OpenLDAP: entryUUID).")
                               .arg(dn, m_settings.idAttribute),
                           dn});
        return;
    }
    // The RDN's value is the username where the RDN is the username attribute (one of several values).
    user.username = entry.first(m_username);
    const QString rdnPrefix = m_settings.usernameAttribute + u'=';
    if (dn.startsWith(rdnPrefix, Qt::CaseInsensitive)) {
        for (const QByteArray& value : entry.values(m_username)) {
            const QString name = QString::fromUtf8(value);
            if (LdapNames::rdn(m_settings.usernameAttribute, name).compare(dn.section(u',', 0, 0), Qt::CaseInsensitive)
                == 0) {
                user.username = name;
                break;
            }
        }
    }
    user.email = entry.first(m_email);
    user.firstName = entry.first(m_firstName);
    user.lastName = entry.first(m_lastName);
    user.displayName = entry.first(m_displayName);
    const qint32 index = qint32(m_state.users.size());
    const QString key = nameKey(user.username);
    if (m_userByName.contains(key)) {
        m_error = m_error.value_or(ConnectorError{
            ConnectorError::Kind::InvalidResponse,
            tr("Two LDAP entries below %1 have the username %2, so UserSync cannot tell which one is the user. "
               "Remove or rename one of them.")
                .arg(m_settings.usersBase, user.username),
            dn});
        return;
    }
    if (m_entries.userDns.contains(user.id)) {
        m_error = m_error.value_or(
            ConnectorError{ConnectorError::Kind::InvalidResponse,
                           tr("Two LDAP entries have the %1 %2.").arg(m_settings.idAttribute, user.id), dn});
        return;
    }
    m_userByName.insert(key, index);
    m_userByDn.insert(LdapNames::comparable(dn), index);
    m_entries.userDns.insert(user.id, dn);
    m_state.users.append(std::move(user));
    if (m_state.users.size() % 5000 == 0) {
        Q_EMIT progress({tr("Reading the users of the LDAP directory"), int(m_state.users.size()), -1});
    }
}

void LdapReader::readGroups()
{
    Q_EMIT progress({tr("Reading the groups of the LDAP directory"), 0, -1});
    const QString filter = u"(&%1(%2=*))"_s.arg(objectClassFilter({m_settings.groupObjectClass}),
                                                LdapNames::filterValue(m_settings.groupNameAttribute));
    m_client->search(
        m_settings.groupsBase, LdapClient::Scope::Subtree, filter, {m_id, m_groupName, m_member},
        [this](const LdapEntry& entry) { takeGroup(entry); },
        [this](const LdapResult& result) {
            if (!result.ok()) {
                fail(m_client->errorOf(result, tr("read the groups below %1").arg(m_settings.groupsBase)));
                return;
            }
            if (m_error) {
                fail(*m_error);
                return;
            }
            m_userByDn.clear();
            decideAccess();
            const Done done = std::move(m_done);
            done(std::nullopt);
        });
}

void LdapReader::takeGroup(const LdapEntry& entry)
{
    LocalGroup group;
    group.id = entry.first(m_id);
    group.name = entry.first(m_groupName);
    const QString dn = entry.dn();
    const QString key = nameKey(group.name);
    if (group.id.isEmpty() || m_entries.groups.contains(key)) {
        m_error = m_error.value_or(ConnectorError{
            ConnectorError::Kind::InvalidResponse,
            group.id.isEmpty()
                ? tr("The LDAP entry %1 has no %2, which UserSync knows groups by.").arg(dn, m_settings.idAttribute)
                : tr("Two LDAP groups below %1 are called %2, so UserSync cannot tell which one is "
                     "the group. Remove or rename one of them.")
                      .arg(m_settings.groupsBase, group.name),
            dn});
        return;
    }
    const qint32 index = qint32(m_state.groups.size());
    LdapEntries::Group known{dn, 0, false};
    const QList<QByteArray> members = entry.values(m_member);
    known.values = int(members.size());
    QSet<qint32> seen;
    for (const QByteArray& member : members) {
        QString value = QString::fromUtf8(member);
        // uniqueMember may carry an optional UID (RFC 4517 §3.3.21): "dn#'0101'B".
        if (value.endsWith(u"'B"_s)) {
            value = value.section(u'#', 0, 0);
        }
        // Most values are written as the entries' DNs are spelled: lower-cased they match at once.
        auto found = m_userByDn.constFind(value.toCaseFolded());
        if (found == m_userByDn.cend()) {
            const QString comparable = LdapNames::comparable(value);
            if (comparable == m_placeholder) {
                known.placeholder = true;
                continue;
            }
            found = m_userByDn.constFind(comparable);
        }
        if (found != m_userByDn.cend() && !seen.contains(found.value())) {
            seen.insert(found.value());
            m_state.memberships.append({found.value(), index, {}});
        }
    }
    m_entries.groups.insert(key, known);
    m_state.groups.append(std::move(group));
}

void LdapReader::decideAccess()
{
    QSet<qint32> accessGroups;
    for (const QString& name : m_client->config().accessGroups) {
        for (qint32 i = 0; i < qint32(m_state.groups.size()); ++i) {
            if (nameKey(m_state.groups.at(i).name) == nameKey(name)) {
                accessGroups.insert(i);
            }
        }
    }
    QList<QStringList> access(m_state.users.size());
    for (const LocalMembership& membership : std::as_const(m_state.memberships)) {
        if (accessGroups.contains(membership.group)) {
            access[membership.user].append(m_state.groups.at(membership.group).name);
        }
    }
    for (qsizetype i = 0; i < m_state.users.size(); ++i) {
        LocalUser& user = m_state.users[i];
        BitbucketAccess granted;
        granted.groups = access.at(i);
        user.active = !granted.isEmpty();
        user.access = granted.toText();
    }
}

void LdapReader::fail(const ConnectorError& error)
{
    m_state = {};
    m_entries = {};
    m_userByDn.clear();
    m_userByName.clear();
    if (m_done) {
        const Done done = std::move(m_done);
        done(error);
    }
}

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
    , m_placeholderBytes(m_settings.placeholderMember.toUtf8().toLower())
    , m_usersSuffix(u","_s.toUtf8() + m_settings.usersBase.trimmed().toUtf8().toLower())
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
            m_usernames = {};
            readGroups();
        });
}

namespace {

bool named(QByteArrayView attribute, const QByteArray& name)
{
    return attribute.size() == name.size() && qstrnicmp(attribute.data(), name.constData(), name.size()) == 0;
}

// The bytes with ASCII letters lower-cased: how DNs written as the entries spell them are matched
// without a copy in the common case (nothing to lower).
QByteArray lowered(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c >= 'A' && c <= 'Z') {
            return bytes.toByteArray().toLower();
        }
    }
    return QByteArray::fromRawData(bytes.data(), bytes.size());
}

} // namespace

void LdapReader::takeUser(const LdapEntry& entry)
{
    LocalUser user;
    QByteArray dnBytes;
    qsizetype usernames = 0;
    entry.visit([&dnBytes](QByteArrayView dn) { dnBytes = dn.toByteArray(); },
                [this, &user, &usernames](QByteArrayView attribute, const LdapEntry::Values& values) {
                    if (values.isEmpty()) {
                        return;
                    }
                    const QString first = QString::fromUtf8(values.first());
                    // One attribute may stand for several fields: each is checked.
                    if (named(attribute, m_id)) {
                        user.id = first;
                    }
                    if (named(attribute, m_username)) {
                        user.username = first;
                        usernames = values.size();
                    }
                    if (named(attribute, m_email)) {
                        user.email = first;
                    }
                    if (named(attribute, m_firstName)) {
                        user.firstName = first;
                    }
                    if (named(attribute, m_lastName)) {
                        user.lastName = first;
                    }
                    if (named(attribute, m_displayName)) {
                        user.displayName = first;
                    }
                });
    const QString dn = QString::fromUtf8(dnBytes);
    if (user.id.isEmpty()) {
        m_error = m_error.value_or(
            ConnectorError{ConnectorError::Kind::InvalidResponse,
                           tr("The LDAP entry %1 has no %2, which UserSync knows users by. Set the id attribute in the "
                              "application's settings to one every entry has (OpenLDAP: entryUUID).")
                               .arg(dn, m_settings.idAttribute),
                           dn});
        return;
    }
    if (user.username.isEmpty()) {
        return; // the filter asked for a username: nothing to do with an entry without one
    }
    // Several usernames (uid is multi-valued): the RDN's is the user's.
    if (usernames > 1) {
        const QString rdn = dn.left(dn.size() - LdapNames::parent(dn).size()).chopped(1).trimmed();
        for (const QByteArray& value : entry.values(m_username)) {
            const QString name = QString::fromUtf8(value);
            if (LdapNames::rdn(m_settings.usernameAttribute, name).compare(rdn, Qt::CaseInsensitive) == 0) {
                user.username = name;
                break;
            }
        }
    }
    const qint32 index = qint32(m_state.users.size());
    const QString key = nameKey(user.username);
    if (!m_usernames.insert(key.toStdString()).second) {
        m_error = m_error.value_or(ConnectorError{
            ConnectorError::Kind::InvalidResponse,
            tr("Two LDAP entries below %1 have the username %2, so UserSync cannot tell which one is the user. "
               "Remove or rename one of them.")
                .arg(m_settings.usersBase, user.username),
            dn});
        return;
    }
    if (m_settings.idAttribute.compare(u"entryUUID"_s, Qt::CaseInsensitive) != 0) {
        if (m_ids.contains(user.id)) {
            m_error = m_error.value_or(
                ConnectorError{ConnectorError::Kind::InvalidResponse,
                               tr("Two LDAP entries have the %1 %2.").arg(m_settings.idAttribute, user.id), dn});
            return;
        }
        m_ids.insert(user.id);
    }
    const QByteArray spelt = keyOf(dnBytes);
    m_userByDn.insert(spelt, index);
    m_entries.userDns.append({user.id, dn});
    m_state.users.append(std::move(user));
    if (m_state.users.size() % 5000 == 0) {
        Q_EMIT progress({tr("Reading the users of the LDAP directory"), int(m_state.users.size()), -1});
    }
}

QByteArray LdapReader::keyOf(QByteArrayView dn) const
{
    const qsizetype rdn = dn.size() - m_usersSuffix.size();
    if (rdn > 0 && qstrnicmp(dn.data() + rdn, m_usersSuffix.constData(), m_usersSuffix.size()) == 0
        && !dn.first(rdn).contains(',')) {
        return lowered(dn.first(rdn));
    }
    return lowered(dn);
}

qint32 LdapReader::userNamed(QByteArrayView member)
{
    if (const qint32 found = m_userByDn.find(keyOf(member)); found >= 0) {
        return found;
    }
    // Spelt otherwise than the entry's DN (spaces, escapes, case beyond ASCII): compared in
    // libldap's normal form, which is worked out for every user only once one is needed.
    if (m_userByComparable.isEmpty()) {
        for (qint32 i = 0; i < qint32(m_state.users.size()); ++i) {
            m_userByComparable.insert(LdapNames::comparable(m_entries.userDns.at(i).second), i);
        }
    }
    return m_userByComparable.value(LdapNames::comparable(QString::fromUtf8(member)), -1);
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
            m_userByComparable.clear();
            m_ids.clear();
            m_lastGroupOf = {};
            decideAccess();
            const Done done = std::move(m_done);
            done(std::nullopt);
        });
}

void LdapReader::takeGroup(const LdapEntry& entry)
{
    LocalGroup group;
    QString dn;
    const qint32 index = qint32(m_state.groups.size());
    LdapEntries::Group known;
    if (m_lastGroupOf.size() != size_t(m_state.users.size())) {
        m_lastGroupOf.assign(size_t(m_state.users.size()), -1);
    }
    const qsizetype membershipsBefore = m_state.memberships.size();
    entry.visit([&dn](QByteArrayView raw) { dn = QString::fromUtf8(raw); },
                [&, this](QByteArrayView attribute, const LdapEntry::Values& values) {
                    if (values.isEmpty()) {
                        return;
                    }
                    if (named(attribute, m_id)) {
                        group.id = QString::fromUtf8(values.first());
                    }
                    if (named(attribute, m_groupName)) {
                        group.name = QString::fromUtf8(values.first());
                    }
                    if (!named(attribute, m_member)) {
                        return;
                    }
                    known.values = int(values.size());
                    for (QByteArrayView member : values) {
                        // uniqueMember may carry an optional UID (RFC 4517 §3.3.21): "dn#'0101'B".
                        if (member.endsWith("'B") && member.contains('#')) {
                            member = member.first(member.lastIndexOf('#'));
                        }
                        qint32 user = m_userByDn.find(keyOf(member));
                        if (user < 0 && lowered(member) == m_placeholderBytes) {
                            known.placeholder = true;
                            continue;
                        }
                        if (user < 0) {
                            user = userNamed(member);
                        }
                        if (user < 0 && LdapNames::comparable(QString::fromUtf8(member)) == m_placeholder) {
                            known.placeholder = true;
                            continue;
                        }
                        if (user >= 0 && m_lastGroupOf[size_t(user)] != index) {
                            m_lastGroupOf[size_t(user)] = index;
                            m_state.memberships.append({user, index, {}});
                        }
                    }
                });
    const QString key = nameKey(group.name);
    if (group.id.isEmpty() || m_entries.groups.contains(key)) {
        m_state.memberships.resize(membershipsBefore);
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
    known.dn = dn;
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
    // Most users have the same access: each text made once.
    QHash<QStringList, QString> texts;
    for (qsizetype i = 0; i < m_state.users.size(); ++i) {
        LocalUser& user = m_state.users[i];
        const QStringList& groups = access.at(i);
        user.active = !groups.isEmpty();
        if (groups.isEmpty()) {
            continue;
        }
        auto text = texts.find(groups);
        if (text == texts.end()) {
            BitbucketAccess granted;
            granted.groups = groups;
            text = texts.insert(groups, granted.toText());
        }
        user.access = *text;
    }
}

void LdapReader::fail(const ConnectorError& error)
{
    m_state = {};
    m_entries = {};
    m_userByDn.clear();
    m_userByComparable.clear();
    m_usernames = {};
    if (m_done) {
        const Done done = std::move(m_done);
        done(error);
    }
}

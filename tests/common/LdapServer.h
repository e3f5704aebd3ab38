#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

typedef struct ldap LDAP;

// The test services' real OpenLDAP server (slapd, scripts/lib/ldap.sh), reached as its root DN
// with libldap's synchronous calls: what tests prepare the directory with and inspect it by,
// apart from UserSync's own client.
class LdapServer
{
public:
    struct Entry
    {
        QString dn;
        QHash<QString, QStringList> attributes; // lower-cased names

        QString value(const QString& attribute) const { return attributes.value(attribute.toLower()).value(0); }
        QStringList values(const QString& attribute) const { return attributes.value(attribute.toLower()); }
    };

    LdapServer();
    ~LdapServer();

    bool isValid() const { return !m_url.isEmpty() && !m_base.isEmpty() && !m_adminPassword.isEmpty(); }
    QString url() const { return m_url; } // ldap:// (StartTLS)
    QString ldapsUrl() const { return m_ldapsUrl; }
    QString base() const { return m_base; }
    QString usersBase() const { return QStringLiteral("ou=people,") + m_base; }
    QString groupsBase() const { return QStringLiteral("ou=groups,") + m_base; }
    QString caFile() const { return m_caFile; }
    // The sync account (writes people and groups) and the read-only one.
    QString bindDn() const { return m_bindDn; }
    QString bindPassword() const { return m_bindPassword; }
    QString readerDn() const { return m_readerDn; }
    QString readerPassword() const { return m_readerPassword; }

    // Everything below the people and groups bases deleted; the bases themselves kept.
    bool reset();
    // Entries below `base` matching `filter`, with all their user attributes (and entryUUID).
    QList<Entry> search(const QString& base, const QString& filter = QStringLiteral("(objectClass=*)"));
    std::optional<Entry> entry(const QString& dn);
    bool add(const QString& dn, const QHash<QString, QStringList>& attributes);
    // `op`: "add", "delete" or "replace" of the values of an attribute.
    bool modify(const QString& dn, const QString& op, const QString& attribute, const QStringList& values);
    bool remove(const QString& dn);
    QString lastError() const { return m_error; }

    // A user as an administrator made it by hand: uid, cn, sn, mail, below the people base; its DN.
    QString addUser(const QString& uid, const QString& email = {});
    // A groupOfUniqueNames with these member DNs below the groups base; its DN.
    QString addGroup(const QString& name, const QStringList& members);
    // The users below the people base by uid (lower-cased), and each group's members by name.
    QHash<QString, Entry> users();
    QHash<QString, QStringList> groups();

private:
    bool connect();
    bool check(int status, const QString& what);

    QString m_url, m_ldapsUrl, m_base, m_caFile;
    QString m_adminDn, m_adminPassword, m_bindDn, m_bindPassword, m_readerDn, m_readerPassword;
    LDAP* m_ld = nullptr;
    QString m_error;
};

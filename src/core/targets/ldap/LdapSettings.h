#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Where an LDAP directory keeps its users and groups, and how they are written there: by default
// what the Atlassian products' "OpenLDAP" directory reads (users as inetOrgPerson named by uid,
// groups as groupOfUniqueNames whose uniqueMember values are full DNs). The bind DN is the
// target's username, its password the credential in the keychain.
struct LdapSettings
{
    QString usersBase; // ou=people,dc=example,dc=com: new users are made here, users are read below it
    QString groupsBase; // ou=groups,dc=example,dc=com
    QStringList userObjectClasses = {QStringLiteral("inetOrgPerson")};
    QString groupObjectClass = QStringLiteral("groupOfUniqueNames");
    QString usernameAttribute = QStringLiteral("uid"); // also the users' RDN
    QString groupNameAttribute = QStringLiteral("cn"); // also the groups' RDN
    QString memberAttribute = QStringLiteral("uniqueMember"); // full DNs of the members
    QString emailAttribute = QStringLiteral("mail");
    QString firstNameAttribute = QStringLiteral("givenName");
    QString lastNameAttribute = QStringLiteral("sn"); // required by inetOrgPerson: the username when empty
    QString displayNameAttribute = QStringLiteral("displayName");
    QString fullNameAttribute = QStringLiteral("cn"); // required by inetOrgPerson: "First Last", else the username
    // What identifies an entry whatever its DN becomes (RFC 4530): the key of a user in the links.
    QString idAttribute = QStringLiteral("entryUUID");
    // The member a group keeps while no user is in it: groupOfUniqueNames requires at least one, and
    // the applications ignore a DN that names no user of theirs.
    QString placeholderMember = QStringLiteral("cn=nobody");

    // The settings by the names `usersync-cli target add --ldap NAME=VALUE` and the stored JSON use.
    static QStringList names();
    // The value of a setting by name, as text (object classes comma-separated); false when unknown.
    bool set(const QString& name, const QString& value);
    QString value(const QString& name) const;

    QJsonObject toJson() const;
    static LdapSettings fromJson(const QJsonObject& json);

    bool operator==(const LdapSettings&) const = default;
};

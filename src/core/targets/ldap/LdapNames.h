#pragma once

#include <QByteArray>
#include <QString>

// Distinguished names and filters as RFC 4514 and RFC 4515 write them, through libldap's own
// parsers, so that a username with a comma, a plus or a leading # names one entry and matches
// nothing else.
namespace LdapNames {

bool isDn(const QString& text);
// `attribute=value` with the value escaped for a DN (RFC 4514 §2.4).
QString rdn(const QString& attribute, const QString& value);
// A value escaped for a filter (RFC 4515 §3): *, (, ), \ and NUL.
QString filterValue(const QString& value);
// The DN in one canonical spelling for comparing (spaces, hex escapes and case aside): how
// uniqueMember values are matched to the entries they name. Empty when it is not a DN.
QString comparable(const QString& dn);
// The DN without its first RDN ("ou=people,dc=example" for "uid=ann,ou=people,dc=example").
QString parent(const QString& dn);

} // namespace LdapNames

#include "LdapNames.h"

#include <ldap.h>

using namespace Qt::StringLiterals;

namespace LdapNames {

namespace {

// White space around a DN is no part of it; a space escaped at its end (cn=a\<space>) is.
QString trimmedDn(const QString& text)
{
    qsizetype from = 0;
    qsizetype to = text.size();
    while (from < to && text.at(from).isSpace()) {
        ++from;
    }
    while (to > from && text.at(to - 1).isSpace()) {
        qsizetype backslashes = 0;
        while (to - 2 - backslashes >= from && text.at(to - 2 - backslashes) == u'\\') {
            ++backslashes;
        }
        if (backslashes % 2 == 1) {
            break;
        }
        --to;
    }
    return text.mid(from, to - from);
}

} // namespace

bool isDn(const QString& text)
{
    // A NUL in a DN is written \00; a raw one would end the C string libldap reads.
    if (text.contains(QChar::Null)) {
        return false;
    }
    const QByteArray utf8 = trimmedDn(text).toUtf8();
    LDAPDN dn = nullptr;
    const int status = ldap_str2dn(utf8.constData(), &dn, LDAP_DN_FORMAT_LDAPV3 | LDAP_DN_PEDANTIC);
    const bool valid = status == LDAP_SUCCESS && dn != nullptr;
    ldap_dnfree(dn);
    // And one libldap can put in its comparing form (a hex escape that is no UTF-8 passes the
    // parser but not the normalization).
    return valid && !comparable(text).isEmpty();
}

QString rdn(const QString& attribute, const QString& value)
{
    QString escaped;
    escaped.reserve(value.size() + 4);
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        const bool special =
            c == u',' || c == u'+' || c == u'"' || c == u'\\' || c == u'<' || c == u'>' || c == u';' || c == u'=';
        const bool edge = (i == 0 && (c == u' ' || c == u'#')) || (i == value.size() - 1 && c == u' ');
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            // Control characters as hex pairs: libldap takes a tab or a line break at either end
            // of a value for space around it, and NUL ends a C string.
            escaped += u'\\' + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        } else {
            if (special || edge) {
                escaped += u'\\';
            }
            escaped += c;
        }
    }
    return attribute + u'=' + escaped;
}

QString filterValue(const QString& value)
{
    QString escaped;
    escaped.reserve(value.size() + 4);
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'*':
            escaped += u"\\2a"_s;
            break;
        case u'(':
            escaped += u"\\28"_s;
            break;
        case u')':
            escaped += u"\\29"_s;
            break;
        case u'\\':
            escaped += u"\\5c"_s;
            break;
        case 0:
            escaped += u"\\00"_s;
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

QString comparable(const QString& dn)
{
    // Trimmed, as isDn() reads a DN: white space around it is no part of it. A raw NUL makes no DN.
    if (dn.contains(QChar::Null)) {
        return {};
    }
    const QByteArray utf8 = trimmedDn(dn).toUtf8();
    char* normalized = nullptr;
    if (ldap_dn_normalize(utf8.constData(), LDAP_DN_FORMAT_LDAPV3, &normalized, LDAP_DN_FORMAT_LDAPV3)
        != LDAP_SUCCESS) {
        return {};
    }
    // Attribute types and the values UserSync writes (uid, cn) compare without case.
    QString text = QString::fromUtf8(normalized).toCaseFolded();
    ldap_memfree(normalized);
    return text;
}

QString parent(const QString& dn)
{
    // The first comma that is not escaped ends the first RDN.
    for (qsizetype i = 0; i < dn.size(); ++i) {
        if (dn.at(i) == u'\\') {
            ++i;
        } else if (dn.at(i) == u',') {
            return dn.mid(i + 1).trimmed();
        }
    }
    return {};
}

} // namespace LdapNames

// Distinguished names as an LDAP directory holds them (member values spelt any way) and as
// UserSync makes them from usernames: a name made from any username is one DN below its base,
// comparing forms are fixed points, and a filter value cannot open or close a filter.

#include "FuzzSupport.h"
#include "targets/ldap/LdapNames.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const Fuzz::Choice choice = Fuzz::choose(Fuzz::bytes(data, size), 3);
    const QString text = QString::fromUtf8(choice.rest);
    switch (choice.which) {
    case 0: {
        // A member value read from the directory: compared in a canonical form, which is its own
        // canonical form; every DN an administrator may type has one.
        const QString comparable = LdapNames::comparable(text);
        if (!comparable.isEmpty()) {
            FUZZ_CHECK(LdapNames::comparable(comparable) == comparable);
        }
        if (LdapNames::isDn(text)) {
            FUZZ_CHECK(!comparable.isEmpty());
        }
        LdapNames::parent(text);
        break;
    }
    case 1: {
        // A username turned into an entry's name.
        if (text.isEmpty()) {
            break;
        }
        const QString base = u"ou=people,dc=example,dc=org"_s;
        const QString dn = LdapNames::rdn(u"uid"_s, text) + u',' + base;
        FUZZ_CHECK(LdapNames::isDn(dn));
        FUZZ_CHECK(LdapNames::comparable(LdapNames::parent(dn)) == LdapNames::comparable(base));
        break;
    }
    default: {
        const QString value = LdapNames::filterValue(text);
        for (const QChar c : value) {
            FUZZ_CHECK(c != u'(' && c != u')' && c != u'*' && c != QChar(0));
        }
        break;
    }
    }
    return 0;
}

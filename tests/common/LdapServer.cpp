#include "LdapServer.h"

#include "model/NameKey.h"

#include <QFile>

#include <ldap.h>
#include <vector>

using namespace Qt::StringLiterals;

LdapServer::LdapServer()
    : m_url(qEnvironmentVariable("USERSYNC_TEST_LDAP_URL"))
    , m_ldapsUrl(qEnvironmentVariable("USERSYNC_TEST_LDAPS_URL"))
    , m_base(qEnvironmentVariable("USERSYNC_TEST_LDAP_BASE"))
    , m_caFile(qEnvironmentVariable("USERSYNC_TEST_CA_FILE"))
    , m_adminDn(qEnvironmentVariable("USERSYNC_TEST_LDAP_ADMIN_DN"))
    , m_adminPassword(qEnvironmentVariable("USERSYNC_TEST_LDAP_ADMIN_PASSWORD"))
    , m_bindDn(qEnvironmentVariable("USERSYNC_TEST_LDAP_BIND_DN"))
    , m_bindPassword(qEnvironmentVariable("USERSYNC_TEST_LDAP_BIND_PASSWORD"))
    , m_readerDn(qEnvironmentVariable("USERSYNC_TEST_LDAP_READER_DN"))
    , m_readerPassword(qEnvironmentVariable("USERSYNC_TEST_LDAP_READER_PASSWORD"))
{ }

LdapServer::~LdapServer()
{
    if (m_ld) {
        ldap_unbind_ext_s(m_ld, nullptr, nullptr);
    }
}

bool LdapServer::check(int status, const QString& what)
{
    if (status == LDAP_SUCCESS) {
        return true;
    }
    m_error = u"%1: %2 (%3)"_s.arg(what, QString::fromUtf8(ldap_err2string(status))).arg(status);
    qWarning("LdapServer: %s", qPrintable(m_error));
    return false;
}

bool LdapServer::connect()
{
    if (m_ld) {
        return true;
    }
    if (!check(ldap_initialize(&m_ld, m_url.toUtf8().constData()), u"initialize"_s)) {
        return false;
    }
    const int version = LDAP_VERSION3;
    ldap_set_option(m_ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    const QByteArray ca = QFile::encodeName(m_caFile);
    ldap_set_option(m_ld, LDAP_OPT_X_TLS_CACERTFILE, ca.constData());
    const int demand = LDAP_OPT_X_TLS_HARD;
    ldap_set_option(m_ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
    const int client = 0;
    ldap_set_option(m_ld, LDAP_OPT_X_TLS_NEWCTX, &client);
    if (!check(ldap_start_tls_s(m_ld, nullptr, nullptr), u"StartTLS"_s)) {
        return false;
    }
    QByteArray password = m_adminPassword.toUtf8();
    berval credential{ber_len_t(password.size()), password.data()};
    return check(ldap_sasl_bind_s(m_ld, m_adminDn.toUtf8().constData(), LDAP_SASL_SIMPLE, &credential, nullptr, nullptr,
                                  nullptr),
                 u"bind"_s);
}

QList<LdapServer::Entry> LdapServer::search(const QString& base, const QString& filter)
{
    QList<Entry> entries;
    if (!connect()) {
        return entries;
    }
    char* attributes[] = {const_cast<char*>("*"), const_cast<char*>("entryUUID"), nullptr};
    LDAPMessage* answer = nullptr;
    const int status =
        ldap_search_ext_s(m_ld, base.toUtf8().constData(), LDAP_SCOPE_SUBTREE, filter.toUtf8().constData(), attributes,
                          0, nullptr, nullptr, nullptr, LDAP_NO_LIMIT, &answer);
    if (status != LDAP_NO_SUCH_OBJECT && check(status, u"search "_s + base)) {
        for (LDAPMessage* message = ldap_first_entry(m_ld, answer); message; message = ldap_next_entry(m_ld, message)) {
            Entry entry;
            char* dn = ldap_get_dn(m_ld, message);
            entry.dn = QString::fromUtf8(dn);
            ldap_memfree(dn);
            BerElement* ber = nullptr;
            for (char* name = ldap_first_attribute(m_ld, message, &ber); name;
                 name = ldap_next_attribute(m_ld, message, ber)) {
                QStringList values;
                if (berval** found = ldap_get_values_len(m_ld, message, name)) {
                    for (berval** value = found; *value; ++value) {
                        values << QString::fromUtf8((*value)->bv_val, qsizetype((*value)->bv_len));
                    }
                    ldap_value_free_len(found);
                }
                entry.attributes.insert(QString::fromUtf8(name).toLower(), values);
                ldap_memfree(name);
            }
            ber_free(ber, 0);
            entries.append(entry);
        }
    }
    ldap_msgfree(answer);
    return entries;
}

std::optional<LdapServer::Entry> LdapServer::entry(const QString& dn)
{
    if (!connect()) {
        return std::nullopt;
    }
    char* attributes[] = {const_cast<char*>("*"), const_cast<char*>("entryUUID"), nullptr};
    LDAPMessage* answer = nullptr;
    const int status = ldap_search_ext_s(m_ld, dn.toUtf8().constData(), LDAP_SCOPE_BASE, "(objectClass=*)", attributes,
                                         0, nullptr, nullptr, nullptr, LDAP_NO_LIMIT, &answer);
    ldap_msgfree(answer);
    if (status != LDAP_SUCCESS) {
        return std::nullopt;
    }
    const QList<Entry> found = search(dn);
    for (const Entry& entry : found) {
        if (entry.dn.compare(dn, Qt::CaseInsensitive) == 0) {
            return entry;
        }
    }
    return std::nullopt;
}

namespace {

// LDAPMod arrays over `attributes`, which outlive the call.
struct Mods
{
    Mods(const QList<std::tuple<int, QByteArray, QList<QByteArray>>>& changes)
    {
        size_t total = 0;
        for (const auto& change : changes) {
            total += size_t(std::get<2>(change).size()) + 1;
        }
        bervals.reserve(total);
        pointers.reserve(total);
        for (const auto& [op, name, values] : changes) {
            const size_t start = pointers.size();
            for (const QByteArray& value : values) {
                bervals.push_back({ber_len_t(value.size()), const_cast<char*>(value.constData())});
                pointers.push_back(&bervals.back());
            }
            pointers.push_back(nullptr);
            mods.push_back({op | LDAP_MOD_BVALUES, const_cast<char*>(name.constData()), {}});
            mods.back().mod_bvalues = pointers.data() + start;
        }
        for (LDAPMod& mod : mods) {
            modPointers.push_back(&mod);
        }
        modPointers.push_back(nullptr);
    }
    std::vector<berval> bervals;
    std::vector<berval*> pointers;
    std::vector<LDAPMod> mods;
    std::vector<LDAPMod*> modPointers;
};

QList<QByteArray> utf8(const QStringList& values)
{
    QList<QByteArray> list;
    for (const QString& value : values) {
        list << value.toUtf8();
    }
    return list;
}

} // namespace

bool LdapServer::add(const QString& dn, const QHash<QString, QStringList>& attributes)
{
    if (!connect()) {
        return false;
    }
    QList<std::tuple<int, QByteArray, QList<QByteArray>>> changes;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        changes.append({LDAP_MOD_ADD, it.key().toUtf8(), utf8(it.value())});
    }
    Mods mods(changes);
    return check(ldap_add_ext_s(m_ld, dn.toUtf8().constData(), mods.modPointers.data(), nullptr, nullptr),
                 u"add "_s + dn);
}

bool LdapServer::modify(const QString& dn, const QString& op, const QString& attribute, const QStringList& values)
{
    if (!connect()) {
        return false;
    }
    const int code = op == u"add"_s ? LDAP_MOD_ADD : op == u"delete"_s ? LDAP_MOD_DELETE : LDAP_MOD_REPLACE;
    const QList<std::tuple<int, QByteArray, QList<QByteArray>>> changes{{code, attribute.toUtf8(), utf8(values)}};
    Mods mods(changes); // points into `changes`
    return check(ldap_modify_ext_s(m_ld, dn.toUtf8().constData(), mods.modPointers.data(), nullptr, nullptr),
                 u"modify "_s + dn);
}

bool LdapServer::remove(const QString& dn)
{
    return connect() && check(ldap_delete_ext_s(m_ld, dn.toUtf8().constData(), nullptr, nullptr), u"delete "_s + dn);
}

bool LdapServer::reset()
{
    for (const QString& base : {usersBase(), groupsBase()}) {
        QList<Entry> entries = search(base);
        // The deepest first: an entry with children cannot be deleted.
        std::sort(entries.begin(), entries.end(),
                  [](const Entry& a, const Entry& b) { return a.dn.count(u',') > b.dn.count(u','); });
        for (const Entry& entry : std::as_const(entries)) {
            if (entry.dn.compare(base, Qt::CaseInsensitive) != 0 && !remove(entry.dn)) {
                return false;
            }
        }
    }
    return connect();
}

QString LdapServer::addUser(const QString& uid, const QString& email)
{
    const QString dn = u"uid=%1,%2"_s.arg(uid, usersBase());
    QHash<QString, QStringList> attributes{
        {u"objectClass"_s, {u"inetOrgPerson"_s}},
        {u"uid"_s, {uid}},
        {u"cn"_s, {uid}},
        {u"sn"_s, {uid}},
    };
    if (!email.isEmpty()) {
        attributes.insert(u"mail"_s, {email});
    }
    return add(dn, attributes) ? dn : QString();
}

QString LdapServer::addGroup(const QString& name, const QStringList& members)
{
    const QString dn = u"cn=%1,%2"_s.arg(name, groupsBase());
    return add(dn, {{u"objectClass"_s, {u"groupOfUniqueNames"_s}}, {u"cn"_s, {name}}, {u"uniqueMember"_s, members}})
        ? dn
        : QString();
}

QHash<QString, LdapServer::Entry> LdapServer::users()
{
    QHash<QString, Entry> byName;
    for (const Entry& entry : search(usersBase(), u"(objectClass=inetOrgPerson)"_s)) {
        byName.insert(entry.value(u"uid"_s).toLower(), entry);
    }
    return byName;
}

QHash<QString, QStringList> LdapServer::groups()
{
    QHash<QString, QStringList> byName;
    for (const Entry& entry : search(groupsBase(), u"(objectClass=groupOfUniqueNames)"_s)) {
        byName.insert(entry.value(u"cn"_s), entry.values(u"uniqueMember"_s));
    }
    return byName;
}

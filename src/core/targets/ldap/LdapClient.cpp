#include "LdapClient.h"

#include "Logging.h"

#include <QDateTime>
#include <QFileInfo>
#include <QPointer>
#include <QSocketNotifier>
#include <QUrl>

#include <lber.h>
#include <ldap.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// libldap's argument arrays: NULL-terminated, pointing into storage that outlives the call
// (every call encodes its request before it returns).
struct CStrings
{
    explicit CStrings(const QList<QByteArray>& values)
        : storage(values)
    {
        for (const QByteArray& value : std::as_const(storage)) {
            pointers.append(const_cast<char*>(value.constData()));
        }
        pointers.append(nullptr);
    }
    char** data() { return pointers.data(); }

    QList<QByteArray> storage;
    QList<char*> pointers;
};

// LDAPMod arrays for a list of changes. The vectors are sized first, so that the pointers into
// them stay valid.
struct Mods
{
    explicit Mods(const QList<LdapChange>& changes)
    {
        qsizetype total = 0;
        for (const LdapChange& change : changes) {
            total += change.values.size();
        }
        bervals.reserve(size_t(total));
        valuePointers.reserve(size_t(total + changes.size()));
        mods.reserve(size_t(changes.size()));
        for (const LdapChange& change : changes) {
            const size_t start = valuePointers.size();
            for (const QByteArray& value : change.values) {
                bervals.push_back({ber_len_t(value.size()), const_cast<char*>(value.constData())});
                valuePointers.push_back(&bervals.back());
            }
            valuePointers.push_back(nullptr);
            LDAPMod mod{};
            mod.mod_op = LDAP_MOD_BVALUES
                | (change.op == LdapChange::Op::Add          ? LDAP_MOD_ADD
                       : change.op == LdapChange::Op::Delete ? LDAP_MOD_DELETE
                                                             : LDAP_MOD_REPLACE);
            mod.mod_type = const_cast<char*>(change.attribute.constData());
            // A delete without values takes the whole attribute away.
            mod.mod_bvalues =
                change.values.isEmpty() && change.op == LdapChange::Op::Delete ? nullptr : valuePointers.data() + start;
            mods.push_back(mod);
        }
        for (LDAPMod& mod : mods) {
            modPointers.push_back(&mod);
        }
        modPointers.push_back(nullptr);
    }
    LDAPMod** data() { return modPointers.data(); }

    std::vector<berval> bervals;
    std::vector<berval*> valuePointers;
    std::vector<LDAPMod> mods;
    std::vector<LDAPMod*> modPointers;
};

QString diagnosticOf(LDAP* ld)
{
    char* message = nullptr;
    ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &message);
    const QString text = QString::fromUtf8(message);
    ldap_memfree(message);
    return text;
}

// The value of a post-read control (RFC 4527): a SearchResultEntry with the attributes asked for.
QString readIdFrom(LDAPControl** controls, const QByteArray& attribute)
{
    LDAPControl* control = ldap_control_find(LDAP_CONTROL_POST_READ, controls, nullptr);
    if (!control) {
        return {};
    }
    BerElement* ber = ber_init(&control->ldctl_value);
    if (!ber) {
        return {};
    }
    QString id;
    berval dn{};
    if (ber_scanf(ber, "{m{" /*}}*/, &dn) != LBER_ERROR) {
        berval type{};
        while (ber_scanf(ber, "{m" /*}*/, &type) != LBER_ERROR) {
            BerVarray values = nullptr;
            if (ber_scanf(ber, "[W]", &values) == LBER_ERROR) {
                break;
            }
            if (values && values[0].bv_val
                && QByteArray(type.bv_val, qsizetype(type.bv_len)).compare(attribute, Qt::CaseInsensitive) == 0) {
                id = QString::fromUtf8(values[0].bv_val, qsizetype(values[0].bv_len));
            }
            ber_bvarray_free(values);
            if (ber_scanf(ber, /*{*/ "}") == LBER_ERROR) {
                break;
            }
        }
    }
    ber_free(ber, 1);
    return id;
}

} // namespace

QString LdapResult::text() const
{
    if (cancelled) {
        return LdapClient::tr("Cancelled.");
    }
    const QString name = QString::fromUtf8(ldap_err2string(code));
    return diagnostic.isEmpty() ? u"%1 (%2)"_s.arg(name).arg(code)
                                : u"%1 (%2): %3"_s.arg(name).arg(code).arg(diagnostic);
}

bool LdapResult::isPerObject() const
{
    switch (code) {
    case LDAP_NO_SUCH_ATTRIBUTE:
    case LDAP_UNDEFINED_TYPE:
    case LDAP_CONSTRAINT_VIOLATION:
    case LDAP_TYPE_OR_VALUE_EXISTS:
    case LDAP_INVALID_SYNTAX:
    case LDAP_NO_SUCH_OBJECT:
    case LDAP_INVALID_DN_SYNTAX:
    case LDAP_NAMING_VIOLATION:
    case LDAP_OBJECT_CLASS_VIOLATION:
    case LDAP_NOT_ALLOWED_ON_NONLEAF:
    case LDAP_NOT_ALLOWED_ON_RDN:
    case LDAP_ALREADY_EXISTS:
    case LDAP_NO_OBJECT_CLASS_MODS:
    case LDAP_ASSERTION_FAILED:
        return !cancelled;
    default:
        return false;
    }
}

QString LdapEntry::dn() const
{
    char* dn = ldap_get_dn(m_ld, m_message);
    const QString text = QString::fromUtf8(dn);
    ldap_memfree(dn);
    return text;
}

QList<QByteArray> LdapEntry::values(const QByteArray& attribute) const
{
    QList<QByteArray> list;
    berval** values = ldap_get_values_len(m_ld, m_message, attribute.constData());
    if (!values) {
        return list;
    }
    list.reserve(ldap_count_values_len(values));
    for (berval** value = values; *value; ++value) {
        list.append(QByteArray((*value)->bv_val, qsizetype((*value)->bv_len)));
    }
    ldap_value_free_len(values);
    return list;
}

QString LdapEntry::first(const QByteArray& attribute) const
{
    berval** values = ldap_get_values_len(m_ld, m_message, attribute.constData());
    if (!values) {
        return {};
    }
    const QString text = values[0] ? QString::fromUtf8(values[0]->bv_val, qsizetype(values[0]->bv_len)) : QString();
    ldap_value_free_len(values);
    return text;
}

void LdapEntry::visit(const std::function<void(QByteArrayView dn)>& takeDn,
                      const std::function<void(QByteArrayView attribute, const Values& values)>& take) const
{
    BerElement* ber = nullptr;
    berval dn{};
    if (ldap_get_dn_ber(m_ld, m_message, &ber, &dn) != LDAP_SUCCESS) {
        return;
    }
    takeDn(QByteArrayView(dn.bv_val, qsizetype(dn.bv_len)));
    berval name{};
    BerVarray values = nullptr;
    while (ldap_get_attribute_ber(m_ld, m_message, ber, &name, &values) == LDAP_SUCCESS && name.bv_val) {
        Values views;
        for (BerVarray value = values; value && value->bv_val; ++value) {
            views.append(QByteArrayView(value->bv_val, qsizetype(value->bv_len)));
        }
        take(QByteArrayView(name.bv_val, qsizetype(name.bv_len)), views);
        ber_memfree(values);
        values = nullptr;
    }
    ber_free(ber, 0);
}

LdapClient::LdapClient(TargetConfig config, QString password, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_password(password.toUtf8())
{
    m_deadlines.setInterval(1000);
    connect(&m_deadlines, &QTimer::timeout, this, &LdapClient::checkDeadlines);
}

LdapClient::~LdapClient()
{
    for (Pending& pending : m_pending) {
        freePage(pending);
    }
    close();
    m_password.fill('\0');
}

void LdapClient::close()
{
    m_notifier.reset();
    m_deadlines.stop();
    if (m_ld) {
        ldap_unbind_ext(m_ld, nullptr, nullptr);
        m_ld = nullptr;
    }
}

std::optional<ConnectorError> LdapClient::open()
{
    close();
    const QUrl url(m_config.url.trimmed());
    const bool ldaps = url.scheme().toLower() == u"ldaps"_s;
    const QString server =
        u"%1://%2:%3"_s.arg(ldaps ? u"ldaps"_s : u"ldap"_s, url.host()).arg(url.port(ldaps ? LDAPS_PORT : LDAP_PORT));
    const QString where = url.host();
    if (!m_config.http.caFile.isEmpty() && !QFileInfo(m_config.http.caFile).isReadable()) {
        return ConnectorError{ConnectorError::Kind::InvalidSettings,
                              tr("The CA file %1 cannot be read. Choose a readable PEM file in the application's "
                                 "settings, or none to trust the system's certificate authorities.")
                                  .arg(m_config.http.caFile),
                              m_config.http.caFile};
    }
    if (ldap_initialize(&m_ld, server.toUtf8().constData()) != LDAP_SUCCESS || !m_ld) {
        m_ld = nullptr;
        return ConnectorError{ConnectorError::Kind::WrongUrl,
                              tr("“%1” is not an LDAP server's address. Enter it as ldaps://ldap.example.com or "
                                 "ldap://ldap.example.com:389.")
                                  .arg(m_config.url),
                              server};
    }
    const int version = LDAP_VERSION3;
    ldap_set_option(m_ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    ldap_set_option(m_ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
    ldap_set_option(m_ld, LDAP_OPT_RESTART, LDAP_OPT_ON);
    timeval timeout{m_config.http.timeoutSeconds, 0};
    ldap_set_option(m_ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
    ldap_set_option(m_ld, LDAP_OPT_TIMEOUT, &timeout);
    // Whatever ldap.conf or LDAPTLS_REQCERT say: the certificate is verified, the host name too.
    const int demand = LDAP_OPT_X_TLS_HARD;
    ldap_set_option(m_ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
    if (!m_config.http.caFile.isEmpty()) {
        const QByteArray caFile = QFile::encodeName(m_config.http.caFile);
        ldap_set_option(m_ld, LDAP_OPT_X_TLS_CACERTFILE, caFile.constData());
    }
    const int client = 0;
    ldap_set_option(m_ld, LDAP_OPT_X_TLS_NEWCTX, &client);

    const auto failed = [this, &where, &server](int status, const QString& step) -> ConnectorError {
        const QString said = diagnosticOf(m_ld);
        const QString detail =
            u"%1 %2: %3 (%4) %5"_s.arg(step, server, QString::fromUtf8(ldap_err2string(status))).arg(status).arg(said);
        close();
        switch (status) {
        case LDAP_INVALID_CREDENTIALS:
            return {ConnectorError::Kind::Unauthorized,
                    tr("The LDAP server refused the bind DN or its password. Check both in the application's "
                       "settings (the DN in full, such as cn=usersync,ou=services,dc=example,dc=com)."),
                    detail};
        case LDAP_TIMEOUT:
            return {ConnectorError::Kind::Timeout,
                    tr("The LDAP server %1 did not answer in time. Check the address and port, and that a firewall "
                       "lets UserSync through.")
                        .arg(where),
                    detail};
        case LDAP_CONNECT_ERROR:
            return {ConnectorError::Kind::Tls,
                    tr("A secure connection to %1 could not be made (%2). If the server's certificate comes from a "
                       "private certificate authority, choose its CA file in the application's settings.")
                        .arg(where, said.isEmpty() ? QString::fromUtf8(ldap_err2string(status)) : said),
                    detail};
        case LDAP_PROTOCOL_ERROR:
        case LDAP_UNAVAILABLE_CRITICAL_EXTENSION:
            return {ConnectorError::Kind::Tls,
                    tr("%1 did not agree to StartTLS, and UserSync never binds without TLS. Enable TLS on the "
                       "server, or use its ldaps:// address.")
                        .arg(where),
                    detail};
        case LDAP_SERVER_DOWN:
            return {ConnectorError::Kind::ConnectionRefused,
                    tr("The LDAP server %1 cannot be reached (%2). Check the address and port, and that the "
                       "server is running.")
                        .arg(where, said.isEmpty() ? QString::fromUtf8(ldap_err2string(status)) : said),
                    detail};
        default:
            return {ConnectorError::Kind::ServerError,
                    tr("The LDAP server %1 refused to %2: %3 (%4).")
                        .arg(where, step, said.isEmpty() ? QString::fromUtf8(ldap_err2string(status)) : said)
                        .arg(status),
                    detail};
        }
    };

    if (!ldaps) {
        const int status = ldap_start_tls_s(m_ld, nullptr, nullptr);
        if (status != LDAP_SUCCESS) {
            return failed(status == LDAP_OPERATIONS_ERROR ? LDAP_PROTOCOL_ERROR : status, tr("start TLS"));
        }
    }
    m_tls = true;
    berval credential{ber_len_t(m_password.size()), m_password.data()};
    const QByteArray bindDn = m_config.username.trimmed().toUtf8();
    int status = ldap_sasl_bind_s(m_ld, bindDn.constData(), LDAP_SASL_SIMPLE, &credential, nullptr, nullptr, nullptr);
    if (status != LDAP_SUCCESS) {
        return failed(status, tr("bind"));
    }
    // What the server supports (its root DSE), so that controls it lacks are not asked for.
    LDAPMessage* rootDse = nullptr;
    CStrings attributes({QByteArrayLiteral("supportedControl")});
    status = ldap_search_ext_s(m_ld, "", LDAP_SCOPE_BASE, "(objectClass=*)", attributes.data(), 0, nullptr, nullptr,
                               &timeout, 0, &rootDse);
    if (status == LDAP_SUCCESS) {
        if (LDAPMessage* entry = ldap_first_entry(m_ld, rootDse)) {
            for (const QByteArray& oid : LdapEntry(m_ld, entry).values(QByteArrayLiteral("supportedControl"))) {
                m_controls.insert(oid);
            }
        }
    }
    ldap_msgfree(rootDse);
    if (status != LDAP_SUCCESS && status != LDAP_NO_SUCH_OBJECT && status != LDAP_INSUFFICIENT_ACCESS) {
        return failed(status, tr("read what it supports"));
    }
    int descriptor = -1;
    if (ldap_get_option(m_ld, LDAP_OPT_DESC, &descriptor) != LDAP_OPT_SUCCESS || descriptor < 0) {
        return failed(LDAP_SERVER_DOWN, tr("keep the connection"));
    }
    m_notifier = std::make_unique<QSocketNotifier>(qintptr(descriptor), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &LdapClient::readAnswers);
    qCDebug(lcTargets) << "LDAP: bound to" << server << "controls" << m_controls.size();
    return std::nullopt;
}

qint64 LdapClient::deadlineFromNow() const
{
    return QDateTime::currentMSecsSinceEpoch() + qint64(m_config.http.timeoutSeconds) * 1000;
}

LdapResult LdapClient::clientResult(int code) const
{
    LdapResult result;
    result.code = code;
    result.diagnostic = m_ld ? diagnosticOf(m_ld) : QString();
    return result;
}

void LdapClient::later(Done done, LdapResult result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

void LdapClient::started(int status, int msgid, Pending pending)
{
    if (status != LDAP_SUCCESS) {
        later(std::move(pending.done), clientResult(status));
        return;
    }
    pending.deadline = deadlineFromNow();
    m_pending.insert(msgid, std::move(pending));
    if (!m_deadlines.isActive()) {
        m_deadlines.start();
    }
}

void LdapClient::search(const QString& base, Scope scope, const QString& filter, const QList<QByteArray>& attributes,
                        Found found, Done done)
{
    Pending pending;
    pending.done = std::move(done);
    pending.found = std::move(found);
    pending.base = base.toUtf8();
    pending.filter = filter.toUtf8();
    pending.scope = scope == Scope::Base ? LDAP_SCOPE_BASE
        : scope == Scope::OneLevel       ? LDAP_SCOPE_ONELEVEL
                                         : LDAP_SCOPE_SUBTREE;
    pending.attributes = attributes;
    pending.paged = scope != Scope::Base && supportsControl(QByteArrayLiteral(LDAP_CONTROL_PAGEDRESULTS));
    sendSearch(std::move(pending));
}

bool LdapClient::refusedWhenClosed(Pending& pending)
{
    if (!m_cancelled && m_ld) {
        return false;
    }
    LdapResult result = clientResult(LDAP_SERVER_DOWN);
    result.cancelled = m_cancelled;
    later(std::move(pending.done), result);
    return true;
}

void LdapClient::sendSearch(Pending pending)
{
    if (refusedWhenClosed(pending)) {
        return;
    }
    CStrings attributes(pending.attributes);
    LDAPControl* page = nullptr;
    if (pending.paged) {
        berval cookie{ber_len_t(pending.cookie.size()), pending.cookie.data()};
        const int status = ldap_create_page_control(m_ld, pageSize, &cookie, 1, &page);
        if (status != LDAP_SUCCESS) {
            later(std::move(pending.done), clientResult(status));
            return;
        }
    }
    LDAPControl* controls[] = {page, nullptr};
    int msgid = 0;
    const int status =
        ldap_search_ext(m_ld, pending.base.constData(), pending.scope, pending.filter.constData(), attributes.data(), 0,
                        page ? controls : nullptr, nullptr, nullptr, LDAP_NO_LIMIT, &msgid);
    ldap_control_free(page);
    started(status, msgid, std::move(pending));
}

void LdapClient::add(const QString& dn, const QList<LdapChange>& attributes, Done done, const QByteArray& readAttribute,
                     const QString& assertion)
{
    Pending pending;
    pending.done = std::move(done);
    if (refusedWhenClosed(pending)) {
        return;
    }
    QList<LDAPControl> controls;
    controls.reserve(2);
    BerElement* ber = nullptr;
    berval assertionValue{};
    if (!readAttribute.isEmpty() && supportsControl(QByteArrayLiteral(LDAP_CONTROL_POST_READ))) {
        pending.readAttribute = readAttribute;
        ber = ber_alloc_t(LBER_USE_DER);
        CStrings wanted({readAttribute});
        berval value{};
        if (ber && ber_printf(ber, "{v}", wanted.data()) != -1 && ber_flatten2(ber, &value, 0) != -1) {
            controls.append({const_cast<char*>(LDAP_CONTROL_POST_READ), value, 0});
        }
    }
    if (!assertion.isEmpty()) {
        QByteArray filter = assertion.toUtf8();
        if (ldap_create_assertion_control_value(m_ld, filter.data(), &assertionValue) == LDAP_SUCCESS) {
            controls.append({const_cast<char*>(LDAP_CONTROL_ASSERT), assertionValue, 1});
        }
    }
    QList<LDAPControl*> controlPointers;
    for (LDAPControl& control : controls) {
        controlPointers.append(&control);
    }
    controlPointers.append(nullptr);
    Mods mods(attributes);
    int msgid = 0;
    const QByteArray entry = dn.toUtf8();
    const int status = ldap_add_ext(m_ld, entry.constData(), mods.data(),
                                    controls.isEmpty() ? nullptr : controlPointers.data(), nullptr, &msgid);
    if (ber) {
        ber_free(ber, 1);
    }
    if (assertionValue.bv_val) {
        ber_memfree(assertionValue.bv_val);
    }
    started(status, msgid, std::move(pending));
}

void LdapClient::modify(const QString& dn, const QList<LdapChange>& changes, Done done)
{
    Pending pending;
    pending.done = std::move(done);
    if (refusedWhenClosed(pending)) {
        return;
    }
    Mods mods(changes);
    int msgid = 0;
    const QByteArray entry = dn.toUtf8();
    const int status = ldap_modify_ext(m_ld, entry.constData(), mods.data(), nullptr, nullptr, &msgid);
    started(status, msgid, std::move(pending));
}

void LdapClient::rename(const QString& dn, const QString& newRdn, Done done)
{
    Pending pending;
    pending.done = std::move(done);
    if (refusedWhenClosed(pending)) {
        return;
    }
    int msgid = 0;
    const QByteArray entry = dn.toUtf8();
    const QByteArray rdn = newRdn.toUtf8();
    const int status = ldap_rename(m_ld, entry.constData(), rdn.constData(), nullptr, 1, nullptr, nullptr, &msgid);
    started(status, msgid, std::move(pending));
}

void LdapClient::remove(const QString& dn, Done done)
{
    Pending pending;
    pending.done = std::move(done);
    if (refusedWhenClosed(pending)) {
        return;
    }
    int msgid = 0;
    const QByteArray entry = dn.toUtf8();
    const int status = ldap_delete_ext(m_ld, entry.constData(), nullptr, nullptr, &msgid);
    started(status, msgid, std::move(pending));
}

void LdapClient::readAnswers()
{
    // Every answer complete now, also those a TLS record brought along with the one the socket
    // signalled: the notifier fires again only for new data.
    const QPointer<LdapClient> alive(this);
    while (alive && m_ld) {
        LDAPMessage* message = nullptr;
        timeval now{0, 0};
        const int type = ldap_result(m_ld, LDAP_RES_ANY, LDAP_MSG_ONE, &now, &message);
        if (type == 0) {
            return;
        }
        if (type < 0) {
            ldap_msgfree(message);
            LdapResult lost = clientResult(LDAP_SERVER_DOWN);
            qCWarning(lcTargets) << "LDAP: the connection ended:" << lost.text();
            close();
            failAll(lost);
            return;
        }
        if (!answered(message, type)) {
            ldap_msgfree(message);
        }
    }
}

void LdapClient::freePage(Pending& pending)
{
    for (LDAPMessage* message : std::as_const(pending.page)) {
        ldap_msgfree(message);
    }
    pending.page.clear();
}

bool LdapClient::answered(LDAPMessage* message, int type)
{
    const int msgid = ldap_msgid(message);
    auto it = m_pending.find(msgid);
    if (it == m_pending.end()) {
        return false; // abandoned
    }
    if (type == LDAP_RES_SEARCH_ENTRY) {
        it->deadline = deadlineFromNow();
        if (it->paged) {
            it->page.append(message);
            return true;
        }
        const Found found = it->found; // the callback may start other operations
        if (found) {
            found(LdapEntry(m_ld, message));
        }
        return false;
    }
    if (type == LDAP_RES_SEARCH_REFERENCE || type == LDAP_RES_INTERMEDIATE) {
        return false;
    }
    Pending pending = std::move(*it);
    m_pending.erase(it);
    LdapResult result;
    char* matched = nullptr;
    char* text = nullptr;
    LDAPControl** controls = nullptr;
    const int status = ldap_parse_result(m_ld, message, &result.code, &matched, &text, nullptr, &controls, 0);
    if (status != LDAP_SUCCESS) {
        result.code = status;
    }
    result.diagnostic = QString::fromUtf8(text);
    QByteArray cookie;
    if (pending.paged && controls) {
        if (LDAPControl* page = ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, controls, nullptr)) {
            ber_int_t estimate = 0;
            berval next{};
            if (ldap_parse_pageresponse_control(m_ld, page, &estimate, &next) == LDAP_SUCCESS) {
                cookie = QByteArray(next.bv_val, qsizetype(next.bv_len));
                ber_memfree(next.bv_val);
            }
        }
    }
    if (!pending.readAttribute.isEmpty()) {
        result.readId = readIdFrom(controls, pending.readAttribute);
    }
    ldap_memfree(matched);
    ldap_memfree(text);
    ldap_controls_free(controls);
    if (pending.paged) {
        finishSearchPage(pending, result, cookie);
        return false;
    }
    pending.done(result);
    return false;
}

void LdapClient::finishSearchPage(Pending& pending, const LdapResult& result, const QByteArray& cookie)
{
    const QList<LDAPMessage*> page = std::exchange(pending.page, {});
    const Found found = pending.found;
    const Done done = pending.done;
    const bool more = result.ok() && !cookie.isEmpty() && !m_cancelled;
    if (more) {
        pending.cookie = cookie;
        sendSearch(std::move(pending));
    }
    // The server makes the next page while this one is taken in.
    const QPointer<LdapClient> alive(this);
    qsizetype handed = 0;
    if (result.ok()) {
        for (; handed < page.size() && alive && !m_cancelled; ++handed) {
            if (found) {
                found(LdapEntry(m_ld, page.at(handed)));
            }
            ldap_msgfree(page.at(handed));
        }
    }
    for (; handed < page.size(); ++handed) {
        ldap_msgfree(page.at(handed));
    }
    if (!more && alive) {
        done(result);
    }
}

void LdapClient::failAll(const LdapResult& result)
{
    QHash<int, Pending> pending = std::exchange(m_pending, {});
    for (Pending& operation : pending) {
        freePage(operation);
        operation.done(result);
    }
}

void LdapClient::checkDeadlines()
{
    if (m_pending.isEmpty()) {
        m_deadlines.stop();
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<int> expired;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->deadline <= now) {
            expired.append(it.key());
        }
    }
    for (const int msgid : expired) {
        Pending pending = m_pending.take(msgid);
        freePage(pending);
        if (m_ld) {
            ldap_abandon_ext(m_ld, msgid, nullptr, nullptr);
        }
        LdapResult result;
        result.code = LDAP_TIMEOUT;
        result.diagnostic = tr("no answer within %n second(s)", nullptr, m_config.http.timeoutSeconds);
        pending.done(result);
    }
}

void LdapClient::cancel()
{
    m_cancelled = true;
    QHash<int, Pending> pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        if (m_ld) {
            ldap_abandon_ext(m_ld, it.key(), nullptr, nullptr);
        }
    }
    LdapResult cancelled;
    cancelled.code = LDAP_USER_CANCELLED;
    cancelled.cancelled = true;
    for (Pending& operation : pending) {
        freePage(operation);
        operation.done(cancelled);
    }
}

ConnectorError LdapClient::errorOf(const LdapResult& result, const QString& what) const
{
    const QString where = QUrl(m_config.url.trimmed()).host();
    const QString detail = result.text();
    if (result.cancelled) {
        return {ConnectorError::Kind::Cancelled, tr("Cancelled."), detail};
    }
    switch (result.code) {
    case LDAP_SERVER_DOWN:
    case LDAP_CONNECT_ERROR:
        return {ConnectorError::Kind::Network,
                tr("The connection to the LDAP server %1 ended while UserSync tried to %2 (%3). Check that the "
                   "server is running, then run the sync again.")
                    .arg(where, what, result.diagnostic.isEmpty() ? detail : result.diagnostic),
                detail};
    case LDAP_TIMEOUT:
    case LDAP_TIMELIMIT_EXCEEDED:
        return {ConnectorError::Kind::Timeout,
                tr("The LDAP server %1 did not answer in time while UserSync tried to %2. Run the sync again, or "
                   "raise the timeout in the application's settings.")
                    .arg(where, what),
                detail};
    case LDAP_SIZELIMIT_EXCEEDED:
    case LDAP_ADMINLIMIT_EXCEEDED:
        return {ConnectorError::Kind::IncompleteData,
                tr("The LDAP server %1 stopped answering after a size limit while UserSync tried to %2, so nothing "
                   "was changed. Lift the limits of the bind DN on the server (OpenLDAP: “limits dn.exact=… "
                   "size=unlimited”).")
                    .arg(where, what),
                detail};
    case LDAP_INSUFFICIENT_ACCESS:
        return {ConnectorError::Kind::NotAdministrator,
                tr("The bind DN %1 may not %2 on %3 (%4). Give it write access to the base DNs of users and groups "
                   "in the server's access rules.")
                    .arg(m_config.username, what, where, result.diagnostic.isEmpty() ? detail : result.diagnostic),
                detail};
    case LDAP_NO_SUCH_OBJECT:
        return {ConnectorError::Kind::InvalidSettings,
                tr("An entry UserSync needs to %1 is not on %2 (%3). Check the base DNs of users and groups in the "
                   "application's settings.")
                    .arg(what, where, result.diagnostic.isEmpty() ? detail : result.diagnostic),
                detail};
    default:
        return {ConnectorError::Kind::ServerError, tr("The LDAP server %1 refused to %2: %3").arg(where, what, detail),
                detail};
    }
}

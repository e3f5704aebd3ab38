#include "LdapConnectionTest.h"

#include "model/NameKey.h"
#include "net/NetworkErrors.h"
#include "targets/ldap/LdapNames.h"

#include <QUrl>

#include <ldap.h>

using namespace Qt::StringLiterals;

namespace {
constexpr int steps = 6;
}

LdapConnectionTest::LdapConnectionTest(TargetConfig config, QString password, QObject* parent)
    : TargetTest(parent)
    , m_config(std::move(config))
    , m_client(std::make_unique<LdapClient>(m_config, std::move(password)))
{
    m_result.product = u"LDAP"_s;
}

LdapConnectionTest::~LdapConnectionTest() = default;

void LdapConnectionTest::start()
{
    reportProgress({tr("Connecting to %1").arg(QUrl(m_config.url).host()), 0, steps}, true);
    if (const auto error = m_client->open()) {
        finish(error);
        return;
    }
    m_result.signedInAs = m_config.username;
    m_result.supports << (QUrl(m_config.url).scheme().toLower() == u"ldaps"_s ? tr("LDAPS") : tr("StartTLS"));
    if (m_client->supportsControl(QByteArrayLiteral(LDAP_CONTROL_PAGEDRESULTS))) {
        m_result.supports << tr("paged results");
        m_result.listing = tr("paged searches of %n entries", nullptr, LdapClient::pageSize);
    } else {
        m_result.listing = tr("whole searches");
        m_result.warnings << tr("The server does not page searches: a size limit on the bind DN would cut a read "
                                "short (UserSync then stops the sync). Lift the bind DN's limits on the server.");
    }
    if (m_client->supportsControl(QByteArrayLiteral(LDAP_CONTROL_POST_READ))) {
        m_result.supports << tr("post-read");
    }
    checkBase(m_config.ldap.usersBase, tr("users"), [this] {
        checkBase(m_config.ldap.groupsBase, tr("groups"),
                  [this] { checkWrite(true, [this] { checkWrite(false, [this] { count(true); }); }); });
    });
}

void LdapConnectionTest::checkBase(const QString& base, const QString& what, std::function<void()> next)
{
    reportProgress({tr("Looking for the base DN of the %1").arg(what), 1, steps}, true);
    m_client->search(base, LdapClient::Scope::Base, u"(objectClass=*)"_s, {QByteArrayLiteral("1.1")}, {},
                     [this, base, what, next](const LdapResult& result) {
                         if (result.code == LDAP_NO_SUCH_OBJECT) {
                             finish(ConnectorError{
                                 ConnectorError::Kind::InvalidSettings,
                                 tr("The base DN of the %1, %2, is not on the server. Create it, or enter the DN the "
                                    "%1 are below.")
                                     .arg(what, base),
                                 result.text()});
                             return;
                         }
                         if (!result.ok()) {
                             finish(m_client->errorOf(result, tr("read %1").arg(base)));
                             return;
                         }
                         next();
                     });
}

void LdapConnectionTest::checkWrite(bool users, std::function<void()> next)
{
    const LdapSettings& ldap = m_config.ldap;
    const QString base = users ? ldap.usersBase : ldap.groupsBase;
    reportProgress(
        {users ? tr("Checking the right to write users") : tr("Checking the right to write groups"), 2, steps}, true);
    // An entry as a sync would make it, taken away at once: the access rules, the schema and the
    // right to delete all proved. (OpenLDAP tests an assertion control before the access rules, so
    // an add that cannot succeed proves nothing.)
    const QString name = u"usersync-write-check"_s;
    QList<LdapChange> entry;
    QString dn;
    if (users) {
        dn = LdapNames::rdn(ldap.usernameAttribute, name) + u',' + base;
        QList<QByteArray> objectClasses;
        for (const QString& objectClass : ldap.userObjectClasses) {
            objectClasses << objectClass.toUtf8();
        }
        entry = {{LdapChange::Op::Add, QByteArrayLiteral("objectClass"), objectClasses},
                 {LdapChange::Op::Add, ldap.usernameAttribute.toUtf8(), {name.toUtf8()}},
                 {LdapChange::Op::Add, ldap.fullNameAttribute.toUtf8(), {name.toUtf8()}},
                 {LdapChange::Op::Add, ldap.lastNameAttribute.toUtf8(), {name.toUtf8()}}};
    } else {
        dn = LdapNames::rdn(ldap.groupNameAttribute, name) + u',' + base;
        entry = {{LdapChange::Op::Add, QByteArrayLiteral("objectClass"), {ldap.groupObjectClass.toUtf8()}},
                 {LdapChange::Op::Add, ldap.groupNameAttribute.toUtf8(), {name.toUtf8()}},
                 {LdapChange::Op::Add, ldap.memberAttribute.toUtf8(), {ldap.placeholderMember.toUtf8()}}};
    }
    const QString what = users ? tr("users") : tr("groups");
    m_client->add(dn, entry, [this, base, what, dn, next](const LdapResult& added) {
        if (added.code == LDAP_INSUFFICIENT_ACCESS) {
            finish(ConnectorError{ConnectorError::Kind::NotAdministrator,
                                  tr("The bind DN %1 may read but not write the %2 below %3. Give it write access "
                                     "there in the server's access rules (OpenLDAP: “access to dn.subtree=… by "
                                     "dn.exact=… write”).")
                                      .arg(m_config.username, what, base),
                                  added.text()});
            return;
        }
        if (!added.ok() && added.code != LDAP_ALREADY_EXISTS) {
            finish(added.isPerObject()
                       ? ConnectorError{ConnectorError::Kind::InvalidSettings,
                                        tr("The server refused %1 made as UserSync makes them below %2: %3 Check the "
                                           "object classes and attribute names in the application's LDAP settings.")
                                            .arg(what, base, added.text()),
                                        added.text()}
                       : m_client->errorOf(added, tr("add %1 below %2").arg(what, base)));
            return;
        }
        m_client->remove(dn, [this, dn, next](const LdapResult& removed) {
            if (!removed.ok() && removed.code != LDAP_NO_SUCH_OBJECT) {
                finish(ConnectorError{ConnectorError::Kind::NotAdministrator,
                                      tr("The bind DN %1 may add entries but not delete them (%2), so it cannot take "
                                         "a group's entries away or delete users. Give it the right to, and delete "
                                         "the test entry %3 by hand.")
                                          .arg(m_config.username, removed.text(), dn),
                                      removed.text()});
                return;
            }
            next();
        });
    });
}

void LdapConnectionTest::count(bool users)
{
    reportProgress({users ? tr("Counting users") : tr("Counting groups"), users ? 3 : 4, steps}, true);
    const LdapSettings& ldap = m_config.ldap;
    QString filter;
    if (users) {
        for (const QString& objectClass : ldap.userObjectClasses) {
            filter += u"(objectClass=%1)"_s.arg(LdapNames::filterValue(objectClass));
        }
        filter = u"(&%1(%2=*))"_s.arg(filter, ldap.usernameAttribute);
    } else {
        filter =
            u"(&(objectClass=%1)(%2=*))"_s.arg(LdapNames::filterValue(ldap.groupObjectClass), ldap.groupNameAttribute);
    }
    auto counted = std::make_shared<qint64>(0);
    const QByteArray name = ldap.groupNameAttribute.toUtf8();
    m_client->search(
        users ? ldap.usersBase : ldap.groupsBase, LdapClient::Scope::Subtree, filter,
        {users ? QByteArrayLiteral("1.1") : name},
        [this, counted, users, name](const LdapEntry& entry) {
            ++*counted;
            if (!users) {
                m_groupNames << entry.first(name);
            }
        },
        [this, counted, users](const LdapResult& result) {
            if (!result.ok()) {
                finish(m_client->errorOf(result, users ? tr("count the users") : tr("count the groups")));
                return;
            }
            (users ? m_result.userCount : m_result.groupCount) = *counted;
            if (users) {
                count(false);
                return;
            }
            checkAccessGroups();
        });
}

void LdapConnectionTest::checkAccessGroups()
{
    reportProgress({tr("Looking for the access groups"), 5, steps}, true);
    QSet<QString> present;
    for (const QString& name : std::as_const(m_groupNames)) {
        present.insert(nameKey(name));
    }
    for (const QString& group : std::as_const(m_config.accessGroups)) {
        if (!present.contains(nameKey(group))) {
            m_result.warnings << tr("The access group %1 is not below %2 yet: the first sync creates it. Give it "
                                    "access in Jira, Confluence and Bitbucket once they read the directory.")
                                     .arg(group, m_config.ldap.groupsBase);
        }
    }
    finish(std::nullopt);
}

void LdapConnectionTest::cancelled()
{
    m_client->cancel();
    finish(NetworkErrors::cancelled());
}

void LdapConnectionTest::finish(const std::optional<ConnectorError>& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_result.error = error;
    m_result.ok = !error;
    Q_EMIT finished(m_result);
}

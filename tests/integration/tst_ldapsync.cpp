#include "JobRunner.h"
#include "KeycloakAdmin.h"
#include "LdapServer.h"
#include "TargetWorkflow.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"

#include <QCoreApplication>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

// Synchronizing the real test Keycloak into the real OpenLDAP server of the test services (slapd,
// with TLS from the test CA, a sync account that may write people and groups and a reader that may
// not), inspected through libldap as the root DN: Save and Test, the workflow (simulate, apply the
// reviewed plan, migration by uid, a round of Keycloak changes with a rename), the placeholder
// member of a group left empty, deprovisioning by the access groups, the deletion guard, a refusal
// for one entry (completed with errors) and rollback.
class TestLdapSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        QVERIFY2(m_ldap.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_LDAP_URL").constData());
        QVERIFY2(m_admin.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD").constData());
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        QVERIFY(m_temporary.isValid());
        TestEnvironment::isolateUserFolders();
        m_url = url;
        m_location = DirectoryLocation::sqlite(m_temporary.filePath(u"ldap.sqlite"_s));
    }

    void init()
    {
        QVERIFY2(m_ldap.reset(), qPrintable(m_ldap.lastError()));
        m_realmName = u"usersync-ldap-%1"_s.arg(QCoreApplication::applicationPid());
        m_target = config();
        TargetWorkflow::start(m_admin, m_realmName, m_location, m_url, m_target, m_ldap.bindPassword(), m_connector);
    }

    void cleanup() { m_admin.deleteRealm(m_realmName); }

    void saveAndTest()
    {
        TargetTestResult result = TargetWorkflow::test(m_target, m_ldap.bindPassword());
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.signedInAs, m_ldap.bindDn());
        QVERIFY(result.supports.contains(u"StartTLS"_s));
        QVERIFY(result.supports.contains(u"paged results"_s));
        QCOMPARE(result.userCount, 0);
        QCOMPARE(result.groupCount, 0);
        QVERIFY2(result.warnings.join(u' ').contains(u"atlassian-users"_s), qPrintable(result.warnings.join(u' ')));
        QVERIFY(m_ldap.search(m_ldap.usersBase(), u"(cn=usersync-write-check)"_s).isEmpty()); // nothing was written

        TargetConfig ldaps = m_target;
        ldaps.url = m_ldap.ldapsUrl();
        result = TargetWorkflow::test(ldaps, m_ldap.bindPassword());
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QVERIFY(result.supports.contains(u"LDAPS"_s));

        // The reader may bind and read, not write.
        TargetConfig reader = m_target;
        reader.username = m_ldap.readerDn();
        result = TargetWorkflow::test(reader, m_ldap.readerPassword());
        QVERIFY(!result.ok);
        QCOMPARE(result.error->kind, ConnectorError::Kind::NotAdministrator);
        QVERIFY2(result.error->message.contains(u"may read but not write"_s), qPrintable(result.error->message));

        result = TargetWorkflow::test(m_target, u"wrong"_s);
        QCOMPARE(result.error->kind, ConnectorError::Kind::Unauthorized);

        // Without the CA file the test CA's certificate is not trusted: no connection at all.
        TargetConfig untrusted = m_target;
        untrusted.http.caFile.clear();
        result = TargetWorkflow::test(untrusted, m_ldap.bindPassword());
        QCOMPARE(result.error->kind, ConnectorError::Kind::Tls);
        untrusted.url = m_ldap.ldapsUrl();
        result = TargetWorkflow::test(untrusted, m_ldap.bindPassword());
        QVERIFY(!result.ok);

        TargetConfig missing = m_target;
        missing.ldap.usersBase = u"ou=nobody,"_s + m_ldap.base();
        result = TargetWorkflow::test(missing, m_ldap.bindPassword());
        QCOMPARE(result.error->kind, ConnectorError::Kind::InvalidSettings);
        QVERIFY2(result.error->message.contains(missing.ldap.usersBase), qPrintable(result.error->message));
    }

    void wholeWorkflow()
    {
        // Before the first sync the directory has Alice (made by hand, with a phone number no one
        // else manages) and a group of its own with her in it.
        const QString aliceDn = m_ldap.addUser(u"alice.andersen"_s, u"alice@old.example.com"_s);
        QVERIFY(!aliceDn.isEmpty());
        QVERIFY(m_ldap.modify(aliceDn, u"add"_s, u"telephoneNumber"_s, {u"+49 30 1234"_s}));
        const QString aliceUuid = m_ldap.entry(aliceDn)->value(u"entryUUID"_s);
        QVERIFY(!m_ldap.addGroup(u"ldap-only"_s, {aliceDn}).isEmpty());

        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        QVERIFY2(simulated.status == SyncResult::Status::Succeeded, qPrintable(simulated.message));
        const qsizetype people = m_realm.users().size();
        QCOMPARE(simulated.plan->count(Object::User, Action::Link), 1);
        QCOMPARE(simulated.plan->count(Object::User, Action::Add), people - 1);
        QCOMPARE(m_ldap.users().size(), 1); // a simulation writes nothing

        const SyncResult applied = sync(SyncRequest::Mode::Full, simulated.plan);
        QVERIFY2(applied.status == SyncResult::Status::Succeeded, qPrintable(applied.message));
        QHash<QString, LdapServer::Entry> users = m_ldap.users();
        QCOMPARE(users.size(), people);
        const LdapServer::Entry alice = users.value(u"alice.andersen"_s);
        QCOMPARE(alice.value(u"entryUUID"_s), aliceUuid); // the same entry, adopted
        QCOMPARE(alice.value(u"mail"_s), u"alice.andersen@example.com"_s);
        QCOMPARE(alice.value(u"telephoneNumber"_s), u"+49 30 1234"_s); // not UserSync's: kept
        const LdapServer::Entry bob = users.value(u"bob.baker"_s);
        QCOMPARE(bob.dn, u"uid=bob.baker,"_s + m_ldap.usersBase());
        QCOMPARE(bob.value(u"givenName"_s), u"Bob"_s);
        QCOMPARE(bob.value(u"sn"_s), u"Baker"_s);
        QVERIFY(bob.values(u"objectClass"_s).contains(u"inetOrgPerson"_s));
        QVERIFY(!bob.value(u"cn"_s).isEmpty());
        QHash<QString, QStringList> groups = m_ldap.groups();
        QVERIFY(members(groups, u"ldap-only"_s).contains(aliceDn.toLower()));
        QVERIFY(members(groups, u"All Staff"_s).contains(bob.dn.toLower()));
        // The access group made on the way, with every active user in it, and Dave (disabled) not.
        QCOMPARE(members(groups, u"atlassian-users"_s).size(), people - 1);
        QVERIFY(!members(groups, u"atlassian-users"_s).contains(users.value(u"dave.disabled"_s).dn.toLower()));
        int memberships = 0;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            if (it.key() != u"atlassian-users"_s) {
                for (const QString& member : it.value()) {
                    memberships += member != u"cn=nobody"_s;
                }
            }
        }
        QCOMPARE(memberships, simulated.plan->count(Object::Membership, Action::Add) + 1); // and Alice's own
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());

        // Changes in Keycloak: a rename, an e-mail address, a last name, a disabled user, a
        // membership moved. Bob is in a group made by hand too, which must follow his rename.
        QVERIFY(m_ldap.modify(u"cn=ldap-only,"_s + m_ldap.groupsBase(), u"add"_s, u"uniqueMember"_s, {bob.dn}));
        QCOMPARE(m_admin.updateUser(m_realmName, u"bob.baker"_s, {{u"username"_s, u"robert.baker"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"email"_s, u"carol@new.example.com"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"erin.noemail"_s, {{u"lastName"_s, u"Newname"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const QString grace = m_admin.userId(m_realmName, u"grace.green"_s);
        const QString staff = m_admin.groupId(m_realmName, u"/All Staff"_s);
        const QString support = m_admin.groupId(m_realmName, u"/Support"_s);
        QCOMPARE(m_admin.send("DELETE", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, grace, staff)).status, 204);
        QCOMPARE(m_admin.send("PUT", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, grace, support)).status, 204);
        const QStringList frankGroupsBefore = groupsOf(m_ldap.groups(), users.value(u"frank.fischer"_s).dn);
        QVERIFY(frankGroupsBefore.contains(u"atlassian-users"_s));

        const SyncResult second = sync(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        users = m_ldap.users();
        groups = m_ldap.groups();
        const LdapServer::Entry robert = users.value(u"robert.baker"_s);
        QCOMPARE(robert.value(u"entryUUID"_s), bob.value(u"entryUUID"_s)); // renamed (modrdn), not made again
        QCOMPARE(robert.dn, u"uid=robert.baker,"_s + m_ldap.usersBase());
        QVERIFY(!users.contains(u"bob.baker"_s));
        QCOMPARE(robert.values(u"uid"_s), QStringList{u"robert.baker"_s});
        // Every group that named the old DN names the new one, the hand-made one too.
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            QVERIFY2(!it.value().contains(bob.dn, Qt::CaseInsensitive), qPrintable(it.key()));
        }
        QCOMPARE(groupsOf(groups, robert.dn).size(), groupsOf(m_ldap.groups(), robert.dn).size());
        QVERIFY(members(groups, u"ldap-only"_s).contains(robert.dn.toLower()));
        QVERIFY(members(groups, u"All Staff"_s).contains(robert.dn.toLower()));
        QCOMPARE(users.value(u"carol.chen"_s).value(u"mail"_s), u"carol@new.example.com"_s);
        QCOMPARE(users.value(u"erin.noemail"_s).value(u"sn"_s), u"Newname"_s);
        QVERIFY2(users.value(u"erin.noemail"_s).value(u"cn"_s).contains(u"Newname"_s),
                 qPrintable(users.value(u"erin.noemail"_s).value(u"cn"_s)));
        // Frank is deprovisioned: still there, out of the access group and the connector's groups.
        const QString frank = users.value(u"frank.fischer"_s).dn;
        QVERIFY(!frank.isEmpty());
        QVERIFY(groupsOf(groups, frank).isEmpty());
        QVERIFY(groupsOf(groups, users.value(u"grace.green"_s).dn).contains(u"Support"_s));
        QVERIFY(!groupsOf(groups, users.value(u"grace.green"_s).dn).contains(u"All Staff"_s));
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges());

        // Frank enabled again: back in the groups he had.
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, true}}), 204);
        const SyncResult third = sync(SyncRequest::Mode::Full);
        QVERIFY2(third.status == SyncResult::Status::Succeeded, qPrintable(third.message));
        QCOMPARE(third.plan->count(Object::User, Action::Reactivate), 1);
        QStringList frankGroupsAfter = groupsOf(m_ldap.groups(), frank);
        QStringList expected = frankGroupsBefore;
        frankGroupsAfter.sort();
        expected.sort();
        QCOMPARE(frankGroupsAfter, expected);
    }

    void lastMemberLeavingKeepsThePlaceholder()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        // Every member of Support leaves it in Keycloak: the group stays, with the placeholder.
        const QString support = m_admin.groupId(m_realmName, u"/Support"_s);
        const QStringList before = members(m_ldap.groups(), u"Support"_s);
        QVERIFY(!before.isEmpty());
        for (const QString& dn : before) {
            const QString uid = dn.section(u',', 0, 0).section(u'=', 1);
            const QString id = m_admin.userId(m_realmName, uid);
            QCOMPARE(m_admin.send("DELETE", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, id, support)).status, 204);
        }
        const SyncResult emptied = sync(SyncRequest::Mode::Full);
        QVERIFY2(emptied.status == SyncResult::Status::Succeeded, qPrintable(emptied.message));
        QCOMPARE(members(m_ldap.groups(), u"Support"_s), QStringList{u"cn=nobody"_s});
        QVERIFY(!sync(SyncRequest::Mode::Simulate).plan->hasChanges()); // the placeholder is no member

        // The first one back takes the placeholder's place.
        const QString grace = m_admin.userId(m_realmName, u"grace.green"_s);
        QCOMPARE(m_admin.send("PUT", u"/%1/users/%2/groups/%3"_s.arg(m_realmName, grace, support)).status, 204);
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        QCOMPARE(members(m_ldap.groups(), u"Support"_s),
                 QStringList{m_ldap.users().value(u"grace.green"_s).dn.toLower()});
    }

    // A member value names its user however it is spelt (case, spaces, an optional UID), and a user
    // with two uids is the one its RDN names.
    void membersAreMatchedHoweverSpelt()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        const QHash<QString, LdapServer::Entry> users = m_ldap.users();
        const QString staff = u"cn=All Staff,"_s + m_ldap.groupsBase();
        const QString bob = users.value(u"bob.baker"_s).dn;
        const QString carol = users.value(u"carol.chen"_s).dn;
        QVERIFY(m_ldap.groups().value(u"All Staff"_s).contains(bob, Qt::CaseInsensitive));
        QVERIFY(m_ldap.modify(staff, u"delete"_s, u"uniqueMember"_s, {bob, carol}));
        QVERIFY(m_ldap.modify(staff, u"add"_s, u"uniqueMember"_s,
                              {u"UID=Bob.Baker, OU=People,"_s + m_ldap.base(), carol + u"#'0101'B"_s}));
        QVERIFY(m_ldap.modify(users.value(u"grace.green"_s).dn, u"add"_s, u"uid"_s, {u"ggreen"_s}));
        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        QVERIFY2(simulated.status == SyncResult::Status::Succeeded, qPrintable(simulated.message));
        QVERIFY(!simulated.plan->hasChanges());
    }

    void deprovisionAndCleanupDeletes()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        const QString frank = m_ldap.users().value(u"frank.fischer"_s).dn;
        const auto removeFromKeycloak = [this](const QString& username) {
            return m_admin.send("DELETE", u"/%1/users/%2"_s.arg(m_realmName, m_admin.userId(m_realmName, username)))
                .status;
        };
        QCOMPARE(removeFromKeycloak(u"frank.fischer"_s), 204);
        SyncResult result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        QCOMPARE(result.plan->count(Object::User, Action::Disable), 1);
        QVERIFY(m_ldap.entry(frank)); // still there, with no access
        QVERIFY(groupsOf(m_ldap.groups(), frank).isEmpty());

        m_connector.sync.cleanup = SyncOptions::Cleanup::Delete;
        const QString grace = m_ldap.users().value(u"grace.green"_s).dn;
        // Grace is in a group made by hand as well: deleting her takes her out of it.
        QVERIFY(!m_ldap.addGroup(u"ldap-only"_s, {grace, m_ldap.users().value(u"carol.chen"_s).dn}).isEmpty());
        QCOMPARE(removeFromKeycloak(u"grace.green"_s), 204);
        result = sync(SyncRequest::Mode::Full);
        QVERIFY2(result.status == SyncResult::Status::Succeeded, qPrintable(result.message));
        QCOMPARE(result.plan->count(Object::User, Action::Delete), 2); // Frank too, now
        QVERIFY(!m_ldap.entry(frank));
        QVERIFY(!m_ldap.entry(grace));
        const QHash<QString, QStringList> groups = m_ldap.groups();
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            QVERIFY2(!it.value().contains(grace, Qt::CaseInsensitive), qPrintable(it.key()));
        }
        QCOMPARE(members(groups, u"ldap-only"_s).size(), 1);
    }

    void deletionGuardStopsAFullSync()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        const int accessBefore = int(members(m_ldap.groups(), u"atlassian-users"_s).size());
        m_connector.sync.requiredGroups = {u"/No Such Group"_s};
        const SyncResult refused = sync(SyncRequest::Mode::Full);
        QCOMPARE(refused.status, SyncResult::Status::Refused);
        QVERIFY2(refused.message.contains(u"deletion limit"_s), qPrintable(refused.message));
        QCOMPARE(members(m_ldap.groups(), u"atlassian-users"_s).size(), accessBefore); // nothing taken away
    }

    void refusalForOneEntryCompletesWithErrors()
    {
        // An entry by the name of a Keycloak user that is no inetOrgPerson (an account made for a
        // program): not a user of the read, and the server refuses to give it a user's attributes.
        QVERIFY(m_ldap.add(u"uid=bob.baker,"_s + m_ldap.usersBase(),
                           {{u"objectClass"_s, {u"account"_s}}, {u"uid"_s, {u"bob.baker"_s}}}));
        const SyncResult result = sync(SyncRequest::Mode::Full);
        QCOMPARE(result.status, SyncResult::Status::CompletedWithErrors);
        QCOMPARE(result.run.status, u"completed-with-errors"_s);
        QCOMPARE(m_ldap.users().size(), m_realm.users().size() - 1);
        QString error;
        auto connection = DirectoryAccess::open(m_location, &error);
        const auto recorded = DirectoryStore(connection->database()).changes(result.run.id, &error);
        QVERIFY(recorded);
        QStringList failed;
        for (const Change& change : recorded->changes) {
            if (change.outcome == ChangeOutcome::Failed) {
                failed << change.key;
                QVERIFY2(change.error.contains(u"Object class violation"_s, Qt::CaseInsensitive),
                         qPrintable(change.error));
            }
        }
        QCOMPARE(failed, QStringList{u"bob.baker"_s});
    }

    void migrationPreviewLinksByUid()
    {
        QVERIFY(!m_ldap.addUser(u"alice.andersen"_s, u"alice@old.example.com"_s).isEmpty());
        QVERIFY(!m_ldap.addUser(u"BOB.BAKER"_s, u"bob@example.com"_s).isEmpty());
        QVERIFY(!m_ldap.addUser(u"grace.green"_s, u"grace@old.example.com"_s).isEmpty());
        QVERIFY(!m_ldap.addUser(u"ggreen"_s, u"grace.green@example.com"_s).isEmpty());
        QString error;
        const QHash<QString, Planner::MatchPreview::Outcome> outcomes =
            TargetWorkflow::migrationPreview(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(outcomes.value(u"alice.andersen"_s), Planner::MatchPreview::Outcome::Link);
        QCOMPARE(outcomes.value(u"bob.baker"_s), Planner::MatchPreview::Outcome::Link); // whatever the case
        QCOMPARE(outcomes.value(u"grace.green"_s), Planner::MatchPreview::Outcome::Collision);
        QCOMPARE(outcomes.value(u"carol.chen"_s), Planner::MatchPreview::Outcome::Create);
        QCOMPARE(m_ldap.users().size(), 4); // a preview changes nothing
    }

    // The reader gets at most 500 entries from a search, and more only in pages of 500 (slapd's
    // size.pr and size.prtotal): only paging reads the 600 users whole.
    void aLimitedAccountReadsEveryPage()
    {
        QVERIFY(sync(SyncRequest::Mode::Full).status == SyncResult::Status::Succeeded);
        QVERIFY(m_ldap.users().size() > 500);
        TargetConfig reader = m_target;
        reader.username = m_ldap.readerDn();
        QString error;
        {
            auto connection = DirectoryAccess::open(m_location, &error);
            QVERIFY2(TargetStore(connection->database()).update(reader, &error), qPrintable(error));
        }
        QVERIFY(SecretStore().writeNow(reader.secretKey(), m_ldap.readerPassword()).ok());
        const SyncResult simulated = sync(SyncRequest::Mode::Simulate);
        QVERIFY2(simulated.status == SyncResult::Status::Succeeded, qPrintable(simulated.message));
        QVERIFY(!simulated.plan->hasChanges()); // every user and membership was read
        const TargetTestResult tested = TargetWorkflow::test(reader, m_ldap.readerPassword());
        QCOMPARE(tested.error->kind, ConnectorError::Kind::NotAdministrator); // and it may not write
    }

    void rollbackRevertsWhatTheRunDid()
    {
        const SyncResult first = sync(SyncRequest::Mode::Full);
        QVERIFY2(first.status == SyncResult::Status::Succeeded, qPrintable(first.message));
        const QString carolUuid = m_ldap.users().value(u"carol.chen"_s).value(u"entryUUID"_s);
        QCOMPARE(m_admin.updateUser(m_realmName, u"carol.chen"_s, {{u"username"_s, u"carol.c"_s}}), 204);
        QCOMPARE(m_admin.updateUser(m_realmName, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        const SyncResult second = sync(SyncRequest::Mode::Full);
        QVERIFY2(second.status == SyncResult::Status::Succeeded, qPrintable(second.message));
        QVERIFY(m_ldap.users().contains(u"carol.c"_s));

        const RollbackResult preview =
            TargetWorkflow::rollback(m_location, TargetWorkflow::rollbackOf(second.run.id, true));
        QVERIFY2(preview.status == RollbackResult::Status::Succeeded, qPrintable(preview.message));
        RollbackRequest apply = TargetWorkflow::rollbackOf(second.run.id, false);
        apply.reviewedPlan = preview.plan;
        const RollbackResult applied = TargetWorkflow::rollback(m_location, apply);
        QVERIFY2(applied.status == RollbackResult::Status::Succeeded, qPrintable(applied.message));
        const QHash<QString, LdapServer::Entry> users = m_ldap.users();
        QCOMPARE(users.value(u"carol.chen"_s).value(u"entryUUID"_s), carolUuid);
        QVERIFY(members(m_ldap.groups(), u"atlassian-users"_s).contains(users.value(u"frank.fischer"_s).dn.toLower()));
    }

private:
    TargetConfig config() const
    {
        TargetConfig target;
        target.name = u"OpenLDAP"_s;
        target.type = TargetConfig::ldapType;
        target.url = m_ldap.url();
        target.auth = TargetConfig::Auth::Basic;
        target.username = m_ldap.bindDn();
        target.http.caFile = m_ldap.caFile();
        target.accessGroups = TargetConfig::defaultAccessGroups(TargetConfig::ldapType);
        target.ldap.usersBase = m_ldap.usersBase();
        target.ldap.groupsBase = m_ldap.groupsBase();
        return target;
    }

    // A group's member DNs, lower-cased; empty when there is no such group.
    static QStringList members(const QHash<QString, QStringList>& groups, const QString& name)
    {
        QStringList lower;
        for (const QString& member : groups.value(name)) {
            lower << member.toLower();
        }
        return lower;
    }

    static QStringList groupsOf(const QHash<QString, QStringList>& groups, const QString& dn)
    {
        QStringList names;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            if (it.value().contains(dn, Qt::CaseInsensitive)) {
                names << it.key();
            }
        }
        return names;
    }

    SyncResult sync(SyncRequest::Mode mode, std::shared_ptr<const ChangeSet> reviewed = {})
    {
        return TargetWorkflow::sync(m_location, m_connector, m_realm.clientSecret(u"usersync-sync"_s), mode,
                                    std::move(reviewed));
    }

    LdapServer m_ldap;
    KeycloakAdmin m_admin;
    TestRealm m_realm;
    QTemporaryDir m_temporary;
    QString m_url;
    QString m_realmName;
    DirectoryLocation m_location = DirectoryLocation::defaultLocation();
    TargetConfig m_target;
    ConnectorConfig m_connector;
};

QTEST_GUILESS_MAIN(TestLdapSync)
#include "tst_ldapsync.moc"

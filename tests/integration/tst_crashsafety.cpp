#include "AtlassianEmulator.h"
#include "LdapServer.h"
#include "ScimServer.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"
#include "sync/SyncLock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// A full sync killed (SIGKILL) in the middle of applying leaves the SQL directory exactly as it
// was or exactly synced, on SQLite and on PostgreSQL, and an application with no duplicate and
// a history that claims nothing it did not do; the next sync then completes. The kill comes from
// inside, at a chosen point (USERSYNC_TEST_KILL_AT), so the test does not depend on timing.
class TestCrashSafety final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        USERSYNC_REQUIRE_POSTGRES(postgres);
        QVERIFY(m_home.isValid());
        QVERIFY(m_realm.isValid());
        m_url = url;
        m_postgres = *postgres;
        QVERIFY(SecretStore().writeNow(DirectoryAccess::passwordKey(m_postgres.location), m_postgres.password).ok());
    }

    void killedApplyLeavesTheDirectoryAsItWas_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<QString>("killAt");
        QTest::addColumn<bool>("applied"); // the kill comes after the commit
        for (const bool postgres : {false, true}) {
            const QString db = postgres ? u"postgresql"_s : u"sqlite"_s;
            for (const QString& point : directoryKillPoints()) {
                QTest::addRow("%s, %s", qPrintable(db), qPrintable(point))
                    << postgres << point << (point == u"committed"_s);
            }
        }
    }

    void killedApplyLeavesTheDirectoryAsItWas()
    {
        QFETCH(bool, postgres);
        QFETCH(QString, killAt);
        QFETCH(bool, applied);
        const QString directory =
            postgres ? m_postgres.location.toString() : m_home.filePath(u"crash-%1.sqlite"_s.arg(++m_runs));
        const DirectoryLocation location = *DirectoryLocation::parse(directory);
        clean(location);
        const QString name = u"crash-%1"_s.arg(++m_runs);
        QCOMPARE(cli({u"connector"_s, u"add"_s, name, u"--directory"_s, directory, u"--url"_s, m_url, u"--realm"_s,
                      m_realm.name(), u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s},
                     m_realm.clientSecret(u"usersync-sync"_s).toUtf8(), {})
                     .exitCode(),
                 0);
        const QByteArray before = state(location).fingerprint;

        QProcess killed;
        runCli(killed, {u"sync"_s, name, u"--full"_s, u"--directory"_s, directory}, {}, killAt);
        QCOMPARE(killed.exitStatus(), QProcess::CrashExit);
        // Exactly before or exactly after, and the history says which.
        const DirectoryState afterKill = state(location);
        QString error;
        {
            auto connection = DirectoryAccess::open(location, &error);
            QVERIFY2(connection, qPrintable(error));
            const auto runs = DirectoryStore(connection->database()).runs({}, 10, &error);
            QVERIFY2(runs, qPrintable(error));
            if (applied) {
                QCOMPARE(afterKill.users.size(), m_realm.users().size());
                QVERIFY(!afterKill.memberships.isEmpty());
                QCOMPARE(runs->size(), 1);
                QCOMPARE(runs->first().status, u"succeeded"_s);
            } else {
                QCOMPARE(afterKill.fingerprint, before);
                QVERIFY(afterKill.users.isEmpty() && afterKill.memberships.isEmpty());
                QVERIFY(runs->isEmpty());
            }
        }
        // PostgreSQL ends the killed session (and frees its sync lock) once it sees the socket close.
        QTRY_VERIFY_WITH_TIMEOUT(syncLockFree(location, name), 10'000);

        const QProcess& completed = cli({u"sync"_s, name, u"--full"_s, u"--directory"_s, directory}, {}, {});
        QCOMPARE(completed.exitCode(), 0);
        QCOMPARE(state(location).users.size(), m_realm.users().size());
    }

    void killedApplyIntoJiraConverges_data() { applicationKillPoints(); }
    void killedApplyIntoJiraConverges() { killedApplyIntoAnApplicationConverges(u"Jira"_s); }
    void killedApplyIntoConfluenceConverges_data() { applicationKillPoints(); }
    void killedApplyIntoConfluenceConverges() { killedApplyIntoAnApplicationConverges(u"Confluence"_s); }
    void killedApplyIntoBitbucketConverges_data() { applicationKillPoints(); }
    void killedApplyIntoBitbucketConverges() { killedApplyIntoAnApplicationConverges(u"Bitbucket"_s); }

    void killedApplyIntoScimConverges_data() { applicationKillPoints(); }

    // The same into the real SCIM server: a user whose create was answered but not recorded is
    // found by the next run's lookup (by externalId) and adopted, not made twice.
    void killedApplyIntoScimConverges()
    {
        QFETCH(QString, killAt);
        ScimServer scim;
        QVERIFY2(scim.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_SCIM_URL").constData());
        QVERIFY(scim.reset());
        const QString directory = m_home.filePath(u"crash-scim-%1.sqlite"_s.arg(++m_runs));
        const DirectoryLocation location = *DirectoryLocation::parse(directory);
        const QString name = u"crash-scim-%1"_s.arg(m_runs);
        QCOMPARE(cli({u"target"_s, u"add"_s, u"SCIM"_s, u"--directory"_s, directory, u"--type"_s, u"scim"_s, u"--url"_s,
                      scim.url(), u"--token-stdin"_s},
                     scim.token().toUtf8(), {})
                     .exitCode(),
                 0);
        killedFullSyncInto(u"SCIM"_s, name, directory, killAt);
        QVERIFY(!QTest::currentTestFailed());
        const QHash<QString, QStringList> afterKill = scimGroupsByUserName(scim.state());
        QString error;
        {
            auto connection = DirectoryAccess::open(location, &error);
            DirectoryStore store(connection->database());
            const auto runs = store.runs({}, 10, &error);
            QVERIFY(runs && runs->size() == 1);
            QCOMPARE(runs->first().status, u"running"_s);
            const auto recorded = store.changes(runs->first().id, &error);
            QVERIFY(recorded);
            // Whatever the history marks done is in the service.
            for (const Change& change : recorded->changes) {
                if (change.object == Change::Object::User && change.outcome == ChangeOutcome::Done) {
                    QVERIFY2(afterKill.contains(change.key.toLower()), qPrintable(change.key));
                }
            }
            for (const MembershipChange& membership : recorded->memberships) {
                if (membership.outcome == ChangeOutcome::Done) {
                    const QString user = recorded->memberUsers.at(membership.user).name;
                    const QString group = recorded->memberGroups.at(membership.group).name;
                    QVERIFY2(afterKill.value(user.toLower()).contains(group), qPrintable(user + u" in "_s + group));
                }
            }
        }

        QProcess& completed = cli({u"sync"_s, name, u"--full"_s, u"--json"_s, u"--directory"_s, directory}, {}, {});
        const QJsonObject outcome = QJsonDocument::fromJson(completed.readAllStandardOutput()).object();
        QCOMPARE(outcome.value(u"status"_s).toString(), u"succeeded"_s);
        // Everyone once, with the source's id, and every group once.
        const QJsonObject now = scim.state();
        QSet<QString> userNames;
        QSet<QString> externalIds;
        for (const QJsonValue user : now.value(u"users"_s).toArray()) {
            userNames.insert(user[u"userName"_s].toString().toLower());
            externalIds.insert(user[u"externalId"_s].toString());
        }
        QCOMPARE(now.value(u"users"_s).toArray().size(), m_realm.users().size());
        QCOMPARE(userNames.size(), m_realm.users().size());
        QCOMPARE(externalIds.size(), m_realm.users().size());
        QVERIFY(!externalIds.contains(QString()));
        QSet<QString> groups;
        for (const QJsonValue group : now.value(u"groups"_s).toArray()) {
            groups.insert(group[u"displayName"_s].toString());
        }
        QCOMPARE(groups.size(), now.value(u"groups"_s).toArray().size());
        QVERIFY(scimGroupsByUserName(now).value(u"bob.baker"_s).contains(u"All Staff"_s));
        auto connection = DirectoryAccess::open(location, &error);
        const auto runs = DirectoryStore(connection->database()).runs({}, 10, &error);
        QCOMPARE(runs->last().status, u"interrupted"_s);
    }

    void killedApplyIntoLdapConverges_data() { applicationKillPoints(); }

    // The same into the real OpenLDAP server: a user whose entry was made but not recorded is read
    // by the next run, linked by its uid and given the rest, never made twice (one DN is one entry).
    void killedApplyIntoLdapConverges()
    {
        QFETCH(QString, killAt);
        LdapServer ldap;
        QVERIFY2(ldap.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_LDAP_URL").constData());
        QVERIFY2(ldap.reset(), qPrintable(ldap.lastError()));
        const QString directory = m_home.filePath(u"crash-ldap-%1.sqlite"_s.arg(++m_runs));
        const DirectoryLocation location = *DirectoryLocation::parse(directory);
        const QString name = u"crash-ldap-%1"_s.arg(m_runs);
        QCOMPARE(cli({u"target"_s, u"add"_s, u"LDAP"_s, u"--directory"_s, directory, u"--type"_s, u"ldap"_s, u"--url"_s,
                      ldap.url(), u"--bind-dn"_s, ldap.bindDn(), u"--password-stdin"_s, u"--users-base"_s,
                      ldap.usersBase(), u"--groups-base"_s, ldap.groupsBase(), u"--ca-file"_s, ldap.caFile()},
                     ldap.bindPassword().toUtf8(), {})
                     .exitCode(),
                 0);
        killedFullSyncInto(u"LDAP"_s, name, directory, killAt);
        QVERIFY(!QTest::currentTestFailed());
        const QHash<QString, LdapServer::Entry> afterKill = ldap.users();
        const QHash<QString, QStringList> groupsAfterKill = ldap.groups();
        QString error;
        {
            auto connection = DirectoryAccess::open(location, &error);
            DirectoryStore store(connection->database());
            const auto runs = store.runs({}, 10, &error);
            QVERIFY(runs && runs->size() == 1);
            QCOMPARE(runs->first().status, u"running"_s);
            const auto recorded = store.changes(runs->first().id, &error);
            QVERIFY(recorded);
            // Whatever the history marks done is in the directory.
            for (const Change& change : recorded->changes) {
                if (change.object == Change::Object::User && change.outcome == ChangeOutcome::Done) {
                    QVERIFY2(afterKill.contains(change.key.toLower()), qPrintable(change.key));
                }
            }
            for (const MembershipChange& membership : recorded->memberships) {
                if (membership.outcome == ChangeOutcome::Done) {
                    const QString user = recorded->memberUsers.at(membership.user).name.toLower();
                    const QString group = recorded->memberGroups.at(membership.group).name;
                    QVERIFY2(groupsAfterKill.value(group).contains(afterKill.value(user).dn, Qt::CaseInsensitive),
                             qPrintable(user + u" in "_s + group));
                }
            }
        }

        QProcess& completed = cli({u"sync"_s, name, u"--full"_s, u"--json"_s, u"--directory"_s, directory}, {}, {});
        const QJsonObject outcome = QJsonDocument::fromJson(completed.readAllStandardOutput()).object();
        QCOMPARE(outcome.value(u"status"_s).toString(), u"succeeded"_s);
        // Everyone once, every group once, Bob in his group, and nothing left to do.
        const QHash<QString, LdapServer::Entry> users = ldap.users();
        QCOMPARE(users.size(), m_realm.users().size());
        QSet<QString> ids;
        for (const LdapServer::Entry& user : users) {
            ids.insert(user.value(u"entryUUID"_s));
        }
        QCOMPARE(ids.size(), m_realm.users().size());
        QVERIFY(ldap.groups().value(u"All Staff"_s).contains(users.value(u"bob.baker"_s).dn, Qt::CaseInsensitive));
        QProcess& again = cli({u"sync"_s, name, u"--simulate"_s, u"--directory"_s, directory}, {}, {});
        QCOMPARE(again.exitCode(), 0);
        const QString simulated = QString::fromUtf8(again.readAllStandardOutput());
        QVERIFY2(!simulated.contains(u"Apply it with"_s), qPrintable(simulated)); // nothing left to do
        auto connection = DirectoryAccess::open(location, &error);
        const auto runs = DirectoryStore(connection->database()).runs({}, 10, &error);
        QVERIFY(runs && runs->size() == 3);
        QCOMPARE(runs->last().status, u"interrupted"_s); // the killed one, the oldest
    }

private:
    // Where an apply into the SQL directory is killed (TestHooks): after the first rows, among
    // the 626 users and groups of the test realm's full sync, at the last of them and the first of
    // the memberships that follow, among those, once every row is made, once the run is recorded
    // too (just before the commit), and just after the commit.
    static QStringList directoryKillPoints()
    {
        return {u"row:1"_s,   u"row:2"_s,    u"row:100"_s, u"row:300"_s, u"row:626"_s,  u"row:627"_s,
                u"row:900"_s, u"row:1200"_s, u"applied"_s, u"commit"_s,  u"committed"_s};
    }

    // Where an apply into an application is killed, as the data of a test: once the run and its
    // plan are recorded and before any call; after the Nth answer and before it is recorded, from
    // the first user to the last memberships; and once every answer is in, before the run's end
    // is recorded.
    static void applicationKillPoints()
    {
        QTest::addColumn<QString>("killAt");
        for (const QString& point : {u"begun"_s, u"call:1"_s, u"call:10"_s, u"call:100"_s, u"call:300"_s, u"call:500"_s,
                                     u"call:700"_s, u"call:900"_s, u"call:1100"_s, u"finished"_s}) {
            QTest::addRow("%s", qPrintable(point)) << point;
        }
    }

    // Into an application there is no transaction: a kill leaves what the application did done.
    // The history says what was, the next sync reads the application again and finishes the
    // work, and no one is made twice.
    void killedApplyIntoAnApplicationConverges(const QString& product)
    {
        QFETCH(QString, killAt);
        AtlassianEmulator emulator = product == u"Jira"_s ? AtlassianEmulator::jira()
            : product == u"Confluence"_s                  ? AtlassianEmulator::confluence()
                                                          : AtlassianEmulator::bitbucket();
        // Bitbucket refuses tokens on its administration API: its administrator's password.
        const bool password = product == u"Bitbucket"_s;
        QVERIFY2(emulator.isValid(),
                 TestEnvironment::missingServiceMessage(emulator.directVariable().toUtf8().constData()).constData());
        QVERIFY(emulator.reset());
        const QString directory = m_home.filePath(u"crash-app-%1.sqlite"_s.arg(++m_runs));
        const DirectoryLocation location = *DirectoryLocation::parse(directory);
        const QString name = u"crash-app-%1"_s.arg(m_runs);
        QStringList add{u"target"_s, u"add"_s,          product,    u"--directory"_s, directory,
                        u"--type"_s, product.toLower(), u"--url"_s, emulator.url()};
        add << (password ? QStringList{u"--username"_s, emulator.adminUser(), u"--password-stdin"_s}
                         : QStringList{u"--token-stdin"_s});
        QCOMPARE(cli(add, (password ? emulator.adminPassword() : emulator.token()).toUtf8(), {}).exitCode(), 0);
        killedFullSyncInto(product, name, directory, killAt);
        QVERIFY(!QTest::currentTestFailed());
        const QJsonObject afterKill = emulator.state();
        // The history of the killed run: whatever it marks done is in the application.
        QString error;
        {
            auto connection = DirectoryAccess::open(location, &error);
            DirectoryStore store(connection->database());
            const auto runs = store.runs({}, 10, &error);
            QVERIFY(runs && runs->size() == 1);
            QCOMPARE(runs->first().status, u"running"_s);
            const auto recorded = store.changes(runs->first().id, &error);
            QVERIFY(recorded);
            for (const Change& change : recorded->changes) {
                if (change.object == Change::Object::User && change.outcome == ChangeOutcome::Done) {
                    QVERIFY2(!AtlassianEmulator::user(afterKill, change.key).isEmpty(), qPrintable(change.key));
                }
            }
            // The memberships' rows are written while the users are sent, and all of them before
            // the first membership's call: once one is settled, every one is in the history.
            qsizetype planned = 0;
            const QJsonObject counts = runs->first().counts.value(u"memberships"_s).toObject();
            for (auto it = counts.begin(); it != counts.end(); ++it) {
                planned += it.value().toInt();
            }
            bool membershipSettled = false;
            for (const MembershipChange& membership : recorded->memberships) {
                if (membership.outcome == ChangeOutcome::Done) {
                    membershipSettled = true;
                    const QString user = recorded->memberUsers.at(membership.user).name;
                    const QString group = recorded->memberGroups.at(membership.group).name;
                    QVERIFY2(AtlassianEmulator::groupsOf(afterKill, user).contains(group),
                             qPrintable(user + u" in "_s + group));
                }
            }
            if (membershipSettled) {
                QCOMPARE(recorded->memberships.size(), planned);
            }
        }

        QProcess& completed = cli({u"sync"_s, name, u"--full"_s, u"--json"_s, u"--directory"_s, directory}, {}, {});
        // Erin has no e-mail address, which both products refuse, run after run: she and her two
        // memberships are the only errors.
        const QJsonObject outcome = QJsonDocument::fromJson(completed.readAllStandardOutput()).object();
        QCOMPARE(outcome.value(u"status"_s).toString(), u"completed-with-errors"_s);
        QVERIFY2(outcome.value(u"message"_s)
                     .toString()
                     .startsWith(u"Completed with errors: %1 refused 3 of "_s.arg(product)),
                 qPrintable(outcome.value(u"message"_s).toString()));
        const QJsonObject now = emulator.state();
        QSet<QString> names;
        for (const QJsonValue user : now.value(u"users"_s).toArray()) {
            names.insert(user[u"name"_s].toString());
        }
        // Everyone once: the administrator, and every person but Erin.
        QCOMPARE(now.value(u"users"_s).toArray().size(), m_realm.users().size());
        QCOMPARE(names.size(), m_realm.users().size());
        auto connection = DirectoryAccess::open(location, &error);
        const auto runs = DirectoryStore(connection->database()).runs({}, 10, &error);
        QCOMPARE(runs->last().status, u"interrupted"_s);
    }

    // userName (lower case) -> the displayNames of the groups the user is a member of.
    static QHash<QString, QStringList> scimGroupsByUserName(const QJsonObject& state)
    {
        QHash<QString, QString> userNames;
        QHash<QString, QStringList> groups;
        for (const QJsonValue user : state.value(u"users"_s).toArray()) {
            userNames.insert(user[u"id"_s].toString(), user[u"userName"_s].toString().toLower());
            groups.insert(user[u"userName"_s].toString().toLower(), {});
        }
        for (const QJsonValue group : state.value(u"groups"_s).toArray()) {
            for (const QJsonValue member : group[u"members"_s].toArray()) {
                groups[userNames.value(member[u"value"_s].toString())].append(group[u"displayName"_s].toString());
            }
        }
        return groups;
    }

    void clean(const DirectoryLocation& location)
    {
        QString error;
        auto connection = DirectoryAccess::open(location, &error);
        QVERIFY2(connection, qPrintable(error));
        QVERIFY(TestEnvironment::emptyDirectory(connection->database(), true));
    }

    static bool syncLockFree(const DirectoryLocation& location, const QString& name)
    {
        QString error;
        auto connection = DirectoryAccess::open(location, &error);
        const auto config = connection ? ConnectorStore(connection->database()).find(name, &error) : std::nullopt;
        return config && SyncLock::acquire(location, connection->database(), config->id, name, &error) != nullptr;
    }

    static DirectoryState state(const DirectoryLocation& location)
    {
        QString error;
        auto connection = DirectoryAccess::open(location, &error);
        return connection ? DirectoryStore(connection->database()).load(&error).value_or(DirectoryState{})
                          : DirectoryState{};
    }

    // A connector `name` in `directory` synchronizing the test realm into the application `target`,
    // and its full sync killed at `killAt`.
    void killedFullSyncInto(const QString& target, const QString& name, const QString& directory, const QString& killAt)
    {
        QCOMPARE(cli({u"connector"_s, u"add"_s, name, u"--directory"_s, directory, u"--url"_s, m_url, u"--realm"_s,
                      m_realm.name(), u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s, u"--target"_s, target},
                     m_realm.clientSecret(u"usersync-sync"_s).toUtf8(), {})
                     .exitCode(),
                 0);
        QProcess killed;
        runCli(killed, {u"sync"_s, name, u"--full"_s, u"--directory"_s, directory}, {}, killAt);
        QCOMPARE(killed.exitStatus(), QProcess::CrashExit);
    }

    void runCli(QProcess& process, const QStringList& arguments, const QByteArray& input, const QString& killAt)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        if (!killAt.isEmpty()) {
            environment.insert(u"USERSYNC_TEST_KILL_AT"_s, killAt);
        }
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(USERSYNC_CLI_PATH), arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(120'000);
    }

    QProcess& cli(const QStringList& arguments, const QByteArray& input, const QString& killAt)
    {
        m_last = std::make_unique<QProcess>();
        runCli(*m_last, arguments, input, killAt);
        if (m_last->exitCode() != 0) {
            qWarning("%s", m_last->readAllStandardError().constData());
        }
        return *m_last;
    }

    TestRealm m_realm;
    QTemporaryDir m_home;
    QString m_url;
    TestEnvironment::PostgresService m_postgres{DirectoryLocation::sqlite({}), {}};
    std::unique_ptr<QProcess> m_last;
    int m_runs = 0;
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"

#include "AtlassianEmulator.h"
#include "LdapServer.h"
#include "ScimServer.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "config/SecretStore.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryAccess.h"
#include "directory/Schema.h"
#include "model/SnapshotJson.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

// usersync-cli as an administrator runs it: the real executable, the real keychain, the real
// Keycloak, a directory of its own in a temporary home.
class TestCli final : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        QVERIFY(m_home.isValid());
        m_url = url;
        m_secret = m_realm.clientSecret(u"usersync-sync"_s);
    }

    void addsAConnectorWhoseTestPasses()
    {
        const Run add = cli({u"connector"_s, u"add"_s, u"Test Realm"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                             u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s},
                            m_secret.toUtf8() + "\n");
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QVERIFY(add.out.contains(u"Connector “Test Realm” added"_s));

        const Run test = cli({u"connector"_s, u"test"_s, u"Test Realm"_s});
        QVERIFY2(test.exitCode == 0, qPrintable(test.out + test.err));
        QVERIFY(test.out.contains(u"Connection OK."_s));
        QVERIFY(test.out.contains(u"Users readable: %1"_s.arg(m_realm.users().size())));

        const Run json = cli({u"connector"_s, u"test"_s, u"test realm"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject result = json.json();
        QCOMPARE(result[u"ok"_s].toBool(), true);
        QCOMPARE(result[u"userCount"_s].toInt(), m_realm.users().size());
        QCOMPARE(result[u"topLevelGroupCount"_s].toInt(), m_realm.topLevelGroupNames().size());
        QCOMPARE(result[u"withAuthPath"_s].toBool(), false);
        QVERIFY(result[u"error"_s].isNull());
    }

    void secretIsOnlyInTheKeychain()
    {
        // Every file the CLI wrote (directory, settings) is searched for the secret.
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int searched = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(m_secret.toUtf8()), qPrintable(file.fileName()));
            ++searched;
        }
        QVERIFY(searched > 0);
        const Run show = cli({u"connector"_s, u"show"_s, u"Test Realm"_s, u"--json"_s});
        QCOMPARE(show.json()[u"secret"_s].toString(), u"stored"_s);
        QVERIFY(!show.out.contains(m_secret));
    }

    // The applications a connector synchronizes into, as the README's Jira guide uses them.
    void targetCommands()
    {
        AtlassianEmulator jira = AtlassianEmulator::jira();
        QVERIFY2(jira.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_JIRA_URL").constData());
        QVERIFY(jira.reset());
        const QList<QPair<QString, QString>> token = {{u"JIRA_TOKEN"_s, jira.token()}};
        QCOMPARE(cli({u"target"_s, u"add"_s, u"Jira"_s, u"--type"_s, u"jira"_s, u"--url"_s, jira.url()}).exitCode,
                 2); // how it signs in is not optional
        const Run add = cli({u"target"_s, u"add"_s, u"Jira"_s, u"--type"_s, u"jira"_s, u"--url"_s, jira.url(),
                             u"--token-env"_s, u"JIRA_TOKEN"_s},
                            {}, token);
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const Run list = cli({u"target"_s, u"list"_s, u"--json"_s});
        QCOMPARE(list.json()[u"targets"_s].toArray().size(), 1);
        const Run show = cli({u"target"_s, u"show"_s, u"jira"_s, u"--json"_s});
        QCOMPARE(show.json()[u"credential"_s].toString(), u"stored"_s);
        QCOMPARE(show.json()[u"auth"_s].toString(), u"token"_s);
        QVERIFY(!show.out.contains(jira.token()));

        const Run test = cli({u"target"_s, u"test"_s, u"Jira"_s, u"--json"_s});
        QCOMPARE(test.exitCode, 0);
        const QJsonObject result = test.json();
        QCOMPARE(result[u"ok"_s].toBool(), true);
        QCOMPARE(result[u"product"_s].toString(), u"Jira"_s);
        QCOMPARE(result[u"version"_s].toString(), u"11.3.8"_s);
        QCOMPARE(result[u"userCount"_s].toInt(), 1);
        QCOMPARE(result[u"groupCount"_s].toInt(), 2);
        QVERIFY(result[u"warnings"_s].isArray());
        QVERIFY(result[u"error"_s].isNull());
        const Run plain = cli({u"target"_s, u"test"_s, u"Jira"_s});
        QVERIFY2(plain.out.contains(u"✓ Jira 11.3.8 answers"_s), qPrintable(plain.out));

        const Run wrong = cli({u"target"_s, u"edit"_s, u"Jira"_s, u"--token-env"_s, u"JIRA_TOKEN"_s}, {},
                              {{u"JIRA_TOKEN"_s, u"not-the-token"_s}});
        QCOMPARE(wrong.exitCode, 0);
        const Run refused = cli({u"target"_s, u"test"_s, u"Jira"_s, u"--json"_s});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.json()[u"error"_s][u"kind"_s].toString(), u"unauthorized"_s);
        QCOMPARE(cli({u"target"_s, u"edit"_s, u"Jira"_s, u"--token-env"_s, u"JIRA_TOKEN"_s}, {}, token).exitCode, 0);

        // A connector synchronizes into it; the application cannot go while it does.
        QCOMPARE(cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--target"_s, u"Jira"_s}).exitCode, 0);
        const Run into = cli({u"connector"_s, u"show"_s, u"Test Realm"_s});
        QVERIFY2(into.out.contains(u"Synchronizes into: Jira (Jira, "_s), qPrintable(into.out));
        const Run blocked = cli({u"target"_s, u"remove"_s, u"Jira"_s});
        QCOMPARE(blocked.exitCode, 1);
        QVERIFY2(blocked.err.contains(u"Test Realm"_s), qPrintable(blocked.err));
        QCOMPARE(cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--target"_s, u"directory"_s}).exitCode, 0);
        QCOMPARE(cli({u"target"_s, u"remove"_s, u"Jira"_s}).exitCode, 0);
        QCOMPARE(cli({u"target"_s, u"list"_s, u"--json"_s}).json()[u"targets"_s].toArray().size(), 0);
    }

    void secretIsNeverAnArgument()
    {
        const Run add = cli({u"connector"_s, u"add"_s, u"Other"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                             u"--client-id"_s, u"usersync-sync"_s, u"--secret"_s, m_secret});
        QCOMPARE(add.exitCode, 2);
        QVERIFY(cli({u"connector"_s, u"list"_s}).out.contains(u"Other"_s) == false);
    }

    // A process that is about to hold a secret cannot leave a core dump of its memory: even with
    // core dumps allowed where it was started, its own limit is 0 once it waits for the secret.
    void noCoreDumpOfAProcessHoldingASecret()
    {
        rlimit allowed{};
        QCOMPARE(::getrlimit(RLIMIT_CORE, &allowed), 0);
        if (allowed.rlim_max == 0) {
            QSKIP("core dumps are not allowed here at all, so a process has nothing to turn off");
        }
        const rlimit before = allowed;
        allowed.rlim_cur = allowed.rlim_max;
        QCOMPARE(::setrlimit(RLIMIT_CORE, &allowed), 0);
        QProcess add;
        add.setProcessEnvironment(environment());
        add.start(QStringLiteral(USERSYNC_CLI_PATH),
                  {u"connector"_s, u"add"_s, u"Dump Check"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                   u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s});
        QVERIFY(add.waitForStarted());
        ::setrlimit(RLIMIT_CORE, &before);
        add.write(m_secret.left(8).toUtf8()); // part of it, and no end: it waits for the rest
        const QString limits = u"/proc/%1/limits"_s.arg(add.processId());
        QTRY_VERIFY_WITH_TIMEOUT(coreLimitOf(limits) == u"0 0"_s, 10'000);
        QCOMPARE(add.state(), QProcess::Running);
        add.kill();
        QVERIFY(add.waitForFinished(10'000));
        QVERIFY(!cli({u"connector"_s, u"list"_s}).out.contains(u"Dump Check"_s));
    }

    void badDirectoryFileIsRefusedUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("said");
        QTest::newRow("not a database") << u"text"_s << u"file is not a database"_s;
        QTest::newRow("another program's database") << u"foreign"_s << u"holds tables of another program (invoices)"_s;
        QTest::newRow("another tool's migrations")
            << u"migrations"_s << u"holds tables of another program (schema_migrations, users)"_s;
        QTest::newRow("written by a newer UserSync") << u"newer"_s << u"last used by a newer UserSync"_s;
        QTest::newRow("a folder") << u"folder"_s << u"cannot be opened"_s;
    }

    // A --directory that is not a directory this UserSync may use is refused with a sentence
    // that says why, and left exactly as it was: no tables added, no journal mode changed, no
    // migration backwards.
    void badDirectoryFileIsRefusedUntouched()
    {
        QFETCH(QString, kind);
        QFETCH(QString, said);
        const QString path = m_home.filePath(u"bad-%1.sqlite"_s.arg(kind));
        if (kind == u"text"_s) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("name,email\nalice,alice@example.org\n");
        } else if (kind == u"folder"_s) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == u"foreign"_s || kind == u"migrations"_s) {
            // As another program makes its database: SQLite's defaults, a rollback journal; one
            // kept by a migration tool that names its table as UserSync does.
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery query(db);
                if (kind == u"foreign"_s) {
                    QVERIFY(query.exec(u"CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"_s));
                } else {
                    QVERIFY(query.exec(u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)"_s));
                    QVERIFY(query.exec(u"INSERT INTO schema_migrations VALUES (3)"_s));
                    QVERIFY(query.exec(u"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)"_s));
                }
            }
            QSqlDatabase::removeDatabase(u"foreign"_s);
        } else {
            // A directory that a later version has migrated further.
            QCOMPARE(cli({u"connector"_s, u"list"_s, u"--directory"_s, path}).exitCode, 0);
            execute(path,
                    u"INSERT INTO schema_migrations (version, applied_at) VALUES (%1, 0)"_s.arg(Schema::latestVersion()
                                                                                                + 1));
        }
        const QByteArray before = kind == u"folder"_s ? QByteArray() : fileContents(path);
        const QStringList filesBefore = QDir(m_home.path()).entryList(QDir::Files, QDir::Name);

        const Run list = cli({u"connector"_s, u"list"_s, u"--directory"_s, path});
        QVERIFY2(list.exitCode != 0, qPrintable(list.out));
        QVERIFY2(list.err.contains(said), qPrintable(list.err));
        const Run add = cli({u"connector"_s, u"add"_s, u"Bad"_s, u"--directory"_s, path, u"--url"_s, m_url,
                             u"--realm"_s, m_realm.name(), u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s},
                            m_secret.toUtf8());
        QVERIFY2(add.exitCode != 0, qPrintable(add.out));
        QVERIFY2(add.err.contains(said), qPrintable(add.err));
        if (kind != u"folder"_s) {
            QCOMPARE(fileContents(path), before);
        }
        QCOMPARE(QDir(m_home.path()).entryList(QDir::Files, QDir::Name), filesBefore);
    }

    void listNamesItsColumns()
    {
        const Run list = cli({u"connector"_s, u"list"_s});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), u"Name\tURL\tRealm\tClient ID"_s);
        const QStringList row = lines.at(1).split(u'\t');
        QCOMPARE(row.size(), 4);
        QCOMPARE(row.at(0), u"Test Realm"_s);
        QCOMPARE(row.at(2), m_realm.name());
        QCOMPARE(row.at(3), u"usersync-sync"_s);

        // Scripts read --json, which has no header.
        const Run json = cli({u"connector"_s, u"list"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray connectors = json.json()[u"connectors"_s].toArray();
        QCOMPARE(connectors.size(), 1);
        QCOMPARE(connectors.at(0)[u"name"_s].toString(), u"Test Realm"_s);
    }

    // An empty required group would match no group, and the next sync would disable nearly everyone.
    void requiredGroupNeedsAName()
    {
        const QString refusal = u"--required-group needs a group name; use --no-required-groups to sync everyone."_s;
        for (const QString& blank : {QString(), u"   "_s}) {
            const Run edit = cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--required-group"_s, blank});
            QCOMPARE(edit.exitCode, 2);
            QVERIFY2(edit.err.contains(refusal), qPrintable(edit.err));
            const Run mixed = cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--required-group"_s, u"Sales"_s,
                                   u"--required-group"_s, blank});
            QCOMPARE(mixed.exitCode, 2);
            const Run add =
                cli({u"connector"_s, u"add"_s, u"Blank Group"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                     u"--client-id"_s, u"usersync-sync"_s, u"--required-group"_s, blank, u"--secret-stdin"_s},
                    m_secret.toUtf8());
            QCOMPARE(add.exitCode, 2);
            QVERIFY2(add.err.contains(refusal), qPrintable(add.err));
        }
        QVERIFY(!cli({u"connector"_s, u"list"_s}).out.contains(u"Blank Group"_s));
        const QJsonObject stored = cli({u"connector"_s, u"show"_s, u"Test Realm"_s, u"--json"_s}).json();
        QCOMPARE(stored[u"sync"_s][u"requiredGroups"_s].toArray().size(), 0);
        const Run show = cli({u"connector"_s, u"show"_s, u"Test Realm"_s});
        QVERIFY2(show.out.contains(u"Required groups:   everyone (no restriction)\n"_s), qPrintable(show.out));

        // Saved before the refusal: the empty name is shown, and what to do about it.
        storeRequiredGroups(u"Test Realm"_s, {QString(), u"Sales"_s});
        const Run blank = cli({u"connector"_s, u"show"_s, u"Test Realm"_s});
        QVERIFY2(blank.out.contains(u"Required groups:   “”, Sales\n"_s), qPrintable(blank.out));
        QVERIFY2(blank.out.contains(u"Warning: an empty required group name matches no group."_s),
                 qPrintable(blank.out));
        QCOMPARE(cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--no-required-groups"_s}).exitCode, 0);
        const Run fixed = cli({u"connector"_s, u"show"_s, u"Test Realm"_s});
        QVERIFY2(fixed.out.contains(u"Required groups:   everyone (no restriction)\n"_s), qPrintable(fixed.out));
        QVERIFY(!fixed.out.contains(u"Warning:"_s));
    }

    // A schedule no date matches is refused when it is given, not saved to show no next run.
    void scheduleThatNeverRunsIsRefused()
    {
        const Run add =
            cli({u"connector"_s, u"add"_s, u"Never"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                 u"--client-id"_s, u"usersync-sync"_s, u"--schedule"_s, u"0 0 2 31 2 ?"_s, u"--secret-stdin"_s},
                m_secret.toUtf8());
        QCOMPARE(add.exitCode, 2);
        QVERIFY2(add.err.contains(u"never runs"_s), qPrintable(add.err));
        QVERIFY(!cli({u"connector"_s, u"list"_s}).out.contains(u"Never"_s));
        const Run edit = cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--schedule"_s, u"0 0 2 30 2 ?"_s});
        QCOMPARE(edit.exitCode, 2);
        QVERIFY2(edit.err.contains(u"never runs"_s), qPrintable(edit.err));
        const QJsonObject stored = cli({u"connector"_s, u"show"_s, u"Test Realm"_s, u"--json"_s}).json();
        QVERIFY(stored[u"schedule"_s][u"cron"_s].toString() != u"0 0 2 30 2 ?"_s);
    }

    void wrongSecretFailsWithTheConsoleStep()
    {
        const Run edit = cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--secret-env"_s, u"WRONG_SECRET"_s}, {},
                             {{u"WRONG_SECRET"_s, u"not-the-secret"_s}});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
        const Run test = cli({u"connector"_s, u"test"_s, u"Test Realm"_s, u"--json"_s});
        QCOMPARE(test.exitCode, 1);
        const QJsonObject error = test.json()[u"error"_s].toObject();
        QCOMPARE(error[u"kind"_s].toString(), u"invalid-client"_s);
        QVERIFY(error[u"message"_s].toString().contains(u"Credentials"_s));
        QVERIFY(!test.out.contains(u"not-the-secret"_s));

        const Run restore = cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--secret-stdin"_s}, m_secret.toUtf8());
        QCOMPARE(restore.exitCode, 0);
    }

    void fetchWritesTheWholeRealm()
    {
        const QString output = m_home.filePath(u"snapshot.json"_s);
        const Run fetch = cli({u"fetch"_s, u"Test Realm"_s, u"--output"_s, output, u"--json"_s});
        QVERIFY2(fetch.exitCode == 0, qPrintable(fetch.out + fetch.err));
        QCOMPARE(fetch.json()[u"users"_s].toInt(), m_realm.users().size());
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto snapshot = SnapshotJson::fromJson(file.readAll(), &error);
        QVERIFY2(snapshot, qPrintable(error));
        QCOMPARE(snapshot->users.size(), m_realm.users().size());
        QCOMPARE(snapshot->groups.size(), m_realm.groupPaths().size());
        QCOMPARE(snapshot->memberships.size(), m_realm.memberships().size());
    }

    void walksTheWholeWorkflow()
    {
        // migrate-preview before anything was synced: every user would be created.
        const Run preview = cli({u"migrate-preview"_s, u"Test Realm"_s, u"--json"_s});
        QVERIFY2(preview.exitCode == 0, qPrintable(preview.err));
        QCOMPARE(preview.json()[u"users"_s].toArray().size(), m_realm.users().size());

        const QString csv = m_home.filePath(u"first.csv"_s);
        const Run simulate = cli({u"sync"_s, u"Test Realm"_s, u"--simulate"_s, u"--report"_s, csv, u"--json"_s});
        QVERIFY2(simulate.exitCode == 0, qPrintable(simulate.out + simulate.err));
        QCOMPARE(simulate.json()[u"status"_s].toString(), u"succeeded"_s);
        QCOMPARE(simulate.json()[u"counts"_s][u"users"_s][u"add"_s].toInt(), m_realm.users().size());
        QFile report(csv);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = report.readAll().split('\n');
        QVERIFY(lines.first().startsWith("object,action,key"));
        QVERIFY(lines.size() > m_realm.users().size());
        QCOMPARE(cli({u"directory"_s, u"users"_s, u"--json"_s}).json()[u"users"_s].toArray().size(), 0);

        const Run full = cli({u"sync"_s, u"Test Realm"_s, u"--full"_s});
        QVERIFY2(full.exitCode == 0, qPrintable(full.out + full.err));
        QVERIFY2(full.out.contains(u"Applied to “Test Realm”"_s), qPrintable(full.out));
        // Once synced, a migration preview says there is nothing left, rather than "0 to link".
        const Run migrated = cli({u"migrate-preview"_s, u"Test Realm"_s});
        QVERIFY2(migrated.out.startsWith(u"Nothing left to migrate"_s), qPrintable(migrated.out));
        QCOMPARE(cli({u"directory"_s, u"users"_s, u"--json"_s}).json()[u"users"_s].toArray().size(),
                 m_realm.users().size());

        const QJsonArray runs = cli({u"history"_s, u"Test Realm"_s, u"--json"_s}).json()[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0)[u"mode"_s].toString(), u"full"_s);
        QCOMPARE(runs.at(0)[u"trigger"_s].toString(), u"cli"_s);
        const QString fullRun = runs.at(0)[u"id"_s].toString();

        const Run json = cli({u"report"_s, fullRun.left(8), u"--format"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json()[u"run"_s].toString(), fullRun);
        QVERIFY(json.json()[u"changes"_s].toArray().size() > m_realm.users().size());

        // Undoing the first sync disables the users it added (the connector's cleanup rule), and
        // passes the deletion limit only when allowed.
        const Run undoPreview = cli({u"rollback"_s, fullRun.left(8), u"--simulate"_s, u"--json"_s});
        QVERIFY2(undoPreview.exitCode == 0, qPrintable(undoPreview.err));
        const QJsonObject undoUsers = undoPreview.json()[u"counts"_s][u"users"_s].toObject();
        QCOMPARE(undoUsers[u"delete"_s].toInt(), 0);
        QCOMPARE(undoUsers[u"disable"_s].toInt() + undoUsers[u"unchanged"_s].toInt(), m_realm.users().size());
        QVERIFY(undoPreview.json()[u"deletionGuardTripped"_s].toBool());
        QCOMPARE(undoPreview.json()[u"added"_s].toString(), u"disable"_s);
        // The command it suggests applies what it showed, the choice for the added users included.
        const Run deletePreview = cli({u"rollback"_s, fullRun.left(8), u"--simulate"_s, u"--delete-added"_s});
        QVERIFY2(deletePreview.out.contains(u"would be deleted"_s), qPrintable(deletePreview.out));
        QVERIFY2(deletePreview.out.contains(u"rollback %1 --delete-added --allow-deletions"_s.arg(fullRun.left(8))),
                 qPrintable(deletePreview.out));
        const Run refusedUndo = cli({u"rollback"_s, fullRun.left(8)});
        QCOMPARE(refusedUndo.exitCode, 3);
        QVERIFY2(refusedUndo.out.contains(u"refused (nothing changed)"_s), qPrintable(refusedUndo.out));
        QVERIFY2(refusedUndo.err.contains(u"--allow-deletions"_s), qPrintable(refusedUndo.err));
        const QJsonArray stillThere = cli({u"directory"_s, u"users"_s, u"--json"_s}).json()[u"users"_s].toArray();
        QCOMPARE(stillThere.size(), m_realm.users().size());
        QVERIFY(std::any_of(stillThere.begin(), stillThere.end(),
                            [](const QJsonValue& user) { return user[u"active"_s].toBool(); }));
        QCOMPARE(cli({u"rollback"_s, fullRun.left(8), u"--delete-added"_s, u"--disable-added"_s}).exitCode, 2);
        const Run undo = cli({u"rollback"_s, fullRun.left(8), u"--allow-deletions"_s, u"--delete-added"_s});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.out + undo.err));
        QCOMPARE(cli({u"directory"_s, u"users"_s, u"--json"_s}).json()[u"users"_s].toArray().size(), 0);

        // A simulation cannot be rolled back: it changed nothing.
        const QString simulatedRun = runs.at(1)[u"id"_s].toString();
        QCOMPARE(cli({u"rollback"_s, simulatedRun}).exitCode, 2);
    }

    // In a directory of its own: a full sync the directory rejects, one applied, one refused by the
    // deletion limit. Each says which it was, and history counts every kind of object.
    void fullSyncSaysWhatHappened()
    {
        const QString directory = m_home.filePath(u"outcomes.sqlite"_s);
        const auto in = [&directory](QStringList arguments) { return arguments << u"--directory"_s << directory; };
        const Run add = cli(in({u"connector"_s, u"add"_s, u"Outcomes"_s, u"--url"_s, m_url, u"--realm"_s,
                                m_realm.name(), u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s}),
                            m_secret.toUtf8());
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));

        // Every new user rejected: the transaction is rolled back.
        execute(directory,
                u"CREATE TRIGGER reject_users BEFORE INSERT ON directory_users "
                "BEGIN SELECT RAISE(ABORT, 'rejected by the test'); END"_s);
        const Run failed = cli(in({u"sync"_s, u"Outcomes"_s, u"--full"_s}));
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.out.startsWith(u"Full sync of “Outcomes” failed (nothing changed):\n  Users:"_s),
                 qPrintable(failed.out));
        QVERIFY(!failed.out.contains(u"Simulated"_s) && !failed.out.contains(u"Applied"_s));
        QCOMPARE(cli(in({u"directory"_s, u"users"_s, u"--json"_s})).json()[u"users"_s].toArray().size(), 0);
        execute(directory, u"DROP TRIGGER reject_users"_s);

        const Run applied = cli(in({u"sync"_s, u"Outcomes"_s, u"--full"_s}));
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        QVERIFY2(applied.out.startsWith(u"Applied to “Outcomes”:\n"_s), qPrintable(applied.out));

        // history: the counts of users, groups and memberships, as --json has them.
        const QJsonObject run =
            cli(in({u"history"_s, u"Outcomes"_s, u"--json"_s})).json()[u"runs"_s].toArray().first().toObject();
        QStringList parts;
        for (const QString& object : {u"users"_s, u"groups"_s, u"memberships"_s}) {
            const QJsonObject perAction = run[u"counts"_s][object].toObject();
            QVERIFY2(!perAction.isEmpty(), qPrintable(object));
            QStringList actions;
            for (auto it = perAction.begin(); it != perAction.end(); ++it) {
                actions << u"%1 %2"_s.arg(it.value().toInt()).arg(it.key());
            }
            parts << object + u": "_s + actions.join(u", "_s);
        }
        const Run history = cli(in({u"history"_s, u"Outcomes"_s}));
        QCOMPARE(history.exitCode, 0);
        const QString line = history.out.section(u'\n', 0, 0);
        QVERIFY2(line.startsWith(run[u"id"_s].toString().left(8)), qPrintable(line));
        QVERIFY2(line.endsWith(u"  "_s + parts.join(u" · "_s)), qPrintable(line));
        QVERIFY2(line.contains(u"users: %1 add"_s.arg(m_realm.users().size())), qPrintable(line));

        // Only Sales from now on, and no removals allowed.
        QCOMPARE(cli(in({u"connector"_s, u"edit"_s, u"Outcomes"_s, u"--required-group"_s, u"Sales"_s,
                         u"--deletion-limit"_s, u"0"_s}))
                     .exitCode,
                 0);
        const Run simulated = cli(in({u"sync"_s, u"Outcomes"_s, u"--simulate"_s}));
        QVERIFY2(simulated.exitCode == 0, qPrintable(simulated.out + simulated.err));
        QVERIFY2(simulated.out.startsWith(u"Simulated for “Outcomes” (nothing changed):\n"_s),
                 qPrintable(simulated.out));
        QVERIFY2(simulated.out.contains(u"\n  Deletion limit: "_s), qPrintable(simulated.out));
        QVERIFY2(simulated.out.contains(u"usersync-cli sync \"Outcomes\" --full --allow-deletions"_s),
                 qPrintable(simulated.out));

        const Run refused = cli(in({u"sync"_s, u"Outcomes"_s, u"--full"_s}));
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.out.startsWith(u"Full sync of “Outcomes” refused (nothing changed):\n  Users:"_s),
                 qPrintable(refused.out));
        QVERIFY(!refused.out.contains(u"Simulated"_s));
        QVERIFY2(refused.err.contains(u"deletion limit"_s), qPrintable(refused.err));
        QVERIFY2(refused.err.endsWith(u"Re-run with --allow-deletions to allow it once.\n"_s), qPrintable(refused.err));
        const Run refusedJson = cli(in({u"sync"_s, u"Outcomes"_s, u"--full"_s, u"--json"_s}));
        QCOMPARE(refusedJson.exitCode, 3);
        QCOMPARE(refusedJson.json()[u"status"_s].toString(), u"refused"_s);
        QCOMPARE(refusedJson.json()[u"deletionGuardTripped"_s].toBool(), true);

        const Run allowed = cli(in({u"sync"_s, u"Outcomes"_s, u"--full"_s, u"--allow-deletions"_s}));
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.out + allowed.err));
        QVERIFY2(allowed.out.startsWith(u"Applied to “Outcomes”:\n"_s), qPrintable(allowed.out));
        QVERIFY(!allowed.err.contains(u"--allow-deletions"_s));

        QCOMPARE(cli(in({u"connector"_s, u"remove"_s, u"Outcomes"_s})).exitCode, 0);
    }

    void cronShowsWhatAnExpressionMeans()
    {
        const Run weekdays =
            cli({u"cron"_s, u"0 30 6 ? * MON-FRI"_s, u"--tz"_s, u"Europe/Berlin"_s, u"--count"_s, u"3"_s, u"--json"_s});
        QVERIFY2(weekdays.exitCode == 0, qPrintable(weekdays.err));
        QCOMPARE(weekdays.json()[u"description"_s].toString(), u"Every weekday (Monday to Friday) at 06:30"_s);
        const QJsonArray next = weekdays.json()[u"next"_s].toArray();
        QCOMPARE(next.size(), 3);
        for (const QJsonValue& time : next) {
            const QDateTime run = QDateTime::fromString(time.toString(), Qt::ISODate);
            const QDateTime berlin = run.toTimeZone(QTimeZone("Europe/Berlin"));
            QCOMPARE(berlin.time(), QTime(6, 30));
            QVERIFY(berlin.date().dayOfWeek() <= 5);
        }
        const Run wrong = cli({u"cron"_s, u"0 61 * * * ?"_s});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(u"Minutes"_s), qPrintable(wrong.err));
    }

    // A connector whose schedule is due, run by `schedule due` as crontab would: an applied full
    // sync recorded as scheduled; then nothing more is due; a run past the deletion limit is
    // refused and recorded as refused.
    void scheduleDueRunsWhatIsDue()
    {
        // Every 1 January at midnight: not due now, whatever the time of the test.
        const Run edit = cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--schedule"_s, u"0 0 0 1 1 ?"_s,
                              u"--time-zone"_s, u"UTC"_s});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
        const Run nothing = cli({u"schedule"_s, u"due"_s});
        QVERIFY2(nothing.exitCode == 0, qPrintable(nothing.err));
        QVERIFY2(nothing.out.contains(u"Nothing is due"_s), qPrintable(nothing.out));

        // Saved years ago and never run since: the missed runs make one run now.
        backdateConnectors();
        const Run due = cli({u"schedule"_s, u"due"_s});
        QVERIFY2(due.exitCode == 0, qPrintable(due.out + due.err));
        QVERIFY2(due.out.contains(u"applied"_s), qPrintable(due.out));
        QCOMPARE(cli({u"directory"_s, u"users"_s, u"--json"_s}).json()[u"users"_s].toArray().size(),
                 m_realm.users().size());
        QJsonObject last =
            cli({u"history"_s, u"Test Realm"_s, u"--json"_s}).json()[u"runs"_s].toArray().first().toObject();
        QCOMPARE(last[u"trigger"_s].toString(), u"scheduled"_s);
        QCOMPARE(last[u"mode"_s].toString(), u"full"_s);
        QCOMPARE(last[u"status"_s].toString(), u"succeeded"_s);
        QVERIFY(cli({u"schedule"_s, u"due"_s}).out.contains(u"Nothing is due"_s));

        // Only the Sales group from now on, and no removals allowed: the scheduled run is refused.
        QCOMPARE(cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--required-group"_s, u"Sales"_s,
                      u"--deletion-limit"_s, u"0"_s})
                     .exitCode,
                 0);
        backdateConnectors();
        const Run refused = cli({u"schedule"_s, u"due"_s});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(u"refused"_s), qPrintable(refused.err));
        last = cli({u"history"_s, u"Test Realm"_s, u"--json"_s}).json()[u"runs"_s].toArray().first().toObject();
        QCOMPARE(last[u"trigger"_s].toString(), u"scheduled"_s);
        QCOMPARE(last[u"status"_s].toString(), u"refused"_s);
        const QJsonArray users = cli({u"directory"_s, u"users"_s, u"--json"_s}).json()[u"users"_s].toArray();
        QVERIFY(std::all_of(users.begin(), users.end(), [](const QJsonValue& user) {
            return user[u"active"_s].toBool() || user[u"username"_s].toString() == u"dave.disabled"_s;
        }));
        QCOMPARE(cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--no-required-groups"_s, u"--deletion-limit"_s,
                      u"500"_s, u"--no-schedule"_s})
                     .exitCode,
                 0);
    }

    // As a service (systemd): it runs a due connector at once, keeps running, and stops on
    // SIGTERM with exit code 0.
    void scheduleRunStaysUntilStopped()
    {
        QCOMPARE(cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--schedule"_s, u"0 0 0 1 1 ?"_s}).exitCode, 0);
        backdateConnectors();
        QProcess service;
        service.setProcessEnvironment(environment());
        service.start(QStringLiteral(USERSYNC_CLI_PATH), {u"schedule"_s, u"run"_s});
        QVERIFY(service.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(service.readAllStandardOutput())).contains(u"applied"_s),
                                 120'000);
        QCOMPARE(service.state(), QProcess::Running); // still there for the next run
        service.terminate(); // SIGTERM, as systemd stops it
        QVERIFY(service.waitForFinished(30'000));
        out += QString::fromUtf8(service.readAllStandardOutput());
        QCOMPARE(service.exitStatus(), QProcess::NormalExit);
        QCOMPARE(service.exitCode(), 0);
        QVERIFY2(out.contains(u"Stopping."_s), qPrintable(out));
        const QJsonObject last =
            cli({u"history"_s, u"Test Realm"_s, u"--json"_s}).json()[u"runs"_s].toArray().first().toObject();
        QCOMPARE(last[u"trigger"_s].toString(), u"scheduled"_s);
        QCOMPARE(last[u"status"_s].toString(), u"succeeded"_s);
        QCOMPARE(cli({u"connector"_s, u"edit"_s, u"Test Realm"_s, u"--no-schedule"_s}).exitCode, 0);
    }

    void removeTakesTheSecretAlong()
    {
        const QString id = cli({u"connector"_s, u"show"_s, u"Test Realm"_s, u"--json"_s}).json()[u"id"_s].toString();
        QVERIFY(!id.isEmpty());
        const Run remove = cli({u"connector"_s, u"remove"_s, u"Test Realm"_s});
        QCOMPARE(remove.exitCode, 0);
        QCOMPARE(cli({u"connector"_s, u"list"_s, u"--json"_s}).json()[u"connectors"_s].toArray().size(), 0);
        QProcess lookup;
        lookup.start(u"secret-tool"_s,
                     {u"lookup"_s, u"server"_s, u"UserSync"_s, u"user"_s, u"connector/%1/client-secret"_s.arg(id)});
        QVERIFY(lookup.waitForFinished(10'000));
        QVERIFY(lookup.readAllStandardOutput().isEmpty());
    }

    void postgresqlDirectoryWorksWithItsPasswordInTheKeychain()
    {
        USERSYNC_REQUIRE_POSTGRES(postgres);
        const QString directory = postgres->location.toString();
        const QString password = postgres->password;

        // Whatever an earlier test stored, this one starts without the password in the keychain.
        QVERIFY(SecretStore().removeNow(DirectoryAccess::passwordKey(postgres->location)).ok());
        const Run before = cli({u"connector"_s, u"list"_s, u"--directory"_s, directory});
        QCOMPARE(before.exitCode, 1);
        QVERIFY2(before.err.contains(u"directory set-password"_s), qPrintable(before.err));

        const Run stored = cli({u"directory"_s, u"set-password"_s, u"--directory"_s, directory, u"--password-stdin"_s},
                               password.toUtf8() + "\n");
        QVERIFY2(stored.exitCode == 0, qPrintable(stored.err));
        const Run add = cli({u"connector"_s, u"add"_s, u"Shared"_s, u"--directory"_s, directory, u"--url"_s, m_url,
                             u"--realm"_s, m_realm.name(), u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s},
                            m_secret.toUtf8());
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const Run test = cli({u"connector"_s, u"test"_s, u"Shared"_s, u"--directory"_s, directory});
        QVERIFY2(test.exitCode == 0, qPrintable(test.out + test.err));

        // The shared table holds the settings and not the secret.
        QString error;
        const auto connection = DatabaseConnection::open(postgres->location, password, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlDatabase db = connection->database();
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT settings FROM connectors WHERE name = 'Shared'"_s) && query.next());
        QVERIFY(query.value(0).toString().contains(u"usersync-sync"_s));
        QVERIFY(!query.value(0).toString().contains(m_secret));
        QVERIFY(query.exec(u"DELETE FROM connectors"_s));
    }

    void withoutAKeychainNothingIsStored()
    {
        const Run add = cli({u"connector"_s, u"add"_s, u"No Keychain"_s, u"--url"_s, m_url, u"--realm"_s,
                             m_realm.name(), u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s},
                            m_secret.toUtf8(), {{u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s}});
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains(u"No system keychain is available"_s), qPrintable(add.err));
        QVERIFY(!cli({u"connector"_s, u"list"_s}).out.contains(u"No Keychain"_s));
    }

    // Confluence and Bitbucket as the README's sections add them: each tested, Bitbucket's token
    // refused with what to use instead, then the test realm simulated and synchronized into
    // Bitbucket by a connector of its own.
    void confluenceAndBitbucketCommands()
    {
        AtlassianEmulator confluence = AtlassianEmulator::confluence();
        AtlassianEmulator bitbucket = AtlassianEmulator::bitbucket();
        QVERIFY2(confluence.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_CONFLUENCE_URL").constData());
        QVERIFY2(bitbucket.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_BITBUCKET_URL").constData());
        QVERIFY(confluence.reset());
        QVERIFY(bitbucket.reset());
        const Run addConfluence = cli({u"target"_s, u"add"_s, u"Confluence"_s, u"--type"_s, u"confluence"_s, u"--url"_s,
                                       confluence.url(), u"--token-env"_s, u"CONFLUENCE_TOKEN"_s},
                                      {}, {{u"CONFLUENCE_TOKEN"_s, confluence.token()}});
        QVERIFY2(addConfluence.exitCode == 0, qPrintable(addConfluence.err));
        const Run confluenceTest = cli({u"target"_s, u"test"_s, u"Confluence"_s, u"--json"_s});
        QVERIFY2(confluenceTest.exitCode == 0, qPrintable(confluenceTest.out));
        QCOMPARE(confluenceTest.json()[u"product"_s].toString(), u"Confluence"_s);
        QVERIFY(!confluenceTest.json()[u"version"_s].toString().isEmpty());
        const Run intoConfluence =
            cli({u"connector"_s, u"add"_s, u"Into Confluence"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                 u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s, u"--target"_s, u"Confluence"_s},
                m_secret.toUtf8() + "\n");
        QVERIFY2(intoConfluence.exitCode == 0, qPrintable(intoConfluence.err));
        // Everyone but the user without an e-mail address, whose refusal is listed with its reason.
        const Run confluenceSync = cli({u"sync"_s, u"Into Confluence"_s, u"--full"_s});
        QCOMPARE(confluenceSync.exitCode, 1);
        QVERIFY2(confluenceSync.err.contains(u"✗ erin.noemail: "_s), qPrintable(confluenceSync.err));
        QCOMPARE(confluence.state()[u"users"_s].toArray().size(), m_realm.users().size());
        QCOMPARE(cli({u"connector"_s, u"remove"_s, u"Into Confluence"_s}).exitCode, 0);

        const Run addBitbucket = cli({u"target"_s, u"add"_s, u"Bitbucket"_s, u"--type"_s, u"bitbucket"_s, u"--url"_s,
                                      bitbucket.url(), u"--token-env"_s, u"BITBUCKET_TOKEN"_s},
                                     {}, {{u"BITBUCKET_TOKEN"_s, bitbucket.token()}});
        QVERIFY2(addBitbucket.exitCode == 0, qPrintable(addBitbucket.err));
        const Run tokenTest = cli({u"target"_s, u"test"_s, u"Bitbucket"_s, u"--json"_s});
        QCOMPARE(tokenTest.exitCode, 1);
        QCOMPARE(tokenTest.json()[u"error"_s][u"kind"_s].toString(), u"unauthorized"_s);
        QVERIFY2(tokenTest.json()[u"error"_s][u"message"_s].toString().contains(u"refuses personal access tokens"_s),
                 qPrintable(tokenTest.out));
        const Run basic = cli({u"target"_s, u"edit"_s, u"Bitbucket"_s, u"--username"_s, bitbucket.adminUser(),
                               u"--password-stdin"_s, u"--access-groups"_s, u"stash-users"_s},
                              bitbucket.adminPassword().toUtf8() + "\n");
        QVERIFY2(basic.exitCode == 0, qPrintable(basic.err));
        const Run shown = cli({u"target"_s, u"show"_s, u"Bitbucket"_s});
        QVERIFY2(shown.out.contains(u"stash-users"_s), qPrintable(shown.out));
        QVERIFY(!shown.out.contains(bitbucket.adminPassword()));
        const Run bitbucketTest = cli({u"target"_s, u"test"_s, u"Bitbucket"_s});
        QVERIFY2(bitbucketTest.exitCode == 0, qPrintable(bitbucketTest.out + bitbucketTest.err));
        QVERIFY2(bitbucketTest.out.contains(u"✓ Bitbucket 10.4.0 answers"_s), qPrintable(bitbucketTest.out));

        const Run connector =
            cli({u"connector"_s, u"add"_s, u"Into Bitbucket"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                 u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s, u"--target"_s, u"Bitbucket"_s},
                m_secret.toUtf8() + "\n");
        QVERIFY2(connector.exitCode == 0, qPrintable(connector.err));
        QVERIFY(bitbucket.clearRequests());
        const Run simulate = cli({u"sync"_s, u"Into Bitbucket"_s, u"--simulate"_s, u"--json"_s});
        QVERIFY2(simulate.exitCode == 0, qPrintable(simulate.out + simulate.err));
        QCOMPARE(simulate.json()[u"counts"_s][u"users"_s][u"add"_s].toInt(), m_realm.users().size());
        for (const QJsonValue request : bitbucket.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s); // a simulation writes nothing
        }
        // The realm's user without an e-mail address cannot be created in Bitbucket: the run
        // completes with that one error, and everyone else is there.
        const Run full = cli({u"sync"_s, u"Into Bitbucket"_s, u"--full"_s});
        QCOMPARE(full.exitCode, 1);
        QVERIFY2(full.err.contains(u"✗ erin.noemail: Bitbucket needs an e-mail address"_s),
                 qPrintable(full.out + full.err));
        const QJsonObject state = bitbucket.state();
        QCOMPARE(state[u"users"_s].toArray().size(), m_realm.users().size()); // the administrator and all but one
        QVERIFY(AtlassianEmulator::groupsOf(state, u"bob.baker"_s).contains(u"stash-users"_s));
        const QJsonArray runs = cli({u"history"_s, u"Into Bitbucket"_s, u"--json"_s}).json()[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0)[u"status"_s].toString(), u"completed-with-errors"_s);

        // OAuth 2.0 instead: an incoming link's client, authorized once in the browser.
        const auto link = bitbucket.addIncomingLink();
        QVERIFY(link);
        const QString redirect = link->redirectUrl;
        const Run oauth = cli({u"target"_s, u"edit"_s, u"Bitbucket"_s, u"--oauth-client-id"_s, link->clientId,
                               u"--client-secret-stdin"_s, u"--redirect-url"_s, redirect},
                              link->clientSecret.toUtf8() + "\n");
        QVERIFY2(oauth.exitCode == 0, qPrintable(oauth.err));
        const Run unauthorized = cli({u"target"_s, u"test"_s, u"Bitbucket"_s});
        QCOMPARE(unauthorized.exitCode, 1);
        QVERIFY2(unauthorized.err.contains(u"usersync-cli target authorize \"Bitbucket\""_s),
                 qPrintable(unauthorized.err));
        QProcess authorize;
        authorize.setProcessEnvironment(environment());
        authorize.start(QStringLiteral(USERSYNC_CLI_PATH),
                        {u"target"_s, u"authorize"_s, u"Bitbucket"_s, u"--wait"_s, u"120"_s});
        QString printed;
        while (!printed.contains(u"code_challenge="_s) && authorize.waitForReadyRead(30'000)) {
            printed += QString::fromUtf8(authorize.readAllStandardOutput());
        }
        const qsizetype at = printed.indexOf(u"http"_s);
        QVERIFY2(at >= 0, qPrintable(printed + QString::fromUtf8(authorize.readAllStandardError())));
        const QUrl address(printed.mid(at).section(u'\n', 0, 0).trimmed());
        const auto [status, page] = bitbucket.authorizeInBrowser(address);
        QCOMPARE(status, 200);
        QVERIFY2(page.contains(u"UserSync is authorized"_s), qPrintable(page));
        QVERIFY(authorize.waitForFinished(30'000));
        printed += QString::fromUtf8(authorize.readAllStandardOutput());
        QCOMPARE(authorize.exitCode(), 0);
        QVERIFY2(printed.contains(u"UserSync is authorized in Bitbucket"_s), qPrintable(printed));
        const Run authorized = cli({u"target"_s, u"show"_s, u"Bitbucket"_s});
        QVERIFY2(authorized.out.contains(u"OAuth 2.0, client ID"_s)
                     && authorized.out.contains(u"stored in the system keychain"_s),
                 qPrintable(authorized.out));
        const Run oauthSync = cli({u"sync"_s, u"Into Bitbucket"_s, u"--simulate"_s});
        QVERIFY2(oauthSync.exitCode == 0, qPrintable(oauthSync.out + oauthSync.err));

        QCOMPARE(cli({u"connector"_s, u"remove"_s, u"Into Bitbucket"_s}).exitCode, 0);
        QCOMPARE(cli({u"target"_s, u"remove"_s, u"Bitbucket"_s}).exitCode, 0);
        QCOMPARE(cli({u"target"_s, u"remove"_s, u"Confluence"_s}).exitCode, 0);
    }

    // A SCIM 2.0 service (the test services' real scim2-server) as the README adds it: the bearer
    // token from standard input, the test saying what the service supports, then the test realm
    // simulated and synchronized into it, and nothing left to do after.
    void scimCommands()
    {
        ScimServer scim;
        QVERIFY2(scim.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_SCIM_URL").constData());
        QVERIFY(scim.reset());
        const Run add =
            cli({u"target"_s, u"add"_s, u"SCIM"_s, u"--type"_s, u"scim"_s, u"--url"_s, scim.url(), u"--token-stdin"_s},
                scim.token().toUtf8() + "\n");
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const Run shown = cli({u"target"_s, u"show"_s, u"SCIM"_s});
        QVERIFY(!shown.out.contains(scim.token()));
        const Run test = cli({u"target"_s, u"test"_s, u"SCIM"_s});
        QVERIFY2(test.exitCode == 0, qPrintable(test.out + test.err));
        QVERIFY2(test.out.contains(u"✓ A SCIM 2.0 service answers at %1, and accepted the token"_s.arg(scim.url())),
                 qPrintable(test.out));
        QVERIFY2(test.out.contains(u"✓ Supports: "_s) && test.out.contains(u"PATCH"_s), qPrintable(test.out));
        const Run json = cli({u"target"_s, u"test"_s, u"SCIM"_s, u"--json"_s});
        QCOMPARE(json.json()[u"userCount"_s].toInt(), 0);
        QVERIFY(json.json()[u"supports"_s].toArray().contains(u"PATCH"_s));

        const Run connector =
            cli({u"connector"_s, u"add"_s, u"Into SCIM"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                 u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s, u"--target"_s, u"SCIM"_s},
                m_secret.toUtf8() + "\n");
        QVERIFY2(connector.exitCode == 0, qPrintable(connector.err));
        const Run simulate = cli({u"sync"_s, u"Into SCIM"_s, u"--simulate"_s, u"--json"_s});
        QVERIFY2(simulate.exitCode == 0, qPrintable(simulate.out + simulate.err));
        QCOMPARE(simulate.json()[u"counts"_s][u"users"_s][u"add"_s].toInt(), m_realm.users().size());
        QCOMPARE(scim.state()[u"users"_s].toArray().size(), 0); // a simulation writes nothing
        const Run full = cli({u"sync"_s, u"Into SCIM"_s, u"--full"_s});
        QVERIFY2(full.exitCode == 0, qPrintable(full.out + full.err));
        QCOMPARE(scim.state()[u"users"_s].toArray().size(), m_realm.users().size());
        const Run again = cli({u"sync"_s, u"Into SCIM"_s, u"--simulate"_s, u"--json"_s});
        QCOMPARE(again.json()[u"counts"_s][u"users"_s][u"add"_s].toInt(), 0);
        QCOMPARE(again.json()[u"counts"_s][u"users"_s][u"modify"_s].toInt(), 0);
        QCOMPARE(cli({u"connector"_s, u"remove"_s, u"Into SCIM"_s}).exitCode, 0);
        QCOMPARE(cli({u"target"_s, u"remove"_s, u"SCIM"_s}).exitCode, 0);
    }

    void ldapCommands()
    {
        LdapServer ldap;
        QVERIFY2(ldap.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_LDAP_URL").constData());
        QVERIFY2(ldap.reset(), qPrintable(ldap.lastError()));
        const QStringList settings{u"--type"_s,          u"ldap"_s,         u"--url"_s,        ldap.url(),
                                   u"--bind-dn"_s,       ldap.bindDn(),     u"--users-base"_s, ldap.usersBase(),
                                   u"--groups-base"_s,   ldap.groupsBase(), u"--ca-file"_s,    ldap.caFile(),
                                   u"--password-stdin"_s};
        // A setting that is not one is refused with the names there are.
        const Run wrong = cli(QStringList{u"target"_s, u"add"_s, u"LDAP"_s} + settings
                                  + QStringList{u"--ldap"_s, u"memberAtribute=member"_s},
                              ldap.bindPassword().toUtf8() + "\n");
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(u"placeholderMember"_s), qPrintable(wrong.err));
        const Run add = cli(QStringList{u"target"_s, u"add"_s, u"LDAP"_s} + settings
                                + QStringList{u"--ldap"_s, u"placeholderMember=cn=empty"_s},
                            ldap.bindPassword().toUtf8() + "\n");
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const Run shown = cli({u"target"_s, u"show"_s, u"LDAP"_s});
        QVERIFY(!shown.out.contains(ldap.bindPassword()));
        QVERIFY2(shown.out.contains(u"bind DN %1"_s.arg(ldap.bindDn())), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(u"atlassian-users"_s), qPrintable(shown.out)); // LDAP's default access group
        QVERIFY2(shown.out.contains(u"cn=empty"_s), qPrintable(shown.out));
        const Run json = cli({u"target"_s, u"show"_s, u"LDAP"_s, u"--json"_s});
        QCOMPARE(json.json()[u"ldap"_s][u"usersBase"_s].toString(), ldap.usersBase());
        QCOMPARE(json.json()[u"ldap"_s][u"memberAttribute"_s].toString(), u"uniqueMember"_s);
        const Run test = cli({u"target"_s, u"test"_s, u"LDAP"_s});
        QVERIFY2(test.exitCode == 0, qPrintable(test.out + test.err));
        QVERIFY2(test.out.contains(u"✓ Bound as %1"_s.arg(ldap.bindDn())), qPrintable(test.out));
        QVERIFY2(test.out.contains(u"StartTLS"_s), qPrintable(test.out));

        const Run connector =
            cli({u"connector"_s, u"add"_s, u"Into LDAP"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(),
                 u"--client-id"_s, u"usersync-sync"_s, u"--secret-stdin"_s, u"--target"_s, u"LDAP"_s},
                m_secret.toUtf8() + "\n");
        QVERIFY2(connector.exitCode == 0, qPrintable(connector.err));
        const Run full = cli({u"sync"_s, u"Into LDAP"_s, u"--full"_s, u"--json"_s});
        QVERIFY2(full.exitCode == 0, qPrintable(full.out + full.err));
        QCOMPARE(full.json()[u"counts"_s][u"users"_s][u"add"_s].toInt(), m_realm.users().size());
        QCOMPARE(ldap.users().size(), m_realm.users().size());
        QVERIFY(ldap.groups().value(u"Empty Group"_s).contains(u"cn=empty"_s)); // the placeholder chosen
        const Run again = cli({u"sync"_s, u"Into LDAP"_s, u"--simulate"_s, u"--json"_s});
        QCOMPARE(again.json()[u"counts"_s][u"users"_s][u"add"_s].toInt(), 0);
        QCOMPARE(again.json()[u"counts"_s][u"users"_s][u"modify"_s].toInt(), 0);
        QCOMPARE(cli({u"connector"_s, u"remove"_s, u"Into LDAP"_s}).exitCode, 0);
        QCOMPARE(cli({u"target"_s, u"remove"_s, u"LDAP"_s}).exitCode, 0);
    }

private:
    // The SQLite file the CLI uses when no --directory is given.
    QString defaultDirectory() const
    {
        QDirIterator files(m_home.filePath(u"data"_s), {u"*.sqlite"_s}, QDir::Files, QDirIterator::Subdirectories);
        return files.hasNext() ? files.next() : QString();
    }

    // As if every connector had been saved in 2020: its schedule has been due since.
    void backdateConnectors() const
    {
        const QString directory = defaultDirectory();
        QVERIFY(!directory.isEmpty());
        execute(directory, u"UPDATE connectors SET updated_at = 1577836800000"_s);
        execute(directory, u"UPDATE sync_runs SET started_at = 1577836800000 WHERE run_trigger = 'scheduled'"_s);
    }

    void execute(const QString& sqliteFile, const QString& statement) const
    {
        QString error;
        auto connection = DatabaseConnection::open(DirectoryLocation::sqlite(sqliteFile), {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlQuery query(connection->database());
        QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }

    // Writes required groups into a stored connector as an older version could have, past the
    // checks of connector add and edit.
    void storeRequiredGroups(const QString& connector, const QStringList& groups) const
    {
        const QString directory = defaultDirectory();
        QVERIFY(!directory.isEmpty());
        QString error;
        auto connection = DatabaseConnection::open(DirectoryLocation::sqlite(directory), {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlQuery query(connection->database());
        QVERIFY(query.prepare(u"SELECT settings FROM connectors WHERE name = ?"_s));
        query.addBindValue(connector);
        QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
        QJsonObject settings = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        QJsonObject sync = settings[u"sync"_s].toObject();
        sync[u"requiredGroups"_s] = QJsonArray::fromStringList(groups);
        settings[u"sync"_s] = sync;
        QVERIFY(query.prepare(u"UPDATE connectors SET settings = ? WHERE name = ?"_s));
        query.addBindValue(QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)));
        query.addBindValue(connector);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    static QByteArray fileContents(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // "soft hard" of a process's core file size, from its /proc/PID/limits.
    static QString coreLimitOf(const QString& limitsFile)
    {
        QFile file(limitsFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.startsWith("Max core file size")) {
                const QList<QByteArray> fields = line.mid(18).simplified().split(' ');
                return fields.size() >= 2 ? QString::fromLatin1(fields.at(0) + ' ' + fields.at(1)) : QString();
            }
        }
        return {};
    }

    // The CLI's environment: a home of its own, untranslated messages.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        environment.insert(u"LANG"_s, u"C.UTF-8"_s);
        return environment;
    }

    Run cli(const QStringList& arguments, const QByteArray& input = {},
            const QList<QPair<QString, QString>>& extraEnvironment = {}) const
    {
        QProcess process;
        QProcessEnvironment variables = environment();
        for (const auto& [name, value] : extraEnvironment) {
            variables.insert(name, value);
        }
        process.setProcessEnvironment(variables);
        process.start(QStringLiteral(USERSYNC_CLI_PATH), arguments);
        process.write(input);
        process.closeWriteChannel();
        Run run;
        if (!process.waitForFinished(120'000)) {
            run.err = u"usersync-cli did not finish"_s;
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    TestRealm m_realm;
    QTemporaryDir m_home;
    QString m_url;
    QString m_secret;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

#include "AtlassianEmulator.h"
#include "LdapServer.h"
#include "ScimServer.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "directory/DirectoryAccess.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <unistd.h>

using namespace Qt::StringLiterals;

// One whole workflow with a known secret of every kind UserSync handles (the Keycloak client
// secret, Jira's and Confluence's tokens, Bitbucket's password, the SCIM token, the LDAP bind
// password, the PostgreSQL directory's password), every command at debug logging, and then a
// search for each secret, as it is and as it travels (Base64 in a Basic header, percent-encoded
// in a form or URL), in every file the program wrote, in every row of the directory, in
// everything it printed, and in the command line and environment of a process holding them.
class TestSecretLeaks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        USERSYNC_REQUIRE_POSTGRES(postgres);
        QVERIFY(m_home.isValid() && m_realm.isValid());
        m_url = url;
        m_postgres = *postgres;
        m_directory = m_postgres.location.toString();
        QString error;
        auto connection = DirectoryAccess::open(m_postgres.location, m_postgres.password, &error);
        QVERIFY2(connection, qPrintable(error));
        QVERIFY(TestEnvironment::emptyDirectory(connection->database(), true));
    }

    void noSecretLeavesTheKeychain()
    {
        AtlassianEmulator jira = AtlassianEmulator::jira();
        AtlassianEmulator confluence = AtlassianEmulator::confluence();
        AtlassianEmulator bitbucket = AtlassianEmulator::bitbucket();
        ScimServer scim;
        LdapServer ldap;
        QVERIFY(jira.isValid() && confluence.isValid() && bitbucket.isValid() && scim.isValid() && ldap.isValid());
        QVERIFY(jira.reset() && confluence.reset() && bitbucket.reset() && scim.reset());
        QVERIFY2(ldap.reset(), qPrintable(ldap.lastError()));
        const QString clientSecret = m_realm.clientSecret(u"usersync-sync"_s);
        m_secrets = {
            {u"Keycloak client secret"_s, clientSecret, {}},
            {u"Jira token"_s, jira.token(), {}},
            {u"Confluence token"_s, confluence.token(), {}},
            {u"Bitbucket password"_s, bitbucket.adminPassword(), bitbucket.adminUser()},
            {u"SCIM token"_s, scim.token(), {}},
            {u"LDAP bind password"_s, ldap.bindPassword(), {}},
            {u"PostgreSQL password"_s, m_postgres.password, {}},
        };
        for (const Secret& secret : std::as_const(m_secrets)) {
            QVERIFY2(secret.value.size() >= 12, qPrintable(secret.kind)); // long enough to be found only as itself
        }

        run({u"directory"_s, u"set-password"_s, u"--password-stdin"_s}, m_postgres.password);
        run({u"target"_s, u"add"_s, u"Jira"_s, u"--type"_s, u"jira"_s, u"--url"_s, jira.url(), u"--token-stdin"_s},
            jira.token());
        run({u"target"_s, u"add"_s, u"Confluence"_s, u"--type"_s, u"confluence"_s, u"--url"_s, confluence.url(),
             u"--token-stdin"_s},
            confluence.token());
        run({u"target"_s, u"add"_s, u"Bitbucket"_s, u"--type"_s, u"bitbucket"_s, u"--url"_s, bitbucket.url(),
             u"--username"_s, bitbucket.adminUser(), u"--password-stdin"_s},
            bitbucket.adminPassword());
        run({u"target"_s, u"add"_s, u"SCIM"_s, u"--type"_s, u"scim"_s, u"--url"_s, scim.url(), u"--token-stdin"_s},
            scim.token());
        run({u"target"_s, u"add"_s, u"LDAP"_s, u"--type"_s, u"ldap"_s, u"--url"_s, ldap.url(), u"--bind-dn"_s,
             ldap.bindDn(), u"--password-stdin"_s, u"--users-base"_s, ldap.usersBase(), u"--groups-base"_s,
             ldap.groupsBase(), u"--ca-file"_s, ldap.caFile()},
            ldap.bindPassword());
        run({u"connector"_s, u"add"_s, u"Realm"_s, u"--url"_s, m_url, u"--realm"_s, m_realm.name(), u"--client-id"_s,
             u"usersync-sync"_s, u"--secret-stdin"_s},
            clientSecret);
        for (const QString& target : {u"Jira"_s, u"Confluence"_s, u"Bitbucket"_s, u"SCIM"_s, u"LDAP"_s}) {
            run({u"target"_s, u"test"_s, target});
            run({u"target"_s, u"show"_s, target, u"--json"_s});
            const QString connector = u"Realm to "_s + target;
            run({u"connector"_s, u"add"_s, connector, u"--url"_s, m_url, u"--realm"_s, m_realm.name(), u"--client-id"_s,
                 u"usersync-sync"_s, u"--secret-stdin"_s, u"--target"_s, target},
                clientSecret);
            run({u"sync"_s, connector, u"--simulate"_s, u"--report"_s, m_home.filePath(target + u"-plan.csv"_s)});
            run({u"sync"_s, connector, u"--full"_s, u"--json"_s, u"--report"_s,
                 m_home.filePath(target + u"-run.json"_s)});
        }
        run({u"connector"_s, u"test"_s, u"Realm"_s});
        run({u"sync"_s, u"Realm"_s, u"--full"_s});
        run({u"fetch"_s, u"Realm"_s, u"--output"_s, m_home.filePath(u"snapshot.json"_s)});
        run({u"connector"_s, u"list"_s, u"--json"_s});
        run({u"connector"_s, u"show"_s, u"Realm"_s, u"--json"_s});
        run({u"target"_s, u"list"_s, u"--json"_s});
        const QJsonArray runs = QJsonDocument::fromJson(run({u"history"_s, u"Realm to Jira"_s, u"--json"_s}))
                                    .object()
                                    .value(u"runs"_s)
                                    .toArray();
        QVERIFY(!runs.isEmpty());
        const QString runId = runs.first()[u"id"_s].toString();
        run({u"report"_s, runId, u"--format"_s, u"json"_s, u"--output"_s, m_home.filePath(u"report.json"_s)});
        run({u"report"_s, runId, u"--format"_s, u"csv"_s});
        QVERIFY(!QTest::currentTestFailed());

        // A scheduled run as the service makes it: the process that holds the secrets the longest.
        run({u"connector"_s, u"edit"_s, u"Realm"_s, u"--schedule"_s, u"0 0 0 1 1 ?"_s});
        backdate();
        QProcess service;
        service.setProcessEnvironment(environment());
        service.start(QStringLiteral(USERSYNC_CLI_PATH), {u"schedule"_s, u"run"_s, u"--directory"_s, m_directory});
        QVERIFY(service.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += service.readAllStandardOutput()).contains("applied"), 120'000);
        const QByteArray commandLine = procFile(service.processId(), "cmdline");
        // The CLI is not dumpable: only root may read its environment at all (and a developer's
        // test run, as its user, cannot: which is the point).
        const QByteArray environ = procFile(service.processId(), "environ");
        QVERIFY(!commandLine.isEmpty());
        QVERIFY(!environ.isEmpty() || ::geteuid() != 0);
        service.terminate();
        QVERIFY(service.waitForFinished(30'000));
        m_output += said + service.readAllStandardOutput() + service.readAllStandardError();

        // The logs were at debug level (a message only the directory's apply writes at that level).
        QVERIFY(m_output.contains("changes took"));

        // Everything the program wrote or said, and where it lives.
        QList<std::pair<QString, QByteArray>> places{
            {u"the command lines' output and debug logs"_s, m_output},
            {u"the scheduled run's command line"_s, commandLine},
            {u"the scheduled run's environment"_s, environ},
            {u"the directory's rows"_s, directoryRows()},
        };
        int files = 0;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            places.append({file.fileName(), file.readAll()});
            ++files;
        }
        QVERIFY2(files >= 12, qPrintable(u"only %1 files were written"_s.arg(files))); // reports, snapshot, settings
        for (const auto& [place, contents] : std::as_const(places)) {
            for (const Secret& secret : std::as_const(m_secrets)) {
                for (const QByteArray& form : formsOf(secret)) {
                    QVERIFY2(!contents.contains(form), qPrintable(u"the %1 is in %2"_s.arg(secret.kind, place)));
                }
            }
        }
    }

private:
    struct Secret
    {
        QString kind;
        QString value;
        QString user; // for a password sent in a Basic header
    };

    // The secret as it is and as it travels.
    static QList<QByteArray> formsOf(const Secret& secret)
    {
        const QByteArray value = secret.value.toUtf8();
        QList<QByteArray> forms{value, value.toBase64(), QUrl::toPercentEncoding(secret.value)};
        if (!secret.user.isEmpty()) {
            forms.append(QByteArray(secret.user.toUtf8() + ':' + value).toBase64());
        }
        return forms;
    }

    static QByteArray procFile(qint64 pid, const char* name)
    {
        QFile file(u"/proc/%1/%2"_s.arg(pid).arg(QLatin1StringView(name)));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Every row of every table of the directory, as text.
    QByteArray directoryRows()
    {
        QString error;
        auto connection = DirectoryAccess::open(m_postgres.location, m_postgres.password, &error);
        if (!connection) {
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
            return {};
        }
        QByteArray rows;
        const QSqlDatabase db = connection->database();
        for (const QString& table : db.tables()) {
            QSqlQuery query(db);
            if (!query.exec(u"SELECT * FROM %1"_s.arg(table))) {
                continue;
            }
            while (query.next()) {
                for (int i = 0; i < query.record().count(); ++i) {
                    rows += query.value(i).toString().toUtf8() + '\t';
                }
                rows += '\n';
            }
        }
        return rows;
    }

    void backdate()
    {
        QString error;
        auto connection = DirectoryAccess::open(m_postgres.location, m_postgres.password, &error);
        QVERIFY2(connection, qPrintable(error));
        QVERIFY(QSqlQuery(connection->database()).exec(u"UPDATE connectors SET updated_at = 1577836800000"_s));
    }

    // Only what the program needs: none of the test services' variables, which hold the secrets.
    QProcessEnvironment environment() const
    {
        const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
        QProcessEnvironment environment;
        for (const QString& name : {u"PATH"_s, u"HOME"_s, u"DBUS_SESSION_BUS_ADDRESS"_s}) {
            environment.insert(name, system.value(name));
        }
        environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        environment.insert(u"LANG"_s, u"C.UTF-8"_s);
        environment.insert(u"QT_LOGGING_RULES"_s, u"usersync.*=true"_s); // every level, debug too
        return environment;
    }

    // Runs the CLI on the PostgreSQL directory with `input` on standard input; keeps all it says.
    // Every command must succeed; a full sync into an Atlassian product completes with errors
    // (exit code 1): Erin has no e-mail address, which they refuse.
    QByteArray run(QStringList arguments, const QString& input = {})
    {
        const bool withErrors = arguments.contains(u"--full"_s)
            && (arguments.contains(u"Realm to Jira"_s) || arguments.contains(u"Realm to Confluence"_s)
                || arguments.contains(u"Realm to Bitbucket"_s));
        arguments << u"--directory"_s << m_directory;
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(USERSYNC_CLI_PATH), arguments);
        process.write(input.toUtf8());
        process.closeWriteChannel();
        if (!process.waitForFinished(180'000)) {
            QTest::qFail(qPrintable(u"usersync-cli %1 did not finish"_s.arg(arguments.join(u' '))), __FILE__, __LINE__);
            return {};
        }
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        m_output += out + err;
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != (withErrors ? 1 : 0)) {
            qWarning("usersync-cli %s: exit %d\n%s", qPrintable(arguments.join(u' ')), process.exitCode(),
                     err.constData());
            QTest::qFail("a command of the workflow failed", __FILE__, __LINE__);
        }
        return out;
    }

    TestRealm m_realm;
    QTemporaryDir m_home;
    QString m_url;
    QString m_directory;
    TestEnvironment::PostgresService m_postgres{DirectoryLocation::sqlite({}), {}};
    QList<Secret> m_secrets;
    QByteArray m_output;
};

QTEST_GUILESS_MAIN(TestSecretLeaks)
#include "tst_secretleaks.moc"

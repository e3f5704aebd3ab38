#include "TestEnvironment.h"
#include "config/ConnectorStore.h"
#include "directory/DatabaseConnection.h"
#include "directory/Schema.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Connector settings round-trip through the directory on both SQLite and PostgreSQL.
class TestConnectorStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every test runs on SQLite and on PostgreSQL.
    void initTestCase_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

    void initTestCase()
    {
        USERSYNC_REQUIRE_POSTGRES(postgres);
        m_postgres = postgres->location;
        m_password = postgres->password;
        QVERIFY(m_temporary.isValid());
    }

    void init()
    {
        QFETCH_GLOBAL(bool, postgres);
        QString error;
        m_connection = DatabaseConnection::open(
            postgres ? m_postgres : DirectoryLocation::sqlite(m_temporary.filePath(u"store.sqlite"_s)),
            postgres ? m_password : QString(), &error);
        QVERIFY2(m_connection, qPrintable(error));
        QSqlDatabase db = m_connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        QSqlQuery(db).exec(u"DELETE FROM connectors"_s);
    }

    void cleanup() { m_connection.reset(); }

    void migrationsRunOnceAndRecordTheirVersion()
    {
        QSqlDatabase db = m_connection->database();
        QString error;
        QCOMPARE(Schema::currentVersion(db, &error), Schema::latestVersion());
        QVERIFY(Schema::migrate(db, &error)); // again: nothing to do, no error
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT COUNT(*) FROM schema_migrations"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), Schema::latestVersion());
    }

    void directoryFromANewerVersionIsRefused()
    {
        QSqlDatabase db = m_connection->database();
        QSqlQuery query(db);
        QVERIFY(query.exec(u"INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)"_s));
        QString error;
        QVERIFY(!Schema::migrate(db, &error));
        QVERIFY2(error.contains(u"newer UserSync"_s), qPrintable(error));
        QVERIFY(query.exec(u"DELETE FROM schema_migrations WHERE version = 999"_s));
    }

    void everySettingRoundTrips()
    {
        ConnectorStore store(m_connection->database());
        ConnectorConfig config = sample(u"Corporate SSO"_s);
        QString error;
        QVERIFY2(store.add(config, &error), qPrintable(error));
        QVERIFY(!config.id.isEmpty());
        const auto found = store.find(config.id, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(*found, config);

        config.keycloak.pageSize = 42;
        config.keycloak.userAttributes = {u"costCenter"_s};
        config.name = u"Renamed SSO"_s;
        QVERIFY2(store.update(config, &error), qPrintable(error));
        QCOMPARE(*store.find(u"renamed sso"_s, &error), config);
    }

    void namesAreUniqueRegardlessOfCaseAndNormalisation()
    {
        ConnectorStore store(m_connection->database());
        ConnectorConfig first = sample(u"Jürgen's realm"_s);
        QString error;
        QVERIFY(store.add(first, &error));
        // "u" followed by a combining diaeresis, and upper case: the same name to a person.
        ConnectorConfig second = sample(u"JU\u0308RGEN'S REALM"_s);
        QVERIFY(!store.add(second, &error));
        QVERIFY2(error.contains(u"already exists"_s), qPrintable(error));
        QVERIFY(store.find(u"JU\u0308RGEN'S REALM"_s, &error));
    }

    void removeAndList()
    {
        ConnectorStore store(m_connection->database());
        ConnectorConfig a = sample(u"b-second"_s);
        ConnectorConfig b = sample(u"A-first"_s);
        QString error;
        QVERIFY(store.add(a, &error) && store.add(b, &error));
        QCOMPARE(store.list(&error)->size(), 2);
        QCOMPARE(store.list(&error)->first().name, u"A-first"_s); // sorted as people read
        QVERIFY(store.remove(a.id, &error));
        QCOMPARE(store.list(&error)->size(), 1);
        QVERIFY(!store.find(u"b-second"_s, &error));
        QVERIFY2(error.contains(u"no connector named"_s), qPrintable(error));
    }

private:
    static ConnectorConfig sample(const QString& name)
    {
        ConnectorConfig config;
        config.name = name;
        config.keycloak.baseUrl = u"https://sso.example.com/auth"_s;
        config.keycloak.realm = u"corp"_s;
        config.keycloak.clientId = u"usersync"_s;
        config.keycloak.caFile = u"/etc/ssl/private-ca.pem"_s;
        config.keycloak.pageSize = 250;
        config.keycloak.maxInFlight = 6;
        config.keycloak.timeoutSeconds = 45;
        config.keycloak.maxRetries = 2;
        config.keycloak.userAttributes = {u"department"_s, u"employeeNumber"_s};
        return config;
    }

    DirectoryLocation m_postgres = DirectoryLocation::sqlite({});
    QString m_password;
    QTemporaryDir m_temporary;
    std::unique_ptr<DatabaseConnection> m_connection;
};

QTEST_GUILESS_MAIN(TestConnectorStore)
#include "tst_connectorstore.moc"

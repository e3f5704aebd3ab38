#include "TestEnvironment.h"
#include "directory/DatabaseConnection.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Opens the real PostgreSQL server the test script started, and SQLite files, through Qt Sql.
class TestDatabaseConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_POSTGRES(postgres);
        m_postgres = postgres->location;
        m_password = postgres->password;
        QVERIFY(m_temporary.isValid());
    }

    void sqliteFileKeepsDataAcrossConnections()
    {
        const auto location = DirectoryLocation::sqlite(m_temporary.filePath(u"nested/folder/directory.sqlite"_s));
        QString error;
        {
            auto connection = DatabaseConnection::open(location, {}, &error);
            QVERIFY2(connection, qPrintable(error));
            writeProbe(connection->database(), u"Jürgen Müller"_s);
        }
        QVERIFY(QFile::exists(location.filePath()));
        auto reopened = DatabaseConnection::open(location, {}, &error);
        QVERIFY2(reopened, qPrintable(error));
        QCOMPARE(readProbe(reopened->database()), u"Jürgen Müller"_s);
    }

    void sqliteInAFolderThatCannotExistFailsInWords()
    {
        QFile blocker(m_temporary.filePath(u"a-file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QString error;
        const auto connection = DatabaseConnection::open(
            DirectoryLocation::sqlite(blocker.fileName() + u"/directory.sqlite"_s), {}, &error);
        QVERIFY(!connection);
        QVERIFY2(error.contains(u"cannot be created"_s), qPrintable(error));
    }

    void sqliteFileThatIsNoDatabaseFailsInWords()
    {
        QFile garbage(m_temporary.filePath(u"garbage.sqlite"_s));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'g'));
        garbage.close();
        QString error;
        const auto connection = DatabaseConnection::open(DirectoryLocation::sqlite(garbage.fileName()), {}, &error);
        QVERIFY(!connection);
        QVERIFY2(error.contains(garbage.fileName()) && error.contains(u"not a database"_s), qPrintable(error));
    }

    void postgresqlKeepsDataAcrossConnections()
    {
        QString error;
        {
            auto connection = DatabaseConnection::open(m_postgres, m_password, &error);
            QVERIFY2(connection, qPrintable(error));
            QCOMPARE(connection->database().driverName(), u"QPSQL"_s);
            writeProbe(connection->database(), u"José Núñez – 李雷"_s);
        }
        auto reopened = DatabaseConnection::open(m_postgres, m_password, &error);
        QVERIFY2(reopened, qPrintable(error));
        QCOMPARE(readProbe(reopened->database()), u"José Núñez – 李雷"_s);
        QSqlQuery drop(reopened->database());
        QVERIFY(drop.exec(u"DROP TABLE probe"_s));
    }

    void postgresqlWrongPasswordFailsInWords()
    {
        QString error;
        const auto connection = DatabaseConnection::open(m_postgres, u"wrong-password-x9"_s, &error);
        QVERIFY(!connection);
        QVERIFY2(error.contains(u"user name and password"_s), qPrintable(error));
        QVERIFY2(!error.contains(u"wrong-password-x9"_s), qPrintable(error));
    }

    void postgresqlNobodyListeningFailsInWords()
    {
        // A port that was free a moment ago: nothing answers there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const int port = probe.serverPort();
        probe.close();
        QString error;
        const auto connection = DatabaseConnection::open(
            DirectoryLocation::postgreSql(u"127.0.0.1"_s, port, m_postgres.database(), m_postgres.user()), m_password,
            &error);
        QVERIFY(!connection);
        QVERIFY2(error.contains(u"Check that the server is running"_s), qPrintable(error));
    }

    void connectionsAreIndependent()
    {
        QString error;
        auto first = DatabaseConnection::open(m_postgres, m_password, &error);
        auto second = DatabaseConnection::open(m_postgres, m_password, &error);
        QVERIFY(first && second);
        QVERIFY(first->database().connectionName() != second->database().connectionName());
        first.reset();
        QSqlQuery query(second->database());
        QVERIFY2(query.exec(u"SELECT 1"_s), qPrintable(query.lastError().text()));
    }

private:
    static void writeProbe(const QSqlDatabase& db, const QString& value)
    {
        QSqlQuery query(db);
        QVERIFY2(query.exec(u"CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"_s),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.prepare(u"INSERT INTO probe (id, name) VALUES (1, ?)"_s));
        query.addBindValue(value);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    static QString readProbe(const QSqlDatabase& db)
    {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT name FROM probe WHERE id = 1"_s) || !query.next()) {
            return u"<no row: %1>"_s.arg(query.lastError().text());
        }
        return query.value(0).toString();
    }

    DirectoryLocation m_postgres = DirectoryLocation::sqlite({});
    QString m_password;
    QTemporaryDir m_temporary;
};

QTEST_GUILESS_MAIN(TestDatabaseConnection)
#include "tst_databaseconnection.moc"

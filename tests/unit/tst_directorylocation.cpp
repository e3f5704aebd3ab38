#include "TestEnvironment.h"
#include "directory/DirectoryLocation.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDirectoryLocation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TestEnvironment::isolateUserFolders(); }

    void parsesValidLocations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isSqlite");
        QTest::addColumn<QString>("filePath");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");

        QTest::newRow("absolute path") << u"/var/lib/usersync/dir.sqlite"_s << true << u"/var/lib/usersync/dir.sqlite"_s
                                       << QString() << 5432 << QString() << QString();
        QTest::newRow("path is cleaned") << u"/var/lib//usersync/../usersync/dir.sqlite"_s << true
                                         << u"/var/lib/usersync/dir.sqlite"_s << QString() << 5432 << QString()
                                         << QString();
        QTest::newRow("file URL") << u"file:///tmp/d.sqlite"_s << true << u"/tmp/d.sqlite"_s << QString() << 5432
                                  << QString() << QString();
        QTest::newRow("surrounding blanks")
            << u"  /tmp/d.sqlite \n"_s << true << u"/tmp/d.sqlite"_s << QString() << 5432 << QString() << QString();
        QTest::newRow("postgresql default port") << u"postgresql://sync@db.example.com/users"_s << false << QString()
                                                 << u"db.example.com"_s << 5432 << u"users"_s << u"sync"_s;
        QTest::newRow("postgres scheme with port") << u"postgres://sync@127.0.0.1:6543/users"_s << false << QString()
                                                   << u"127.0.0.1"_s << 6543 << u"users"_s << u"sync"_s;
        QTest::newRow("IPv6 host") << u"postgresql://sync@[::1]:5433/users"_s << false << QString() << u"::1"_s << 5433
                                   << u"users"_s << u"sync"_s;
    }

    void parsesValidLocations()
    {
        QFETCH(QString, text);
        QFETCH(bool, isSqlite);
        QFETCH(QString, filePath);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, database);
        QFETCH(QString, user);

        QString error;
        const auto location = DirectoryLocation::parse(text, &error);
        QVERIFY2(location.has_value(), qPrintable(error));
        QCOMPARE(location->kind() == DirectoryLocation::Kind::Sqlite, isSqlite);
        QCOMPARE(location->filePath(), filePath);
        if (!isSqlite) {
            QCOMPARE(location->host(), host);
            QCOMPARE(location->port(), port);
            QCOMPARE(location->database(), database);
            QCOMPARE(location->user(), user);
        }
        // What toString() writes, parse() reads back to the same location.
        const auto again = DirectoryLocation::parse(location->toString(), &error);
        QVERIFY2(again.has_value(), qPrintable(error));
        QCOMPARE(*again, *location);
    }

    void relativePathBecomesAbsolute()
    {
        const auto location = DirectoryLocation::parse(u"some/dir.sqlite"_s);
        QVERIFY(location.has_value());
        QCOMPARE(location->filePath(), QDir::current().absoluteFilePath(u"some/dir.sqlite"_s));
    }

    void rejectsInvalidLocations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expectedWords");

        QTest::newRow("empty") << QString() << u"No directory was given"_s;
        QTest::newRow("blank") << u"   "_s << u"No directory was given"_s;
        QTest::newRow("unknown scheme") << u"mysql://u@h/db"_s << u"“mysql” is not a directory"_s;
        QTest::newRow("password in URL") << u"postgresql://sync:hunter2@db/users"_s << u"contains a password"_s;
        QTest::newRow("no user") << u"postgresql://db.example.com/users"_s << u"needs a user"_s;
        QTest::newRow("no database") << u"postgresql://sync@db.example.com/"_s << u"needs a user"_s;
        QTest::newRow("nested path") << u"postgresql://sync@db/a/b"_s << u"needs a user"_s;
        QTest::newRow("bad port") << u"postgresql://sync@db:port/users"_s << u"not valid"_s;
    }

    void rejectsInvalidLocations()
    {
        QFETCH(QString, text);
        QFETCH(QString, expectedWords);

        QString error;
        QVERIFY(!DirectoryLocation::parse(text, &error).has_value());
        QVERIFY2(error.contains(expectedWords), qPrintable(error));
        // A rejected password must not be repeated back, not even in the error.
        QVERIFY(!error.contains(u"hunter2"_s));
    }

    void defaultLocationIsSqliteInDataFolder()
    {
        const DirectoryLocation location = DirectoryLocation::defaultLocation();
        QCOMPARE(location.kind(), DirectoryLocation::Kind::Sqlite);
        QVERIFY(location.filePath().endsWith(u"/directory.sqlite"_s));
        QVERIFY(location.displayName().contains(location.filePath()));
    }
};

QTEST_GUILESS_MAIN(TestDirectoryLocation)
#include "tst_directorylocation.moc"

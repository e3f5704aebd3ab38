#include "MainWindow.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/Schema.h"

#include <QAbstractButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The window's Simulate Sync against the real test Keycloak and keychain: the connector's
// secret comes from the keychain, the sync runs on a worker, and its report opens.
class TestMainWindowSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        TestEnvironment::isolateUserFolders();
        QVERIFY(m_temporary.isValid());
        m_location = DirectoryLocation::sqlite(m_temporary.filePath(u"directory.sqlite"_s));
        QString error;
        auto connection = DatabaseConnection::open(*m_location, {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlDatabase db = connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        ConnectorConfig connector;
        connector.name = u"Test Realm"_s;
        connector.keycloak.baseUrl = url;
        connector.keycloak.realm = m_realm.name();
        connector.keycloak.clientId = u"usersync-sync"_s;
        QVERIFY2(ConnectorStore(db).add(connector, &error), qPrintable(error));
        const SecretResult stored =
            SecretStore().writeNow(connector.secretKey(), m_realm.clientSecret(u"usersync-sync"_s));
        QVERIFY2(stored.ok(), qPrintable(stored.message));
    }

    void simulateShowsTheReport()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        window.show();
        auto* connectors = window.findChild<QTableView*>(u"connectorsTableView"_s);
        auto* simulate = window.findChild<QAbstractButton*>(u"simulateButton"_s);
        QCOMPARE(connectors->model()->rowCount(), 1);
        QCOMPARE(connectors->model()->index(0, 0).data().toString(), u"Test Realm"_s);
        QCOMPARE(connectors->model()->index(0, 4).data().toString(), u"Never run"_s);
        QVERIFY(!simulate->isEnabled()); // nothing selected yet
        connectors->selectRow(0);
        QVERIFY(simulate->isEnabled());
        QTest::mouseClick(simulate, Qt::LeftButton);
        QVERIFY(!simulate->isEnabled()); // one sync at a time

        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport(), 60'000);
        auto* changes = window.lastReport()->findChild<QTableView*>(u"changesTableView"_s);
        QVERIFY(changes);
        // A first sync adds every user of the realm, and more: groups and memberships.
        QVERIFY2(changes->model()->rowCount() > m_realm.users().size(),
                 qPrintable(QString::number(changes->model()->rowCount())));
        auto* added = window.lastReport()->findChild<QAbstractButton*>(u"addFilterButton"_s);
        QVERIFY(added);
        QTest::mouseClick(added, Qt::LeftButton);
        QVERIFY(changes->model()->rowCount() > 0);
        QVERIFY(connectors->model()->index(0, 4).data().toString().endsWith(u"simulation succeeded"_s));
        QTRY_VERIFY(simulate->isEnabled());

        if (const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS"); !folder.isEmpty()) {
            QVERIFY(window.grab().save(folder + u"/main-window.png"_s));
            QVERIFY(window.lastReport()->window()->grab().save(folder + u"/simulated-sync.png"_s));
        }
    }

private:
    TestRealm m_realm;
    QTemporaryDir m_temporary;
    std::optional<DirectoryLocation> m_location;
};

QTEST_MAIN(TestMainWindowSync)
#include "tst_mainwindowsync.moc"

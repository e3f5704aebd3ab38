#include "MainWindow.h"
#include "MessageBox.h"
#include "SchedulerTray.h"
#include "TestEnvironment.h"
#include "config/ConnectorStore.h"
#include "directory/DatabaseConnection.h"
#include "schedule/ScheduleService.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        TestEnvironment::isolateUserFolders();
        QVERIFY(m_temporary.isValid());
    }

    void showsTheOpenDirectory()
    {
        MainWindow window;
        const auto location = DirectoryLocation::sqlite(m_temporary.filePath(u"directory.sqlite"_s));
        QVERIFY(window.openDirectory(location));
        QCOMPARE(label(window, "directoryLocationLabel")->text(), location.displayName());
        QCOMPARE(label(window, "directoryStatusLabel")->text(), u"Open"_s);
        QVERIFY(QFile::exists(location.filePath()));
    }

    void saysWhyADirectoryCannotBeOpened()
    {
        QFile blocker(m_temporary.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        MainWindow window;
        QVERIFY(!window.openDirectory(DirectoryLocation::sqlite(blocker.fileName() + u"/directory.sqlite"_s)));
        QVERIFY2(label(window, "directoryStatusLabel")->text().contains(u"cannot be created"_s),
                 qPrintable(label(window, "directoryStatusLabel")->text()));
    }

    // A first start explains what a connector is and offers to add one; a connector added
    // elsewhere (the CLI, another administrator) shows after View → Refresh.
    void emptyListExplainsAndRefreshShowsOthersChanges()
    {
        MainWindow window;
        const auto location = DirectoryLocation::sqlite(m_temporary.filePath(u"first.sqlite"_s));
        QVERIFY(window.openDirectory(location));
        auto* stack = window.findChild<QStackedWidget*>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), u"emptyStateWidget"_s);
        QVERIFY(window.findChild<QLabel*>(u"emptyStateLabel"_s)->text().contains(u"A connector reads"_s));
        QVERIFY(window.findChild<QAbstractButton*>(u"emptyAddButton"_s)->isEnabled());

        QString error;
        {
            auto elsewhere = DatabaseConnection::open(location, {}, &error);
            QVERIFY2(elsewhere, qPrintable(error));
            ConnectorConfig connector = sampleConnector(u"Added by the CLI"_s);
            QVERIFY2(ConnectorStore(elsewhere->database()).add(connector, &error), qPrintable(error));
        }
        auto* table = window.findChild<QTableView*>(u"connectorsTableView"_s);
        QCOMPARE(table->model()->rowCount(), 0); // not read again yet
        auto* refresh = window.findChild<QAction*>(u"refreshAction"_s);
        QCOMPARE(refresh->shortcut(), QKeySequence(Qt::Key_F5));
        refresh->trigger();
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(stack->currentWidget(), table);
        QVERIFY(!table->tabKeyNavigation()); // Tab leaves the list for the buttons
    }

    // Without a system tray (offscreen has none), closing with a schedule on asks first: the
    // scheduled syncs would stop.
    void closingWithSchedulesAndNoTrayAsks()
    {
        const auto location = DirectoryLocation::sqlite(m_temporary.filePath(u"scheduled.sqlite"_s));
        MainWindow window;
        QVERIFY(window.openDirectory(location));
        {
            QString error;
            auto connection = DatabaseConnection::open(location, {}, &error);
            ConnectorConfig connector = sampleConnector(u"Nightly"_s);
            connector.schedule.enabled = true;
            QVERIFY2(ConnectorStore(connection->database()).add(connector, &error), qPrintable(error));
        }
        window.enableScheduling();
        window.refresh();
        QVERIFY(window.scheduler()->service()->hasSchedules());
        QVERIFY(!window.scheduler()->keepsRunning()); // no tray here
        window.show();
        MessageBox::setTestMode(true);
        MessageBox::setNextAnswer(QMessageBox::Yes); // Keep Running Minimized
        QVERIFY(!window.close());
        QVERIFY(MessageBox::lastQuestion().contains(u"no system tray"_s));
        QVERIFY(MessageBox::lastChoices().contains(u"Quit Anyway"_s));
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!window.close());
        MessageBox::setNextAnswer(QMessageBox::No); // Quit Anyway
        QVERIFY(window.close());
        MessageBox::setTestMode(false);
    }

    void quitHasItsShortcut()
    {
        MainWindow window;
        auto* quit = window.findChild<QAction*>(u"quitAction"_s);
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    }

    void windowGeometryIsRemembered()
    {
        QSettings().remove(u"MainWindow"_s);
        {
            MainWindow window;
            window.resize(731, 457);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.close());
        }
        QVERIFY(QSettings().contains(u"MainWindow/geometry"_s));
        MainWindow restored;
        QCOMPARE(restored.size(), QSize(731, 457));
    }

private:
    static ConnectorConfig sampleConnector(const QString& name)
    {
        ConnectorConfig connector;
        connector.name = name;
        connector.keycloak.baseUrl = u"https://sso.example.com"_s;
        connector.keycloak.realm = u"corp"_s;
        connector.keycloak.clientId = u"usersync"_s;
        return connector;
    }

    static QLabel* label(const MainWindow& window, const char* name)
    {
        auto* found = window.findChild<QLabel*>(QLatin1String(name));
        Q_ASSERT(found);
        return found;
    }

    QTemporaryDir m_temporary;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

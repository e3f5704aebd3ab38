#include "ConnectorListModel.h"
#include "HistoryDialog.h"
#include "HistoryModel.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "OpenDirectoryDialog.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryStore.h"
#include "directory/Schema.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QRadioButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
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
        MessageBox::setTestMode(true);
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
        QCOMPARE(connectors->model()->index(0, ConnectorListModel::LastSyncColumn).data().toString(),
                 u"Never synced"_s);
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
        // It says what would happen, per object type, and warns about what it leaves out.
        const QString headline = window.lastReport()->findChild<QLabel*>(u"summaryLabel"_s)->text();
        QVERIFY2(
            headline.startsWith(u"Simulation: nothing has been changed yet. A full sync would add %1 users, "_s.arg(
                m_realm.users().size())),
            qPrintable(headline));
        QVERIFY2(headline.contains(u"; skip 2 groups and "_s), qPrintable(headline));
        const QString banner = window.lastReport()->findChild<QLabel*>(u"skipBannerLabel"_s)->text();
        QVERIFY2(banner.contains(u"will not be synced"_s) && banner.contains(u"/Engineering/Team A"_s),
                 qPrintable(banner));
        QVERIFY(window.lastReport()->findChild<QAbstractButton*>(u"user-addCountButton"_s));
        QVERIFY2(window.statusBar()->currentMessage().contains(u"nothing changed yet"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        auto* added = window.lastReport()->findChild<QAbstractButton*>(u"addFilterButton"_s);
        QVERIFY(added);
        QTest::mouseClick(added, Qt::LeftButton);
        QVERIFY(changes->model()->rowCount() > 0);
        // The realm's two "Team A" groups collide: the simulation left them out, and says so.
        QVERIFY(connectors->model()
                    ->index(0, ConnectorListModel::LastSimulationColumn)
                    .data()
                    .toString()
                    .endsWith(u"succeeded with warnings"_s));
        QCOMPARE(connectors->model()->index(0, ConnectorListModel::LastSyncColumn).data().toString(),
                 u"Never synced"_s);
        QTRY_VERIFY(simulate->isEnabled());

        if (const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS"); !folder.isEmpty()) {
            QCoreApplication::sendPostedEvents(); // the layout catches up with the latest texts
            QVERIFY(window.grab().save(folder + u"/main-window.png"_s));
            QVERIFY(window.lastReport()->window()->grab().save(folder + u"/simulated-sync.png"_s));
        }

        // Applying the reviewed plan from its report: the directory then holds the realm.
        QPointer<QWidget> simulated = window.lastReport();
        auto* apply = simulated->findChild<QAbstractButton*>(u"applyButton"_s);
        QVERIFY(apply && !apply->isHidden());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport() && window.lastReport() != simulated, 60'000);
        QVERIFY2(window.lastReport()->window()->windowTitle().contains(u"Applied"_s),
                 qPrintable(window.lastReport()->window()->windowTitle()));
        QCOMPARE(directoryUsers(), m_realm.users().size());
        QVERIFY(connectors->model()
                    ->index(0, ConnectorListModel::LastSyncColumn)
                    .data()
                    .toString()
                    .endsWith(u"succeeded with warnings"_s));
        QCOMPARE(connectors->model()->index(0, ConnectorListModel::StatusColumn).data().toString(),
                 u"Synced with warnings"_s);
        QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Full sync of “Test Realm” applied: added "_s),
                 qPrintable(window.statusBar()->currentMessage()));
    }

    void fullSyncRecommendsASimulationFirst()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        auto* connectors = window.findChild<QTableView*>(u"connectorsTableView"_s);
        auto* fullSync = window.findChild<QAbstractButton*>(u"fullSyncButton"_s);
        connectors->selectRow(0);
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(fullSync, Qt::LeftButton);
        QVERIFY(fullSync->isEnabled()); // cancelled: nothing started
        QVERIFY(!window.lastReport());

        MessageBox::setNextAnswer(QMessageBox::Apply); // "Full Sync Now"
        QTest::mouseClick(fullSync, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport(), 60'000);
        QVERIFY(window.lastReport()->window()->windowTitle().contains(u"Applied"_s));
        QCOMPARE(directoryUsers(), m_realm.users().size()); // the realm again: nothing new
        QTRY_VERIFY(fullSync->isEnabled());

        // A simulation now has nothing to do, and says so rather than counting "changes".
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"simulateButton"_s), Qt::LeftButton);
        QPointer<QWidget> applied = window.lastReport();
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport() && window.lastReport() != applied, 60'000);
        const QString headline = window.lastReport()->findChild<QLabel*>(u"summaryLabel"_s)->text();
        QVERIFY2(headline.startsWith(u"Simulation: the directory already matches Keycloak ("_s), qPrintable(headline));
        QVERIFY(headline.contains(u"Nothing to apply."_s));
        QVERIFY(window.lastReport()->findChild<QAbstractButton*>(u"applyButton"_s)->isHidden());
        screenshotReport(window.lastReport(), u"report-no-op"_s);
    }

    // Every run so far is in the history; a full run opens as the report of what it changed.
    void historyOpensARunsReport()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"historyButton"_s), Qt::LeftButton);
        QVERIFY(window.history());
        auto* runs = window.history()->findChild<QTableView*>(u"historyTableView"_s);
        QVERIFY(!runs->tabKeyNavigation()); // Tab leaves the list
        // Simulate, apply the reviewed plan, full sync, and the simulation that found nothing to do.
        QCOMPARE(runs->model()->rowCount(), 4);
        QCOMPARE(runs->model()->index(3, HistoryModel::ModeColumn).data().toString(), u"Simulation"_s); // oldest last
        QCOMPARE(runs->model()->index(0, HistoryModel::ModeColumn).data().toString(), u"Simulation"_s);
        QVERIFY(runs->selectionModel()->isRowSelected(0)); // the newest, so that its buttons work at once
        // Without the simulations, what was applied.
        auto* previews = window.history()->findChild<QCheckBox*>(u"showPreviewsCheckBox"_s);
        previews->setChecked(false);
        QCOMPARE(runs->model()->rowCount(), 2);
        QCOMPARE(runs->model()->index(0, HistoryModel::ModeColumn).data().toString(), u"Full sync"_s);
        previews->setChecked(true);
        QCOMPARE(runs->model()->rowCount(), 4);
        QCOMPARE(runs->model()->index(2, HistoryModel::ModeColumn).data().toString(), u"Full sync"_s);
        // The realm's colliding groups were left out: it succeeded, with warnings.
        QCOMPARE(runs->model()->index(2, HistoryModel::ResultColumn).data().toString(), u"Succeeded with warnings"_s);
        QVERIFY(runs->model()->index(2, HistoryModel::ChangesColumn).data().toString().contains(u"Users added:"_s));
        runs->selectRow(2);
        // A run that finishes meanwhile reloads the history; the run chosen stays chosen.
        const QString chosen = runs->model()->index(2, HistoryModel::StartedColumn).data().toString();
        QVERIFY(window.history()->reload());
        QVERIFY(runs->selectionModel()->isRowSelected(2));
        QCOMPARE(runs->model()->index(2, HistoryModel::StartedColumn).data().toString(), chosen);
        QTest::mouseClick(window.history()->findChild<QAbstractButton*>(u"openReportButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.history()->lastReport(), 30'000);
        auto* changes = window.history()->lastReport()->findChild<QTableView*>(u"changesTableView"_s);
        QVERIFY2(changes->model()->rowCount() > m_realm.users().size(),
                 qPrintable(QString::number(changes->model()->rowCount())));
    }

    // Narrowing the connector to one group would disable nearly everyone: the deletion guard
    // asks before the reviewed plan is applied, and a "no" changes nothing.
    void deletionGuardAsksBeforeApplying()
    {
        QString error;
        {
            auto connection = DatabaseConnection::open(*m_location, {}, &error);
            ConnectorStore store(connection->database());
            auto connector = store.find(u"Test Realm"_s, &error);
            QVERIFY2(connector, qPrintable(error));
            connector->sync.requiredGroups = {u"Admins"_s};
            QVERIFY2(store.update(*connector, &error), qPrintable(error));
        }
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        window.findChild<QTableView*>(u"connectorsTableView"_s)->selectRow(0);
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"simulateButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport(), 60'000);
        QPointer<QWidget> simulated = window.lastReport();
        QVERIFY(simulated->findChild<QAbstractButton*>(u"disableFilterButton"_s));

        QVERIFY(simulated->findChild<QLabel*>(u"deletionLimitBannerLabel"_s));
        screenshotReport(simulated, u"report-deletion-limit"_s);

        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(simulated->findChild<QAbstractButton*>(u"applyButton"_s), Qt::LeftButton);
        QCOMPARE(window.lastReport(), simulated.data()); // nothing ran
        QVERIFY(simulated && simulated->isVisible()); // the reviewed report stays open
        QVERIFY2(MessageBox::lastQuestion().contains(u"deletion limit"_s), qPrintable(MessageBox::lastQuestion()));
        QCOMPARE(MessageBox::lastChoices(), QStringList{u"Allow Once and Apply"_s});
        QCOMPARE(activeUsers(), m_realm.users().size() - 1); // only the one disabled in Keycloak

        MessageBox::setNextAnswer(QMessageBox::Apply); // "Allow Once and Apply"
        QTest::mouseClick(simulated->findChild<QAbstractButton*>(u"applyButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport() && window.lastReport() != simulated, 60'000);
        QVERIFY(activeUsers() < 10); // the Admins, and nobody else
    }

    // The last full run (the one that disabled nearly everyone) rolled back from the history:
    // its inverse is shown first, then applied.
    void rollbackFromTheHistory()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"historyButton"_s), Qt::LeftButton);
        HistoryDialog* history = window.history();
        auto* runs = history->findChild<QTableView*>(u"historyTableView"_s);
        auto* rollback = history->findChild<QAbstractButton*>(u"rollbackButton"_s);
        runs->selectRow(1); // the simulation before it: not something to roll back
        QCOMPARE(runs->model()->index(1, HistoryModel::ModeColumn).data().toString(), u"Simulation"_s);
        QVERIFY(!rollback->isEnabled());
        runs->selectRow(0);
        QCOMPARE(runs->model()->index(0, HistoryModel::ModeColumn).data().toString(), u"Full sync"_s);
        QVERIFY(rollback->isEnabled());
        QTest::mouseClick(rollback, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(history->lastReport(), 30'000);
        QPointer<QWidget> preview = history->lastReport();
        QVERIFY(preview->window()->windowTitle().contains(u"Preview"_s));
        QVERIFY(preview->findChild<QAbstractButton*>(u"reactivateFilterButton"_s));
        QVERIFY(activeUsers() < 10); // a preview changes nothing

        auto* apply = preview->findChild<QAbstractButton*>(u"applyButton"_s);
        QCOMPARE(apply->text(), u"&Apply This Rollback…"_s);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(history->lastReport() && history->lastReport() != preview, 30'000);
        QVERIFY(history->lastReport()->window()->windowTitle().contains(u"Applied"_s));
        QCOMPARE(activeUsers(), m_realm.users().size() - 1); // everyone back but the one disabled in Keycloak
        QCOMPARE(runs->model()->index(0, HistoryModel::ModeColumn).data().toString(), u"Rollback"_s);
    }

    // Rolling back the first full sync, which added everyone: the rollback would disable
    // (not delete) every user, past the deletion limit, so it asks first and names the counts.
    void rollbackThatDisablesAsksFirst()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"historyButton"_s), Qt::LeftButton);
        HistoryDialog* history = window.history();
        auto* runs = history->findChild<QTableView*>(u"historyTableView"_s);
        int first = -1;
        for (int row = 0; row < runs->model()->rowCount(); ++row) {
            if (runs->model()->index(row, HistoryModel::ModeColumn).data().toString() == u"Full sync"_s) {
                first = row; // the oldest full run is the last one listed
            }
        }
        QVERIFY(first >= 0);
        runs->selectRow(first);
        const qsizetype usersBefore = directoryUsers();
        const qsizetype activeBefore = activeUsers();
        QTest::mouseClick(history->findChild<QAbstractButton*>(u"rollbackButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(history->lastReport(), 30'000);
        QPointer<QWidget> preview = history->lastReport();
        QVERIFY(preview->findChild<QAbstractButton*>(u"disableFilterButton"_s));
        QVERIFY(!preview->findChild<QAbstractButton*>(u"deleteFilterButton"_s)
                || !preview->findChild<QAbstractButton*>(u"user-deleteCountButton"_s)); // users are not deleted
        const QString headline = preview->findChild<QLabel*>(u"summaryLabel"_s)->text();
        QVERIFY2(preview->findChild<QLabel*>(u"deletionLimitBannerLabel"_s), qPrintable(headline));
        QVERIFY2(headline.startsWith(u"Rollback preview: nothing has been changed yet. Applying it would "_s),
                 qPrintable(headline));
        screenshotReport(preview, u"rollback-preview"_s);

        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(preview->findChild<QAbstractButton*>(u"applyButton"_s), Qt::LeftButton);
        QVERIFY(preview && preview->isVisible()); // still there, nothing done
        QVERIFY2(MessageBox::lastQuestion().contains(u"This rollback would "_s)
                     && MessageBox::lastQuestion().contains(u"disable "_s)
                     && MessageBox::lastQuestion().contains(u"deletion limit"_s),
                 qPrintable(MessageBox::lastQuestion()));
        QCOMPARE(MessageBox::lastChoices(), (QStringList{u"Disable and Apply"_s, u"Delete the Added Users Instead"_s}));
        QCOMPARE(activeUsers(), activeBefore);

        // The other choice is not applied unseen: it is planned and shown as a preview of its own...
        MessageBox::setNextAnswer(QMessageBox::Discard); // Delete the Added Users Instead
        QTest::mouseClick(preview->findChild<QAbstractButton*>(u"applyButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(history->lastReport() && history->lastReport() != preview, 30'000);
        QPointer<QWidget> deleting = history->lastReport();
        QVERIFY(deleting->window()->windowTitle().contains(u"Preview"_s));
        QVERIFY(deleting->findChild<QAbstractButton*>(u"user-deleteCountButton"_s));
        QCOMPARE(directoryUsers(), usersBefore); // still nothing done
        // ...whose question offers the way back, which is planned again too.
        MessageBox::setNextAnswer(QMessageBox::Discard); // Disable the Added Users Instead
        QTest::mouseClick(deleting->findChild<QAbstractButton*>(u"applyButton"_s), Qt::LeftButton);
        QVERIFY(MessageBox::lastChoices().contains(u"Disable the Added Users Instead"_s));
        QTRY_VERIFY_WITH_TIMEOUT(history->lastReport() && history->lastReport() != deleting, 30'000);
        preview = history->lastReport();
        QVERIFY(preview->findChild<QAbstractButton*>(u"user-disableCountButton"_s));

        MessageBox::setNextAnswer(QMessageBox::Apply); // Disable and Apply
        QTest::mouseClick(preview->findChild<QAbstractButton*>(u"applyButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(history->lastReport() && history->lastReport() != preview, 30'000);
        QCOMPARE(directoryUsers(), usersBefore); // disabled, kept with their ids and history
        QVERIFY(activeUsers() < activeBefore);
        // The window's list shows it at once.
        QTRY_VERIFY(window.findChild<QTableView*>(u"connectorsTableView"_s)
                        ->model()
                        ->index(0, ConnectorListModel::LastSyncColumn)
                        .data()
                        .toString()
                        .endsWith(u"rolled back"_s));
    }

    // A directory with a user made by hand before any sync: the preview says it will be linked.
    void migrationPreviewShowsWhoIsLinked()
    {
        const auto location = DirectoryLocation::sqlite(m_temporary.filePath(u"fresh.sqlite"_s));
        QString error;
        {
            auto connection = DatabaseConnection::open(location, {}, &error);
            QSqlDatabase db = connection->database();
            QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
            ConnectorConfig connector;
            connector.name = u"Fresh"_s;
            connector.keycloak.baseUrl = qEnvironmentVariable("USERSYNC_TEST_KEYCLOAK_URL");
            connector.keycloak.realm = m_realm.name();
            connector.keycloak.clientId = u"usersync-sync"_s;
            QVERIFY2(ConnectorStore(db).add(connector, &error), qPrintable(error));
            QVERIFY(SecretStore().writeNow(connector.secretKey(), m_realm.clientSecret(u"usersync-sync"_s)).ok());
            LocalUser alice;
            alice.id = u"hand-made-1"_s;
            alice.username = u"Alice.Andersen"_s; // names compare without regard to case
            alice.createdAt = 1;
            QVERIFY2(DirectoryStore(db).addLocalUser(alice, &error), qPrintable(error));
        }
        MainWindow window;
        QVERIFY(window.openDirectory(location));
        window.findChild<QTableView*>(u"connectorsTableView"_s)->selectRow(0);
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"migrationButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.migrationPreview(), 60'000);
        auto* table = window.migrationPreview()->findChild<QTableWidget*>(u"previewTableWidget"_s);
        QVERIFY(!table->tabKeyNavigation());
        QVERIFY(table->rowCount() >= m_realm.users().size() - 1);
        QStringList linked;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == u"Link"_s) {
                linked << table->item(row, 1)->text() + u" = "_s + table->item(row, 3)->text();
            }
        }
        QCOMPARE(linked, QStringList{u"alice.andersen = Alice.Andersen"_s});
        for (int row = 0; row < table->rowCount(); ++row) {
            QVERIFY(!table->item(row, 4)->text().isEmpty()); // every row says why
        }
        // Searched as the report is: every word, in any column.
        auto* search = window.migrationPreview()->findChild<QLineEdit*>(u"searchLineEdit"_s);
        search->setText(u"alice andersen"_s);
        int shown = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            shown += table->isRowHidden(row) ? 0 : 1;
        }
        QCOMPARE(shown, 1);
        QVERIFY(window.migrationPreview()->findChild<QLabel*>(u"summaryLabel"_s)->text().contains(u"link 1 "_s));
    }

    // The window runs a connector's scheduled sync on its own: one saved long ago and never run
    // since is caught up at once, applied on a worker, recorded as scheduled and shown.
    void runsScheduledSyncsWhileOpen()
    {
        QTemporaryDir folder;
        const DirectoryLocation location = DirectoryLocation::sqlite(folder.filePath(u"scheduled.sqlite"_s));
        QString error;
        ConnectorConfig connector;
        {
            auto connection = DatabaseConnection::open(location, {}, &error);
            QVERIFY2(connection, qPrintable(error));
            QSqlDatabase db = connection->database();
            QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
            connector.name = u"Nightly"_s;
            connector.keycloak.baseUrl = qEnvironmentVariable("USERSYNC_TEST_KEYCLOAK_URL");
            connector.keycloak.realm = m_realm.name();
            connector.keycloak.clientId = u"usersync-sync"_s;
            connector.schedule.enabled = true;
            connector.schedule.cron = u"0 0 0 1 1 ?"_s; // every New Year: due only because it was missed
            QVERIFY2(ConnectorStore(db).add(connector, &error), qPrintable(error));
            QVERIFY(SecretStore().writeNow(connector.secretKey(), m_realm.clientSecret(u"usersync-sync"_s)).ok());
            QSqlQuery backdate(db);
            QVERIFY(backdate.exec(u"UPDATE connectors SET updated_at = 1577836800000"_s));
        }
        MainWindow window;
        QVERIFY(window.openDirectory(location));
        auto* connectors = window.findChild<QTableView*>(u"connectorsTableView"_s);
        QCOMPARE(connectors->model()->index(0, ConnectorListModel::LastSyncColumn).data().toString(),
                 u"Never synced"_s);
        window.enableScheduling();
        QVERIFY(window.scheduler()->service()->hasSchedules());
        QTRY_VERIFY_WITH_TIMEOUT(connectors->model()
                                     ->index(0, ConnectorListModel::LastSyncColumn)
                                     .data()
                                     .toString()
                                     .contains(u"succeeded"_s),
                                 60'000);
        auto connection = DatabaseConnection::open(location, {}, &error);
        const auto runs = DirectoryStore(connection->database()).runs(connector.id, 10, &error);
        QVERIFY2(runs, qPrintable(error));
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().trigger, u"scheduled"_s);
        QCOMPARE(runs->first().mode, u"full"_s);
        const auto state = DirectoryStore(connection->database()).load(&error);
        QCOMPARE(state->users.size(), m_realm.users().size());
        // The next run is next New Year's midnight, in the list as well.
        QVERIFY(window.scheduler()->service()->nextRun(connector.id).date().dayOfYear() == 1);
        QVERIFY(window.statusBar()->currentMessage().contains(u"applied"_s));
        SecretStore().removeNow(connector.secretKey());
    }

    // A PostgreSQL directory from the window: the password typed in Open Directory goes to the
    // keychain, where the next start (and every CLI or scheduled run) finds it.
    void opensAPostgresDirectoryThroughTheKeychain()
    {
        USERSYNC_REQUIRE_POSTGRES(postgres);
        const QString key = DirectoryAccess::passwordKey(postgres->location);
        SecretStore().removeNow(key);
        {
            MainWindow window;
            window.openLocation(postgres->location);
            QTRY_VERIFY(directoryStatus(window).contains(u"No password"_s));
            QVERIFY(!window.findChild<QAction*>(u"addConnectorAction"_s)->isEnabled());
        }
        {
            // A mistyped password is tried on a worker, refused by the server, and never kept.
            MainWindow window;
            window.openLocation(postgres->location, u"not-the-password"_s);
            QTRY_VERIFY_WITH_TIMEOUT(directoryStatus(window) != u"Opening…"_s, 30'000);
            QVERIFY2(directoryStatus(window).contains(u"password"_s, Qt::CaseInsensitive),
                     qPrintable(directoryStatus(window)));
            QCOMPARE(SecretStore().readNow(key).status, SecretResult::Status::NotFound);
            QVERIFY(!window.findChild<QAction*>(u"addConnectorAction"_s)->isEnabled());
        }
        {
            MainWindow window;
            window.show();
            window.findChild<QAction*>(u"openDirectoryAction"_s)->trigger();
            auto* dialog = window.findChild<OpenDirectoryDialog*>();
            QVERIFY(dialog);
            dialog->findChild<QRadioButton*>(u"postgresRadioButton"_s)->setChecked(true);
            QVERIFY(!dialog->findChild<QLineEdit*>(u"sqlitePathLineEdit"_s)->isEnabled());
            // A missing field is named, and the dialog stays open with what was typed.
            dialog->findChild<QLineEdit*>(u"hostLineEdit"_s)->setText(postgres->location.host());
            dialog->accept();
            QVERIFY(dialog->isVisible());
            QVERIFY(dialog->findChild<QLabel*>(u"problemLabel"_s)->text().contains(u"database"_s));
            dialog->findChild<QSpinBox*>(u"portSpinBox"_s)->setValue(postgres->location.port());
            dialog->findChild<QLineEdit*>(u"databaseLineEdit"_s)->setText(postgres->location.database());
            dialog->findChild<QLineEdit*>(u"userLineEdit"_s)->setText(postgres->location.user());
            dialog->findChild<QLineEdit*>(u"passwordLineEdit"_s)->setText(postgres->password);
            dialog->accept();
            QTRY_COMPARE(directoryStatus(window), u"Open"_s);
            QCOMPARE(MainWindow::rememberedLocation(), postgres->location);
            QTRY_COMPARE(SecretStore().readNow(key).secret, postgres->password); // stored once it worked
            QVERIFY(window.findChild<QAction*>(u"addConnectorAction"_s)->isEnabled());
        }
        {
            MainWindow window;
            window.openLocation(*MainWindow::rememberedLocation());
            QTRY_COMPARE(directoryStatus(window), u"Open"_s);
        }
    }

private:
    static void screenshotReport(QWidget* report, const QString& name)
    {
        if (const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS"); !folder.isEmpty()) {
            QCoreApplication::sendPostedEvents();
            QVERIFY(report->window()->grab().save(folder + u'/' + name + u".png"_s));
        }
    }

    static QString directoryStatus(const MainWindow& window)
    {
        return window.findChild<QLabel*>(u"directoryStatusLabel"_s)->text();
    }

    qsizetype activeUsers() const
    {
        QString error;
        auto connection = DatabaseConnection::open(*m_location, {}, &error);
        const auto state = connection ? DirectoryStore(connection->database()).load(&error) : std::nullopt;
        return state ? std::count_if(state->users.cbegin(), state->users.cend(),
                                     [](const LocalUser& user) { return user.active; })
                     : -1;
    }

    qsizetype directoryUsers() const
    {
        QString error;
        auto connection = DatabaseConnection::open(*m_location, {}, &error);
        const auto state = connection ? DirectoryStore(connection->database()).load(&error) : std::nullopt;
        return state ? state->users.size() : -1;
    }

    TestRealm m_realm;
    QTemporaryDir m_temporary;
    std::optional<DirectoryLocation> m_location;
};

QTEST_MAIN(TestMainWindowSync)
#include "tst_mainwindowsync.moc"

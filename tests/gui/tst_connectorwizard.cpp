#include "ConnectorListModel.h"
#include "ConnectorWizard.h"
#include "DirectoryDialog.h"
#include "HistoryChartView.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "SchedulePage.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "directory/DirectoryStore.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QWindow>

using namespace Qt::StringLiterals;

// The setup guide's path through the Add Connector wizard, by keyboard, against the real test
// Keycloak and keychain: type the connection, Save and Test Connection, a wrong secret, the
// schedule's preview, Save and Return; then simulate, apply and browse the directory.
class TestConnectorWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        qRegisterMetaType<ConnectionTestResult>();
        TestEnvironment::isolateUserFolders();
        MessageBox::setTestMode(true);
        QVERIFY(m_temporary.isValid());
        m_location = DirectoryLocation::sqlite(m_temporary.filePath(u"directory.sqlite"_s));
    }

    void addConnectorByKeyboard()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier); // Add…
        ConnectorWizard* wizard = window.wizard();
        QVERIFY(wizard);
        activate(wizard);
        QCOMPARE(wizard->currentId(), int(ConnectorWizard::TypePageId));
        // A button's mnemonic clicks it as a short animation: QTRY_ waits for that.
        QTest::keyClick(wizard, Qt::Key_N, Qt::AltModifier); // Next: Keycloak is chosen already
        QTRY_COMPARE(wizard->currentId(), int(ConnectorWizard::ConnectionPageId));

        // Name, URL, realm, client id and secret in tab order, as a keyboard user types them.
        type(wizard, u"nameLineEdit"_s, u"Corporate SSO"_s);
        typeAfterTab(wizard, u"urlLineEdit"_s, url);
        typeAfterTab(wizard, u"realmLineEdit"_s, m_realm.name());
        typeAfterTab(wizard, u"clientIdLineEdit"_s, u"usersync-sync"_s);
        // Without a secret a new connector is not saved, and the page says what is missing.
        QTest::keyClick(wizard, Qt::Key_T, Qt::AltModifier);
        QTRY_VERIFY(wizard->findChild<QLabel*>(u"testResultLabel"_s)->text().contains(u"Enter the client secret"_s));
        QCOMPARE(connectorCount(window), 0);
        wizard->findChild<QLineEdit*>(u"clientIdLineEdit"_s)->setFocus();
        typeAfterTab(wizard, u"secretLineEdit"_s, u"not-the-secret"_s);
        auto* secret = wizard->findChild<QLineEdit*>(u"secretLineEdit"_s);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QTest::keyClick(wizard, Qt::Key_W, Qt::AltModifier); // Show
        QTRY_COMPARE(secret->echoMode(), QLineEdit::Normal);
        QCOMPARE(wizard->findChild<QToolButton*>(u"showSecretToolButton"_s)->text(), u"Hide"_s);
        QTest::keyClick(wizard, Qt::Key_W, Qt::AltModifier); // and hide again
        QTRY_COMPARE(secret->echoMode(), QLineEdit::Password);

        // A wrong secret: saved, tested, and the sentence says where to fix it.
        auto* result = wizard->findChild<QLabel*>(u"testResultLabel"_s);
        const ConnectionTestResult refused = saveAndTest(wizard);
        QVERIFY(!refused.ok);
        QVERIFY2(result->text().contains(u"Credentials tab"_s), qPrintable(result->text()));
        // A checklist: the steps that worked, then the one that failed with its fix.
        QVERIFY2(result->text().indexOf(u"Realm “%1” found"_s.arg(m_realm.name()))
                     < result->text().indexOf(u"Credentials tab"_s),
                 qPrintable(result->text()));
        QCOMPARE(connectorCount(window), 1);

        // The right secret: a clear success with the realm's counts.
        secret->setFocus();
        secret->selectAll();
        QTest::keyClicks(secret, m_realm.clientSecret(u"usersync-sync"_s));
        const ConnectionTestResult connected = saveAndTest(wizard);
        QVERIFY2(connected.ok, qPrintable(result->text()));
        QVERIFY2(result->text().contains(u"Connection OK"_s), qPrintable(result->text()));
        QVERIFY2(result->text().contains(u"Users readable: %1"_s.arg(m_realm.users().size())),
                 qPrintable(result->text()));
        QCOMPARE(connectorCount(window), 1); // saved again, not added twice
        screenshot(wizard, u"wizard-connection"_s);

        // Advanced settings: scheduling, with the default of every day at 02:00 previewed.
        QTest::keyClick(wizard, Qt::Key_A, Qt::AltModifier); // Show Advanced Settings
        QTRY_COMPARE(wizard->currentId(), int(ConnectorWizard::SchedulePageId));
        QTest::keyClick(wizard, Qt::Key_E, Qt::AltModifier); // Enable Scheduled Synchronization
        QTRY_VERIFY(wizard->findChild<QCheckBox*>(u"scheduleEnabledCheckBox"_s)->isChecked());
        auto* schedule = static_cast<SchedulePage*>(wizard->page(ConnectorWizard::SchedulePageId));
        auto* description = wizard->findChild<QLabel*>(u"cronDescriptionLabel"_s);
        QCOMPARE(description->text(), u"Every day at 02:00"_s);
        checkPreview(schedule->previewTimes(), QTime(2, 0), false);

        // Every weekday at 06:30, typed as an administrator would.
        QTest::keyClick(wizard, Qt::Key_X, Qt::AltModifier); // the cron expression
        auto* cron = wizard->findChild<QLineEdit*>(u"cronLineEdit"_s);
        QVERIFY(cron->hasFocus());
        cron->selectAll();
        QTest::keyClicks(cron, u"0 30 6 ? * MON-FRI"_s);
        checkPreview(schedule->previewTimes(), QTime(6, 30), true);

        // A wrong expression is named as it is typed, and blocks Save and Return.
        QTest::keyClicks(cron, u"X"_s);
        QVERIFY2(description->text().contains(u"Day of week"_s), qPrintable(description->text()));
        QVERIFY(schedule->previewTimes().isEmpty());
        QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());
        QTest::keyClick(cron, Qt::Key_Backspace);
        QCOMPARE(description->text(), u"Every weekday (Monday to Friday) at 06:30"_s);
        screenshot(wizard, u"wizard-schedule"_s);

        // The other advanced pages, each with Save and Return as well.
        for (const auto& [page, name] : {std::pair{ConnectorWizard::RulesPageId, u"wizard-rules"_s},
                                         {ConnectorWizard::MappingPageId, u"wizard-mapping"_s},
                                         {ConnectorWizard::NetworkPageId, u"wizard-network"_s}}) {
            QTest::keyClick(wizard, Qt::Key_N, Qt::AltModifier);
            QTRY_COMPARE(wizard->currentId(), int(page));
            QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
            screenshot(wizard, name);
        }
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());

        // Save and Return: the connector is kept with its schedule, and the window shows it.
        QSignalSpy saved(wizard, &ConnectorWizard::saved);
        QTest::keyClick(wizard, Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY(!window.wizard());
        QCOMPARE(saved.size(), 1);
        QString error;
        const auto stored = ConnectorStore(database()).find(u"Corporate SSO"_s, &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->schedule.enabled);
        QCOMPARE(stored->schedule.cron, u"0 30 6 ? * MON-FRI"_s);
        QCOMPARE(stored->keycloak.baseUrl, url);
        QCOMPARE(connectorCount(window), 1);
        m_connectorId = stored->id;
    }

    // Every field of every page is reached with Tab alone, in the order of the page.
    void everyFieldIsReachedByTab()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        window.show();
        window.findChild<QAction*>(u"addConnectorAction"_s)->trigger();
        ConnectorWizard* wizard = window.wizard();
        QVERIFY(wizard);
        activate(wizard);
        // Enabled, so that every field takes focus (they follow their switches otherwise).
        wizard->findChild<QCheckBox*>(u"scheduleEnabledCheckBox"_s)->setChecked(true);
        wizard->findChild<QComboBox*>(u"groupNamingComboBox"_s)->setCurrentIndex(3); // a pattern
        wizard->findChild<QLineEdit*>(u"groupPatternLineEdit"_s)->setText(u"^(.*)$"_s);
        for (const int id : {int(ConnectorWizard::ConnectionPageId), int(ConnectorWizard::SchedulePageId),
                             int(ConnectorWizard::RulesPageId), int(ConnectorWizard::MappingPageId),
                             int(ConnectorWizard::NetworkPageId)}) {
            if (wizard->currentId() == ConnectorWizard::ConnectionPageId) {
                fillConnection(wizard); // only what lets the page pass; nothing is saved
            }
            if (wizard->currentId() != id) {
                wizard->next();
            }
            QCOMPARE(wizard->currentId(), id);
            QWizardPage* page = wizard->currentPage();
            QList<QWidget*> fields;
            for (QWidget* widget : page->findChildren<QWidget*>()) {
                if (widget->isVisibleTo(page) && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)
                    && !qobject_cast<QLabel*>(widget) && widget->focusProxy() == nullptr
                    && !widget->objectName().startsWith(u"qt_"_s)) {
                    fields << widget;
                }
            }
            QVERIFY2(!fields.isEmpty(), qPrintable(page->objectName()));
            QWidget* first = fields.first();
            first->setFocus();
            QSet<QWidget*> reached{first};
            for (int press = 0; press < 40 && reached.size() < fields.size(); ++press) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                reached.insert(QApplication::focusWidget());
            }
            for (QWidget* field : std::as_const(fields)) {
                QVERIFY2(reached.contains(field), qPrintable(page->objectName() + u": "_s + field->objectName()));
            }
        }
        // Nothing was saved, but a lot was typed: Cancel asks before throwing it away.
        wizard->reject();
        QVERIFY(window.wizard());
        QVERIFY(MessageBox::lastQuestion().contains(u"Discard the new connector?"_s));
        MessageBox::setNextAnswer(QMessageBox::Discard);
        wizard->reject();
        QTRY_VERIFY(!window.wizard());
    }

    void theSecretIsOnlyInTheKeychain()
    {
        QVERIFY(!m_connectorId.isEmpty());
        const QByteArray secret = m_realm.clientSecret(u"usersync-sync"_s).toUtf8();
        // Every file the application wrote: its settings, its data folder and the directory.
        QStringList folders = {QFileInfo(QSettings().fileName()).absolutePath(), m_temporary.path(),
                               QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
        int filesRead = 0;
        for (const QString& folder : folders) {
            QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
                QVERIFY2(!file.readAll().contains(secret), qPrintable(file.fileName()));
                ++filesRead;
            }
        }
        QVERIFY(QFile::exists(QSettings().fileName())); // the settings were written and read
        QVERIFY(filesRead >= 2);
        const SecretResult kept = SecretStore().readNow(SecretStore::connectorKey(m_connectorId, u"client-secret"_s));
        QVERIFY2(kept.ok(), qPrintable(kept.message));
        QCOMPARE(kept.secret.toUtf8(), secret);
    }

    void editKeepsTheSecretUnlessChanged()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        window.show();
        auto* connectors = window.findChild<QTableView*>(u"connectorsTableView"_s);
        connectors->selectRow(0);
        window.findChild<QAction*>(u"editConnectorAction"_s)->trigger();
        ConnectorWizard* wizard = window.wizard();
        QVERIFY(wizard);
        activate(wizard);
        QCOMPARE(wizard->currentId(), int(ConnectorWizard::ConnectionPageId));
        auto* secret = wizard->findChild<QLineEdit*>(u"secretLineEdit"_s);
        QVERIFY(secret->text().isEmpty()); // never shown again
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        auto* name = wizard->findChild<QLineEdit*>(u"nameLineEdit"_s);
        name->setText(u"Test Realm"_s);
        // Save and Test with the stored secret.
        const ConnectionTestResult tested = saveAndTest(wizard);
        QVERIFY2(tested.ok, qPrintable(wizard->findChild<QLabel*>(u"testResultLabel"_s)->text()));
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!window.wizard());
        QCOMPARE(connectors->model()->index(0, 0).data().toString(), u"Test Realm"_s);
        const SecretResult kept = SecretStore().readNow(SecretStore::connectorKey(m_connectorId, u"client-secret"_s));
        QCOMPARE(kept.secret, m_realm.clientSecret(u"usersync-sync"_s));
    }

    void simulateApplyAndBrowse()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        window.show();
        window.findChild<QTableView*>(u"connectorsTableView"_s)->selectRow(0);
        window.findChild<QAction*>(u"simulateAction"_s)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport(), 60'000);
        QPointer<QWidget> simulated = window.lastReport();
        auto* apply = simulated->findChild<QAbstractButton*>(u"applyButton"_s);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport() && window.lastReport() != simulated, 60'000);

        window.findChild<QAction*>(u"browseDirectoryAction"_s)->trigger();
        DirectoryDialog* directory = window.directoryDialog();
        QVERIFY(directory);
        QTRY_VERIFY_WITH_TIMEOUT(!directory->isLoading(), 30'000);
        QCOMPARE(directory->users()->rowCount(), m_realm.users().size());
        for (const char* table : {"usersTableView", "groupsTableView"}) {
            QVERIFY(!directory->findChild<QTableView*>(QLatin1String(table))->tabKeyNavigation());
        }
        // Groups whose names collide (two "Team A"s) are left out rather than merged.
        QMap<QString, int> names;
        for (const QString& path : m_realm.groupPaths()) {
            ++names[path.section(u'/', -1)];
        }
        QCOMPARE(directory->groups()->rowCount(), names.values().count(1));

        // The search narrows both lists to what matches, in any column.
        const QJsonObject someone = m_realm.users().constLast();
        const QString username = someone.value(u"username"_s).toString();
        auto* search = directory->findChild<QLineEdit*>(u"searchLineEdit"_s);
        QTest::keyClicks(search, username);
        QVERIFY(directory->users()->rowCount() >= 1);
        for (int row = 0; row < directory->users()->rowCount(); ++row) {
            const QModelIndex index = directory->users()->index(row, 0);
            bool matches = false;
            for (int column = 0; column < directory->users()->columnCount(); ++column) {
                matches =
                    matches || index.siblingAtColumn(column).data().toString().contains(username, Qt::CaseInsensitive);
            }
            QVERIFY2(matches, qPrintable(index.data().toString()));
        }
        // Every word must match, each in any column: the last name and then the first finds them.
        const QString first = someone.value(u"firstName"_s).toString();
        const QString last = someone.value(u"lastName"_s).toString();
        QVERIFY(!first.isEmpty() && !last.isEmpty());
        search->setText(last + u' ' + first);
        QVERIFY(directory->users()->rowCount() >= 1);
        search->setText(last + u" no-such-word"_s);
        QCOMPARE(directory->users()->rowCount(), 0);
        QVERIFY(
            directory->findChild<QLabel*>(u"directoryStatusLabel"_s)->text().startsWith(u"No user or group matches"_s));
        search->clear();
        // A group's members, by Enter or a double click on the group; Show All Users goes back.
        auto* groupsView = directory->findChild<QTableView*>(u"groupsTableView"_s);
        int allStaff = -1;
        for (int row = 0; row < directory->groups()->rowCount(); ++row) {
            if (directory->groups()->index(row, 0).data().toString() == u"All Staff"_s) {
                allStaff = row;
            }
        }
        QVERIFY(allStaff >= 0);
        Q_EMIT groupsView->activated(directory->groups()->index(allStaff, 0));
        qsizetype members = 0;
        for (const auto& membership : m_realm.memberships()) {
            members += membership.second == u"/All Staff"_s ? 1 : 0;
        }
        QCOMPARE(directory->users()->rowCount(), int(members));
        QVERIFY(
            directory->findChild<QLabel*>(u"directoryStatusLabel"_s)->text().startsWith(u"Members of “All Staff”"_s));
        QTest::mouseClick(directory->findChild<QAbstractButton*>(u"showAllUsersButton"_s), Qt::LeftButton);
        QCOMPARE(directory->users()->rowCount(), m_realm.users().size());
        screenshot(directory, u"directory"_s);
        screenshot(&window, u"main-window-scheduled"_s);

        // The history's chart shows the applied run's changes.
        window.findChild<QAction*>(u"historyAction"_s)->trigger();
        QVERIFY(window.history());
        const QList<QPointF> added = window.history()->chart()->points(HistoryChartView::Added);
        QCOMPARE(added.size(), 1);
        QVERIFY2(added.first().y() > m_realm.users().size(), qPrintable(QString::number(added.first().y())));
        screenshot(window.history(), u"history"_s);
    }

    void testAndRemoveFromTheWindow()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        auto* connectors = window.findChild<QTableView*>(u"connectorsTableView"_s);
        connectors->selectRow(0);
        window.findChild<QAction*>(u"testConnectorAction"_s)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(u"connection OK"_s), 30'000);
        QVERIFY(window.statusBar()->currentMessage().contains(QString::number(m_realm.users().size())));

        // Cancelled, nothing happens; confirmed, the connector and its secret go, its users stay.
        auto* remove = window.findChild<QAction*>(u"removeConnectorAction"_s);
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        remove->trigger();
        QCOMPARE(connectors->model()->rowCount(), 1);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        remove->trigger();
        QCOMPARE(connectors->model()->rowCount(), 0);
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(u"removed"_s));
        const SecretResult gone = SecretStore().readNow(SecretStore::connectorKey(m_connectorId, u"client-secret"_s));
        QCOMPARE(gone.status, SecretResult::Status::NotFound);
        QString error;
        const auto state = DirectoryStore(database()).load(&error);
        QVERIFY2(state, qPrintable(error));
        QCOMPARE(state->users.size(), m_realm.users().size());
    }

    // Cancel on a new connector that failed its test asks whether to keep it; removing it takes
    // its secret too. Enter on the connection page tests, and once the test passed, saves and returns.
    void cancelAfterAFailedTestAndEnterToTest()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        window.show();
        window.findChild<QAction*>(u"addConnectorAction"_s)->trigger();
        ConnectorWizard* wizard = window.wizard();
        activate(wizard);
        wizard->next();
        const auto fill = [&](const QString& name, const QString& secret) {
            wizard->findChild<QLineEdit*>(u"nameLineEdit"_s)->setText(name);
            wizard->findChild<QLineEdit*>(u"urlLineEdit"_s)->setText(url);
            wizard->findChild<QLineEdit*>(u"realmLineEdit"_s)->setText(m_realm.name());
            wizard->findChild<QLineEdit*>(u"clientIdLineEdit"_s)->setText(u"usersync-sync"_s);
            wizard->findChild<QLineEdit*>(u"secretLineEdit"_s)->setText(secret);
        };
        fill(u"Broken"_s, u"not-the-secret"_s);
        QVERIFY(!saveAndTest(wizard).ok);
        QCOMPARE(connectorCount(window), 1);
        auto* table = window.findChild<QTableView*>(u"connectorsTableView"_s);
        QTRY_COMPARE(table->model()->index(0, ConnectorListModel::StatusColumn).data().toString(),
                     u"Connection test failed"_s);
        const ConnectorConfig broken = [this] {
            QString error;
            return ConnectorStore(database()).list(&error)->first();
        }();

        MessageBox::setNextAnswer(QMessageBox::Cancel); // back to the wizard
        wizard->reject();
        QVERIFY(window.wizard());
        QVERIFY2(MessageBox::lastQuestion().contains(u"did not pass its connection test"_s),
                 qPrintable(MessageBox::lastQuestion()));
        QCOMPARE(MessageBox::lastChoices(), (QStringList{u"Keep It"_s, u"Remove It"_s}));
        MessageBox::setNextAnswer(QMessageBox::Discard); // Remove It
        wizard->reject();
        QTRY_VERIFY(!window.wizard());
        QCOMPARE(connectorCount(window), 0);
        QTRY_COMPARE(SecretStore().readNow(broken.secretKey()).status, SecretResult::Status::NotFound);

        // Enter in a field runs the test (not Show Advanced Settings); after it passed, Enter saves.
        window.findChild<QAction*>(u"addConnectorAction"_s)->trigger();
        wizard = window.wizard();
        activate(wizard);
        wizard->next();
        fill(u"By Enter"_s, m_realm.clientSecret(u"usersync-sync"_s));
        auto* secret = wizard->findChild<QLineEdit*>(u"secretLineEdit"_s);
        secret->setFocus();
        QSignalSpy finished(wizard, &ConnectorWizard::testFinished);
        QTest::keyClick(secret, Qt::Key_Return);
        QVERIFY(finished.wait(60'000));
        QVERIFY(finished.first().first().value<ConnectionTestResult>().ok);
        QCOMPARE(wizard->currentId(), int(ConnectorWizard::ConnectionPageId));
        QPointer<ConnectorWizard> open = wizard;
        QTest::keyClick(secret, Qt::Key_Return);
        QTRY_VERIFY(!open);
        QCOMPARE(connectorCount(window), 1);
        QCOMPARE(table->model()->index(0, ConnectorListModel::StatusColumn).data().toString(), u"Connection OK"_s);
    }

private:
    // Fields that make the connection page pass, for moving on to the advanced pages.
    void fillConnection(ConnectorWizard* wizard)
    {
        wizard->findChild<QLineEdit*>(u"nameLineEdit"_s)->setText(u"Tab order"_s);
        wizard->findChild<QLineEdit*>(u"urlLineEdit"_s)->setText(u"https://sso.example.com"_s);
        wizard->findChild<QLineEdit*>(u"realmLineEdit"_s)->setText(u"corp"_s);
        wizard->findChild<QLineEdit*>(u"clientIdLineEdit"_s)->setText(u"usersync"_s);
        wizard->findChild<QLineEdit*>(u"secretLineEdit"_s)->setText(u"secret"_s);
    }

    static void screenshot(QWidget* widget, const QString& name)
    {
        if (const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS"); !folder.isEmpty()) {
            QCoreApplication::sendPostedEvents(); // the layout catches up with the latest text
            QVERIFY(widget->grab().save(folder + u'/' + name + u".png"_s));
        }
    }

    // The offscreen platform has no window manager to activate a new window, as a desktop does.
    static void activate(QWidget* window)
    {
        window->windowHandle()->requestActivate();
        QTRY_COMPARE(QGuiApplication::focusWindow(), window->windowHandle());
    }

    static void type(QWidget* wizard, const QString& name, const QString& text)
    {
        auto* edit = wizard->findChild<QLineEdit*>(name);
        QVERIFY(edit);
        QVERIFY2(edit->hasFocus(), qPrintable(name));
        QTest::keyClicks(edit, text);
    }

    static void typeAfterTab(QWidget* wizard, const QString& name, const QString& text)
    {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        type(wizard, name, text);
    }

    static ConnectionTestResult saveAndTest(ConnectorWizard* wizard)
    {
        QSignalSpy finished(wizard, &ConnectorWizard::testFinished);
        QTest::keyClick(wizard, Qt::Key_T, Qt::AltModifier); // Save and Test Connection
        if (!finished.wait(60'000)) {
            return {};
        }
        return finished.first().first().value<ConnectionTestResult>();
    }

    // Five runs, each later than the one before, all at `time` local, none on a weekend when
    // `weekdays` is set, and the first within the next week.
    static void checkPreview(const QList<QDateTime>& runs, QTime time, bool weekdays)
    {
        QCOMPARE(runs.size(), SchedulePage::previewCount);
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(runs.first() > now);
        QVERIFY(runs.first() < now.addDays(7));
        for (int i = 0; i < runs.size(); ++i) {
            const QDateTime local = runs.at(i).toTimeZone(QTimeZone::systemTimeZone());
            QCOMPARE(local.time(), time);
            if (weekdays) {
                QVERIFY2(local.date().dayOfWeek() <= 5, qPrintable(local.toString()));
            }
            if (i > 0) {
                QVERIFY(runs.at(i) > runs.at(i - 1));
                // Consecutive days, but for the weekend skipped.
                QVERIFY(runs.at(i - 1).daysTo(runs.at(i)) <= (weekdays ? 3 : 1));
            }
        }
    }

    QSqlDatabase database()
    {
        if (!m_connection) {
            QString error;
            m_connection = DatabaseConnection::open(*m_location, {}, &error);
        }
        return m_connection->database();
    }

    int connectorCount(MainWindow& window)
    {
        return window.findChild<QTableView*>(u"connectorsTableView"_s)->model()->rowCount();
    }

    TestRealm m_realm;
    QTemporaryDir m_temporary;
    std::optional<DirectoryLocation> m_location;
    std::unique_ptr<DatabaseConnection> m_connection;
    QString m_connectorId;
};

QTEST_MAIN(TestConnectorWizard)
#include "tst_connectorwizard.moc"

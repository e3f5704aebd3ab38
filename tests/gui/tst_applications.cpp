#include "ApplicationsPanel.h"
#include "AtlassianEmulator.h"
#include "ChangeTableModel.h"
#include "ConnectionPage.h"
#include "ConnectorWizard.h"
#include "KeycloakAdmin.h"
#include "LdapServer.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ReportView.h"
#include "ScimServer.h"
#include "TargetDialog.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DatabaseConnection.h"
#include "directory/Schema.h"
#include "targets/TargetStore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Stands in for the desktop's browser: what the window asks it to open.
class BrowserStandIn final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl& url) { opened << url; }
};

// The Applications list of the main window, driven as an administrator would: add Jira with
// its token and Save and Test Connection against the test services' Jira (through Prism), see it
// listed and tested, choose it under "Synchronize into" in a connector, and read the report of a
// simulated sync into it. Then Bitbucket, which has no disabled flag: added with an
// administrator's password, synchronized in full from the window, and the report of the next
// simulation names a disabled user's change for what it is. Last, a SCIM 2.0 service (the test
// services' real scim2-server): added with its bearer token, what it supports shown, and a
// simulation applied from its report.
class TestApplications final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        QVERIFY2(m_jira.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_JIRA_URL").constData());
        QVERIFY2(m_bitbucket.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_BITBUCKET_DIRECT_URL").constData());
        QVERIFY2(m_admin.isValid(),
                 TestEnvironment::missingServiceMessage("USERSYNC_TEST_KEYCLOAK_ADMIN_PASSWORD").constData());
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        TestEnvironment::isolateUserFolders();
        MessageBox::setTestMode(true);
        QVERIFY(m_temporary.isValid());
        QVERIFY(m_jira.reset());
        m_url = url;
        m_location = DirectoryLocation::sqlite(m_temporary.filePath(u"directory.sqlite"_s));
        QString error;
        auto connection = DatabaseConnection::open(*m_location, {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlDatabase db = connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
    }

    void addTestAndUseAnApplication()
    {
        MainWindow window;
        QVERIFY(window.openDirectory(*m_location));
        window.resize(900, 700);
        window.show();
        ApplicationsPanel* panel = window.applications();
        QVERIFY(panel);
        auto* table = window.findChild<QTableView*>(u"applicationsTableView"_s);
        QCOMPARE(table->model()->rowCount(), 0);
        // The menu reaches the same actions from the keyboard.
        QVERIFY(window.findChild<QMenu*>(u"applicationsMenu"_s));

        // Add: a wrong token first, then the right one.
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"addApplicationButton"_s), Qt::LeftButton);
        QTRY_VERIFY(panel->dialog());
        TargetDialog* dialog = panel->dialog();
        dialog->findChild<QLineEdit*>(u"nameLineEdit"_s)->setText(u"Jira"_s);
        dialog->findChild<QLineEdit*>(u"urlLineEdit"_s)->setText(m_jira.url());
        auto* timeout = dialog->findChild<QSpinBox*>(u"timeoutSpinBox"_s);
        auto* retries = dialog->findChild<QSpinBox*>(u"retriesSpinBox"_s);
        QCOMPARE(timeout->value(), HttpSettings::defaultTimeoutSeconds);
        QCOMPARE(retries->value(), HttpSettings::defaultMaxRetries);
        timeout->setValue(45);
        retries->setValue(2);
        auto* credential = dialog->findChild<QLineEdit*>(u"credentialLineEdit"_s);
        QCOMPARE(credential->echoMode(), QLineEdit::Password);
        auto* result = dialog->findChild<QLabel*>(u"resultLabel"_s);
        auto* saveAndTest = dialog->findChild<QAbstractButton*>(u"saveAndTestButton"_s);
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QVERIFY(result->text().contains(u"token"_s)); // nothing saved without one
        QCOMPARE(table->model()->rowCount(), 0);

        credential->setText(u"wrong"_s);
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting() && saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"Personal Access Tokens"_s), qPrintable(result->text()));
        QCOMPARE(table->model()->rowCount(), 1); // saved, then tested
        screenshot(dialog, u"application-test-failed"_s);

        credential->setText(m_jira.token());
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting() && saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"The connection works"_s), qPrintable(result->text()));
        QVERIFY(result->text().contains(u"11.3.8"_s));
        QVERIFY(credential->text().isEmpty()); // stored in the keychain, never shown again
        screenshot(dialog, u"application-test-passed"_s);
        dialog->close();
        QTRY_VERIFY(!panel->dialog());
        QCOMPARE(table->model()->index(0, 0).data().toString(), u"Jira"_s);
        table->selectRow(0);
        QTRY_VERIFY(window.findChild<QAbstractButton*>(u"editApplicationButton"_s)->isEnabled());
        QVERIFY(table->model()->index(0, 3).data().toString().contains(u"connection works"_s));

        QString error;
        auto connection = DatabaseConnection::open(*m_location, {}, &error);
        const auto targets = TargetStore(connection->database()).list(&error);
        QCOMPARE(targets->size(), 1);
        QCOMPARE(targets->first().http.timeoutSeconds, 45);
        QCOMPARE(targets->first().http.maxRetries, 2);
        QCOMPARE(SecretStore().readNow(targets->first().secretKey()).secret, m_jira.token());

        // A connector, with the application chosen under "Synchronize into".
        ConnectorConfig connector;
        connector.name = u"SSO"_s;
        connector.keycloak.baseUrl = m_url;
        connector.keycloak.realm = m_realm.name();
        connector.keycloak.clientId = u"usersync-sync"_s;
        QVERIFY(ConnectorStore(connection->database()).add(connector, &error));
        QVERIFY(SecretStore().writeNow(connector.secretKey(), m_realm.clientSecret(u"usersync-sync"_s)).ok());
        {
            ConnectorWizard wizard(connection->database(), connector);
            wizard.show();
            QTRY_VERIFY(wizard.currentPage());
            auto* into = wizard.findChild<QComboBox*>(u"targetComboBox"_s);
            QCOMPARE(into->count(), 2);
            QCOMPARE(into->currentIndex(), 0); // the directory itself, as before
            into->setCurrentIndex(1);
            QCOMPARE(wizard.config().targetId, targets->first().id);
            screenshot(&wizard, u"wizard-synchronize-into"_s);
        }
        connector.targetId = targets->first().id;
        QVERIFY(ConnectorStore(connection->database()).update(connector, &error));
        window.refresh();

        // A simulated sync into Jira, and its report.
        auto* connectors = window.findChild<QTableView*>(u"connectorsTableView"_s);
        QTRY_COMPARE(connectors->model()->rowCount(), 1);
        connectors->selectRow(0);
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"simulateButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport(), 120'000);
        auto* report = qobject_cast<ReportView*>(window.lastReport());
        QVERIFY(report);
        report->window()->resize(1000, 650);
        screenshot(report->window(), u"report-jira-simulation"_s);
        screenshot(&window, u"main-window-applications"_s);
        for (const QJsonValue request : m_jira.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s); // a simulation writes nothing to Jira
        }
    }

    void bitbucketDisablesByTakingAccess()
    {
        // A realm of its own, since users are disabled in it.
        const QString realm = u"usersync-apps-bitbucket-%1"_s.arg(QCoreApplication::applicationPid());
        QVERIFY(m_admin.importFixtureRealm(realm));
        const auto dropRealm = qScopeGuard([this, realm] { m_admin.deleteRealm(realm); });
        // Bitbucket needs an e-mail address for every new user.
        QCOMPARE(m_admin.updateUser(realm, u"erin.noemail"_s, {{u"email"_s, u"erin@example.com"_s}}), 204);
        QVERIFY(m_bitbucket.reset());
        WindowOnDirectory opened;
        openAddApplication(opened);
        QVERIFY(!QTest::currentTestFailed());
        QSqlDatabase db = opened.connection->database();
        MainWindow& window = opened.window;
        ApplicationsPanel* panel = window.applications();
        TargetDialog* dialog = panel->dialog();
        QString error;
        dialog->findChild<QLineEdit*>(u"nameLineEdit"_s)->setText(u"Bitbucket"_s);
        auto* type = dialog->findChild<QComboBox*>(u"typeComboBox"_s);
        auto* auth = dialog->findChild<QComboBox*>(u"authComboBox"_s);
        auto* accessGroups = dialog->findChild<QLineEdit*>(u"accessGroupsLineEdit"_s);
        QCOMPARE(auth->currentData().toInt(), int(TargetConfig::Auth::Token));
        QVERIFY(accessGroups->isHidden());
        type->setCurrentIndex(type->findData(TargetConfig::bitbucketType));
        // Bitbucket takes no token where a sync works: the dialog switches to a password, and
        // asks which groups grant access.
        QCOMPARE(auth->currentData().toInt(), int(TargetConfig::Auth::Basic));
        QVERIFY(!accessGroups->isHidden());
        QCOMPARE(accessGroups->text(), u"stash-users"_s);
        dialog->findChild<QLineEdit*>(u"urlLineEdit"_s)->setText(m_bitbucket.url());
        dialog->findChild<QLineEdit*>(u"usernameLineEdit"_s)->setText(m_bitbucket.adminUser());
        auto* credential = dialog->findChild<QLineEdit*>(u"credentialLineEdit"_s);
        auto* result = dialog->findChild<QLabel*>(u"resultLabel"_s);
        auto* saveAndTest = dialog->findChild<QAbstractButton*>(u"saveAndTestButton"_s);
        credential->setText(u"not-the-password"_s);
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting() && saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"did not accept the username"_s), qPrintable(result->text()));
        credential->setText(m_bitbucket.adminPassword());
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting() && saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"The connection works"_s), qPrintable(result->text()));
        QVERIFY(result->text().contains(u"10.4.0"_s));
        screenshot(dialog, u"application-bitbucket-test-passed"_s);
        dialog->close();
        QTRY_VERIFY(!panel->dialog());

        const auto targets = TargetStore(db).list(&error);
        QVERIFY2(targets && targets->size() == 1, qPrintable(error));
        QCOMPARE(targets->first().auth, TargetConfig::Auth::Basic);
        QCOMPARE(targets->first().accessGroups, QStringList{u"stash-users"_s});
        ConnectorConfig connector;
        connector.name = u"SSO"_s;
        connector.keycloak.baseUrl = m_url;
        connector.keycloak.realm = realm;
        connector.keycloak.clientId = u"usersync-sync"_s;
        connector.targetId = targets->first().id;
        QVERIFY(ConnectorStore(db).add(connector, &error));
        QVERIFY(SecretStore().writeNow(connector.secretKey(), m_realm.clientSecret(u"usersync-sync"_s)).ok());
        window.refresh();

        // A first full sync from the window: everyone is created, licensed through stash-users.
        auto* connectors = window.findChild<QTableView*>(u"connectorsTableView"_s);
        QTRY_COMPARE(connectors->model()->rowCount(), 1);
        connectors->selectRow(0);
        MessageBox::setNextAnswer(QMessageBox::Apply); // "Full Sync Now"
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"fullSyncButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport(), 120'000);
        QVERIFY2(window.lastReport()->window()->windowTitle().contains(u"Applied"_s),
                 qPrintable(window.lastReport()->window()->windowTitle()));
        QVERIFY(AtlassianEmulator::groupsOf(m_bitbucket.state(), u"frank.fischer"_s).contains(u"stash-users"_s));

        // Two people leave: disabled in Keycloak. The simulation shows what that means here.
        QCOMPARE(m_admin.updateUser(realm, u"frank.fischer"_s, {{u"enabled"_s, false}}), 204);
        QCOMPARE(m_admin.updateUser(realm, u"bob.baker"_s, {{u"enabled"_s, false}}), 204);
        QVERIFY(m_bitbucket.clearRequests());
        QPointer<QWidget> applied = window.lastReport();
        QTRY_VERIFY(window.findChild<QAbstractButton*>(u"simulateButton"_s)->isEnabled());
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"simulateButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport() && window.lastReport() != applied, 120'000);
        auto* changes = window.lastReport()->findChild<QTableView*>(u"changesTableView"_s);
        QVERIFY(changes);
        QStringList disabled;
        for (int row = 0; row < changes->model()->rowCount(); ++row) {
            if (changes->model()->index(row, ChangeTableModel::ActionColumn).data().toString()
                == u"To disable (access removed)"_s) {
                disabled << changes->model()->index(row, ChangeTableModel::NameColumn).data().toString();
                changes->selectRow(row); // its fields, before and after, below the table
            }
        }
        disabled.sort();
        QCOMPARE(disabled, (QStringList{u"bob.baker"_s, u"frank.fischer"_s}));
        // What is taken, in words: the access groups (and a global permission of its own).
        auto* fields = window.lastReport()->findChild<QTableWidget*>(u"detailsTableWidget"_s);
        QVERIFY(fields);
        QStringList shown;
        for (int row = 0; row < fields->model()->rowCount(); ++row) {
            shown << fields->model()->index(row, 0).data().toString() + u": "_s
                    + fields->model()->index(row, 1).data().toString();
        }
        QVERIFY2(shown.contains(u"Access: groups stash-users"_s), qPrintable(shown.join(u" | "_s)));
        window.lastReport()->window()->resize(1000, 650);
        screenshot(window.lastReport()->window(), u"report-bitbucket-simulation"_s);
        for (const QJsonValue request : m_bitbucket.requests()) {
            QCOMPARE(request[u"method"_s].toString(), u"GET"_s); // a simulation writes nothing
        }
    }

    void scimServiceFromTheWindow()
    {
        QVERIFY2(m_scim.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_SCIM_URL").constData());
        QVERIFY(m_scim.reset());
        WindowOnDirectory opened;
        openAddApplication(opened);
        QVERIFY(!QTest::currentTestFailed());
        QSqlDatabase db = opened.connection->database();
        MainWindow& window = opened.window;
        ApplicationsPanel* panel = window.applications();
        TargetDialog* dialog = panel->dialog();
        QString error;
        dialog->findChild<QLineEdit*>(u"nameLineEdit"_s)->setText(u"SCIM"_s);
        auto* type = dialog->findChild<QComboBox*>(u"typeComboBox"_s);
        auto* auth = dialog->findChild<QComboBox*>(u"authComboBox"_s);
        const int scim = type->findData(TargetConfig::scimType);
        QVERIFY(scim >= 0);
        QCOMPARE(type->itemText(scim), u"A SCIM 2.0 service"_s);
        type->setCurrentIndex(scim);
        // A bearer token is the only way in: no choice of sign-in, no username.
        QVERIFY(auth->isHidden());
        QCOMPARE(auth->currentData().toInt(), int(TargetConfig::Auth::Token));
        QVERIFY(dialog->findChild<QLineEdit*>(u"usernameLineEdit"_s)->isHidden());
        QVERIFY(dialog->findChild<QLineEdit*>(u"accessGroupsLineEdit"_s)->isHidden());
        QVERIFY(dialog->findChild<QLabel*>(u"credentialHintLabel"_s)->text().contains(u"Atlassian Cloud"_s));
        dialog->findChild<QLineEdit*>(u"urlLineEdit"_s)->setText(m_scim.url());
        auto* credential = dialog->findChild<QLineEdit*>(u"credentialLineEdit"_s);
        auto* result = dialog->findChild<QLabel*>(u"resultLabel"_s);
        auto* saveAndTest = dialog->findChild<QAbstractButton*>(u"saveAndTestButton"_s);
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QVERIFY2(result->text().contains(u"bearer token"_s), qPrintable(result->text())); // nothing saved without one
        credential->setText(u"not-the-token"_s);
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting() && saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"token"_s) && !result->text().contains(u"The connection works"_s),
                 qPrintable(result->text()));
        credential->setText(m_scim.token());
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting() && saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"The connection works"_s), qPrintable(result->text()));
        QVERIFY2(result->text().contains(u"Supports: "_s) && result->text().contains(u"PATCH"_s),
                 qPrintable(result->text()));
        QVERIFY(result->text().contains(u"Users that can be read: 0"_s));
        screenshot(dialog, u"application-scim-test-passed"_s);
        dialog->close();
        QTRY_VERIFY(!panel->dialog());

        const auto targets = TargetStore(db).list(&error);
        QVERIFY2(targets && targets->size() == 1, qPrintable(error));
        QCOMPARE(targets->first().type, TargetConfig::scimType);
        QCOMPARE(SecretStore().readNow(targets->first().secretKey()).secret, m_scim.token());
        simulateThenApply(window, db, targets->first().id, u"report-scim-simulation"_s,
                          [this] { return m_scim.state()[u"users"_s].toArray().size(); });
        QVERIFY(!QTest::currentTestFailed());
        const QJsonObject state = m_scim.state();
        QCOMPARE(state[u"users"_s].toArray().size(), m_realm.users().size());
        QVERIFY(!state[u"groups"_s].toArray().isEmpty());
    }

    // An LDAP directory from the window: its own fields (a bind DN, base DNs, access groups and the
    // placeholder), no choice of sign-in, an ldaps:// address assumed, Save and Test, then a
    // simulation and its reviewed plan applied.
    void ldapDirectoryFromTheWindow()
    {
        LdapServer ldap;
        QVERIFY2(ldap.isValid(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_LDAP_URL").constData());
        QVERIFY2(ldap.reset(), qPrintable(ldap.lastError()));
        WindowOnDirectory opened;
        openAddApplication(opened);
        QVERIFY(!QTest::currentTestFailed());
        QSqlDatabase db = opened.connection->database();
        MainWindow& window = opened.window;
        ApplicationsPanel* panel = window.applications();
        TargetDialog* dialog = panel->dialog();
        QString error;
        dialog->findChild<QLineEdit*>(u"nameLineEdit"_s)->setText(u"OpenLDAP"_s);
        auto* type = dialog->findChild<QComboBox*>(u"typeComboBox"_s);
        auto* accessGroups = dialog->findChild<QLineEdit*>(u"accessGroupsLineEdit"_s);
        auto* usersBase = dialog->findChild<QLineEdit*>(u"usersBaseLineEdit"_s);
        QVERIFY(usersBase->isHidden()); // Jira first: no LDAP fields
        type->setCurrentIndex(type->findData(TargetConfig::ldapType));
        QVERIFY(dialog->findChild<QComboBox*>(u"authComboBox"_s)->isHidden());
        QVERIFY(!usersBase->isHidden());
        QVERIFY(!dialog->findChild<QSpinBox*>(u"retriesSpinBox"_s)->isVisibleTo(dialog)); // LDAP is not retried
        QCOMPARE(accessGroups->text(), u"atlassian-users"_s); // LDAP's default, not Bitbucket's
        QCOMPARE(dialog->findChild<QLabel*>(u"usernameLabel"_s)->text(), u"&Bind DN:"_s);
        auto* url = dialog->findChild<QLineEdit*>(u"urlLineEdit"_s);
        url->setText(u"ldap.example.com"_s);
        QVERIFY(QMetaObject::invokeMethod(url, "editingFinished"));
        QCOMPARE(url->text(), u"ldaps://ldap.example.com"_s);
        url->setText(ldap.url());
        dialog->findChild<QLineEdit*>(u"usernameLineEdit"_s)->setText(ldap.bindDn());
        dialog->findChild<QLineEdit*>(u"caFileLineEdit"_s)->setText(ldap.caFile());
        auto* result = dialog->findChild<QLabel*>(u"resultLabel"_s);
        auto* saveAndTest = dialog->findChild<QAbstractButton*>(u"saveAndTestButton"_s);
        dialog->findChild<QLineEdit*>(u"credentialLineEdit"_s)->setText(ldap.bindPassword());
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QVERIFY2(result->text().contains(u"base DN of the users"_s), qPrintable(result->text())); // not saved yet
        usersBase->setText(ldap.usersBase());
        dialog->findChild<QLineEdit*>(u"groupsBaseLineEdit"_s)->setText(ldap.groupsBase());
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isTesting() && saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"The connection works"_s), qPrintable(result->text()));
        QVERIFY2(result->text().contains(u"Bound as %1"_s.arg(ldap.bindDn())), qPrintable(result->text()));
        QVERIFY2(result->text().contains(u"atlassian-users"_s), qPrintable(result->text())); // made by the first sync
        screenshot(dialog, u"application-ldap-test-passed"_s);
        dialog->close();
        QTRY_VERIFY(!panel->dialog());

        const auto targets = TargetStore(db).list(&error);
        QVERIFY2(targets && targets->size() == 1, qPrintable(error));
        QCOMPARE(targets->first().type, TargetConfig::ldapType);
        QCOMPARE(targets->first().ldap.groupsBase, ldap.groupsBase());
        QCOMPARE(targets->first().accessGroups, QStringList{u"atlassian-users"_s});
        QCOMPARE(SecretStore().readNow(targets->first().secretKey()).secret, ldap.bindPassword());
        simulateThenApply(window, db, targets->first().id, u"report-ldap-simulation"_s,
                          [&ldap] { return ldap.users().size(); });
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(ldap.users().size(), m_realm.users().size());
        QVERIFY(!ldap.groups().value(u"atlassian-users"_s).isEmpty());
    }

    // OAuth 2.0 from the dialog: Save and Test opens the browser (here a stand-in), waits with a
    // way to stop, and once the administrator allowed access, tests the connection with it.
    void bitbucketOverOAuthFromTheDialog()
    {
        QVERIFY(m_bitbucket.reset());
        const auto link = m_bitbucket.addIncomingLink();
        QVERIFY(link);
        const QString redirect = link->redirectUrl;
        QTemporaryDir folder;
        QString error;
        auto connection =
            DatabaseConnection::open(DirectoryLocation::sqlite(folder.filePath(u"d.sqlite"_s)), {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlDatabase db = connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        BrowserStandIn browser;
        QDesktopServices::setUrlHandler(u"http"_s, &browser, "open");
        const auto restore = qScopeGuard([] { QDesktopServices::unsetUrlHandler(u"http"_s); });

        TargetDialog dialog(db, std::nullopt);
        dialog.resize(640, 560);
        dialog.show();
        dialog.findChild<QLineEdit*>(u"nameLineEdit"_s)->setText(u"Bitbucket"_s);
        auto* type = dialog.findChild<QComboBox*>(u"typeComboBox"_s);
        auto* auth = dialog.findChild<QComboBox*>(u"authComboBox"_s);
        QCOMPARE(auth->findData(int(TargetConfig::Auth::OAuth)), -1); // Jira: no OAuth offered
        type->setCurrentIndex(type->findData(TargetConfig::bitbucketType));
        auth->setCurrentIndex(auth->findData(int(TargetConfig::Auth::OAuth)));
        auto* clientId = dialog.findChild<QLineEdit*>(u"clientIdLineEdit"_s);
        auto* redirectUrl = dialog.findChild<QLineEdit*>(u"redirectUrlLineEdit"_s);
        QVERIFY(!clientId->isHidden() && !redirectUrl->isHidden());
        QVERIFY(dialog.findChild<QLineEdit*>(u"usernameLineEdit"_s)->isHidden());
        QCOMPARE(redirectUrl->text(), TargetConfig::defaultRedirectUrl);
        dialog.findChild<QLineEdit*>(u"urlLineEdit"_s)->setText(m_bitbucket.url());
        clientId->setText(link->clientId);
        redirectUrl->setText(redirect);
        dialog.findChild<QLineEdit*>(u"credentialLineEdit"_s)->setText(link->clientSecret);
        auto* result = dialog.findChild<QLabel*>(u"resultLabel"_s);
        auto* saveAndTest = dialog.findChild<QAbstractButton*>(u"saveAndTestButton"_s);
        auto* stop = dialog.findChild<QAbstractButton*>(u"cancelAuthorizationButton"_s);
        QTest::mouseClick(saveAndTest, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 1, 30'000);
        QTRY_VERIFY(!stop->isHidden());
        QVERIFY2(result->text().contains(u"Waiting for Bitbucket in your browser"_s), qPrintable(result->text()));
        QVERIFY(!saveAndTest->isEnabled());
        screenshot(&dialog, u"application-bitbucket-oauth-waiting"_s);

        const auto [status, page] = m_bitbucket.authorizeInBrowser(browser.opened.first());
        QCOMPARE(status, 200);
        QVERIFY2(page.contains(u"UserSync is authorized"_s), qPrintable(page));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isTesting() && saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"The connection works"_s), qPrintable(result->text()));
        QVERIFY(stop->isHidden());
        QVERIFY(dialog.findChild<QAbstractButton*>(u"authorizeButton"_s)->isEnabled());
        screenshot(&dialog, u"application-bitbucket-oauth-test-passed"_s);

        // Authorize again, then stop waiting: nothing changes, and the dialog says so.
        QTest::mouseClick(dialog.findChild<QAbstractButton*>(u"authorizeButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 2, 30'000);
        QTRY_VERIFY(!stop->isHidden());
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(saveAndTest->isEnabled(), 30'000);
        QVERIFY2(result->text().contains(u"stopped; nothing was stored"_s), qPrintable(result->text()));
        const auto targets = TargetStore(db).list(&error);
        QVERIFY2(targets && targets->size() == 1, qPrintable(error));
        QVERIFY(SecretStore().readNow(targets->first().refreshTokenKey()).ok());
    }

private:
    // An empty directory in a folder of its own, and the window on it.
    struct WindowOnDirectory
    {
        QTemporaryDir folder;
        DirectoryLocation location = DirectoryLocation::sqlite(folder.filePath(QStringLiteral("directory.sqlite")));
        std::unique_ptr<DatabaseConnection> connection;
        MainWindow window;
    };

    // The window shown on a new directory, with Applications → Add Application's dialog open.
    static void openAddApplication(WindowOnDirectory& opened)
    {
        QString error;
        opened.connection = DatabaseConnection::open(opened.location, {}, &error);
        QVERIFY2(opened.connection, qPrintable(error));
        QSqlDatabase db = opened.connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        QVERIFY(opened.window.openDirectory(opened.location));
        opened.window.resize(900, 700);
        opened.window.show();
        QTest::mouseClick(opened.window.findChild<QAbstractButton*>(u"addApplicationButton"_s), Qt::LeftButton);
        QTRY_VERIFY(opened.window.applications()->dialog());
    }

    // The connector "SSO" synchronizing the test realm into the application `targetId`, simulated
    // from the window (which writes nothing: `usersIn` counts the application's users), and the
    // reviewed plan applied from its report.
    void simulateThenApply(MainWindow& window, QSqlDatabase db, const QString& targetId, const QString& screenshotName,
                           const std::function<qsizetype()>& usersIn)
    {
        QString error;
        ConnectorConfig connector;
        connector.name = u"SSO"_s;
        connector.keycloak.baseUrl = m_url;
        connector.keycloak.realm = m_realm.name();
        connector.keycloak.clientId = u"usersync-sync"_s;
        connector.targetId = targetId;
        QVERIFY(ConnectorStore(db).add(connector, &error));
        QVERIFY(SecretStore().writeNow(connector.secretKey(), m_realm.clientSecret(u"usersync-sync"_s)).ok());
        window.refresh();
        auto* connectors = window.findChild<QTableView*>(u"connectorsTableView"_s);
        QTRY_COMPARE(connectors->model()->rowCount(), 1);
        connectors->selectRow(0);
        QTest::mouseClick(window.findChild<QAbstractButton*>(u"simulateButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport(), 120'000);
        QCOMPARE(usersIn(), 0); // a simulation writes nothing
        window.lastReport()->window()->resize(1000, 650);
        screenshot(window.lastReport()->window(), screenshotName);
        QPointer<QWidget> simulated = window.lastReport();
        auto* apply = simulated->findChild<QAbstractButton*>(u"applyButton"_s);
        QVERIFY(apply && !apply->isHidden());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastReport() && window.lastReport() != simulated, 120'000);
        QVERIFY2(window.lastReport()->window()->windowTitle().contains(u"Applied"_s),
                 qPrintable(window.lastReport()->window()->windowTitle()));
    }

    static void screenshot(QWidget* widget, const QString& name)
    {
        if (const QString folder = qEnvironmentVariable("USERSYNC_SCREENSHOTS"); !folder.isEmpty()) {
            QCoreApplication::sendPostedEvents(); // the layout catches up with the latest text
            QVERIFY(widget->grab().save(folder + u'/' + name + u".png"_s));
        }
    }

    AtlassianEmulator m_jira = AtlassianEmulator::jira();
    AtlassianEmulator m_bitbucket = AtlassianEmulator::bitbucket();
    ScimServer m_scim;
    KeycloakAdmin m_admin;
    TestRealm m_realm;
    QTemporaryDir m_temporary;
    QString m_url;
    std::optional<DirectoryLocation> m_location;
};

QTEST_MAIN(TestApplications)
#include "tst_applications.moc"

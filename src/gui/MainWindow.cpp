#include "MainWindow.h"

#include "AppInfo.h"
#include "ApplicationsPanel.h"
#include "ChangeSummary.h"
#include "ConnectorListModel.h"
#include "ConnectorWizard.h"
#include "DirectoryDialog.h"
#include "DirectoryOpener.h"
#include "HistoryDialog.h"
#include "JobThread.h"
#include "MessageBox.h"
#include "MigrationPreviewDialog.h"
#include "OpenDirectoryDialog.h"
#include "ReportView.h"
#include "TargetDialog.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "directory/DirectoryAccess.h"
#include "sync/MigrationPreviewJob.h"
#include "sync/SyncJob.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
const auto geometryKey = QStringLiteral("MainWindow/geometry");
const auto stateKey = QStringLiteral("MainWindow/state");
const auto directoryKey = QStringLiteral("Directory/location"); // never a password: those are in the keychain
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_connectors(new ConnectorListModel(this))
    , m_opener(new DirectoryOpener(this))
{
    m_ui->setupUi(this);
    m_ui->connectorsTableView->setModel(m_connectors);
    m_ui->connectorsTableView->verticalHeader()->hide();
    m_ui->connectorsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->connectorsTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Right-click on a connector offers what the Connector menu does.
    for (QAction* action : {m_ui->editConnectorAction, m_ui->testConnectorAction, m_ui->removeConnectorAction}) {
        m_ui->connectorsTableView->addAction(action);
    }
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    m_ui->connectorsTableView->addAction(separator);
    for (QAction* action : {m_ui->simulateAction, m_ui->fullSyncAction, m_ui->migrationAction}) {
        m_ui->connectorsTableView->addAction(action);
    }

    // A first start shows what a connector is and how to add one, not an empty table.
    m_connectorsStack = new QStackedWidget(this);
    m_emptyState = new QWidget(m_connectorsStack);
    m_emptyState->setObjectName(QStringLiteral("emptyStateWidget"));
    auto* emptyLayout = new QVBoxLayout(m_emptyState);
    auto* emptyText = new QLabel(
        tr("<p><b>No connector yet.</b></p><p>A connector reads the users and groups of a Keycloak realm and keeps "
           "this directory in step with it. You need the Keycloak URL, the realm, and the ID and secret of a client "
           "with a service account (Help → Setting Up Keycloak).</p>"),
        m_emptyState);
    emptyText->setObjectName(QStringLiteral("emptyStateLabel"));
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    auto* emptyAdd = new QPushButton(tr("Add Connector…"), m_emptyState);
    emptyAdd->setObjectName(QStringLiteral("emptyAddButton"));
    connect(emptyAdd, &QPushButton::clicked, m_ui->addConnectorAction, &QAction::trigger);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyAdd, 0, Qt::AlignCenter);
    emptyLayout->addStretch();
    m_ui->connectorsLayout->replaceWidget(m_ui->connectorsTableView, m_connectorsStack);
    m_connectorsStack->addWidget(m_emptyState);
    m_connectorsStack->addWidget(m_ui->connectorsTableView);
    m_connectorsStack->setCurrentWidget(m_ui->connectorsTableView);

    // The directory's place and state in the status bar: the connector list gets the room.
    // The directory's place is in the title (set when it opens), its state in the status bar.
    m_ui->directoryGroupBox->hide();
    statusBar()->addPermanentWidget(m_ui->directoryStatusLabel);
    m_ui->directoryStatusLabel->setWordWrap(false);
    // The URL is in each name's tooltip and in Edit: the run columns get the room.
    m_ui->connectorsTableView->setColumnHidden(ConnectorListModel::UrlColumn, true);
    connect(m_ui->connectorsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    const QList<std::pair<QToolButton*, QAction*>> buttons = {
        {m_ui->addButton, m_ui->addConnectorAction},    {m_ui->editButton, m_ui->editConnectorAction},
        {m_ui->testButton, m_ui->testConnectorAction},  {m_ui->removeButton, m_ui->removeConnectorAction},
        {m_ui->simulateButton, m_ui->simulateAction},   {m_ui->fullSyncButton, m_ui->fullSyncAction},
        {m_ui->migrationButton, m_ui->migrationAction}, {m_ui->historyButton, m_ui->historyAction},
    };
    for (const auto& [button, action] : buttons) {
        button->setDefaultAction(action);
    }
    // The desktop theme's icons where it has them, so that the window looks native; ours otherwise.
    const QList<std::tuple<QAction*, const char*, const char*>> icons = {
        {m_ui->addConnectorAction, "list-add", "add"},
        {m_ui->editConnectorAction, "document-edit", "edit"},
        {m_ui->testConnectorAction, "network-connect", "test"},
        {m_ui->removeConnectorAction, "list-remove", "remove"},
        {m_ui->simulateAction, "document-preview", "simulate"},
        {m_ui->fullSyncAction, "view-refresh", "sync"},
        {m_ui->migrationAction, "go-next", "migrate"},
        {m_ui->historyAction, "appointment-recurring", "history"},
        {m_ui->browseDirectoryAction, "system-users", "directory"},
        {m_ui->openDirectoryAction, "document-open", "open"},
    };
    for (const auto& [action, themeName, ours] : icons) {
        action->setIcon(QIcon::fromTheme(QLatin1String(themeName),
                                         QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(ours)))));
    }
    connect(m_ui->addConnectorAction, &QAction::triggered, this, &MainWindow::addConnector);
    connect(m_ui->editConnectorAction, &QAction::triggered, this, &MainWindow::editSelected);
    connect(m_ui->testConnectorAction, &QAction::triggered, this, &MainWindow::testSelected);
    connect(m_ui->removeConnectorAction, &QAction::triggered, this, &MainWindow::removeSelected);
    connect(m_ui->simulateAction, &QAction::triggered, this, &MainWindow::simulateSelected);
    connect(m_ui->fullSyncAction, &QAction::triggered, this, &MainWindow::fullSyncSelected);
    connect(m_ui->historyAction, &QAction::triggered, this, &MainWindow::showHistory);
    connect(m_ui->browseDirectoryAction, &QAction::triggered, this, &MainWindow::showDirectory);
    connect(m_ui->openDirectoryAction, &QAction::triggered, this, &MainWindow::chooseDirectory);
    connect(m_ui->migrationAction, &QAction::triggered, this, &MainWindow::previewMigration);
    connect(m_ui->connectorsTableView, &QTableView::activated, this, &MainWindow::editSelected);

    // Beside the connectors, the applications they can synchronize into.
    m_applications = new ApplicationsPanel(this);
    m_applications->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->centralLayout->addWidget(m_applications);
    m_ui->centralLayout->setStretchFactor(m_ui->connectorsGroupBox, 1);
    auto* applicationsMenu = new QMenu(tr("A&pplications"), this);
    applicationsMenu->setObjectName(QStringLiteral("applicationsMenu"));
    applicationsMenu->addActions(m_applications->actions());
    menuBar()->insertMenu(m_ui->directoryMenu->menuAction(), applicationsMenu);
    connect(m_applications, &ApplicationsPanel::changed, this, &MainWindow::reloadConnectors);
    connect(m_applications, &ApplicationsPanel::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text); });
    updateActions();
    setWindowIcon(QIcon(QStringLiteral(":/icons/usersync.svg")));
    m_ui->quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(m_ui->quitAction, &QAction::triggered, this, &MainWindow::quit);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_ui->keycloakSetupAction, &QAction::triggered, this, &MainWindow::showKeycloakSetup);
    connect(m_ui->refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    restoreWindowState();

    connect(m_opener, &DirectoryOpener::ready, this,
            [this](const DirectoryLocation& location, const QString& password) { openDirectory(location, password); });
    connect(m_opener, &DirectoryOpener::failed, this, [this](const DirectoryLocation& location, const QString& error) {
        m_ui->directoryLocationLabel->setText(location.displayName());
        m_ui->directoryStatusLabel->setText(error);
        statusBar()->showMessage(tr("The user directory could not be opened."));
        updateActions();
    });
    connect(m_opener, &DirectoryOpener::passwordNotStored, this, [this](const QString& error) {
        MessageBox::warning(this, tr("Open Directory"),
                            tr("The directory is open, but its password could not be stored in the system keychain, "
                               "so scheduled and command-line runs cannot open it: %1")
                                .arg(error));
    });
}

MainWindow::~MainWindow()
{
    closeDirectory(); // its windows first, so that no connection to it is left in use
}

void MainWindow::openLocation(const DirectoryLocation& location, const QString& typedPassword)
{
    if (location.kind() == DirectoryLocation::Kind::Sqlite) {
        openDirectory(location); // a local file: it opens at once
        return;
    }
    closeDirectory(); // nothing acts on the directory being left meanwhile
    m_ui->directoryLocationLabel->setText(location.displayName());
    m_ui->directoryStatusLabel->setText(tr("Opening…"));
    m_opener->open(location, typedPassword);
    updateActions();
}

bool MainWindow::openDirectory(const DirectoryLocation& location, const QString& password)
{
    closeDirectory();
    m_ui->directoryLocationLabel->setText(location.displayName());
    QString error;
    // Brings a new or older directory up to date. A PostgreSQL server that does not answer at
    // once is waited for here, up to the connection's timeout.
    m_directory = DirectoryAccess::open(location, password, &error);
    if (!m_directory) {
        m_ui->directoryStatusLabel->setText(error);
        statusBar()->showMessage(tr("The user directory could not be opened."));
        updateActions();
        return false;
    }
    m_location = location;
    m_secretsChecked.clear();
    setWindowTitle(tr("%1 – UserSync").arg(location.displayName()));
    QSettings().setValue(directoryKey, location.toString());
    m_ui->directoryStatusLabel->setText(tr("Open"));
    statusBar()->showMessage(tr("Ready"));
    reloadConnectors();
    m_applications->setDirectory(m_directory->database());
    if (m_scheduler) {
        m_scheduler->setDirectory(location, m_directory->database());
    }
    return true;
}

void MainWindow::closeDirectory()
{
    // What belongs to the directory being left goes with it.
    // Deleted, not only closed: some hold a connection to the directory, which must not
    // outlive it.
    for (QWidget* window :
         std::initializer_list<QWidget*>{m_history, m_directoryDialog, m_migrationPreview, m_wizard}) {
        delete window;
    }
    // So do the reports of its runs: their plans belong to it.
    for (ReportView* report : findChildren<ReportView*>()) {
        report->window()->close();
    }
    m_connectors->clear();
    if (m_applications->dialog()) {
        delete m_applications->dialog();
    }
    m_applications->setDirectory({});
    if (m_scheduler) {
        m_scheduler->clearDirectory();
    }
    m_directory.reset();
    m_location.reset();
}

std::optional<DirectoryLocation> MainWindow::rememberedLocation()
{
    const QString remembered = QSettings().value(directoryKey).toString();
    return remembered.isEmpty() ? std::nullopt : DirectoryLocation::parse(remembered);
}

void MainWindow::chooseDirectory()
{
    if (busy() || m_wizard) {
        return;
    }
    auto* dialog = new OpenDirectoryDialog(m_location, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { openLocation(*dialog->location(), dialog->typedPassword()); });
    dialog->open();
}

void MainWindow::reloadConnectors()
{
    // The selection survives the reload (a reset model forgets it).
    QString selectedId;
    if (const QModelIndexList rows = m_ui->connectorsTableView->selectionModel()->selectedRows(); !rows.isEmpty()) {
        selectedId = m_connectors->connector(rows.first().row()).id;
    }
    QString error;
    if (m_directory && !m_connectors->reload(m_directory->database(), &error)) {
        m_ui->directoryStatusLabel->setText(tr("The connectors cannot be read: %1").arg(error));
    }
    if (!selectedId.isEmpty()) {
        selectConnector(selectedId);
    }
    m_connectorsStack->setCurrentWidget(m_directory && m_connectors->rowCount() == 0 ? m_emptyState
                                                                                     : m_ui->connectorsTableView);
    m_ui->connectorsTableView->resizeColumnsToContents();
    m_lastRefresh = QDateTime::currentMSecsSinceEpoch();
    checkSecrets();
    updateActions();
}

void MainWindow::refresh()
{
    if (!m_directory) {
        return;
    }
    reloadConnectors();
    if (m_history) {
        m_history->reload();
    }
    if (m_directoryDialog) {
        m_directoryDialog->reload();
    }
    if (m_scheduler) {
        m_scheduler->reload();
    }
}

void MainWindow::checkSecrets()
{
    // Each connector's secret is looked up once per directory (and again after an edit), so that
    // the list can say "Secret missing" before a run fails on it.
    for (int row = 0; row < m_connectors->rowCount(); ++row) {
        const ConnectorConfig connector = m_connectors->connector(row);
        if (m_secretsChecked.contains(connector.id)) {
            continue;
        }
        m_secretsChecked.insert(connector.id);
        SecretStore().read(connector.secretKey(), this, [this, id = connector.id](const SecretResult& secret) {
            m_connectors->setSecretMissing(id, secret.status == SecretResult::Status::NotFound);
        });
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    // Back at the window: what others (the CLI, the service, another administrator) did shows.
    constexpr qint64 quiet = 2000;
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_directory && !busy()
        && QDateTime::currentMSecsSinceEpoch() - m_lastRefresh > quiet) {
        reloadConnectors(); // cheap; F5 reads the history and the directory browser again too
    }
}

void MainWindow::updateActions()
{
    const bool open = m_directory != nullptr;
    const bool ready = open && m_ui->connectorsTableView->selectionModel()->hasSelection() && !busy();
    for (QAction* action : {m_ui->editConnectorAction, m_ui->testConnectorAction, m_ui->removeConnectorAction,
                            m_ui->simulateAction, m_ui->fullSyncAction, m_ui->migrationAction}) {
        action->setEnabled(ready);
    }
    m_ui->addConnectorAction->setEnabled(open && !busy());
    m_ui->historyAction->setEnabled(open);
    m_ui->browseDirectoryAction->setEnabled(open);
    m_ui->openDirectoryAction->setEnabled(!busy() && !m_wizard);
}

void MainWindow::addConnector()
{
    if (m_directory && !busy()) {
        openWizard(std::nullopt);
    }
}

void MainWindow::editSelected()
{
    if (const auto connector = selectedConnector()) {
        openWizard(connector);
    }
}

void MainWindow::openWizard(const std::optional<ConnectorConfig>& connector)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new ConnectorWizard(m_directory->database(), connector, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard->setWindowModality(Qt::WindowModal);
    connect(m_wizard, &ConnectorWizard::saved, this, [this](const QString& id) {
        m_secretsChecked.remove(id); // a new secret may have been stored
        reloadConnectors();
        selectConnector(id);
        if (m_scheduler) {
            m_scheduler->reload();
        }
    });
    connect(m_wizard, &ConnectorWizard::testFinished, this, [this] { reloadConnectors(); });
    connect(m_wizard, &ConnectorWizard::removed, this, [this](const QString&) {
        reloadConnectors();
        if (m_scheduler) {
            m_scheduler->reload();
        }
        statusBar()->showMessage(tr("The connector that did not pass its test was removed."));
    });
    m_wizard->show();
    m_wizard->activateWindow();
}

void MainWindow::selectConnector(const QString& id)
{
    for (int row = 0; row < m_connectors->rowCount(); ++row) {
        if (m_connectors->connector(row).id == id) {
            m_ui->connectorsTableView->selectRow(row);
        }
    }
}

void MainWindow::testSelected()
{
    const auto connector = selectedConnector();
    if (!connector) {
        return;
    }
    withSecret(*connector, tr("Test Connection"), [this, connector = *connector](const RunSecrets& secrets) {
        const KeycloakSettings settings = connector.keycloak;
        const QString secret = secrets.clientSecret;
        m_sync = JobThread::start<ConnectionTest, ConnectionTestResult>(
            this, [settings, secret] { return std::make_unique<ConnectionTest>(settings, secret); },
            &ConnectionTest::finished,
            [this, connector](const ConnectionTestResult& result) {
                m_sync.clear();
                QString ignored; // the outcome is shown below either way
                ConnectorStore(m_directory->database()).recordTest(connector.id, result, &ignored);
                reloadConnectors();
                if (result.ok) {
                    statusBar()->showMessage(
                        tr("“%1”: connection OK. Users readable: %L2.").arg(connector.name).arg(result.userCount));
                    return;
                }
                if (result.error && result.error->kind == ConnectorError::Kind::Cancelled) {
                    statusBar()->showMessage(tr("Test of “%1” cancelled.").arg(connector.name));
                    return;
                }
                statusBar()->showMessage(tr("“%1”: the connection test failed.").arg(connector.name));
                if (result.error) {
                    MessageBox::warning(this, tr("Test Connection"),
                                        tr("“%1” cannot connect.\n\n%2").arg(connector.name, result.error->message));
                }
            });
        statusBar()->showMessage(tr("Testing the connection of “%1”…").arg(connector.name));
        updateActions();
    });
}

void MainWindow::removeSelected()
{
    const auto connector = selectedConnector();
    if (!connector) {
        return;
    }
    const auto answer =
        MessageBox::ask(this, QMessageBox::Warning, tr("Remove Connector"),
                        tr("Remove the connector “%1” and its client secret?").arg(connector->name),
                        {{QMessageBox::Yes, tr("Remove"), QMessageBox::DestructiveRole}}, QMessageBox::Cancel,
                        tr("The users and groups it synced stay in the directory, and so does its history."));
    if (answer != QMessageBox::Yes) {
        return;
    }
    QString error;
    if (!ConnectorStore(m_directory->database()).remove(connector->id, &error)) {
        MessageBox::warning(this, tr("Remove Connector"), error);
        return;
    }
    reloadConnectors();
    if (m_scheduler) {
        m_scheduler->reload();
    }
    SecretStore().remove(connector->secretKey(), this, [this, name = connector->name](const SecretResult& removed) {
        // A secret that was never stored is not a problem; one that stays behind is worth saying.
        if (!removed.ok() && removed.status != SecretResult::Status::NotFound) {
            MessageBox::warning(this, tr("Remove Connector"),
                                tr("“%1” is removed, but its secret could not be removed from the system keychain: "
                                   "%2")
                                    .arg(name, removed.message));
        } else {
            statusBar()->showMessage(tr("“%1” removed.").arg(name));
        }
    });
}

void MainWindow::previewMigration()
{
    const auto connector = selectedConnector();
    if (!connector) {
        return;
    }
    withSecret(*connector, tr("Migration Preview"), [this, connector = *connector](const RunSecrets& secrets) {
        const DirectoryLocation location = *m_location;
        m_sync = JobThread::start<MigrationPreviewJob, MigrationPreviewResult>(
            this,
            [location, connector, secrets] {
                return std::make_unique<MigrationPreviewJob>(location, connector, secrets.clientSecret,
                                                             secrets.targetCredential);
            },
            &MigrationPreviewJob::finished,
            [this, connector](const MigrationPreviewResult& result) {
                m_sync.clear();
                statusBar()->showMessage(result.error.isEmpty()
                                             ? tr("Migration preview of “%1” ready.").arg(connector.name)
                                             : tr("Migration preview of “%1” failed.").arg(connector.name));
                reloadConnectors();
                if (!result.error.isEmpty()) {
                    MessageBox::warning(this, tr("Migration Preview"), result.error);
                    return;
                }
                auto* dialog = new MigrationPreviewDialog(connector.name, result.entries, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->show();
                m_migrationPreview = dialog;
            });
        statusBar()->showMessage(tr("Reading “%1” to preview the migration…").arg(connector.name));
        updateActions();
    });
}

void MainWindow::showHistory()
{
    if (!m_directory || !m_location) {
        return;
    }
    if (!m_history) {
        m_history = new HistoryDialog(*m_location, m_directory->database(), this);
        m_history->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_history, &HistoryDialog::directoryChanged, this, [this] {
            reloadConnectors();
            if (m_directoryDialog) {
                m_directoryDialog->reload();
            }
            statusBar()->showMessage(tr("Rollback applied."));
        });
    } else {
        m_history->reload();
    }
    m_history->show();
    m_history->raise();
    m_history->activateWindow();
}

void MainWindow::showDirectory()
{
    if (!m_location) {
        return;
    }
    if (!m_directoryDialog) {
        m_directoryDialog = new DirectoryDialog(*m_location, this);
        m_directoryDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_directoryDialog->show();
    m_directoryDialog->raise();
    m_directoryDialog->activateWindow();
}

std::optional<ConnectorConfig> MainWindow::selectedConnector() const
{
    const QModelIndexList rows = m_ui->connectorsTableView->selectionModel()->selectedRows();
    if (rows.isEmpty() || busy() || !m_location) {
        return std::nullopt;
    }
    return m_connectors->connector(rows.first().row());
}

void MainWindow::simulateSelected()
{
    if (const auto connector = selectedConnector()) {
        sync(*connector, SyncRequest{});
    }
}

void MainWindow::fullSyncSelected()
{
    const auto connector = selectedConnector();
    if (!connector) {
        return;
    }
    const auto answer =
        MessageBox::ask(this, QMessageBox::Question, tr("Full Sync"),
                        tr("A full sync of “%1” changes the directory at once. Simulate first to review the changes?")
                            .arg(connector->name),
                        {{QMessageBox::Yes, tr("Simulate First"), QMessageBox::AcceptRole},
                         {QMessageBox::Apply, tr("Full Sync Now"), QMessageBox::DestructiveRole}},
                        QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        sync(*connector, SyncRequest{});
    } else if (answer == QMessageBox::Apply) {
        sync(*connector, SyncRequest{SyncRequest::Mode::Full, QStringLiteral("manual"), false, nullptr, std::nullopt});
    }
}

bool MainWindow::confirmRemovals(const ChangeSet& plan, QWidget* parent)
{
    return MessageBox::ask(
               parent, QMessageBox::Warning, tr("Deletion Limit"), tr("Apply these changes past the deletion limit?"),
               {{QMessageBox::Apply, tr("Allow Once and Apply"), QMessageBox::DestructiveRole}}, QMessageBox::Cancel,
               plan.deletionGuardReason + u' '
                   + tr("Check the users the report lists as to disable, delete or anonymize first."))
        == QMessageBox::Apply;
}

bool MainWindow::busy() const
{
    const bool scheduledRun = m_scheduler && m_scheduler->service() && m_scheduler->service()->runningCount() > 0;
    return m_sync || m_readingSecret || scheduledRun || m_opener->isOpening();
}

void MainWindow::withSecret(const ConnectorConfig& connector, const QString& title,
                            std::function<void(const RunSecrets&)> then)
{
    m_readingSecret = true;
    updateActions();
    statusBar()->showMessage(tr("Reading the client secret of “%1” from the keychain…").arg(connector.name));
    RunSecrets::read(
        connector, this,
        [this, title, then = std::move(then)](const std::optional<RunSecrets>& secrets, const QString& error) {
            m_readingSecret = false;
            statusBar()->clearMessage();
            if (!secrets) {
                updateActions();
                MessageBox::warning(this, title, error);
                return;
            }
            then(*secrets);
        });
}

void MainWindow::sync(const ConnectorConfig& connector, const SyncRequest& request)
{
    const bool full = request.mode == SyncRequest::Mode::Full;
    withSecret(connector, full ? tr("Full Sync") : tr("Simulated Sync"),
               [this, connector, request](const RunSecrets& secrets) {
                   SyncRequest withCredential = request;
                   withCredential.targetCredential = secrets.targetCredential;
                   startSync(connector, secrets.clientSecret, withCredential);
               });
}

void MainWindow::startSync(const ConnectorConfig& connector, const QString& secret, const SyncRequest& request)
{
    const bool full = request.mode == SyncRequest::Mode::Full;
    const DirectoryLocation location = *m_location;
    m_sync = JobThread::start<SyncJob, SyncResult>(
        this,
        [location, connector, secret, request] {
            return std::make_unique<SyncJob>(location, connector, secret, request);
        },
        &SyncJob::finished,
        [this, connector, request](const SyncResult& result) { syncFinished(connector, request, result); });
    m_progress = new QProgressDialog(full ? tr("Synchronizing “%1”…").arg(connector.name)
                                          : tr("Simulating the sync of “%1”…").arg(connector.name),
                                     tr("Cancel"), 0, 0, this);
    m_progress->setWindowTitle(full ? tr("Full Sync") : tr("Simulated Sync"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setMinimumWidth(480); // the title and "Test Realm: reading users (140 of 614)" fit
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    statusBar()->showMessage(full ? tr("Full sync of “%1” running…").arg(connector.name)
                                  : tr("Simulating the sync of “%1”…").arg(connector.name));
    connect(m_progress, &QProgressDialog::canceled, m_sync, &JobThread::cancel);
    connect(m_sync, &JobThread::progress, m_progress, [this, name = connector.name](const JobProgress& progress) {
        // The connector's name stays, and the counts of a phase that has them.
        QString label = tr("“%1”: %2").arg(name, progress.phase);
        if (progress.total > 1) {
            label += u' ' + tr("(%L1 of %L2)").arg(progress.done).arg(progress.total);
        }
        m_progress->setLabelText(label);
        m_progress->setMaximum(progress.total > 0 ? int(std::min<qint64>(progress.total, INT_MAX)) : 0);
        m_progress->setValue(progress.total > 0 ? int(std::min<qint64>(progress.done, INT_MAX)) : 0);
    });
    updateActions();
}

void MainWindow::syncFinished(const ConnectorConfig& connector, const SyncRequest& request, const SyncResult& result)
{
    m_sync.clear(); // it ends itself
    if (m_progress) {
        m_progress->close();
    }
    reloadConnectors();
    if (m_history) {
        m_history->reload();
    }
    const bool full = request.mode == SyncRequest::Mode::Full;
    if (full && m_directoryDialog) {
        m_directoryDialog->reload();
    }
    announce(connector, request, result);
    const bool guardStopped = full && result.status == SyncResult::Status::Refused && result.plan
        && result.plan->deletionGuardTripped && !request.allowDeletions;
    if (guardStopped) {
        // Stopped before anything was applied: its report shows what it would do and why it
        // stopped, and that very plan is what gets applied once allowed.
        ReportView* report = ReportView::showInWindow(
            this, tr("Full Sync of “%1”: Stopped by the Deletion Limit").arg(connector.name), result.run, result.plan);
        offerApply(connector, report, result.plan, tr("&Allow Once and Apply…"));
        m_lastReport = report;
        return;
    }
    // Completed with errors: the report lists each refusal with the application's reason.
    if (result.status != SyncResult::Status::Succeeded && result.status != SyncResult::Status::CompletedWithErrors) {
        if (result.status != SyncResult::Status::Cancelled) {
            MessageBox::warning(this, full ? tr("Full Sync") : tr("Simulated Sync"), result.message);
        }
        return;
    }
    ReportView* report = ReportView::showInWindow(this,
                                                  full ? tr("Full Sync of “%1”: Applied").arg(connector.name)
                                                       : tr("Simulated Sync of “%1”").arg(connector.name),
                                                  result.run, result.plan);
    if (!full && result.plan->hasChanges()) {
        offerApply(connector, report, result.plan, {});
    }
    m_lastReport = report;
}

void MainWindow::offerApply(const ConnectorConfig& connector, ReportView* report, std::shared_ptr<const ChangeSet> plan,
                            const QString& text)
{
    report->setApplyAvailable(true, text);
    connect(report, &ReportView::applyRequested, this, [this, connector, report, plan, location = m_location] {
        if (busy() || m_location != location) {
            return; // a plan is only ever applied to the directory it was made for
        }
        bool allowDeletions = false;
        if (plan->deletionGuardTripped) {
            // Asked over the report, which stays open until the apply is confirmed.
            allowDeletions = confirmRemovals(*plan, report->window());
            if (!allowDeletions) {
                return;
            }
        }
        report->window()->close();
        sync(connector,
             SyncRequest{SyncRequest::Mode::Full, QStringLiteral("manual"), allowDeletions, plan, std::nullopt});
    });
}

void MainWindow::announce(const ConnectorConfig& connector, const SyncRequest& request, const SyncResult& result)
{
    const bool full = request.mode == SyncRequest::Mode::Full;
    const QString kind = ChangeSummary::modeName(full ? QStringLiteral("full") : QStringLiteral("simulate"));
    const QJsonObject counts = result.run.counts; // counted once, by the job
    QString message;
    switch (result.status) {
    case SyncResult::Status::Succeeded: {
        // From the counts: a plan with nothing to do would be walked to its end to find that out.
        const bool changes = ChangeSummary::hasChanges(counts);
        if (!changes) {
            message = tr("%1 of “%2”: the directory already matches Keycloak.").arg(kind, connector.name);
        } else if (full) {
            message = tr("Full sync of “%1” applied: %2.")
                          .arg(connector.name, ChangeSummary::clauses(counts, ChangeSummary::Tense::Done));
        } else {
            message = tr("Simulation of “%1” done, nothing changed yet: a full sync would %2.")
                          .arg(connector.name, ChangeSummary::clauses(counts, ChangeSummary::Tense::Planned));
        }
        break;
    }
    case SyncResult::Status::Cancelled:
        message = tr("%1 of “%2” cancelled; nothing was changed.").arg(kind, connector.name);
        break;
    case SyncResult::Status::Refused:
        message = tr("%1 of “%2” refused; nothing was changed.").arg(kind, connector.name);
        break;
    case SyncResult::Status::Skipped:
        message = tr("%1 of “%2” skipped: another run was under way.").arg(kind, connector.name);
        break;
    case SyncResult::Status::CompletedWithErrors:
        message = tr("Full sync of “%1” completed with errors: %2").arg(connector.name, result.message);
        break;
    case SyncResult::Status::Failed:
        message = tr("%1 of “%2” failed; nothing was changed.").arg(kind, connector.name);
        break;
    }
    statusBar()->showMessage(message);
}

bool MainWindow::confirmCloseWithSchedules()
{
    const auto answer = MessageBox::ask(
        this, QMessageBox::Warning, tr("Scheduled Synchronization"),
        tr("Scheduled syncs run only while UserSync is open, and this desktop has no system tray to keep it in."),
        {{QMessageBox::Yes, tr("Keep Running Minimized"), QMessageBox::AcceptRole},
         {QMessageBox::No, tr("Quit Anyway"), QMessageBox::DestructiveRole},
         {QMessageBox::Help, tr("How to Run Them as a Service…"), QMessageBox::HelpRole}},
        QMessageBox::Yes, tr("Quitting stops them until UserSync is opened again."));
    switch (answer) {
    case QMessageBox::Yes:
        showMinimized();
        return false;
    case QMessageBox::Help:
        MessageBox::information(
            this, tr("Scheduled Synchronization as a Service"),
            tr("<p>Scheduled syncs can run without the window, with the same rules and deletion limit:</p>"
               "<p><b>systemd</b> (the user service installed with UserSync):<br>"
               "<code>systemctl --user enable --now usersync-schedule</code></p>"
               "<p><b>crontab</b> (every five minutes, runs what is due):<br>"
               "<code>*/5 * * * * usersync-cli schedule due</code></p>"
               "<p>Use one of them per directory. Both need the user's keychain, so they run as you.</p>"));
        return false;
    case QMessageBox::No:
        return true;
    default:
        return false;
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    if (m_scheduler && !m_quitting && m_scheduler->keepsRunning()) {
        // Scheduled syncs go on in the tray; Quit in its menu or the File menu ends them.
        hide();
        m_scheduler->announceHidden();
        event->ignore();
        return;
    }
    const bool schedules = m_scheduler && m_scheduler->service() && m_scheduler->service()->hasSchedules();
    if (schedules && !m_scheduler->keepsRunning() && !confirmCloseWithSchedules()) {
        m_quitting = false;
        event->ignore();
        return;
    }
    event->accept();
    if (m_scheduler) {
        QCoreApplication::quit(); // the application does not quit with its last window (see main)
    }
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
}

void MainWindow::enableScheduling()
{
    if (m_scheduler) {
        return;
    }
    m_scheduler = new SchedulerTray(this);
    connect(m_scheduler, &SchedulerTray::runFinished, this, &MainWindow::scheduledRunFinished);
    connect(m_scheduler, &SchedulerTray::runStarted, this, [this](const ConnectorConfig& connector) {
        statusBar()->showMessage(tr("Scheduled full sync of “%1” started.").arg(connector.name));
        updateActions(); // the window's own runs wait meanwhile
    });
    connect(m_scheduler, &SchedulerTray::showWindowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_scheduler, &SchedulerTray::quitRequested, this, &MainWindow::quit);
    if (m_directory && m_location) {
        m_scheduler->setDirectory(*m_location, m_directory->database());
    }
}

void MainWindow::scheduledRunFinished(const ConnectorConfig& connector, const SyncResult& result)
{
    updateActions();
    reloadConnectors();
    if (m_history) {
        m_history->reload();
    }
    if (m_directoryDialog && result.status == SyncResult::Status::Succeeded) {
        m_directoryDialog->reload();
    }
    statusBar()->showMessage(result.status == SyncResult::Status::Succeeded
                                 ? tr("Scheduled full sync of “%1” applied.").arg(connector.name)
                                 : tr("Scheduled full sync of “%1”: %2").arg(connector.name, result.message));
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About UserSync"),
                       tr("<h3>UserSync %1</h3><p>Keeps an application’s user directory in step with a "
                          "Keycloak realm.</p><p>Built with Qt %2. Licensed under the terms in the LICENSE file "
                          "that comes with it.</p>")
                           .arg(AppInfo::version(), QString::fromLatin1(qVersion())));
}

void MainWindow::showKeycloakSetup()
{
    QMessageBox box(QMessageBox::Information, tr("Setting Up Keycloak"),
                    tr("<p>In the Keycloak admin console of your realm:</p><ol>"
                       "<li><b>Clients → Create client</b>: type <i>OpenID Connect</i>, a client ID such as "
                       "<code>usersync</code>.</li>"
                       "<li>On <i>Capability config</i>: switch <b>Client authentication</b> on and tick "
                       "<b>Service accounts roles</b>.</li>"
                       "<li>In the new client, <b>Service account roles → Assign role → Filter by clients</b>: "
                       "assign <code>realm-management</code> <b>manage-users</b> (a read-only sync needs only "
                       "<b>view-users</b>; <code>query-users</code> alone is not enough).</li>"
                       "<li><b>Credentials</b>: copy the <b>Client secret</b>.</li></ol>"
                       "<p>Then <b>Connector → Add</b>, with the Keycloak URL (with or without /auth), the realm, "
                       "the client ID and the secret, and <b>Save and Test Connection</b>.</p>"),
                    QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

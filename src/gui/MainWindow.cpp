#include "MainWindow.h"

#include "AppInfo.h"
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
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "directory/DirectoryAccess.h"
#include "sync/MigrationPreviewJob.h"
#include "sync/SyncJob.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
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
    updateActions();
    setWindowIcon(QIcon(QStringLiteral(":/icons/usersync.svg")));
    m_ui->quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(m_ui->quitAction, &QAction::triggered, this, &MainWindow::quit);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
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

MainWindow::~MainWindow() = default;

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
    QSettings().setValue(directoryKey, location.toString());
    m_ui->directoryStatusLabel->setText(tr("Open"));
    statusBar()->showMessage(tr("Ready"));
    reloadConnectors();
    if (m_scheduler) {
        m_scheduler->setDirectory(location, m_directory->database());
    }
    return true;
}

void MainWindow::closeDirectory()
{
    // What belongs to the directory being left goes with it.
    for (QWidget* window : std::initializer_list<QWidget*>{m_history, m_directoryDialog, m_migrationPreview}) {
        if (window) {
            window->close();
        }
    }
    m_connectors->clear();
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
    m_ui->connectorsTableView->resizeColumnsToContents();
    updateActions();
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
        reloadConnectors();
        selectConnector(id);
        if (m_scheduler) {
            m_scheduler->reload();
        }
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
    withSecret(*connector, tr("Test Connection"), [this, connector = *connector](const QString& secret) {
        const KeycloakSettings settings = connector.keycloak;
        m_sync = JobThread::start<ConnectionTest, ConnectionTestResult>(
            this, [settings, secret] { return std::make_unique<ConnectionTest>(settings, secret); },
            &ConnectionTest::finished,
            [this, connector](const ConnectionTestResult& result) {
                m_sync.clear();
                updateActions();
                if (result.ok) {
                    statusBar()->showMessage(
                        tr("“%1”: connection OK. Users readable: %L2.").arg(connector.name).arg(result.userCount));
                    return;
                }
                statusBar()->clearMessage();
                if (result.error && result.error->kind != ConnectorError::Kind::Cancelled) {
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
    const auto answer = MessageBox::question(
        this, tr("Remove Connector"),
        tr("Remove the connector “%1” and its client secret? The users and groups it synced stay in the "
           "directory, and so does its history.")
            .arg(connector->name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, {{QMessageBox::Yes, tr("Remove")}});
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
    withSecret(*connector, tr("Migration Preview"), [this, connector = *connector](const QString& secret) {
        const DirectoryLocation location = *m_location;
        m_sync = JobThread::start<MigrationPreviewJob, MigrationPreviewResult>(
            this,
            [location, connector, secret] {
                return std::make_unique<MigrationPreviewJob>(location, connector, secret);
            },
            &MigrationPreviewJob::finished,
            [this, connector](const MigrationPreviewResult& result) {
                m_sync.clear();
                statusBar()->clearMessage();
                updateActions();
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
    const auto answer = MessageBox::question(
        this, tr("Full Sync"),
        tr("A full sync changes the user directory as “%1” says, at once. Simulate it first to review every "
           "change before it is applied?")
            .arg(connector->name),
        QMessageBox::Yes | QMessageBox::Apply | QMessageBox::Cancel, QMessageBox::Yes,
        {{QMessageBox::Yes, tr("Simulate First")}, {QMessageBox::Apply, tr("Full Sync Now")}});
    if (answer == QMessageBox::Yes) {
        sync(*connector, SyncRequest{});
    } else if (answer == QMessageBox::Apply) {
        sync(*connector, SyncRequest{SyncRequest::Mode::Full, QStringLiteral("manual"), false, nullptr});
    }
}

void MainWindow::applyReviewed(const ConnectorConfig& connector, std::shared_ptr<const ChangeSet> plan)
{
    if (busy()) {
        return;
    }
    bool allowDeletions = false;
    if (plan->deletionGuardTripped) {
        allowDeletions = confirmRemovals(*plan);
        if (!allowDeletions) {
            return;
        }
    }
    sync(connector, SyncRequest{SyncRequest::Mode::Full, QStringLiteral("manual"), allowDeletions, std::move(plan)});
}

bool MainWindow::confirmRemovals(const ChangeSet& plan)
{
    return MessageBox::question(this, tr("Deletion Limit"),
                                tr("%1\n\nUsers this would disable, delete or anonymize: %L2. Apply anyway, this once?")
                                    .arg(plan.deletionGuardReason)
                                    .arg(plan.removals()),
                                QMessageBox::Apply | QMessageBox::Cancel, QMessageBox::Cancel,
                                {{QMessageBox::Apply, tr("Allow Once and Apply")}})
        == QMessageBox::Apply;
}

bool MainWindow::busy() const
{
    const bool scheduledRun = m_scheduler && m_scheduler->service() && m_scheduler->service()->runningCount() > 0;
    return m_sync || m_readingSecret || scheduledRun || m_opener->isOpening();
}

void MainWindow::withSecret(const ConnectorConfig& connector, const QString& title,
                            std::function<void(const QString&)> then)
{
    m_readingSecret = true;
    updateActions();
    statusBar()->showMessage(tr("Reading the client secret of “%1” from the keychain…").arg(connector.name));
    SecretStore().read(connector.secretKey(), this, [this, title, then = std::move(then)](const SecretResult& secret) {
        m_readingSecret = false;
        statusBar()->clearMessage();
        if (!secret.ok()) {
            updateActions();
            MessageBox::warning(this, title, secret.message);
            return;
        }
        then(secret.secret);
    });
}

void MainWindow::sync(const ConnectorConfig& connector, const SyncRequest& request)
{
    const bool full = request.mode == SyncRequest::Mode::Full;
    withSecret(connector, full ? tr("Full Sync") : tr("Simulated Sync"),
               [this, connector, request](const QString& secret) { startSync(connector, secret, request); });
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
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_progress, &QProgressDialog::canceled, m_sync, &JobThread::cancel);
    connect(m_sync, &JobThread::progress, m_progress, [this](const JobProgress& progress) {
        m_progress->setLabelText(progress.phase);
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
    const bool full = request.mode == SyncRequest::Mode::Full;
    if (full && m_directoryDialog) {
        m_directoryDialog->reload();
    }
    const bool guardStopped = full && result.status == SyncResult::Status::Refused && result.plan
        && result.plan->deletionGuardTripped && !request.allowDeletions;
    if (guardStopped) {
        // Stopped before anything was applied: the same plan, once allowed, is what gets applied.
        if (confirmRemovals(*result.plan)) {
            sync(connector, SyncRequest{SyncRequest::Mode::Full, request.trigger, true, result.plan});
        }
        return;
    }
    if (result.status != SyncResult::Status::Succeeded) {
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
        report->setApplyAvailable(true);
        connect(report, &ReportView::applyRequested, this, [this, connector, report, plan = result.plan] {
            report->window()->close();
            applyReviewed(connector, plan);
        });
    }
    m_lastReport = report;
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
                       tr("<h3>UserSync %1</h3><p>Keeps an application's user directory in step with a "
                          "Keycloak realm.</p>")
                           .arg(AppInfo::version()));
}

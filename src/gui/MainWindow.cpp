#include "MainWindow.h"

#include "AppInfo.h"
#include "ConnectorListModel.h"
#include "HistoryDialog.h"
#include "JobThread.h"
#include "MessageBox.h"
#include "MigrationPreviewDialog.h"
#include "ReportView.h"
#include "config/SecretStore.h"
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
#include <QVBoxLayout>

namespace {
const auto geometryKey = QStringLiteral("MainWindow/geometry");
const auto stateKey = QStringLiteral("MainWindow/state");
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_connectors(new ConnectorListModel(this))
{
    m_ui->setupUi(this);
    m_ui->connectorsTableView->setModel(m_connectors);
    m_ui->connectorsTableView->verticalHeader()->hide();
    m_ui->connectorsTableView->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->connectorsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_ui->simulateButton, &QPushButton::clicked, this, &MainWindow::simulateSelected);
    connect(m_ui->fullSyncButton, &QPushButton::clicked, this, &MainWindow::fullSyncSelected);
    connect(m_ui->historyButton, &QPushButton::clicked, this, &MainWindow::showHistory);
    connect(m_ui->migrationButton, &QPushButton::clicked, this, &MainWindow::previewMigration);
    updateActions();
    setWindowIcon(QIcon(QStringLiteral(":/icons/usersync.svg")));
    m_ui->quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openDirectory(const DirectoryLocation& location)
{
    m_directory.reset();
    m_ui->directoryLocationLabel->setText(location.displayName());

    // Only SQLite opens from the window for now: it is a local file and opens at once.
    QString error;
    m_directory = DirectoryAccess::open(location, &error); // brings a new or older directory up to date
    if (!m_directory) {
        m_ui->directoryStatusLabel->setText(error);
        statusBar()->showMessage(tr("The user directory could not be opened."));
        return false;
    }
    m_location = location;
    m_ui->directoryStatusLabel->setText(tr("Open"));
    statusBar()->showMessage(tr("Ready"));
    reloadConnectors();
    return true;
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
    for (int row = 0; row < m_connectors->rowCount(); ++row) {
        if (!selectedId.isEmpty() && m_connectors->connector(row).id == selectedId) {
            m_ui->connectorsTableView->selectRow(row);
        }
    }
    m_ui->connectorsTableView->resizeColumnsToContents();
    updateActions();
}

void MainWindow::updateActions()
{
    const bool ready = m_ui->connectorsTableView->selectionModel()->hasSelection() && !busy();
    m_ui->simulateButton->setEnabled(ready);
    m_ui->fullSyncButton->setEnabled(ready);
    m_ui->migrationButton->setEnabled(ready);
    m_ui->historyButton->setEnabled(m_directory != nullptr);
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
    return m_sync || m_readingSecret;
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
    event->accept();
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

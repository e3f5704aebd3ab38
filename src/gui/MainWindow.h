#pragma once

#include "ConnectorWizard.h"
#include "DirectoryDialog.h"
#include "HistoryDialog.h"
#include "JobThread.h"
#include "SchedulerTray.h"
#include "config/ConnectorConfig.h"
#include "config/RunSecrets.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryLocation.h"
#include "sync/SyncJob.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class ApplicationsPanel;
class ConnectorListModel;
class DirectoryOpener;
class QProgressDialog;
class QStackedWidget;
class ReportView;

namespace Ui {
class MainWindow;
}

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the directory at `location` and shows what happened; returns whether it is open.
    // `password` is a PostgreSQL directory's (see openLocation).
    bool openDirectory(const DirectoryLocation& location, const QString& password = {});
    // Opens `location` without making the window wait: a PostgreSQL one with the password typed
    // (kept in the keychain once it has worked) or read from the keychain (see DirectoryOpener).
    void openLocation(const DirectoryLocation& location, const QString& typedPassword = {});
    // The directory opened last, if one was.
    static std::optional<DirectoryLocation> rememberedLocation();
    // Runs the open directory's scheduled syncs while the application runs (the application
    // does this; tests that are not about scheduling leave it off).
    void enableScheduling();
    SchedulerTray* scheduler() const { return m_scheduler; }
    // The report of the last simulation shown, and the history, for tests.
    QWidget* lastReport() const { return m_lastReport; }
    HistoryDialog* history() const { return m_history; }
    QDialog* migrationPreview() const { return m_migrationPreview; }
    ConnectorWizard* wizard() const { return m_wizard; }
    DirectoryDialog* directoryDialog() const { return m_directoryDialog; }
    ApplicationsPanel* applications() const { return m_applications; }
    // Reads the connectors, their runs and the history again (View → Refresh, F5; also after
    // every job and when the window is activated: a shared directory changes under it).
    void refresh();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showAbout();
    void showKeycloakSetup();
    // With schedules on and no tray to keep running in, closing would stop them: asks first.
    // False when the window is to stay.
    bool confirmCloseWithSchedules();
    void checkSecrets();
    // The status bar's word on a finished sync, and the report for it.
    void announce(const ConnectorConfig& connector, const SyncRequest& request, const SyncResult& result);
    void offerApply(const ConnectorConfig& connector, ReportView* report, std::shared_ptr<const ChangeSet> plan,
                    const QString& text);
    void restoreWindowState();
    void reloadConnectors();
    void updateActions();
    std::optional<ConnectorConfig> selectedConnector() const;
    // A job runs, or a connector's secret is being read for one: connector actions wait.
    bool busy() const;
    // Reads the connector's client secret from the keychain, then runs `then` with it; a keychain
    // failure is shown under `title`.
    void withSecret(const ConnectorConfig& connector, const QString& title,
                    std::function<void(const RunSecrets&)> then);
    void addConnector();
    void editSelected();
    void openWizard(const std::optional<ConnectorConfig>& connector);
    void selectConnector(const QString& id);
    void testSelected();
    void removeSelected();
    void simulateSelected();
    void fullSyncSelected();
    void showHistory();
    void showDirectory();
    void chooseDirectory();
    void closeDirectory();
    void scheduledRunFinished(const ConnectorConfig& connector, const SyncResult& result);
    void quit();
    void previewMigration();
    bool confirmRemovals(const ChangeSet& plan, QWidget* parent);
    void sync(const ConnectorConfig& connector, const SyncRequest& request);
    void startSync(const ConnectorConfig& connector, const QString& secret, const SyncRequest& request);
    void syncFinished(const ConnectorConfig& connector, const SyncRequest& request, const SyncResult& result);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<DatabaseConnection> m_directory;
    std::optional<DirectoryLocation> m_location;
    ApplicationsPanel* m_applications = nullptr;
    ConnectorListModel* m_connectors;
    DirectoryOpener* m_opener;
    QPointer<JobThread> m_sync;
    bool m_readingSecret = false;
    QPointer<QProgressDialog> m_progress;
    QPointer<QWidget> m_lastReport;
    QPointer<HistoryDialog> m_history;
    QPointer<QDialog> m_migrationPreview;
    QPointer<ConnectorWizard> m_wizard;
    QPointer<DirectoryDialog> m_directoryDialog;
    SchedulerTray* m_scheduler = nullptr;
    QStackedWidget* m_connectorsStack = nullptr;
    QWidget* m_emptyState = nullptr;
    QSet<QString> m_secretsChecked; // connectors whose keychain entry was looked up
    qint64 m_lastRefresh = 0;
    bool m_quitting = false;
};

#pragma once

#include "ConnectorWizard.h"
#include "DirectoryDialog.h"
#include "HistoryDialog.h"
#include "JobThread.h"
#include "SchedulerTray.h"
#include "config/ConnectorConfig.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryLocation.h"
#include "sync/SyncJob.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class ConnectorListModel;
class DirectoryOpener;
class QProgressDialog;

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

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void showAbout();
    void restoreWindowState();
    void reloadConnectors();
    void updateActions();
    std::optional<ConnectorConfig> selectedConnector() const;
    // A job runs, or a connector's secret is being read for one: connector actions wait.
    bool busy() const;
    // Reads the connector's client secret from the keychain, then runs `then` with it; a keychain
    // failure is shown under `title`.
    void withSecret(const ConnectorConfig& connector, const QString& title, std::function<void(const QString&)> then);
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
    void applyReviewed(const ConnectorConfig& connector, std::shared_ptr<const ChangeSet> plan);
    bool confirmRemovals(const ChangeSet& plan);
    void sync(const ConnectorConfig& connector, const SyncRequest& request);
    void startSync(const ConnectorConfig& connector, const QString& secret, const SyncRequest& request);
    void syncFinished(const ConnectorConfig& connector, const SyncRequest& request, const SyncResult& result);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<DatabaseConnection> m_directory;
    std::optional<DirectoryLocation> m_location;
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
    bool m_quitting = false;
};

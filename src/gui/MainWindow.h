#pragma once

#include "HistoryDialog.h"
#include "config/ConnectorConfig.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryLocation.h"
#include "sync/SyncJob.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class ConnectorListModel;
class JobThread;
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
    bool openDirectory(const DirectoryLocation& location);
    // The report of the last simulation shown, and the history, for tests.
    QWidget* lastReport() const { return m_lastReport; }
    HistoryDialog* history() const { return m_history; }
    QDialog* migrationPreview() const { return m_migrationPreview; }

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
    void simulateSelected();
    void fullSyncSelected();
    void showHistory();
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
    QPointer<JobThread> m_sync;
    bool m_readingSecret = false;
    QPointer<QProgressDialog> m_progress;
    QPointer<QWidget> m_lastReport;
    QPointer<HistoryDialog> m_history;
    QPointer<QDialog> m_migrationPreview;
};

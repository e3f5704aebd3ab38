#pragma once

#include "directory/DirectoryLocation.h"
#include "directory/DirectoryStore.h"
#include "sync/RollbackJob.h"

#include <QDialog>
#include <QPointer>
#include <QSqlDatabase>

#include <memory>

class HistoryChartView;
class HistoryModel;
class JobThread;
class QSortFilterProxyModel;

namespace Ui {
class HistoryDialog;
}

// The directory's runs, newest first, each openable as its report (read on a worker: a large
// run recorded hundreds of thousands of changes).
class HistoryDialog final : public QDialog
{
    Q_OBJECT

public:
    HistoryDialog(DirectoryLocation location, QSqlDatabase db, QWidget* parent = nullptr);
    ~HistoryDialog() override;

    // Reads the runs again; false, with the reason shown, when they cannot be read.
    bool reload();
    // The report last opened, for tests.
    QWidget* lastReport() const { return m_lastReport; }
    HistoryChartView* chart() const { return m_chart; }

    // Asks (over `parent`) before applying a reviewed rollback that disables, deletes or removes
    // anything, naming the counts and the deletion limit; the request to apply it (or its
    // variant that deletes rather than disables what the run added, or the other way round),
    // or nullopt when cancelled.
    static std::optional<RollbackRequest> confirmRollback(QWidget* parent, const RunRecord& run,
                                                          const RollbackResult& preview);

Q_SIGNALS:
    // A rollback changed the directory: what shows it (the connector list, the browser) reloads.
    void directoryChanged();

private:
    std::optional<RunRecord> selectedRun() const;
    void openSelectedReport();
    void rollBackSelected();
    // Plans (simulate: a preview) or applies the rollback `request`.
    void startRollback(const RunRecord& run, const RollbackRequest& request);
    void confirmAndApply(const RunRecord& run, const RollbackResult& preview, QWidget* report);
    void updateActions();

    std::unique_ptr<Ui::HistoryDialog> m_ui;
    DirectoryLocation m_location;
    QSqlDatabase m_db;
    HistoryModel* m_model;
    QSortFilterProxyModel* m_sorted;
    HistoryChartView* m_chart;
    QPointer<JobThread> m_loading;
    QPointer<QWidget> m_lastReport;
};

#pragma once

#include "directory/DirectoryStore.h"
#include "sync/ChangeSet.h"
#include "sync/Report.h"

#include <QWidget>

#include <memory>

class ChangeFilterModel;
class ChangeTableModel;
class QButtonGroup;

namespace Ui {
class ReportView;
}

// A plan or a recorded run as an administrator reviews it: counts per action that also filter,
// a search, every change in a table sortable on each column, the selected change's fields
// before and after, export to CSV and JSON and, for a simulation, applying exactly this plan.
class ReportView final : public QWidget
{
    Q_OBJECT

public:
    explicit ReportView(QWidget* parent = nullptr);
    ~ReportView() override;

    // A report in a window of its own (deleted when closed), titled `title`.
    static ReportView* showInWindow(QWidget* parent, const QString& title, const RunRecord& run,
                                    std::shared_ptr<const ChangeSet> changes);

    void setReport(const RunRecord& run, std::shared_ptr<const ChangeSet> changes);
    // Offers "Apply these changes" (a reviewed simulation that may be applied), or `text`.
    void setApplyAvailable(bool available, const QString& text = {});
    // Writes every change of the report, whatever the filter shows, to `fileName`.
    bool exportTo(const QString& fileName, Report::Format format, QString* error) const;

Q_SIGNALS:
    void applyRequested();
    // The table shows the report's changes (at once for most reports, a moment later for large ones).
    void tableFilled();

private:
    void fillTable();
    void rebuildFilters();
    void showDetails();
    void exportAs(Report::Format format);

    std::unique_ptr<Ui::ReportView> m_ui;
    ChangeTableModel* m_model;
    ChangeFilterModel* m_filter;
    QButtonGroup* m_filterButtons;
    RunRecord m_run;
    std::shared_ptr<const ChangeSet> m_changes;
};

#pragma once

#include "ChangeSummary.h"
#include "directory/DirectoryStore.h"
#include "sync/ChangeSet.h"
#include "sync/Report.h"

#include <QWidget>

#include <memory>

class ChangeFilterModel;
class ChangeTableModel;
class QButtonGroup;
class QLabel;

namespace Ui {
class ReportView;
}

// A plan or a recorded run as an administrator reviews it: a headline that says what will
// happen (or what happened), warnings for what is left out or past the deletion limit, counts per
// object type and action that also filter, a search, every change in a table sortable on each
// column, the selected change's fields before and after, export of all or of what is shown and,
// for a simulation, applying exactly this plan.
class ReportView final : public QWidget
{
    Q_OBJECT

public:
    explicit ReportView(QWidget* parent = nullptr);
    ~ReportView() override;

    // A report in a window of its own (deleted when closed), titled `title`, placed after the
    // other reports open on `parent` rather than on top of them.
    static ReportView* showInWindow(QWidget* parent, const QString& title, const RunRecord& run,
                                    std::shared_ptr<const ChangeSet> changes);

    void setReport(const RunRecord& run, std::shared_ptr<const ChangeSet> changes);
    const RunRecord& run() const { return m_run; }
    std::shared_ptr<const ChangeSet> changes() const { return m_changes; }
    // Offers "Apply these changes" (a reviewed simulation that may be applied), or `text`.
    void setApplyAvailable(bool available, const QString& text = {});
    // Writes the report's changes to `fileName`: all of them, or only the rows the filters show.
    bool exportTo(const QString& fileName, Report::Format format, bool shownOnly, QString* error) const;
    // Exports as the buttons do, once the file is chosen: says so in the report's status bar,
    // with a link to the folder, or why not in a message.
    bool exportAndConfirm(const QString& fileName, Report::Format format, bool shownOnly);
    // Filters to one action and object type (nullopt: all), as the count buttons do.
    void showOnly(std::optional<Change::Action> action, std::optional<Change::Object> object);

Q_SIGNALS:
    void applyRequested();
    // The table shows the report's changes (at once for most reports, a moment later for large ones).
    void tableFilled();

private:
    void fillTable();
    void rebuildBanners();
    void rebuildCounts();
    void rebuildFilters();
    void filterChanged();
    void fitColumns();
    void showDetails();
    void exportAs(Report::Format format);
    QWidget* addBanner(const QString& name, const QString& text, bool severe);

    std::unique_ptr<Ui::ReportView> m_ui;
    ChangeTableModel* m_model;
    ChangeFilterModel* m_filter;
    QButtonGroup* m_filterButtons;
    RunRecord m_run;
    std::shared_ptr<const ChangeSet> m_changes;
    // Rows per object type and action, counted once per report: a large plan has 600,000, and
    // every pass over them is felt by the window.
    ChangeSet::Tally m_tally{};
    QLabel* m_openFolder = nullptr; // after an export
    ChangeSummary::Tense m_tense = ChangeSummary::Tense::Done;
};

#include "ReportView.h"

#include "ChangeFilterModel.h"
#include "ChangeTableModel.h"
#include "MessageBox.h"
#include "ui_ReportView.h"

#include <QButtonGroup>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>
#include <QVBoxLayout>

#include <array>

using namespace Qt::StringLiterals;
using Action = Change::Action;

namespace {

// The order the filters are offered in: what an administrator looks for first.
constexpr std::array filterOrder = {Action::Add,       Action::Modify, Action::Unchanged, Action::Disable,
                                    Action::Delete,    Action::Link,   Action::Skip,      Action::Reactivate,
                                    Action::Anonymize, Action::Remove};

} // namespace

ReportView::ReportView(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReportView>())
    , m_model(new ChangeTableModel(this))
    , m_filter(new ChangeFilterModel(this))
    , m_filterButtons(new QButtonGroup(this))
{
    m_ui->setupUi(this);
    m_filter->setSourceModel(m_model);
    m_ui->changesTableView->setModel(m_filter);
    m_ui->changesTableView->sortByColumn(-1, Qt::AscendingOrder); // the plan's own order until asked
    m_ui->changesTableView->verticalHeader()->hide();
    m_ui->changesTableView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_ui->changesTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->changesTableView->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first hundred rows: measuring a thousand of a large plan's took
    // 46 ms of the window's time.
    m_ui->changesTableView->horizontalHeader()->setResizeContentsPrecision(100);
    m_ui->detailsTableWidget->verticalHeader()->hide();
    m_ui->detailsTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_ui->reportSplitter->setStretchFactor(0, 3);
    m_ui->reportSplitter->setStretchFactor(1, 1);
    m_ui->applyButton->hide();

    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, m_filter, &ChangeFilterModel::setSearchText);
    connect(m_ui->changesTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReportView::showDetails);
    connect(m_filterButtons, &QButtonGroup::idClicked, this,
            [this](int id) { m_filter->setActionFilter(id < 0 ? std::nullopt : std::optional(Action(id))); });
    connect(m_ui->exportCsvButton, &QPushButton::clicked, this, [this] { exportAs(Report::Format::Csv); });
    connect(m_ui->exportJsonButton, &QPushButton::clicked, this, [this] { exportAs(Report::Format::Json); });
    connect(m_ui->applyButton, &QPushButton::clicked, this, &ReportView::applyRequested);
}

ReportView::~ReportView() = default;

void ReportView::setReport(const RunRecord& run, std::shared_ptr<const ChangeSet> changes)
{
    m_run = run;
    m_changes = std::move(changes);
    const qsizetype total = m_changes ? m_changes->size() : 0;
    QString summary = tr("Changes for “%1”: %L2").arg(run.connectorName).arg(total);
    if (!run.id.isEmpty()) {
        summary += u" · "_s + tr("run %1").arg(run.id.left(8));
    }
    if (m_changes && m_changes->deletionGuardTripped) {
        summary += u"\n"_s + m_changes->deletionGuardReason;
    }
    m_ui->summaryLabel->setText(summary);
    rebuildFilters();
    m_ui->exportCsvButton->setEnabled(total > 0);
    m_ui->exportJsonButton->setEnabled(total > 0);
    // A large plan reaches the table on the next pass of the event loop: the window shows its
    // frame and counts first, and neither step holds the main thread for long.
    constexpr qsizetype deferredRows = 100'000;
    if (total < deferredRows) {
        fillTable();
        return;
    }
    m_model->setChangeSet(nullptr);
    QTimer::singleShot(0, this, [this, changes = std::weak_ptr(m_changes)] {
        if (changes.lock() == m_changes) { // not replaced meanwhile
            fillTable();
        }
    });
}

void ReportView::fillTable()
{
    m_model->setChangeSet(m_changes);
    m_ui->searchLineEdit->clear();
    m_filter->setActionFilter(std::nullopt);
    m_ui->changesTableView->resizeColumnsToContents(); // measures the first rows only (precision above)
    showDetails();
    Q_EMIT tableFilled();
}

void ReportView::setApplyAvailable(bool available, const QString& text)
{
    if (!text.isEmpty()) {
        m_ui->applyButton->setText(text);
    }
    m_ui->applyButton->setVisible(available);
}

ReportView* ReportView::showInWindow(QWidget* parent, const QString& title, const RunRecord& run,
                                     std::shared_ptr<const ChangeSet> changes)
{
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto* report = new ReportView(dialog);
    report->setObjectName(u"reportView"_s);
    report->setReport(run, std::move(changes));
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(report);
    dialog->resize(960, 640);
    dialog->show();
    return report;
}

void ReportView::rebuildFilters()
{
    for (QAbstractButton* button : m_filterButtons->buttons()) {
        m_filterButtons->removeButton(button);
        delete button;
    }
    std::array<int, Change::actionCount> counts{};
    if (m_changes) {
        for (const Change& change : m_changes->changes) {
            ++counts.at(std::size_t(change.action));
        }
        for (const MembershipChange& change : m_changes->memberships) {
            ++counts.at(std::size_t(change.action));
        }
    }
    const auto addButton = [this](const QString& text, int id) {
        auto* button = new QPushButton(text, this);
        button->setCheckable(true);
        button->setObjectName(id < 0 ? u"allFilterButton"_s : u"%1FilterButton"_s.arg(Change::actionName(Action(id))));
        m_filterButtons->addButton(button, id);
        m_ui->filterButtonsLayout->addWidget(button);
        return button;
    };
    addButton(tr("All (%L1)").arg(m_changes ? m_changes->size() : 0), -1)->setChecked(true);
    for (const Action action : filterOrder) {
        if (const int count = counts.at(std::size_t(action)); count > 0) {
            addButton(tr("%1 (%L2)").arg(ChangeTableModel::actionLabel(action)).arg(count), int(action));
        }
    }
}

void ReportView::showDetails()
{
    const QModelIndex current = m_ui->changesTableView->currentIndex();
    QTableWidget* details = m_ui->detailsTableWidget;
    details->setRowCount(0);
    if (!current.isValid()) {
        return;
    }
    const Change change = m_model->change(m_filter->mapToSource(current).row());
    const auto addRow = [details](const QString& field, const QString& before, const QString& after) {
        const int row = details->rowCount();
        details->insertRow(row);
        details->setItem(row, 0, new QTableWidgetItem(field));
        details->setItem(row, 1, new QTableWidgetItem(before.isEmpty() ? u"–"_s : before));
        details->setItem(row, 2, new QTableWidgetItem(after.isEmpty() ? u"–"_s : after));
    };
    for (const FieldChange& field : change.fields) {
        addRow(field.field, field.before, field.after);
    }
    if (!change.reason.isEmpty()) {
        addRow(tr("Reason"), {}, change.reason);
    }
    details->resizeColumnToContents(0);
}

bool ReportView::exportTo(const QString& fileName, Report::Format format, QString* error) const
{
    QSaveFile file(fileName);
    if (!m_changes || !file.open(QIODevice::WriteOnly) || !Report::write(&file, format, m_run, *m_changes)
        || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void ReportView::exportAs(Report::Format format)
{
    const bool csv = format == Report::Format::Csv;
    const QString fileName =
        QFileDialog::getSaveFileName(this, csv ? tr("Export the Changes as CSV") : tr("Export the Changes as JSON"),
                                     u"usersync-%1.%2"_s.arg(m_run.id.left(8), csv ? u"csv"_s : u"json"_s),
                                     csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (fileName.isEmpty()) {
        return;
    }
    QString error;
    if (!exportTo(fileName, format, &error)) {
        MessageBox::warning(this, tr("Export Failed"),
                            tr("The changes could not be written to %1: %2. Choose another folder or file name.")
                                .arg(QDir::toNativeSeparators(fileName), error));
    }
}

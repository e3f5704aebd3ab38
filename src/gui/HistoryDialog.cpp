#include "HistoryDialog.h"

#include "HistoryModel.h"
#include "JobThread.h"
#include "ReportView.h"
#include "directory/DirectoryStore.h"
#include "sync/RunReportJob.h"
#include "ui_HistoryDialog.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

HistoryDialog::HistoryDialog(DirectoryLocation location, QSqlDatabase db, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HistoryDialog>())
    , m_location(std::move(location))
    , m_db(std::move(db))
    , m_model(new HistoryModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(HistoryModel::SortRole);
    m_ui->historyTableView->setModel(m_sorted);
    m_ui->historyTableView->verticalHeader()->hide();
    m_ui->historyTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->historyTableView->sortByColumn(HistoryModel::StartedColumn, Qt::DescendingOrder);
    connect(m_ui->historyTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryDialog::updateActions);
    connect(m_ui->historyTableView, &QTableView::activated, this, &HistoryDialog::openSelectedReport);
    connect(m_ui->openReportButton, &QPushButton::clicked, this, &HistoryDialog::openSelectedReport);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    reload();
}

HistoryDialog::~HistoryDialog() = default;

bool HistoryDialog::reload()
{
    QString error;
    const auto runs = DirectoryStore(m_db).runs({}, 1000, &error);
    if (!runs) {
        m_ui->historyStatusLabel->setText(tr("The history cannot be read: %1").arg(error));
        return false;
    }
    m_model->setRuns(*runs);
    m_ui->historyTableView->resizeColumnsToContents();
    m_ui->historyStatusLabel->setText(runs->isEmpty() ? tr("No runs yet.") : QString());
    updateActions();
    return true;
}

void HistoryDialog::updateActions()
{
    m_ui->openReportButton->setEnabled(m_ui->historyTableView->selectionModel()->hasSelection() && !m_loading);
}

void HistoryDialog::openSelectedReport()
{
    const QModelIndexList rows = m_ui->historyTableView->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_loading) {
        return;
    }
    const RunRecord run = m_model->run(m_sorted->mapToSource(rows.first()).row());
    m_ui->historyStatusLabel->setText(tr("Reading the changes of run %1…").arg(run.id.left(8)));
    const DirectoryLocation location = m_location;
    m_loading = JobThread::start<RunReportJob, RunReportResult>(
        this, [location, id = run.id] { return std::make_unique<RunReportJob>(location, id); }, &RunReportJob::finished,
        [this, run](const RunReportResult& result) {
            m_loading.clear();
            updateActions();
            if (!result.changes) {
                m_ui->historyStatusLabel->setText(
                    tr("The changes of run %1 cannot be read: %2").arg(run.id.left(8), result.error));
                return;
            }
            m_ui->historyStatusLabel->clear();
            auto* dialog = new QDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowTitle(tr("Run %1 of “%2”").arg(run.id.left(8), run.connectorName));
            auto* report = new ReportView(dialog);
            report->setObjectName(QStringLiteral("reportView"));
            report->setReport(run, result.changes);
            auto* layout = new QVBoxLayout(dialog);
            layout->addWidget(report);
            dialog->resize(960, 640);
            dialog->show();
            m_lastReport = report;
        });
    updateActions();
}

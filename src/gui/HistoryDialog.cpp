#include "HistoryDialog.h"

#include "HistoryChartView.h"
#include "HistoryModel.h"
#include "JobThread.h"
#include "ReportView.h"
#include "directory/DirectoryStore.h"
#include "sync/RollbackJob.h"
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
    , m_chart(new HistoryChartView(this))
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
    connect(m_ui->rollbackButton, &QPushButton::clicked, this, &HistoryDialog::rollBackSelected);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    m_ui->historyLayout->insertWidget(0, m_chart, 2);
    m_ui->historyLayout->setStretchFactor(m_ui->historyTableView, 3);
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
    m_chart->setRuns(*runs);
    m_ui->historyTableView->resizeColumnsToContents();
    m_ui->historyStatusLabel->setText(runs->isEmpty() ? tr("No runs yet.") : QString());
    updateActions();
    return true;
}

std::optional<RunRecord> HistoryDialog::selectedRun() const
{
    const QModelIndexList rows = m_ui->historyTableView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    return m_model->run(m_sorted->mapToSource(rows.first()).row());
}

void HistoryDialog::updateActions()
{
    const auto run = selectedRun();
    m_ui->openReportButton->setEnabled(run && !m_loading);
    m_ui->rollbackButton->setEnabled(run && !m_loading && run->mode == QStringLiteral("full")
                                     && run->status == QStringLiteral("succeeded"));
}

void HistoryDialog::rollBackSelected()
{
    if (const auto run = selectedRun(); run && !m_loading) {
        startRollback(*run, true, nullptr);
    }
}

void HistoryDialog::startRollback(const RunRecord& run, bool simulate, std::shared_ptr<const ChangeSet> reviewed)
{
    m_ui->historyStatusLabel->setText(simulate ? tr("Planning the rollback of run %1…").arg(run.id.left(8))
                                               : tr("Rolling back run %1…").arg(run.id.left(8)));
    const DirectoryLocation location = m_location;
    m_loading = JobThread::start<RollbackJob, RollbackResult>(
        this,
        [location, request = RollbackRequest{run.id, simulate, QStringLiteral("manual"), std::move(reviewed)}] {
            return std::make_unique<RollbackJob>(location, request);
        },
        &RollbackJob::finished,
        [this, run, simulate](const RollbackResult& result) {
            m_loading.clear();
            reload();
            if (result.status != RollbackResult::Status::Succeeded) {
                m_ui->historyStatusLabel->setText(result.message);
                return;
            }
            m_ui->historyStatusLabel->clear();
            ReportView* report =
                ReportView::showInWindow(this,
                                         simulate ? tr("Rollback of Run %1: Preview").arg(run.id.left(8))
                                                  : tr("Rollback of Run %1: Applied").arg(run.id.left(8)),
                                         result.record, result.plan);
            if (simulate && result.plan->hasChanges()) {
                report->setApplyAvailable(true, tr("&Apply This Rollback"));
                connect(report, &ReportView::applyRequested, this, [this, run, report, plan = result.plan] {
                    report->window()->close();
                    startRollback(run, false, plan);
                });
            }
            m_lastReport = report;
        });
    updateActions();
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
            m_lastReport = ReportView::showInWindow(this, tr("Run %1 of “%2”").arg(run.id.left(8), run.connectorName),
                                                    run, result.changes);
        });
    updateActions();
}

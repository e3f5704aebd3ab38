#include "HistoryDialog.h"

#include "ChangeSummary.h"
#include "HistoryChartView.h"
#include "HistoryModel.h"
#include "JobThread.h"
#include "MessageBox.h"
#include "ReportView.h"
#include "config/RunSecrets.h"
#include "directory/DirectoryStore.h"
#include "sync/Rollback.h"
#include "sync/RollbackJob.h"
#include "sync/RunReportJob.h"
#include "ui_HistoryDialog.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

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
    // Simulations and previews changed nothing: they can be hidden, leaving what was applied.
    auto* previews = new QCheckBox(tr("Show &simulations and previews"), this);
    previews->setObjectName(QStringLiteral("showPreviewsCheckBox"));
    previews->setChecked(true);
    m_ui->historyButtonsLayout->insertWidget(2, previews);
    m_sorted->setFilterRole(HistoryModel::ModeRole);
    m_sorted->setFilterKeyColumn(HistoryModel::ModeColumn);
    connect(previews, &QCheckBox::toggled, this, [this](bool shown) {
        m_sorted->setFilterRegularExpression(shown ? QString() : QStringLiteral("^(full|rollback)$"));
        updateActions();
    });
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
    // The run selected stays selected (a reset model forgets it): a run that finished meanwhile
    // must not take the place of the one about to be rolled back.
    const auto selected = selectedRun();
    const bool firstLoad = m_model->rowCount() == 0;
    m_model->setRuns(*runs);
    m_chart->setRuns(*runs);
    m_ui->historyTableView->resizeColumnsToContents();
    if (runs->isEmpty()) {
        m_ui->historyStatusLabel->setText(tr("No runs yet."));
    } else if (m_ui->historyStatusLabel->text() == tr("No runs yet.")) {
        m_ui->historyStatusLabel->clear();
    }
    for (int row = 0; selected && row < m_sorted->rowCount(); ++row) {
        if (m_model->run(m_sorted->mapToSource(m_sorted->index(row, 0)).row()).id == selected->id) {
            m_ui->historyTableView->selectRow(row);
        }
    }
    // At first the newest run is selected, so that Open Report and Roll Back work at once.
    if (firstLoad && !selected && m_sorted->rowCount() > 0) {
        m_ui->historyTableView->selectRow(0);
    }
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
    m_ui->rollbackButton->setEnabled(run && !m_loading && Rollback::canRollBack(*run));
}

void HistoryDialog::rollBackSelected()
{
    if (const auto run = selectedRun(); run && !m_loading) {
        RollbackRequest preview;
        preview.runId = run->id;
        preview.simulate = true;
        startRollback(*run, preview);
    }
}

void HistoryDialog::startRollback(const RunRecord& run, const RollbackRequest& request)
{
    if (!run.targetId.isEmpty() && !request.targetCredential) {
        // The application's credential, from the keychain in this thread before the worker starts.
        m_ui->historyStatusLabel->setText(tr("Reading the application's credential from the keychain…"));
        RunSecrets::readTarget(run.targetId, this,
                               [this, run, request](const std::optional<QString>& credential, const QString& error) {
                                   if (!credential) {
                                       m_ui->historyStatusLabel->setText(error);
                                       return;
                                   }
                                   RollbackRequest withCredential = request;
                                   withCredential.targetCredential = credential;
                                   startRollback(run, withCredential);
                               });
        return;
    }
    const bool simulate = request.simulate;
    m_ui->historyStatusLabel->setText(simulate ? tr("Planning the rollback of run %1…").arg(run.id.left(8))
                                               : tr("Rolling back run %1…").arg(run.id.left(8)));
    const DirectoryLocation location = m_location;
    m_loading = JobThread::start<RollbackJob, RollbackResult>(
        this, [location, request] { return std::make_unique<RollbackJob>(location, request); }, &RollbackJob::finished,
        [this, run, simulate](const RollbackResult& result) {
            m_loading.clear();
            reload();
            const bool withErrors = result.status == RollbackResult::Status::CompletedWithErrors;
            if (!simulate && (result.status == RollbackResult::Status::Succeeded || withErrors)) {
                Q_EMIT directoryChanged();
            }
            if (result.status != RollbackResult::Status::Succeeded && !withErrors) {
                m_ui->historyStatusLabel->setText(result.message);
                return;
            }
            m_ui->historyStatusLabel->setText(
                simulate ? tr("Rollback of run %1 planned; nothing has been changed yet.").arg(run.id.left(8))
                    : withErrors
                    ? result.message
                    : tr("Run %1 rolled back: %2.")
                          .arg(run.id.left(8),
                               ChangeSummary::clauses(result.plan->countsJson(), ChangeSummary::Tense::Done)));
            ReportView* report =
                ReportView::showInWindow(this,
                                         simulate ? tr("Rollback of Run %1: Preview").arg(run.id.left(8))
                                                  : tr("Rollback of Run %1: Applied").arg(run.id.left(8)),
                                         result.record, result.plan);
            if (simulate && result.plan->hasChanges()) {
                report->setApplyAvailable(true, tr("&Apply This Rollback…"));
                connect(report, &ReportView::applyRequested, this,
                        [this, run, report, result] { confirmAndApply(run, result, report); });
            }
            m_lastReport = report;
        });
    updateActions();
}

void HistoryDialog::confirmAndApply(const RunRecord& run, const RollbackResult& preview, QWidget* report)
{
    if (m_loading) {
        return;
    }
    const std::optional<RollbackRequest> request = confirmRollback(report->window(), run, preview);
    if (!request) {
        return; // the preview stays open, as it was reviewed
    }
    report->window()->close();
    startRollback(run, *request);
}

std::optional<RollbackRequest> HistoryDialog::confirmRollback(QWidget* parent, const RunRecord& run,
                                                              const RollbackResult& preview)
{
    using Action = Change::Action;
    using Object = Change::Object;
    const ChangeSet& plan = *preview.plan;
    RollbackRequest request;
    request.runId = run.id;
    request.simulate = false;
    request.reviewedPlan = preview.plan;
    const bool destructive = plan.removals() > 0 || plan.count(Object::Group, Action::Delete) > 0
        || plan.count(Object::Membership, Action::Remove) > 0;
    if (!destructive) {
        return request;
    }
    const int added = ChangeSummary::count(preview.rolledBack.counts, Object::User, Action::Add);
    const bool disabling = preview.added == Rollback::Added::Disable;
    QString text = tr("This rollback would %1.")
                       .arg(ChangeSummary::clauses(plan.countsJson(), ChangeSummary::Tense::Planned, false));
    if (plan.deletionGuardTripped) {
        text += u"\n\n"_s + plan.deletionGuardReason + u' ' + tr("Applying it allows that this once.");
    }
    text += u"\n\n"_s
        + (plan.removals() > plan.count(Object::User, Action::Disable)
               ? tr("Deleted users cannot be brought back by a sync; disabled users are reactivated by the next "
                    "sync if Keycloak still has them.")
               : tr("Disabled users keep their ids and history, and the next sync reactivates them if Keycloak "
                    "still has them."));
    QList<MessageBox::Choice> choices = {
        {QMessageBox::Apply, disabling ? tr("Disable and Apply") : tr("Delete and Apply"), QMessageBox::AcceptRole}};
    if (added > 0) {
        // The other way with the users the run added, offered where it changes something.
        choices.append({QMessageBox::Discard,
                        disabling ? tr("Delete the Added Users Instead") : tr("Disable the Added Users Instead"),
                        disabling ? QMessageBox::DestructiveRole : QMessageBox::ActionRole});
    }
    const QMessageBox::StandardButton answer = MessageBox::ask(
        parent, plan.deletionGuardTripped ? QMessageBox::Critical : QMessageBox::Warning, tr("Apply Rollback"),
        tr("Roll back run %1 of “%2”?").arg(run.id.left(8), run.connectorName), choices, QMessageBox::Cancel, text);
    if (answer == QMessageBox::Cancel) {
        return std::nullopt;
    }
    if (answer == QMessageBox::Discard) {
        // The other choice is planned and shown as a preview of its own, with its own counts and
        // limit: nothing is applied that was not reviewed.
        RollbackRequest other;
        other.runId = run.id;
        other.simulate = true;
        other.added = disabling ? Rollback::Added::Delete : Rollback::Added::Disable;
        return other;
    }
    request.allowDeletions = plan.deletionGuardTripped; // the question named the limit
    return request;
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

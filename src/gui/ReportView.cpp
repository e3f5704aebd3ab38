#include "ReportView.h"

#include "ChangeFilterModel.h"
#include "ChangeTableModel.h"
#include "MessageBox.h"
#include "Mnemonics.h"
#include "Search.h"
#include "ui_ReportView.h"

#include <QButtonGroup>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <array>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

// The order the filters are offered in: what an administrator looks for first.
constexpr std::array filterOrder = {Action::Add,       Action::Modify, Action::Unchanged, Action::Disable,
                                    Action::Delete,    Action::Link,   Action::Skip,      Action::Reactivate,
                                    Action::Anonymize, Action::Remove};
constexpr std::array objectOrder = {Object::User, Object::Group, Object::Membership};
const auto exportFolderKey = u"Report/exportFolder"_s;

} // namespace

ReportView::ReportView(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReportView>())
    , m_model(new ChangeTableModel(this))
    , m_filter(new ChangeFilterModel(this))
    , m_filterButtons(new QButtonGroup(this))
{
    m_ui->setupUi(this);
    QFont headline = m_ui->summaryLabel->font();
    headline.setBold(true);
    m_ui->summaryLabel->setFont(headline);
    QPalette quiet = m_ui->runLabel->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_ui->runLabel->setPalette(quiet);
    m_ui->shownLabel->setPalette(quiet);

    m_filter->setSourceModel(m_model);
    QTableView* table = m_ui->changesTableView;
    table->setModel(m_filter);
    table->sortByColumn(-1, Qt::AscendingOrder); // the plan's own order until asked
    table->verticalHeader()->hide();
    const int rowHeight = fontMetrics().height() + 8;
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(true);
    m_ui->detailsTableWidget->verticalHeader()->hide();
    m_ui->detailsTableWidget->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_ui->detailsTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_ui->detailsStackedWidget->setMinimumHeight(rowHeight * 5);
    m_ui->reportSplitter->setStretchFactor(0, 4);
    m_ui->reportSplitter->setStretchFactor(1, 1);
    m_ui->reportSplitter->setSizes({rowHeight * 14, rowHeight * 6});
    m_ui->applyButton->hide();

    m_ui->objectComboBox->addItem(tr("All objects"), -1);
    for (const Object object : objectOrder) {
        m_ui->objectComboBox->addItem(ChangeSummary::objectLabel(object), int(object));
    }
    Search::addFindShortcut(this, m_ui->searchLineEdit);

    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearchText(text);
        filterChanged();
    });
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReportView::showDetails);
    connect(m_filterButtons, &QButtonGroup::idClicked, this, [this](int id) {
        m_filter->setActionFilter(id < 0 ? std::nullopt : std::optional(Action(id)), m_filter->objectFilter());
        filterChanged();
    });
    connect(m_ui->objectComboBox, &QComboBox::activated, this, [this] {
        const int object = m_ui->objectComboBox->currentData().toInt();
        m_filter->setActionFilter(m_filter->actionFilter(), object < 0 ? std::nullopt : std::optional(Object(object)));
        rebuildFilters(); // the counts of the chosen type
        filterChanged();
    });
    connect(m_ui->exportCsvButton, &QPushButton::clicked, this, [this] { exportAs(Report::Format::Csv); });
    connect(m_ui->exportJsonButton, &QPushButton::clicked, this, [this] { exportAs(Report::Format::Json); });
    connect(m_ui->applyButton, &QPushButton::clicked, this, &ReportView::applyRequested);
}

ReportView::~ReportView() = default;

void ReportView::setReport(const RunRecord& run, std::shared_ptr<const ChangeSet> changes)
{
    m_run = run;
    m_changes = std::move(changes);
    m_tense = ChangeSummary::tenseOf(run);
    m_tally = m_changes ? m_changes->tally() : ChangeSet::Tally{};
    const QJsonObject counts = m_changes ? ChangeSet::countsJson(m_tally) : run.counts;
    m_ui->summaryLabel->setText(ChangeSummary::headline(run, counts, m_changes && ChangeSummary::hasChanges(counts)));
    m_ui->runLabel->setText(ChangeSummary::runLine(run));
    m_ui->runLabel->setVisible(!run.id.isEmpty());
    rebuildBanners();
    rebuildCounts();
    m_ui->objectComboBox->setCurrentIndex(0);
    m_filter->setActionFilter(std::nullopt, std::nullopt);
    rebuildFilters();
    const qsizetype total = m_changes ? m_changes->size() : 0;
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
    m_model->setChangeSet(m_changes, m_tense);
    m_ui->searchLineEdit->clear();
    fitColumns();
    filterChanged();
    showDetails();
    Q_EMIT tableFilled();
}

QWidget* ReportView::addBanner(const QString& name, const QString& text, bool severe)
{
    auto* banner = new QFrame(this);
    banner->setObjectName(name);
    // Fixed colours with dark text, so that the warning reads the same in light and dark themes.
    banner->setStyleSheet(
        severe ? u"QFrame#%1 { background: #fde7e9; border: 1px solid #d13438; border-radius: 4px; }"
                 " QFrame#%1 QLabel { color: #3b0a0c; background: transparent; border: none; }"_s.arg(name)
               : u"QFrame#%1 { background: #fff4ce; border: 1px solid #c19c00; border-radius: 4px; }"
                 " QFrame#%1 QLabel { color: #3a2e00; background: transparent; border: none; }"_s.arg(name));
    auto* layout = new QHBoxLayout(banner);
    auto* icon = new QLabel(banner);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(
        style()->standardIcon(severe ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning).pixmap(size));
    icon->setAlignment(Qt::AlignTop);
    layout->addWidget(icon);
    auto* label = new QLabel(text, banner);
    label->setObjectName(name + u"Label"_s);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label, 1);
    m_ui->bannersLayout->addWidget(banner);
    return banner;
}

void ReportView::rebuildBanners()
{
    while (QLayoutItem* item = m_ui->bannersLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const bool planned = m_tense == ChangeSummary::Tense::Planned;
    if (m_changes && m_changes->deletionGuardTripped) {
        const QString next = m_run.status == u"refused"_s
            ? tr("Nothing was applied.")
            : tr("Applying these changes asks you first to allow them once.");
        addBanner(u"deletionLimitBanner"_s, tr("Deletion limit: %1 %2").arg(m_changes->deletionGuardReason, next),
                  true);
    } else if (m_run.status != u"succeeded"_s && !m_run.status.isEmpty() && !m_run.message.isEmpty()) {
        addBanner(u"runMessageBanner"_s, m_run.message, true);
    }
    int skips = 0;
    for (const auto& perAction : m_tally) {
        skips += perAction.at(std::size_t(Action::Skip));
    }
    if (!m_changes || skips == 0) {
        return;
    }
    // What is left out, and why: the distinct reasons of the users and groups skipped.
    QStringList objects;
    QStringList reasons;
    const ChangeSet::Tally& counts = m_tally;
    for (const Object object : objectOrder) {
        if (const int n = counts.at(std::size_t(object)).at(std::size_t(Action::Skip)); n > 0) {
            objects << ChangeSummary::objects(object, n);
        }
    }
    QSet<QString> seen;
    for (const Change& change : m_changes->changes) {
        if (change.action == Action::Skip && !change.reason.isEmpty() && !seen.contains(change.reason)) {
            seen.insert(change.reason);
            reasons << change.reason;
        }
    }
    constexpr qsizetype shownReasons = 3;
    QString reason = QStringList(reasons.mid(0, shownReasons)).join(u' ');
    if (reasons.size() > shownReasons) {
        reason += u' ' + tr("(and %L1 more reasons)").arg(reasons.size() - shownReasons);
    }
    const QString list = objects.join(tr(", ", "list separator"));
    const QString text =
        planned ? tr("%1 will not be synced: %2").arg(list, reason) : tr("%1 were not synced: %2").arg(list, reason);
    QWidget* banner = addBanner(u"skipBanner"_s, text, false);
    auto* show = new QPushButton(tr("Show Them"), banner);
    show->setObjectName(u"showSkippedButton"_s);
    banner->layout()->addWidget(show);
    connect(show, &QPushButton::clicked, this, [this] { showOnly(Action::Skip, std::nullopt); });
}

void ReportView::rebuildCounts()
{
    while (QLayoutItem* item = m_ui->countsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const ChangeSet::Tally& counts = m_tally;
    int row = 0;
    for (const Object object : objectOrder) {
        const auto& perAction = counts.at(std::size_t(object));
        if (std::all_of(perAction.cbegin(), perAction.cend(), [](int n) { return n == 0; })) {
            continue;
        }
        auto* label = new QLabel(tr("%1:").arg(ChangeSummary::objectLabel(object)), this);
        m_ui->countsLayout->addWidget(label, row, 0);
        int column = 1;
        for (const Action action : filterOrder) {
            const int n = perAction.at(std::size_t(action));
            if (n == 0) {
                continue;
            }
            auto* button = new QToolButton(this);
            button->setAutoRaise(true);
            button->setText(tr("%1: %L2").arg(ChangeSummary::actionLabel(action, m_tense)).arg(n));
            button->setToolTip(tr("Show only these"));
            button->setObjectName(u"%1-%2CountButton"_s.arg(Change::objectName(object), Change::actionName(action)));
            connect(button, &QToolButton::clicked, this, [this, action, object] { showOnly(action, object); });
            m_ui->countsLayout->addWidget(button, row, column++);
        }
        m_ui->countsLayout->setColumnStretch(column, 1);
        ++row;
    }
}

void ReportView::rebuildFilters()
{
    const std::optional<Action> checked = m_filter->actionFilter();
    for (QAbstractButton* button : m_filterButtons->buttons()) {
        m_filterButtons->removeButton(button);
        delete button;
    }
    // The counts of the object type shown, or of all.
    const std::optional<Object> object = m_filter->objectFilter();
    const ChangeSet::Tally& counts = m_tally;
    std::array<int, Change::actionCount> perAction{};
    int all = 0;
    for (const Object each : objectOrder) {
        if (!object || *object == each) {
            for (int action = 0; action < Change::actionCount; ++action) {
                perAction.at(std::size_t(action)) += counts.at(std::size_t(each)).at(std::size_t(action));
                all += counts.at(std::size_t(each)).at(std::size_t(action));
            }
        }
    }
    // Alt+letter for each, around the letters of the window's other controls.
    QSet<QChar> used =
        Mnemonics::taken({m_ui->objectLabel->text(), m_ui->searchLabel->text(), m_ui->exportCsvButton->text(),
                          m_ui->exportJsonButton->text(), m_ui->applyButton->text()});
    const auto addButton = [this, &used](const QString& text, int id) {
        auto* button = new QPushButton(Mnemonics::assign(text, used), this);
        button->setCheckable(true);
        button->setObjectName(id < 0 ? u"allFilterButton"_s : u"%1FilterButton"_s.arg(Change::actionName(Action(id))));
        m_filterButtons->addButton(button, id);
        m_ui->filterButtonsLayout->addWidget(button);
        return button;
    };
    addButton(tr("All (%L1)").arg(all), -1)->setChecked(!checked);
    for (const Action action : filterOrder) {
        const int count = perAction.at(std::size_t(action));
        if (count > 0 || checked == action) {
            QPushButton* button =
                addButton(tr("%1 (%L2)").arg(ChangeSummary::actionLabel(action, m_tense)).arg(count), int(action));
            button->setChecked(checked == action);
        }
    }
}

void ReportView::showOnly(std::optional<Action> action, std::optional<Object> object)
{
    m_ui->objectComboBox->setCurrentIndex(object ? m_ui->objectComboBox->findData(int(*object)) : 0);
    m_filter->setActionFilter(action, object);
    rebuildFilters();
    filterChanged();
}

void ReportView::filterChanged()
{
    const int shown = m_filter->rowCount();
    const int total = m_model->rowCount();
    const bool filtering = m_filter->isFiltering() && shown != total;
    m_ui->shownLabel->setText(filtering ? tr("Showing %L1 of %L2 changes").arg(shown).arg(total)
                                        : tr("%L1 changes").arg(total));
    if (filtering && shown == 0) {
        m_ui->shownLabel->setText(tr("No change matches (of %L1). Clear the search or choose All.").arg(total));
    }
    // The export buttons say what they write.
    m_ui->exportCsvButton->setText(filtering ? tr("Export %L1 Shown as &CSV…").arg(shown) : tr("Export All as &CSV…"));
    m_ui->exportJsonButton->setText(filtering ? tr("Export %L1 Shown as &JSON…").arg(shown)
                                              : tr("Export All as &JSON…"));
    m_ui->exportCsvButton->setEnabled(shown > 0);
    m_ui->exportJsonButton->setEnabled(shown > 0);
}

void ReportView::fitColumns()
{
    // Widths that fit every kind of row: measured on a sample of each object type and on every
    // skipped row (the ones with long names and reasons), not on the first rows alone, which are
    // all users. Measuring every row of a large plan took tens of milliseconds.
    if (!m_changes) {
        return;
    }
    QList<int> sample;
    constexpr int perType = 40;
    constexpr int skippedRows = 200;
    std::array<int, objectOrder.size()> taken{};
    int skipped = 0;
    const QList<Change>& objects = m_changes->changes;
    for (int row = 0; row < int(objects.size()); ++row) {
        const Change& change = objects.at(row);
        const bool skip = change.action == Action::Skip && skipped < skippedRows;
        skipped += skip ? 1 : 0;
        if (skip || taken.at(std::size_t(change.object))++ < perType) {
            sample << row;
        }
    }
    const QList<MembershipChange>& memberships = m_changes->memberships;
    const int skippedMemberships =
        std::min(m_tally.at(std::size_t(Object::Membership)).at(std::size_t(Action::Skip)), skippedRows);
    int skippedSeen = 0;
    for (int i = 0; i < int(memberships.size()); ++i) {
        const bool skip = memberships.at(i).action == Action::Skip && skippedSeen < skippedMemberships;
        skippedSeen += skip ? 1 : 0;
        if (skip || i < perType) {
            sample << int(objects.size()) + i;
        }
        if (i >= perType && skippedSeen >= skippedMemberships) {
            break; // the rest holds no row of a kind not sampled yet
        }
    }
    const QFontMetrics metrics = m_ui->changesTableView->fontMetrics();
    QHeaderView* header = m_ui->changesTableView->horizontalHeader();
    const int padding = 2 * m_ui->changesTableView->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 16;
    const int maximum = std::max(240, m_ui->changesTableView->width() / 3);
    for (int column = 0; column < ChangeTableModel::ColumnCount - 1; ++column) {
        int width =
            QFontMetrics(header->font()).horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString())
            + 24; // the sort indicator
        for (const int row : std::as_const(sample)) {
            width = std::max(width, metrics.horizontalAdvance(m_model->index(row, column).data().toString()));
        }
        header->resizeSection(column, std::min(width + padding, maximum)); // longer texts elide, with a tooltip
    }
}

void ReportView::setApplyAvailable(bool available, const QString& text)
{
    if (!text.isEmpty()) {
        m_ui->applyButton->setText(text);
    }
    m_ui->applyButton->setVisible(available);
    rebuildFilters(); // its mnemonic letter is taken now
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
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(report);
    dialog->resize(1000, 680);
    // Cascaded: a report opened from History does not hide History or the report before it.
    if (parent) {
        int open = 0;
        for (const QDialog* other : parent->findChildren<QDialog*>(Qt::FindDirectChildrenOnly)) {
            open += other != dialog && other->isVisible() && other->findChild<ReportView*>() ? 1 : 0;
        }
        const QPoint offset(32 * (open % 8 + 1), 32 * (open % 8 + 1));
        dialog->move(parent->window()->frameGeometry().topLeft() + offset);
    }
    dialog->show();
    return report;
}

void ReportView::showDetails()
{
    const QModelIndex current = m_ui->changesTableView->currentIndex();
    QTableWidget* details = m_ui->detailsTableWidget;
    details->setRowCount(0);
    if (!current.isValid()) {
        m_ui->detailsStackedWidget->setCurrentWidget(m_ui->detailsPlaceholderLabel);
        return;
    }
    m_ui->detailsStackedWidget->setCurrentWidget(m_ui->detailsPage);
    const Change change = m_model->change(m_filter->mapToSource(current).row());
    const auto addRow = [details](const QString& field, const QString& before, const QString& after) {
        const int row = details->rowCount();
        details->insertRow(row);
        details->setItem(row, 0, new QTableWidgetItem(field));
        for (const auto& [column, text] : {std::pair(1, before), std::pair(2, after)}) {
            auto* item = new QTableWidgetItem(text.isEmpty() ? u"–"_s : text);
            item->setToolTip(text);
            details->setItem(row, column, item);
        }
    };
    if (change.object == Object::Membership) {
        // A membership has no fields of its own: who, in which group.
        const QStringList names = change.key.split(u" → "_s);
        addRow(tr("User"), {}, names.value(0));
        addRow(tr("Group"), {}, names.value(1));
    } else if (change.object == Object::Group && !change.path.isEmpty()
               && std::none_of(change.fields.cbegin(), change.fields.cend(),
                               [](const FieldChange& field) { return field.field == u"path"_s; })) {
        addRow(ChangeSummary::fieldLabel(u"path"_s), change.path, change.path);
    }
    for (const FieldChange& field : change.fields) {
        addRow(ChangeSummary::fieldLabel(field.field), ChangeSummary::fieldValue(field.field, field.before),
               ChangeSummary::fieldValue(field.field, field.after));
    }
    m_ui->detailsReasonLabel->setText(change.reason.isEmpty() ? QString() : tr("Reason: %1").arg(change.reason));
    m_ui->detailsReasonLabel->setVisible(!change.reason.isEmpty());
    details->resizeColumnToContents(0);
    // "Before" as wide as its values, up to half the room left; "After" takes the rest.
    details->resizeColumnToContents(1);
    details->setColumnWidth(
        1, std::min(details->columnWidth(1), (details->viewport()->width() - details->columnWidth(0)) / 2));
}

bool ReportView::exportTo(const QString& fileName, Report::Format format, bool shownOnly, QString* error) const
{
    if (!m_changes) {
        *error = tr("There is nothing to export.");
        return false;
    }
    ChangeSet shown;
    const ChangeSet* written = m_changes.get();
    if (shownOnly && m_filter->isFiltering()) {
        // The rows the filters show, in the order they are shown.
        shown.connectorId = m_changes->connectorId;
        shown.memberUsers = m_changes->memberUsers;
        shown.memberGroups = m_changes->memberGroups;
        const qsizetype objects = m_changes->changes.size();
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            const int source = m_filter->mapToSource(m_filter->index(row, 0)).row();
            if (source < objects) {
                shown.changes.append(m_changes->changes.at(source));
            } else {
                shown.memberships.append(m_changes->memberships.at(source - objects));
            }
        }
        written = &shown;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || !Report::write(&file, format, m_run, *written) || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void ReportView::exportAs(Report::Format format)
{
    const bool csv = format == Report::Format::Csv;
    const bool shownOnly = m_filter->isFiltering() && m_filter->rowCount() != m_model->rowCount();
    QString folder = QSettings().value(exportFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    }
    const QString suggested = QDir(folder).filePath(
        u"usersync-%1%2.%3"_s.arg(m_run.id.left(8), shownOnly ? u"-shown"_s : QString(), csv ? u"csv"_s : u"json"_s));
    const QString fileName =
        QFileDialog::getSaveFileName(this, csv ? tr("Export the Changes as CSV") : tr("Export the Changes as JSON"),
                                     suggested, csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (fileName.isEmpty()) {
        return;
    }
    QSettings().setValue(exportFolderKey, QFileInfo(fileName).absolutePath());
    exportAndConfirm(fileName, format, shownOnly);
}

bool ReportView::exportAndConfirm(const QString& fileName, Report::Format format, bool shownOnly)
{
    QString error;
    if (!exportTo(fileName, format, shownOnly, &error)) {
        MessageBox::warning(this, tr("Export Failed"),
                            tr("The changes could not be written to %1: %2. Choose another folder or file name.")
                                .arg(QDir::toNativeSeparators(fileName), error));
        return false;
    }
    const int written = shownOnly && m_filter->isFiltering() ? m_filter->rowCount() : m_model->rowCount();
    m_ui->reportStatusBar->showMessage(
        tr("Exported %L1 changes to %2.").arg(written).arg(QDir::toNativeSeparators(fileName)));
    if (!m_openFolder) {
        m_openFolder = new QLabel(this);
        m_openFolder->setObjectName(u"openFolderLabel"_s);
        m_openFolder->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        connect(m_openFolder, &QLabel::linkActivated, this,
                [](const QString& link) { QDesktopServices::openUrl(QUrl(link)); });
        m_ui->reportStatusBar->addPermanentWidget(m_openFolder);
    }
    m_openFolder->setText(u"<a href=\"%1\">%2</a>"_s.arg(
        QUrl::fromLocalFile(QFileInfo(fileName).absolutePath()).toString(QUrl::FullyEncoded).toHtmlEscaped(),
        tr("Open Folder")));
    return true;
}

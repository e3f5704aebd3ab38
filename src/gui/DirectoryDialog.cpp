#include "DirectoryDialog.h"

#include "DirectoryGroupModel.h"
#include "DirectoryUserModel.h"
#include "JobThread.h"
#include "Search.h"
#include "directory/DirectoryLoadJob.h"
#include "ui_DirectoryDialog.h"

#include <QHeaderView>
#include <QPushButton>
#include <QSortFilterProxyModel>

#include <functional>

namespace {

// Every word typed must appear, each in any column: "staff 0001" finds "Staff User 0001".
class WordFilterProxyModel final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWords(const QString& text)
    {
        m_words = Search::words(text);
        invalidateFilter();
    }
    // Rows must also pass `condition` (a source row), when given: a group's members, say.
    void setRowCondition(std::function<bool(int)> condition)
    {
        m_condition = std::move(condition);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (m_condition && !m_condition(row)) {
            return false;
        }
        if (m_words.isEmpty()) {
            return true;
        }
        const QAbstractItemModel* model = sourceModel();
        const int columns = model->columnCount(parent);
        return Search::matchesAll(m_words, [&](const QString& word) {
            for (int column = 0; column < columns; ++column) {
                if (model->index(row, column, parent).data().toString().contains(word, Qt::CaseInsensitive)) {
                    return true;
                }
            }
            return false;
        });
    }

private:
    QStringList m_words;
    std::function<bool(int)> m_condition;
};

QSortFilterProxyModel* searchableProxy(QAbstractItemModel* source, int sortRole, QObject* parent)
{
    auto* proxy = new WordFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(sortRole);
    proxy->setSortLocaleAware(true);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1); // every column
    return proxy;
}

void prepareTable(QTableView* view, QAbstractItemModel* model)
{
    view->setModel(model);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->sortByColumn(0, Qt::AscendingOrder);
}

} // namespace

DirectoryDialog::DirectoryDialog(DirectoryLocation location, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DirectoryDialog>())
    , m_location(std::move(location))
    , m_userModel(new DirectoryUserModel(this))
    , m_groupModel(new DirectoryGroupModel(this))
    , m_userProxy(searchableProxy(m_userModel, DirectoryUserModel::SortRole, this))
    , m_groupProxy(searchableProxy(m_groupModel, DirectoryGroupModel::SortRole, this))
{
    m_ui->setupUi(this);
    prepareTable(m_ui->usersTableView, m_userProxy);
    prepareTable(m_ui->groupsTableView, m_groupProxy);
    auto* reloadButton = m_ui->buttonBox->addButton(tr("&Reload"), QDialogButtonBox::ActionRole);
    connect(reloadButton, &QPushButton::clicked, this, &DirectoryDialog::reload);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->directoryStatusLabel->setWordWrap(false); // "Users: 614 · Groups: 12" on one line
    // A group's members: Enter or a double click on the group shows them in the users' list.
    m_showAllButton = new QPushButton(tr("Show &All Users"), this);
    m_showAllButton->setObjectName(QStringLiteral("showAllUsersButton"));
    m_showAllButton->hide();
    m_ui->usersTabLayout->addWidget(m_showAllButton, 0, Qt::AlignLeft);
    connect(m_showAllButton, &QPushButton::clicked, this, [this] { showMembersOf(-1); });
    connect(m_ui->groupsTableView, &QTableView::activated, this,
            [this](const QModelIndex& index) { showMembersOf(m_groupProxy->mapToSource(index).row()); });
    Search::addFindShortcut(this, m_ui->searchLineEdit);
    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        static_cast<WordFilterProxyModel*>(m_userProxy)->setWords(text);
        static_cast<WordFilterProxyModel*>(m_groupProxy)->setWords(text);
        updateStatus();
    });
    reload();
}

DirectoryDialog::~DirectoryDialog() = default;

void DirectoryDialog::reload()
{
    if (m_load) {
        m_reloadAgain = true; // what changed meanwhile is read once this load is done
        return;
    }
    m_ui->directoryStatusLabel->setText(tr("Reading the directory…"));
    const DirectoryLocation location = m_location;
    m_load = JobThread::start<DirectoryLoadJob, DirectoryLoadResult>(
        this, [location] { return std::make_unique<DirectoryLoadJob>(location); }, &DirectoryLoadJob::finished,
        [this](const DirectoryLoadResult& result) { showLoaded(result); });
}

void DirectoryDialog::showLoaded(const DirectoryLoadResult& result)
{
    m_load.clear();
    m_error = result.error;
    if (result.error.isEmpty()) {
        showMembersOf(-1); // the groups are numbered anew
        m_userModel->setState(result.state, result.connectorNames);
        m_groupModel->setState(result.state, result.connectorNames);
        for (QTableView* view : {m_ui->usersTableView, m_ui->groupsTableView}) {
            // Sized from the first rows only: measuring a hundred thousand would stall the window.
            view->horizontalHeader()->setResizeContentsPrecision(200);
            view->resizeColumnsToContents();
        }
    }
    updateStatus();
    Q_EMIT loaded();
    if (std::exchange(m_reloadAgain, false)) {
        reload();
    }
}

void DirectoryDialog::showMembersOf(int group)
{
    auto* users = static_cast<WordFilterProxyModel*>(m_userProxy);
    m_membersOf = group < 0 ? QString() : m_groupModel->index(group, DirectoryGroupModel::NameColumn).data().toString();
    if (group < 0) {
        users->setRowCondition({});
    } else {
        users->setRowCondition([model = m_userModel, group](int row) { return model->isMember(row, group); });
        m_ui->directoryTabWidget->setCurrentWidget(m_ui->usersTab);
    }
    m_showAllButton->setVisible(group >= 0);
    updateStatus();
}

void DirectoryDialog::updateStatus()
{
    if (!m_error.isEmpty()) {
        m_ui->directoryStatusLabel->setText(m_error);
        return;
    }
    if (!m_membersOf.isEmpty()) {
        m_ui->directoryStatusLabel->setText(
            tr("Members of “%1”: %L2 users.").arg(m_membersOf).arg(m_userProxy->rowCount()));
        return;
    }
    const int users = m_userModel->rowCount();
    const int groups = m_groupModel->rowCount();
    if (m_ui->searchLineEdit->text().isEmpty()) {
        m_ui->directoryStatusLabel->setText(tr("Users: %L1 · Groups: %L2").arg(users).arg(groups));
        return;
    }
    if (m_userProxy->rowCount() == 0 && m_groupProxy->rowCount() == 0) {
        m_ui->directoryStatusLabel->setText(
            tr("No user or group matches “%1”. Every word typed must appear in one of the columns.")
                .arg(m_ui->searchLineEdit->text()));
        return;
    }
    m_ui->directoryStatusLabel->setText(tr("Matching: %1 of %L2 users, %3 of %L4 groups.")
                                            .arg(m_userProxy->rowCount())
                                            .arg(users)
                                            .arg(m_groupProxy->rowCount())
                                            .arg(groups));
}

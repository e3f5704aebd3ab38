#include "MigrationPreviewDialog.h"

#include "Search.h"
#include "ui_MigrationPreviewDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>

#include <array>

using Outcome = Planner::MatchPreview::Outcome;

MigrationPreviewDialog::MigrationPreviewDialog(const QString& connectorName,
                                               const QList<Planner::MatchPreview>& entries, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::MigrationPreviewDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Migration Preview for “%1”").arg(connectorName));
    QTableWidget* table = m_ui->previewTableWidget;
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSortingEnabled(false); // while filling
    table->setRowCount(int(entries.size()));
    std::array<int, 3> counts{};
    for (int row = 0; row < int(entries.size()); ++row) {
        const Planner::MatchPreview& entry = entries.at(row);
        ++counts.at(std::size_t(entry.outcome));
        // Why, for every row: a link or a new user has a reason too, not only a collision.
        QString why = entry.reason;
        if (why.isEmpty()) {
            why = entry.outcome == Outcome::Link ? tr("the same user name (or email) as the local user")
                                                 : tr("no local user has this user name");
        }
        const QStringList cells = {outcomeLabel(entry.outcome), entry.username, entry.email, entry.localUsername, why};
        for (int column = 0; column < int(cells.size()); ++column) {
            table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    table->setSortingEnabled(true);
    // A search as in the report: every word typed, in any column; Ctrl+F goes there.
    auto* searchRow = new QHBoxLayout;
    auto* searchLabel = new QLabel(tr("&Search:"), this);
    auto* search = new QLineEdit(this);
    search->setObjectName(QStringLiteral("searchLineEdit"));
    search->setPlaceholderText(tr("Names and emails (Ctrl+F)"));
    search->setClearButtonEnabled(true);
    searchLabel->setBuddy(search);
    searchRow->addStretch();
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(search);
    m_ui->migrationLayout->insertLayout(1, searchRow);
    Search::addFindShortcut(this, search);
    connect(search, &QLineEdit::textChanged, this, [table](const QString& text) {
        const QStringList words = Search::words(text);
        for (int row = 0; row < table->rowCount(); ++row) {
            const bool shown = Search::matchesAll(words, [table, row](const QString& word) {
                for (int column = 0; column < table->columnCount(); ++column) {
                    if (table->item(row, column)->text().contains(word, Qt::CaseInsensitive)) {
                        return true;
                    }
                }
                return false;
            });
            table->setRowHidden(row, !shown);
        }
    });
    table->sortByColumn(0, Qt::AscendingOrder);
    table->resizeColumnsToContents();
    const int link = counts[std::size_t(Outcome::Link)];
    const int create = counts[std::size_t(Outcome::Create)];
    const int collisions = counts[std::size_t(Outcome::Collision)];
    if (entries.isEmpty()) {
        m_ui->summaryLabel->setText(
            tr("Nothing left to migrate: every user “%1” reads from Keycloak is linked already, and each sync keeps "
               "them in step.")
                .arg(connectorName));
        return;
    }
    QString summary = tr("A first sync would link %L1 existing users (keeping their ids and history) and create %L2.")
                          .arg(link)
                          .arg(create);
    summary += u' '
        + (collisions == 0 ? tr("No collisions: a first sync can run.")
                           : tr("%L1 collide with users of the directory and need a decision first: see the rows "
                                "marked Collision.")
                                 .arg(collisions));
    m_ui->summaryLabel->setText(summary);
}

MigrationPreviewDialog::~MigrationPreviewDialog() = default;

QString MigrationPreviewDialog::outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Link:
        return tr("Link");
    case Outcome::Create:
        return tr("Create");
    case Outcome::Collision:
        return tr("Collision");
    }
    return {};
}

#pragma once

#include "ChangeSummary.h"
#include "sync/ChangeSet.h"

#include <QAbstractTableModel>
#include <QCollatorSortKey>

#include <map>
#include <memory>
#include <optional>
#include <vector>

// The changes of a plan or of a recorded run, one row each: users and groups, then memberships,
// as ChangeSet orders them. Membership rows are spelled out only when shown, so a first sync's
// half a million of them cost no more than the plan itself.
class ChangeTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ObjectColumn,
        ActionColumn,
        NameColumn,
        DisplayNameColumn, // a user's display name, a group's source path
        EmailColumn,
        ReasonColumn,
        ChangesColumn,
        ColumnCount
    };
    enum Role {
        ActionRole = Qt::UserRole + 1, // Change::Action as int
        ObjectRole, // Change::Object as int
    };

    explicit ChangeTableModel(QObject* parent = nullptr);
    ~ChangeTableModel() override;

    // Planned (a simulation: "To add") or done (an applied run: "Added").
    void setChangeSet(std::shared_ptr<const ChangeSet> changes,
                      ChangeSummary::Tense tense = ChangeSummary::Tense::Done);
    ChangeSummary::Tense tense() const { return m_tense; }
    std::shared_ptr<const ChangeSet> changeSet() const { return m_changes; }
    // The whole change of a row, for the detail pane.
    Change change(int row) const;

    // Whether row `a` sorts before row `b` in `column`, through keys made once per row and
    // column (sorting 100,000 rows asks this two million times).
    bool lessThan(int a, int b, int column) const;
    // The text a search matches: name, display name or path, email, reason and changed fields;
    // every word of `text`, in any of them.
    bool matches(int row, const QStringList& words) const;

    static QString objectLabel(Change::Object object);
    QString actionLabel(Change::Action action) const { return ChangeSummary::actionLabel(action, m_tense); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void releaseInBackground();
    const QString& changesText(int row) const; // built once per row, when first needed
    const QString& shownChanges(int row) const; // what the column shows: empty for an add or delete
    // A column's collation key for every row (the user's locale, case ignored, numbers by
    // value), built on the first sort by that column.
    const std::vector<QCollatorSortKey>& sortKeys(int column) const;
    int actionRank(Change::Action action) const;
    Change::Object objectOf(int row) const;
    Change::Action actionOf(int row) const;

    std::shared_ptr<const ChangeSet> m_changes;
    ChangeSummary::Tense m_tense = ChangeSummary::Tense::Done;
    mutable std::vector<std::optional<QString>> m_changesText;
    mutable std::map<int, std::vector<QCollatorSortKey>> m_sortKeys;
    mutable std::vector<int> m_actionRank;
};

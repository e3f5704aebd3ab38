#pragma once

#include "sync/ChangeSet.h"

#include <QSortFilterProxyModel>

#include <optional>

class ChangeTableModel;

// Filters a ChangeTableModel by action and by a search text, and sorts it on any column
// through the model's own comparison.
class ChangeFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ChangeFilterModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;
    // Only rows with this action (and object, when given); nullopt shows every action.
    void setActionFilter(std::optional<Change::Action> action, std::optional<Change::Object> object = std::nullopt);
    void setSearchText(const QString& text);
    // Whether an action, object or search filter hides some rows.
    bool isFiltering() const { return m_action || m_object || !m_search.isEmpty(); }
    std::optional<Change::Action> actionFilter() const { return m_action; }
    std::optional<Change::Object> objectFilter() const { return m_object; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    const ChangeTableModel* m_model = nullptr;
    std::optional<Change::Action> m_action;
    std::optional<Change::Object> m_object;
    QStringList m_search; // every word must match
};

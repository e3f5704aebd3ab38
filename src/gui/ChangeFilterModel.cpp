#include "ChangeFilterModel.h"

#include "ChangeTableModel.h"
#include "Search.h"

using Action = Change::Action;
using Object = Change::Object;

ChangeFilterModel::ChangeFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{ }

void ChangeFilterModel::setSourceModel(QAbstractItemModel* model)
{
    m_model = qobject_cast<ChangeTableModel*>(model);
    Q_ASSERT(m_model || !model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ChangeFilterModel::setActionFilter(std::optional<Action> action, std::optional<Object> object)
{
    if (action == m_action && object == m_object) {
        return; // filtering half a million rows again for nothing takes a while
    }
    m_action = action;
    m_object = object;
    invalidateFilter();
}

void ChangeFilterModel::setSearchText(const QString& text)
{
    const QStringList words = Search::words(text);
    if (words == m_search) {
        return;
    }
    m_search = words;
    invalidateFilter();
}

bool ChangeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_model || sourceParent.isValid()) {
        return false;
    }
    const QModelIndex index = m_model->index(sourceRow, 0);
    if (m_action && index.data(ChangeTableModel::ActionRole).toInt() != int(*m_action)) {
        return false;
    }
    if (m_object && index.data(ChangeTableModel::ObjectRole).toInt() != int(*m_object)) {
        return false;
    }
    return m_model->matches(sourceRow, m_search);
}

bool ChangeFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    return m_model ? m_model->lessThan(left.row(), right.row(), left.column())
                   : QSortFilterProxyModel::lessThan(left, right);
}

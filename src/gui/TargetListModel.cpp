#include "TargetListModel.h"

#include "ChangeSummary.h"

void TargetListModel::setTargets(QList<TargetConfig> targets, QHash<QString, TargetStore::TestRecord> tests)
{
    beginResetModel();
    m_targets = std::move(targets);
    m_tests = std::move(tests);
    endResetModel();
}

const TargetConfig* TargetListModel::targetAt(int row) const
{
    return row >= 0 && row < m_targets.size() ? &m_targets.at(row) : nullptr;
}

int TargetListModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_targets.size(); ++row) {
        if (m_targets.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

int TargetListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int TargetListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetListModel::data(const QModelIndex& index, int role) const
{
    const TargetConfig* target = index.isValid() ? targetAt(index.row()) : nullptr;
    if (!target || (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)) {
        return {};
    }
    const auto test = m_tests.constFind(target->id);
    switch (Column(index.column())) {
    case NameColumn:
        return role == Qt::ToolTipRole ? target->url : target->name;
    case ProductColumn:
        return tr("%1 Data Center").arg(target->productName());
    case UrlColumn:
        return target->url;
    case TestColumn:
        if (test == m_tests.cend()) {
            return role == SortRole ? QVariant(qint64(0)) : QVariant(tr("not tested yet"));
        }
        if (role == SortRole) {
            return test->testedAt;
        }
        if (role == Qt::ToolTipRole && !test->ok) {
            return test->message;
        }
        return test->ok ? tr("%1, connection works").arg(ChangeSummary::dateTime(test->testedAt))
                        : tr("%1, failed").arg(ChangeSummary::dateTime(test->testedAt));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TargetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case ProductColumn:
        return tr("Application");
    case UrlColumn:
        return tr("URL");
    case TestColumn:
        return tr("Last connection test");
    case ColumnCount:
        break;
    }
    return {};
}

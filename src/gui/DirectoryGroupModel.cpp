#include "DirectoryGroupModel.h"

#include "DirectoryUserModel.h"

DirectoryGroupModel::DirectoryGroupModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void DirectoryGroupModel::setState(std::shared_ptr<const DirectoryState> state, QMap<QString, QString> connectorNames)
{
    beginResetModel();
    m_state = std::move(state);
    m_connectorNames = std::move(connectorNames);
    m_memberCounts.fill(0, m_state ? m_state->groups.size() : 0);
    if (m_state) {
        for (const LocalMembership& membership : m_state->memberships) {
            ++m_memberCounts[membership.group];
        }
    }
    endResetModel();
}

int DirectoryGroupModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_state ? 0 : int(m_state->groups.size());
}

int DirectoryGroupModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DirectoryGroupModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::TextAlignmentRole && index.column() == MembersColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter); // numbers line up
    }
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || (role != Qt::DisplayRole && role != SortRole)) {
        return {};
    }
    const LocalGroup& group = m_state->groups.at(index.row());
    switch (Column(index.column())) {
    case NameColumn:
        return group.name;
    case PathColumn:
        return group.path;
    case MembersColumn:
        return m_memberCounts.at(index.row());
    case SourceColumn:
        return DirectoryUserModel::sourceText(group.originConnector, m_connectorNames);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DirectoryGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case PathColumn:
        return tr("Path");
    case MembersColumn:
        return tr("Members");
    case SourceColumn:
        return tr("Source");
    case ColumnCount:
        break;
    }
    return {};
}

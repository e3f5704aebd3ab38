#include "DirectoryUserModel.h"

DirectoryUserModel::DirectoryUserModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void DirectoryUserModel::setState(std::shared_ptr<const DirectoryState> state, QMap<QString, QString> connectorNames)
{
    beginResetModel();
    m_state = std::move(state);
    m_connectorNames = std::move(connectorNames);
    const qsizetype users = m_state ? m_state->users.size() : 0;
    m_offsets.fill(0, users + 1);
    m_groups.clear();
    if (m_state) {
        // Counting sort of the memberships by user: two arrays however many users there are.
        for (const LocalMembership& membership : m_state->memberships) {
            ++m_offsets[membership.user + 1];
        }
        for (qsizetype i = 1; i <= users; ++i) {
            m_offsets[i] += m_offsets[i - 1];
        }
        m_groups.resize(m_state->memberships.size());
        QList<qint32> next(m_offsets.cbegin(), m_offsets.cend() - 1);
        for (const LocalMembership& membership : m_state->memberships) {
            m_groups[next[membership.user]++] = membership.group;
        }
    }
    endResetModel();
}

int DirectoryUserModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_state ? 0 : int(m_state->users.size());
}

int DirectoryUserModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DirectoryUserModel::sourceText(const QString& connectorId, const QMap<QString, QString>& connectorNames)
{
    if (connectorId.isEmpty()) {
        return tr("Added by hand");
    }
    return connectorNames.value(connectorId, tr("A removed connector"));
}

bool DirectoryUserModel::isMember(int row, qint32 group) const
{
    for (qsizetype i = m_offsets.at(row); i < m_offsets.at(row + 1); ++i) {
        if (m_groups.at(i) == group) {
            return true;
        }
    }
    return false;
}

QString DirectoryUserModel::groupsText(int row) const
{
    QStringList names;
    for (qsizetype i = m_offsets.at(row); i < m_offsets.at(row + 1); ++i) {
        names << m_state->groups.at(m_groups.at(i)).name;
    }
    names.sort(Qt::CaseInsensitive);
    return names.join(QStringLiteral(", "));
}

QVariant DirectoryUserModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const LocalUser& user = m_state->users.at(index.row());
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (Column(index.column())) {
        case UsernameColumn:
            return user.username;
        case DisplayNameColumn:
            return user.displayName;
        case EmailColumn:
            return user.email;
        case StatusColumn:
            return user.active ? tr("Active") : tr("Disabled");
        case GroupsColumn:
            if (role == SortRole) {
                return m_offsets.at(index.row() + 1) - m_offsets.at(index.row());
            }
            return groupsText(index.row());
        case SourceColumn:
            return sourceText(user.originConnector, m_connectorNames);
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == GroupsColumn) {
        return groupsText(index.row());
    }
    return {};
}

QVariant DirectoryUserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case UsernameColumn:
        return tr("Username");
    case DisplayNameColumn:
        return tr("Display name");
    case EmailColumn:
        return tr("Email");
    case StatusColumn:
        return tr("Status");
    case GroupsColumn:
        return tr("Groups");
    case SourceColumn:
        return tr("Source");
    case ColumnCount:
        break;
    }
    return {};
}

#pragma once

#include "directory/DirectoryState.h"

#include <QAbstractTableModel>
#include <QMap>

#include <memory>

// The directory's users as the last load saw them: who they are, whether they may sign in,
// their groups and which connector made them.
class DirectoryUserModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        UsernameColumn,
        DisplayNameColumn,
        EmailColumn,
        StatusColumn,
        GroupsColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit DirectoryUserModel(QObject* parent = nullptr);

    void setState(std::shared_ptr<const DirectoryState> state, QMap<QString, QString> connectorNames);
    // Whether the user of `row` is a member of the group at `group` in the state's groups.
    bool isMember(int row, qint32 group) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Keycloak (Corporate SSO)"-style source of a row made by `connectorId`.
    static QString sourceText(const QString& connectorId, const QMap<QString, QString>& connectorNames);

private:
    QString groupsText(int row) const;

    std::shared_ptr<const DirectoryState> m_state;
    QMap<QString, QString> m_connectorNames;
    // Each user's groups, without a list per user: user i's are m_groups[m_offsets[i]..m_offsets[i+1]).
    QList<qint32> m_offsets;
    QList<qint32> m_groups;
};

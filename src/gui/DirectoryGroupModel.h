#pragma once

#include "directory/DirectoryState.h"

#include <QAbstractTableModel>
#include <QMap>

#include <memory>

// The directory's groups as the last load saw them, with how many members each has.
class DirectoryGroupModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, PathColumn, MembersColumn, SourceColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit DirectoryGroupModel(QObject* parent = nullptr);

    void setState(std::shared_ptr<const DirectoryState> state, QMap<QString, QString> connectorNames);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const DirectoryState> m_state;
    QMap<QString, QString> m_connectorNames;
    QList<qint32> m_memberCounts;
};

#pragma once

#include "targets/TargetConfig.h"
#include "targets/TargetStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The applications connectors synchronize into, one row each, with how their last connection
// test went.
class TargetListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ProductColumn, UrlColumn, TestColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setTargets(QList<TargetConfig> targets, QHash<QString, TargetStore::TestRecord> tests);
    const TargetConfig* targetAt(int row) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TargetConfig> m_targets;
    QHash<QString, TargetStore::TestRecord> m_tests;
};

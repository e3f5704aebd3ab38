#pragma once

#include "config/ConnectorConfig.h"
#include "directory/DirectoryStore.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>

#include <optional>

// The directory's connectors with the last run of each, for the main window's list.
class ConnectorListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, UrlColumn, RealmColumn, LastRunColumn, NextRunColumn, ColumnCount };

    explicit ConnectorListModel(QObject* parent = nullptr);

    // Reads the connectors and their last runs (a few small queries), and works out when each
    // runs next; false with `error` set.
    bool reload(QSqlDatabase db, QString* error);
    void clear();
    ConnectorConfig connector(int row) const { return m_rows.at(row).connector; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        ConnectorConfig connector;
        std::optional<RunRecord> lastRun;
        QDateTime nextRun; // invalid: not scheduled
    };
    QString lastRunText(const Row& row) const;
    QString nextRunText(const Row& row) const;

    QList<Row> m_rows;
};

#pragma once

#include "config/ConnectorConfig.h"
#include "config/ConnectorStore.h"
#include "directory/DirectoryStore.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

// The directory's connectors for the main window's list: how each stands (its last test, its
// secret, its last sync), its last applied sync apart from its last simulation, and its next
// scheduled run.
class ConnectorListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StatusColumn,
        UrlColumn,
        RealmColumn,
        TargetColumn, // where it synchronizes into
        LastSyncColumn,
        LastSimulationColumn,
        NextRunColumn,
        ColumnCount
    };
    enum class Status { SecretMissing, TestFailed, NotTested, SyncFailed, SyncedWithWarnings, Synced, TestPassed };
    static constexpr int StatusRole = Qt::UserRole + 1; // Status as int

    explicit ConnectorListModel(QObject* parent = nullptr);

    // Reads the connectors, their last runs and tests (a few small queries), and works out when
    // each runs next; false with `error` set.
    bool reload(QSqlDatabase db, QString* error);
    void clear();
    ConnectorConfig connector(int row) const { return m_rows.at(row).connector; }
    Status status(int row) const;
    // What the keychain said of a connector's secret (looked up by the window, not here).
    void setSecretMissing(const QString& connectorId, bool missing);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        ConnectorConfig connector;
        std::optional<RunRecord> lastSync; // full sync or rollback, for the Last sync column
        std::optional<RunRecord> lastFull; // full sync, for the status
        std::optional<RunRecord> lastSimulation;
        std::optional<ConnectorStore::TestRecord> lastTest;
        QDateTime nextRun; // invalid: not scheduled
        QString targetName; // empty: the directory itself
    };
    static QString runText(const std::optional<RunRecord>& run, const QString& never);
    QString statusText(Status status) const;
    QString statusToolTip(const Row& row, Status status) const;
    QString nextRunText(const Row& row) const;

    QList<Row> m_rows;
    QSet<QString> m_secretMissing;
};

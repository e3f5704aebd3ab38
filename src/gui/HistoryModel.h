#pragma once

#include "ChangeSummary.h"
#include "directory/DirectoryStore.h"

#include <QAbstractTableModel>

// The runs of the directory's history, newest first: when, which connector, what kind, who
// started it, how long it took, how it ended and what it changed.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StartedColumn,
        ConnectorColumn,
        ModeColumn,
        TriggerColumn,
        DurationColumn,
        ResultColumn,
        ChangesColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        ModeRole, // the run's stored mode: "full", "simulate", "rollback", "rollback-simulate"
    };

    explicit HistoryModel(QObject* parent = nullptr);

    void setRuns(QList<RunRecord> runs);
    const RunRecord& run(int row) const { return m_runs.at(row); }

    // "612 users added, 2 groups skipped, …" from a run's counts.
    // "Users added: 3, Groups skipped: 2" ("Users to add: 3" for a run that applied nothing).
    static QString countsText(const QJsonObject& counts, ChangeSummary::Tense tense);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunRecord> m_runs;
};

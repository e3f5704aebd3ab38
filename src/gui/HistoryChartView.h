#pragma once

#include "directory/DirectoryStore.h"

#include <QChartView>
#include <QList>
#include <QPointF>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QValueAxis;

// Changes applied per run, a group of bars each (what full syncs and rollbacks added, changed
// and removed; users, groups and memberships together), the runs side by side in order rather
// than on a clock axis, where runs a minute apart became one spike. Hovering a bar names its run.
// Simulations changed nothing, so they are left out.
class HistoryChartView final : public QChartView
{
    Q_OBJECT

public:
    enum Series { Added, Changed, Removed, SeriesCount };
    static constexpr int shownRuns = 30; // the latest ones: more bars than that cannot be told apart

    explicit HistoryChartView(QWidget* parent = nullptr);

    void setRuns(const QList<RunRecord>& runs);
    // One point per run shown, oldest first (x: the run's start in msecs since the epoch), for tests.
    QList<QPointF> points(Series series) const;
    // What hovering the bar of `series` for the run at `index` (oldest first) shows.
    QString toolTip(Series series, int index) const;

    // The changes of `counts` (ChangeSet::countsJson) that count towards `series`.
    static int total(const QJsonObject& counts, Series series);

private:
    QList<QBarSet*> m_sets;
    QBarSeries* m_bars;
    QBarCategoryAxis* m_runAxis;
    QValueAxis* m_countAxis;
    QList<RunRecord> m_runs; // shown, oldest first
};

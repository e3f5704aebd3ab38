#pragma once

#include "directory/DirectoryStore.h"

#include <QChartView>
#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

// Changes applied per run over time: what full syncs and rollbacks added, changed and removed
// (users, groups and memberships together). Simulations changed nothing, so they are left out.
class HistoryChartView final : public QChartView
{
    Q_OBJECT

public:
    enum Series { Added, Changed, Removed, SeriesCount };

    explicit HistoryChartView(QWidget* parent = nullptr);

    void setRuns(const QList<RunRecord>& runs);
    // The points of one series (x: msecs since the epoch), for tests.
    QList<QPointF> points(Series series) const;

    // The changes of `counts` (ChangeSet::countsJson) that count towards `series`.
    static int total(const QJsonObject& counts, Series series);

private:
    QList<QLineSeries*> m_series;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_countAxis;
};

#include "HistoryChartView.h"

#include "sync/ChangeSet.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace {

using Action = Change::Action;

// Which of ChangeSet's actions make up each series; counts are keyed by Change::actionName().
const std::array<QList<Action>, HistoryChartView::SeriesCount> seriesActions = {
    QList<Action>{Action::Add},
    QList<Action>{Action::Modify, Action::Link, Action::Reactivate},
    QList<Action>{Action::Disable, Action::Delete, Action::Anonymize, Action::Remove},
};

} // namespace

HistoryChartView::HistoryChartView(QWidget* parent)
    : QChartView(parent)
    , m_timeAxis(new QDateTimeAxis)
    , m_countAxis(new QValueAxis)
{
    auto* chart = new QChart; // owned by the view
    chart->setTitle(tr("Changes applied per run"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_countAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_countAxis->setMin(0);
    const std::array<QString, SeriesCount> names = {tr("Added"), tr("Changed"), tr("Disabled or removed")};
    for (const QString& name : names) {
        auto* series = new QLineSeries;
        series->setName(name);
        series->setPointsVisible(true);
        chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_countAxis);
        m_series << series;
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Changes applied per run"));
    setMinimumHeight(180);
}

int HistoryChartView::total(const QJsonObject& counts, Series series)
{
    int sum = 0;
    for (const QJsonValue& perAction : counts) {
        for (const Action action : seriesActions.at(series)) {
            sum += perAction.toObject().value(Change::actionName(action)).toInt();
        }
    }
    return sum;
}

void HistoryChartView::setRuns(const QList<RunRecord>& runs)
{
    std::array<QList<QPointF>, SeriesCount> points;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    int highest = 0;
    for (const RunRecord& run : runs) {
        const bool applied = run.mode == QLatin1String("full") || run.mode == QLatin1String("rollback");
        if (!applied || run.status != QLatin1String("succeeded")) {
            continue;
        }
        first = std::min(first, run.startedAt);
        last = std::max(last, run.startedAt);
        for (int series = 0; series < SeriesCount; ++series) {
            const int count = total(run.counts, Series(series));
            highest = std::max(highest, count);
            points.at(series).append(QPointF(qreal(run.startedAt), count));
        }
    }
    for (int series = 0; series < SeriesCount; ++series) {
        auto& sorted = points.at(series);
        std::sort(sorted.begin(), sorted.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
        m_series.at(series)->replace(sorted);
    }
    if (first > last) { // nothing applied yet: an empty day
        last = QDateTime::currentMSecsSinceEpoch();
        first = last - 24 * 3600 * 1000;
    }
    // A margin either side, so that a single run is not drawn on the frame.
    const qint64 margin = std::max<qint64>((last - first) / 20, 3600 * 1000);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first - margin), QDateTime::fromMSecsSinceEpoch(last + margin));
    m_timeAxis->setFormat(last - first > 2 * 24 * 3600 * 1000 ? QStringLiteral("d MMM")
                                                              : QStringLiteral("d MMM HH:mm"));
    m_countAxis->setRange(0, std::max(highest, 4) * 1.1);
    m_countAxis->applyNiceNumbers(); // round steps: 0, 500, 1000, not 0, 348.7, …
}

QList<QPointF> HistoryChartView::points(Series series) const
{
    return m_series.at(series)->points();
}

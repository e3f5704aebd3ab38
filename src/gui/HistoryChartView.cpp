#include "HistoryChartView.h"

#include "ChangeSummary.h"
#include "sync/ChangeSet.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QToolTip>
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
    , m_bars(new QBarSeries)
    , m_runAxis(new QBarCategoryAxis)
    , m_countAxis(new QValueAxis)
{
    auto* chart = new QChart; // owned by the view
    chart->setTitle(tr("Changes applied per run"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->addAxis(m_runAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_countAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_countAxis->setMin(0);
    const std::array<QString, SeriesCount> names = {tr("Added"), tr("Changed"), tr("Disabled or removed")};
    for (const QString& name : names) {
        auto* set = new QBarSet(name);
        m_bars->append(set);
        m_sets << set;
    }
    chart->addSeries(m_bars);
    m_bars->attachAxis(m_runAxis);
    m_bars->attachAxis(m_countAxis);
    connect(m_bars, &QBarSeries::hovered, this, [this](bool entered, int index, QBarSet* set) {
        if (!entered) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), toolTip(Series(m_sets.indexOf(set)), index), this);
    });
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
    m_runs.clear();
    for (const RunRecord& run : runs) {
        const bool applied = run.mode == QLatin1String("full") || run.mode == QLatin1String("rollback");
        if (applied && run.status == QLatin1String("succeeded")) {
            m_runs.append(run);
        }
    }
    std::sort(m_runs.begin(), m_runs.end(),
              [](const RunRecord& a, const RunRecord& b) { return a.startedAt < b.startedAt; });
    if (m_runs.size() > shownRuns) {
        m_runs.remove(0, m_runs.size() - shownRuns);
    }
    // One category a run, named by its time (categories must differ: runs in the same minute
    // are numbered).
    QStringList categories;
    for (const RunRecord& run : std::as_const(m_runs)) {
        QString label = ChangeSummary::dateTime(run.startedAt);
        for (int n = 2; categories.contains(label); ++n) {
            label = tr("%1 (%2)").arg(ChangeSummary::dateTime(run.startedAt)).arg(n);
        }
        categories << label;
    }
    m_runAxis->setCategories(categories);
    int highest = 0;
    for (int series = 0; series < SeriesCount; ++series) {
        QList<qreal> values;
        for (const RunRecord& run : std::as_const(m_runs)) {
            const int count = total(run.counts, Series(series));
            highest = std::max(highest, count);
            values << count;
        }
        QBarSet* set = m_sets.at(series);
        set->remove(0, set->count());
        set->append(values);
    }
    m_countAxis->setRange(0, std::max(highest, 4) * 1.1);
    m_countAxis->applyNiceNumbers(); // round steps: 0, 500, 1000, not 0, 348.7, …
}

QList<QPointF> HistoryChartView::points(Series series) const
{
    QList<QPointF> points;
    for (int i = 0; i < int(m_runs.size()); ++i) {
        points.append(QPointF(qreal(m_runs.at(i).startedAt), m_sets.at(series)->at(i)));
    }
    return points;
}

QString HistoryChartView::toolTip(Series series, int index) const
{
    if (index < 0 || index >= m_runs.size() || series < 0 || series >= SeriesCount) {
        return {};
    }
    const RunRecord& run = m_runs.at(index);
    return tr("%1\n%2: %L3")
        .arg(ChangeSummary::runLine(run), m_sets.at(series)->label())
        .arg(total(run.counts, series));
}

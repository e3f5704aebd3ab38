// Report table benchmark: how long the simulated-sync report's table takes to sort on each
// column, for the plan of a generated realm (USERS users, GROUPS groups, MEMBERSHIPS_PER_USER
// memberships each) against an empty directory. Every change is a row. Each column is sorted
// ascending (the first sort of a column builds its keys) and then descending.
// Also times opening the report window with that plan, as the window does after a simulation.
// Prints the figures as JSON and writes them to the file given as the last argument.
//
//   bench_report USERS GROUPS MEMBERSHIPS_PER_USER OUTPUT.json

#include "ChangeFilterModel.h"
#include "ChangeTableModel.h"
#include "GeneratedRealm.h"
#include "ReportView.h"
#include "sync/Planner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv); // offscreen: the report window is opened, never seen
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: bench_report USERS GROUPS MEMBERSHIPS_PER_USER OUTPUT.json\n";
        return 2;
    }
    const DirectorySnapshot snapshot = generatedRealm(args[1].toInt(), args[2].toInt(), args[3].toInt());
    auto plan = std::make_shared<const ChangeSet>(
        Planner::plan(snapshot, DirectoryState{}, u"bench"_s, SyncOptions{}, &Planner::newLocalId));
    // Opening the report as the window does after a simulation, up to its first paint: all of it
    // on the main thread.
    QElapsedTimer opening;
    opening.start();
    ReportView* report = ReportView::showInWindow(nullptr, u"bench"_s, RunRecord{}, plan);
    const qint64 constructMs = opening.restart();
    QEventLoop filled;
    QObject::connect(report, &ReportView::tableFilled, &filled, &QEventLoop::quit);
    filled.exec(); // a large plan reaches the table on the next pass of the event loop
    const qint64 fillMs = opening.restart();
    report->window()->repaint();
    const qint64 paintMs = opening.elapsed();
    report->window()->close();
    QCoreApplication::processEvents();

    ChangeTableModel model;
    model.setChangeSet(plan);
    ChangeFilterModel filter;
    filter.setSourceModel(&model);

    QJsonArray columns;
    QElapsedTimer timer;
    for (int column = 0; column < ChangeTableModel::ColumnCount; ++column) {
        timer.start();
        filter.sort(column, Qt::AscendingOrder);
        const qint64 first = timer.restart();
        filter.sort(column, Qt::DescendingOrder);
        const qint64 again = timer.elapsed();
        columns.append(QJsonObject{{u"column"_s, model.headerData(column, Qt::Horizontal).toString()},
                                   {u"firstSortMs"_s, first},
                                   {u"sortAgainMs"_s, again}});
    }
    timer.start();
    filter.setActionFilter(Change::Action::Add, Change::Object::User);
    const qint64 filterMs = timer.elapsed();
    const QJsonObject figures{{u"rows"_s, model.rowCount()},
                              {u"openReportWindowMs"_s, constructMs},
                              {u"fillReportTableMs"_s, fillMs},
                              {u"firstPaintMs"_s, paintMs},
                              {u"columns"_s, columns},
                              {u"filterToAddedUsersMs"_s, filterMs},
                              {u"rowsAfterFilter"_s, filter.rowCount()}};
    const QByteArray json = QJsonDocument(figures).toJson(QJsonDocument::Indented);
    QFile out(args[4]);
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()) {
        return 1;
    }
    QTextStream(stdout) << json;
    return 0;
}

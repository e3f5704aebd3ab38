// Report table benchmark: how long the simulated-sync report's table takes to sort on each
// column, for the plan of a generated realm (USERS users, GROUPS groups, MEMBERSHIPS_PER_USER
// memberships each) against an empty directory. Every change is a row. Each column is sorted
// ascending (the first sort of a column builds its keys) and then descending.
// Prints the figures as JSON and writes them to the file given as the last argument.
//
//   bench_report USERS GROUPS MEMBERSHIPS_PER_USER OUTPUT.json

#include "ChangeFilterModel.h"
#include "ChangeTableModel.h"
#include "GeneratedRealm.h"
#include "sync/Planner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv); // the models need no window
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: bench_report USERS GROUPS MEMBERSHIPS_PER_USER OUTPUT.json\n";
        return 2;
    }
    const DirectorySnapshot snapshot = generatedRealm(args[1].toInt(), args[2].toInt(), args[3].toInt());
    auto plan = std::make_shared<const ChangeSet>(
        Planner::plan(snapshot, DirectoryState{}, u"bench"_s, SyncOptions{}, &Planner::newLocalId));
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

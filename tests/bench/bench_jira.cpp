// Jira benchmark, the measuring part (tests/bench/jira-bench.sh runs it against the Jira
// emulator directly, without Prism):
//
//   bench_jira read URL           reads all of Jira as a sync does (users, groups, members)
//   bench_jira apply URL USERS GROUPS MEMBERSHIPS_PER_USER
//                                 plans a generated realm against that Jira and applies it
//
// The token comes from USERSYNC_BENCH_JIRA_TOKEN. Prints one JSON object: the phase's time in
// ms, the counts, and the process's peak resident memory in KiB.

#include "GeneratedRealm.h"
#include "PeakMemory.h"
#include "directory/DatabaseConnection.h"
#include "directory/Schema.h"
#include "sync/Planner.h"
#include "targets/jira/JiraTarget.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

std::optional<DirectoryState> readAll(JiraTarget& target, QString* error)
{
    std::optional<DirectoryState> read;
    bool done = false;
    target.read([&](std::optional<DirectoryState> state, std::optional<ConnectorError> failure) {
        read = std::move(state);
        if (failure) {
            *error = failure->message;
        }
        done = true;
    });
    while (!done) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return read;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString mode = arguments.value(1);
    if ((mode != u"read"_s || arguments.size() != 3) && (mode != u"apply"_s || arguments.size() != 6)) {
        err << "usage: bench_jira read URL | bench_jira apply URL USERS GROUPS MEMBERSHIPS_PER_USER\n";
        return 2;
    }
    QTemporaryDir folder;
    QString error;
    auto connection =
        DatabaseConnection::open(DirectoryLocation::sqlite(folder.filePath(u"bench.sqlite"_s)), {}, &error);
    QSqlDatabase db = connection ? connection->database() : QSqlDatabase();
    if (!connection || !Schema::migrate(db, &error)) {
        err << error << '\n';
        return 1;
    }
    TargetConfig config;
    config.id = u"bench-jira"_s;
    config.name = u"Jira"_s;
    config.url = arguments.at(2);
    JiraTarget target(config, qEnvironmentVariable("USERSYNC_BENCH_JIRA_TOKEN"), db);
    QJsonObject figures;
    QElapsedTimer timer;
    timer.start();
    const std::optional<DirectoryState> state = readAll(target, &error);
    if (!state) {
        err << "reading Jira failed: " << error << '\n';
        return 1;
    }
    figures.insert(u"readMs"_s, timer.elapsed());
    figures.insert(u"users"_s, state->users.size());
    figures.insert(u"groups"_s, state->groups.size());
    figures.insert(u"memberships"_s, state->memberships.size());
    if (mode == u"apply"_s) {
        const DirectorySnapshot snapshot =
            generatedRealm(arguments.at(3).toInt(), arguments.at(4).toInt(), arguments.at(5).toInt());
        timer.restart();
        auto plan = std::make_shared<ChangeSet>(
            Planner::plan(snapshot, *state, u"bench"_s, SyncOptions(), &Planner::newLocalId, target.capabilities()));
        target.prepare(*plan);
        figures.insert(u"planMs"_s, timer.elapsed());
        figures.insert(u"changes"_s, plan->size());
        RunRecord run;
        run.id = Planner::newLocalId();
        run.connectorId = u"bench"_s;
        run.connectorName = u"bench"_s;
        run.mode = u"full"_s;
        run.trigger = u"cli"_s;
        run.startedAt = QDateTime::currentMSecsSinceEpoch();
        run.targetId = config.id;
        bool done = false;
        timer.restart();
        target.apply(plan, run, [&](const TargetApplyResult& result) {
            figures.insert(u"applyMs"_s, timer.elapsed());
            figures.insert(u"done"_s, result.done);
            figures.insert(u"failed"_s, result.failed);
            figures.insert(u"status"_s, result.run.status);
            figures.insert(u"message"_s, result.message);
            done = true;
        });
        while (!done) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
    }
    figures.insert(u"peakKiB"_s, peakRssKiB());
    out << QJsonDocument(figures).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

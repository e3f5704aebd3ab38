// Plan and apply benchmark: a generated realm of USERS users, GROUPS groups and
// MEMBERSHIPS_PER_USER memberships each is planned against an empty directory, applied to
// SQLite (and to PostgreSQL when the test services run), then planned again (all unchanged).
// Each database is measured in a child process, whose peak memory is reported with it.
// Prints the figures as JSON and writes them to the file given as the last argument.
//
//   bench_sync USERS GROUPS MEMBERSHIPS_PER_USER OUTPUT.json

#include "GeneratedRealm.h"
#include "PeakMemory.h"
#include "TestEnvironment.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryStore.h"
#include "directory/Schema.h"
#include "sync/Planner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

// One database, as two syncs would meet it: the first against an empty directory (plan and
// apply), the second against the synced directory (load and plan again, nothing to change).
// Each plan is gone before the next sync starts, as in separate runs.
QJsonObject measure(const DirectoryLocation& location, const QString& password, const DirectorySnapshot& snapshot)
{
    QString error;
    auto connection = DatabaseConnection::open(location, password, &error);
    QSqlDatabase db = connection ? connection->database() : QSqlDatabase();
    if (!connection || !Schema::migrate(db, &error)) {
        return {{u"error"_s, error}};
    }
    TestEnvironment::emptyDirectory(db);
    DirectoryStore store(db);
    QJsonObject figures;
    {
        QElapsedTimer timer;
        timer.start();
        const DirectoryState empty = *store.load(&error);
        const ChangeSet plan = Planner::plan(snapshot, empty, u"bench"_s, SyncOptions{}, &Planner::newLocalId);
        const qint64 planMs = timer.elapsed();
        RunRecord run;
        run.id = Planner::newLocalId();
        run.connectorId = u"bench"_s;
        run.connectorName = u"bench"_s;
        run.mode = u"full"_s;
        run.trigger = u"cli"_s;
        run.status = u"succeeded"_s;
        timer.restart();
        if (!store.apply(plan, run, &error)) {
            return {{u"error"_s, error}};
        }
        const qint64 applyMs = timer.elapsed();
        const qint64 rows = plan.size();
        figures = {{u"rowChanges"_s, rows},
                   {u"planEmptyMs"_s, planMs},
                   {u"applyMs"_s, applyMs},
                   {u"rowChangesPerSecond"_s, applyMs > 0 ? rows * 1000 / applyMs : rows},
                   {u"firstSyncPeakRssKiB"_s, peakRssKiB()}};
    }
    QElapsedTimer timer;
    timer.start();
    const DirectoryState full = *store.load(&error);
    figures.insert(u"loadMs"_s, timer.restart());
    const ChangeSet again = Planner::plan(snapshot, full, u"bench"_s, SyncOptions{}, &Planner::newLocalId);
    figures.insert(u"replanUnchangedMs"_s, timer.elapsed());
    figures.insert(u"replanHasChanges"_s, again.hasChanges());
    figures.insert(u"peakRssKiB"_s, peakRssKiB());
    return figures;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    // Each database is measured in a process of its own, so that its peak memory is its own.
    if (args.size() == 6 && (args[5] == u"sqlite"_s || args[5] == u"postgresql"_s)) {
        const DirectorySnapshot snapshot = generatedRealm(args[1].toInt(), args[2].toInt(), args[3].toInt());
        QJsonObject figures;
        QTemporaryDir folder;
        if (args[5] == u"sqlite"_s) {
            figures = measure(DirectoryLocation::sqlite(folder.filePath(u"bench.sqlite"_s)), {}, snapshot);
        } else if (const auto postgres = TestEnvironment::postgres()) {
            figures = measure(postgres->location, postgres->password, snapshot);
        }
        QFile out(args[4]);
        const QByteArray json = QJsonDocument(figures).toJson(QJsonDocument::Compact);
        return out.open(QIODevice::WriteOnly) && out.write(json) == json.size() ? 0 : 1;
    }
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: bench_sync USERS GROUPS MEMBERSHIPS_PER_USER OUTPUT.json\n";
        return 2;
    }
    QJsonObject figures{{u"users"_s, args[1].toInt()}, {u"groups"_s, args[2].toInt()}};
    {
        const DirectorySnapshot snapshot = generatedRealm(args[1].toInt(), args[2].toInt(), args[3].toInt());
        figures.insert(u"memberships"_s, snapshot.memberships.size());
    }
    QStringList databases{u"sqlite"_s};
    if (TestEnvironment::postgres()) {
        databases << u"postgresql"_s;
    }
    QTemporaryDir folder;
    for (const QString& database : databases) {
        const QString part = folder.filePath(database + u".json"_s);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(app.applicationFilePath(), {args[1], args[2], args[3], part, database});
        QFile result(part);
        if (!child.waitForFinished(-1) || child.exitCode() != 0 || !result.open(QIODevice::ReadOnly)) {
            QTextStream(stderr) << "the " << database << " measurement failed\n";
            return 1;
        }
        figures.insert(database, QJsonDocument::fromJson(result.readAll()).object());
    }
    const QByteArray json = QJsonDocument(figures).toJson(QJsonDocument::Indented);
    QFile out(args[4]);
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()) {
        return 1;
    }
    QTextStream(stdout) << json;
    return 0;
}

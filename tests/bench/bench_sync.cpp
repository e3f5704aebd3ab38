// Plan and apply benchmark: a generated realm of USERS users, GROUPS groups and
// MEMBERSHIPS_PER_USER memberships each is planned against an empty directory, applied to
// SQLite (and to PostgreSQL when the test services run), then planned again (all unchanged).
// Prints the figures as JSON and writes them to the file given as the last argument.
//
//   bench_sync USERS GROUPS MEMBERSHIPS_PER_USER OUTPUT.json

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
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

DirectorySnapshot generate(int users, int groups, int perUser)
{
    QRandomGenerator random(20261128);
    DirectorySnapshot snapshot;
    snapshot.groups.reserve(groups);
    for (int i = 0; i < groups; ++i) {
        const qint32 parent = i % 10 == 0 ? -1 : qint32(random.bounded(i));
        const QString name = u"group-%1"_s.arg(i, 5, 10, QLatin1Char('0'));
        snapshot.groups.append(Group{u"g-%1"_s.arg(i), name,
                                     (parent < 0 ? QString() : snapshot.groups.at(parent).path) + u'/' + name,
                                     parent < 0 ? QString() : snapshot.groups.at(parent).id});
    }
    snapshot.users.reserve(users);
    for (int i = 0; i < users; ++i) {
        User user;
        user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        user.username = u"bench%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        user.email = user.username + u"@example.com"_s;
        user.firstName = u"Bench"_s;
        user.lastName = u"User %1"_s.arg(i);
        snapshot.users.append(std::move(user));
        QSet<qint32> chosen;
        while (chosen.size() < std::min(perUser, groups)) {
            chosen.insert(qint32(random.bounded(groups)));
        }
        for (const qint32 group : chosen) {
            snapshot.memberships.append(Membership{qint32(i), group});
        }
    }
    return snapshot;
}

qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:")) {
                return line.mid(6).trimmed().split(' ').first().toLongLong();
            }
        }
    }
    return -1;
}

QJsonObject measureApply(const DirectoryLocation& location, const QString& password, const DirectorySnapshot& snapshot)
{
    QString error;
    auto connection = DatabaseConnection::open(location, password, &error);
    QSqlDatabase db = connection ? connection->database() : QSqlDatabase();
    if (!connection || !Schema::migrate(db, &error)) {
        return {{u"error"_s, error}};
    }
    TestEnvironment::emptyDirectory(db);
    DirectoryStore store(db);
    QElapsedTimer timer;
    timer.start();
    const DirectoryState empty = *store.load(&error);
    const ChangeSet plan = Planner::plan(snapshot, empty, u"bench"_s, SyncOptions{}, &Planner::newLocalId);
    const qint64 planMs = timer.elapsed();
    RunRecord run;
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
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
    timer.restart();
    const DirectoryState full = *store.load(&error);
    const qint64 loadMs = timer.elapsed();
    timer.restart();
    const ChangeSet again = Planner::plan(snapshot, full, u"bench"_s, SyncOptions{}, [] { return QString(); });
    const qint64 replanMs = timer.elapsed();
    const qint64 rows = plan.size();
    return {{u"rowChanges"_s, rows},
            {u"planEmptyMs"_s, planMs},
            {u"applyMs"_s, applyMs},
            {u"rowChangesPerSecond"_s, applyMs > 0 ? rows * 1000 / applyMs : rows},
            {u"loadMs"_s, loadMs},
            {u"replanUnchangedMs"_s, replanMs},
            {u"replanHasChanges"_s, again.hasChanges()}};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: bench_sync USERS GROUPS MEMBERSHIPS_PER_USER OUTPUT.json\n";
        return 2;
    }
    const DirectorySnapshot snapshot = generate(args[1].toInt(), args[2].toInt(), args[3].toInt());
    QJsonObject figures{{u"users"_s, snapshot.users.size()},
                        {u"groups"_s, snapshot.groups.size()},
                        {u"memberships"_s, snapshot.memberships.size()}};
    QTemporaryDir folder;
    figures.insert(u"sqlite"_s,
                   measureApply(DirectoryLocation::sqlite(folder.filePath(u"bench.sqlite"_s)), {}, snapshot));
    if (const auto postgres = TestEnvironment::postgres()) {
        figures.insert(u"postgresql"_s, measureApply(postgres->location, postgres->password, snapshot));
    }
    figures.insert(u"peakRssKiB"_s, peakRssKiB());
    const QByteArray json = QJsonDocument(figures).toJson(QJsonDocument::Indented);
    QFile out(args[4]);
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()) {
        return 1;
    }
    QTextStream(stdout) << json;
    return 0;
}

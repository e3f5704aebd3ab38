// Benchmark of an application target, the measuring part (tests/bench/application-bench.sh runs
// it against a test services' emulator directly, without Prism):
//
//   bench_application TYPE read URL     reads all of the application as a sync does (users,
//                                       groups, members); TYPE is a target type (jira, confluence,
//                                       bitbucket, scim, ldap)
//   bench_application TYPE apply URL USERS GROUPS MEMBERSHIPS_PER_USER
//                                       plans a generated realm against it and applies it
//
// The token, or with USERSYNC_BENCH_USER set the password for Basic (LDAP: the bind DN's), comes
// from USERSYNC_BENCH_TOKEN; an LDAP directory's settings (LdapSettings' JSON: usersBase,
// groupsBase, …) from USERSYNC_BENCH_LDAP, a CA file from USERSYNC_BENCH_CA_FILE. Prints one JSON
// object: the phase's time in ms, the counts, and the process's peak resident memory in KiB.

#include "GeneratedRealm.h"
#include "PeakMemory.h"
#include "directory/DatabaseConnection.h"
#include "directory/Schema.h"
#include "sync/Planner.h"
#include "targets/TargetStore.h"
#include "targets/Targets.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

std::optional<DirectoryState> readAll(Target& target, QString* error)
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
    const QString type = arguments.value(1);
    const QString mode = arguments.value(2);
    if (!TargetConfig::types().contains(type)
        || ((mode != u"read"_s || arguments.size() != 4) && (mode != u"apply"_s || arguments.size() != 7))) {
        err << "usage: bench_application TYPE read URL | bench_application TYPE apply URL USERS GROUPS "
               "MEMBERSHIPS_PER_USER\n";
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
    config.name = TargetConfig::productName(type);
    config.type = type;
    config.url = arguments.at(3);
    if (const QString user = qEnvironmentVariable("USERSYNC_BENCH_USER"); !user.isEmpty()) {
        config.auth = TargetConfig::Auth::Basic;
        config.username = user;
    }
    config.http.caFile = qEnvironmentVariable("USERSYNC_BENCH_CA_FILE");
    if (type == TargetConfig::ldapType) {
        config.ldap = LdapSettings::fromJson(QJsonDocument::fromJson(qgetenv("USERSYNC_BENCH_LDAP")).object());
        config.accessGroups = TargetConfig::defaultAccessGroups(type);
    }
    ConnectorConfig connector;
    if (!TargetStore(db).add(config, &error)) {
        err << error << '\n';
        return 1;
    }
    connector.name = u"bench"_s;
    connector.targetId = config.id;
    const std::unique_ptr<Target> opened =
        Targets::open(connector, db, qEnvironmentVariable("USERSYNC_BENCH_TOKEN"), &error);
    if (!opened) {
        err << error << '\n';
        return 1;
    }
    Target& target = *opened;
    QJsonObject figures;
    QElapsedTimer timer;
    timer.start();
    const std::optional<DirectoryState> state = readAll(target, &error);
    if (!state) {
        err << "reading " << config.name << " failed: " << error << '\n';
        return 1;
    }
    figures.insert(u"readMs"_s, timer.elapsed());
    figures.insert(u"users"_s, state->users.size());
    figures.insert(u"groups"_s, state->groups.size());
    figures.insert(u"memberships"_s, state->memberships.size());
    if (mode == u"apply"_s) {
        const DirectorySnapshot snapshot =
            generatedRealm(arguments.at(4).toInt(), arguments.at(5).toInt(), arguments.at(6).toInt());
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

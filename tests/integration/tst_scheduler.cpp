#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryStore.h"
#include "directory/Schema.h"
#include "schedule/ScheduleService.h"
#include "schedule/Scheduler.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
}

ConnectorConfig scheduled(const QString& id, const QString& cron, bool runMissed = true)
{
    ConnectorConfig connector;
    connector.id = id;
    connector.name = id;
    connector.schedule.enabled = true;
    connector.schedule.cron = cron;
    connector.schedule.timeZone = u"UTC"_s;
    connector.schedule.runMissed = runMissed;
    return connector;
}

QStringList ids(const QList<ConnectorConfig>& connectors)
{
    QStringList result;
    for (const ConnectorConfig& connector : connectors) {
        result << connector.id;
    }
    return result;
}

} // namespace

// The scheduling rules with a clock of the test's own: no waiting for real time.
class TestScheduler final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ConnectorConfig>();
        qRegisterMetaType<SyncResult>();
    }

    void dueRunsComeAtTheirTime()
    {
        Scheduler scheduler;
        scheduler.setEntries({{scheduled(u"daily"_s, u"0 0 2 * * ?"_s), utc(20, 12)},
                              {scheduled(u"hourly"_s, u"0 0 * * * ?"_s), utc(20, 12)}});
        QCOMPARE(scheduler.nextRun(u"daily"_s), utc(21, 2));
        QCOMPARE(scheduler.nextWake(), utc(20, 13));
        QVERIFY(scheduler.takeDue(utc(20, 12, 59)).isEmpty());
        QCOMPARE(ids(scheduler.takeDue(utc(20, 13))), QStringList{u"hourly"_s});
        QVERIFY(scheduler.takeDue(utc(20, 13)).isEmpty()); // once per fire time
        QCOMPARE(scheduler.nextRun(u"hourly"_s), utc(20, 14));
        QCOMPARE(ids(scheduler.takeDue(utc(21, 2))), (QStringList{u"daily"_s, u"hourly"_s}));
        QCOMPARE(scheduler.nextRun(u"daily"_s), utc(22, 2));
        // Read again from the directory (every wake-up does) before the runs are recorded: what
        // was dealt with stays dealt with.
        scheduler.setEntries({{scheduled(u"daily"_s, u"0 0 2 * * ?"_s), utc(20, 12)},
                              {scheduled(u"hourly"_s, u"0 0 * * * ?"_s), utc(20, 12)}});
        QVERIFY(scheduler.takeDue(utc(21, 2, 1)).isEmpty());
        QCOMPARE(scheduler.nextRun(u"hourly"_s), utc(21, 3));
    }

    void missedRunsRunOnce()
    {
        // Off for three days: three 02:00 runs missed, one catch-up run.
        Scheduler scheduler;
        scheduler.setEntries({{scheduled(u"daily"_s, u"0 0 2 * * ?"_s), utc(20, 12)}});
        QCOMPARE(ids(scheduler.takeDue(utc(23, 9))), QStringList{u"daily"_s});
        QVERIFY(scheduler.takeDue(utc(23, 9, 1)).isEmpty());
        QCOMPARE(scheduler.nextRun(u"daily"_s), utc(24, 2));
    }

    void withoutCatchUpOnlyRecentRunsCount()
    {
        Scheduler scheduler;
        scheduler.setEntries({{scheduled(u"daily"_s, u"0 0 2 * * ?"_s, false), utc(20, 12)}});
        QVERIFY(scheduler.takeDue(utc(23, 9)).isEmpty()); // 02:00 was seven hours ago: let go
        QCOMPARE(scheduler.nextRun(u"daily"_s), utc(24, 2));
        // Ten minutes late is still on time (a machine waking up, a slow start).
        QCOMPARE(ids(scheduler.takeDue(utc(24, 2, 10))), QStringList{u"daily"_s});
    }

    void offOrInvalidSchedulesAreLeftOut()
    {
        ConnectorConfig off = scheduled(u"off"_s, u"0 0 2 * * ?"_s);
        off.schedule.enabled = false;
        Scheduler scheduler;
        scheduler.setEntries({{off, utc(1, 0)}, {scheduled(u"wrong"_s, u"0 61 * * * ?"_s), utc(1, 0)}});
        QVERIFY(scheduler.isEmpty());
        QVERIFY(!scheduler.nextWake().isValid());
        QVERIFY(scheduler.takeDue(utc(28, 0)).isEmpty());
    }

    // The service over a real directory, with a runner that holds each run until the test ends
    // it: a run that comes due while the previous one goes on is skipped and recorded as such.
    void overlappingRunsAreSkippedAndRecorded()
    {
        QTemporaryDir folder;
        const DirectoryLocation location = DirectoryLocation::sqlite(folder.filePath(u"d.sqlite"_s));
        QString error;
        auto connection = DatabaseConnection::open(location, {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlDatabase db = connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        ConnectorConfig connector = scheduled({}, u"0 0 * * * ?"_s);
        connector.name = u"Hourly"_s;
        connector.keycloak.baseUrl = u"https://sso.example.com"_s;
        connector.keycloak.realm = u"corp"_s;
        connector.keycloak.clientId = u"usersync"_s;
        connector.schedule.timeZone = u"UTC"_s;
        QVERIFY2(ConnectorStore(db).add(connector, &error), qPrintable(error));

        QList<ScheduleService::Done> pending;
        QStringList secrets;
        ScheduleService service(location, db,
                                [&](QObject*, const DirectoryLocation&, const ConnectorConfig&, const RunSecrets& read,
                                    ScheduleService::Done done) {
                                    secrets << read.clientSecret;
                                    pending << std::move(done);
                                });
        // The connector was saved just now: its first run is the next full hour.
        const QDateTime saved = QDateTime::currentDateTimeUtc();
        QDateTime now = saved;
        service.setClock([&now] { return now; });
        QVERIFY2(service.reload(&error), qPrintable(error));
        QVERIFY(service.hasSchedules());
        const QDateTime first = service.nextRun(connector.id);
        QVERIFY(first > saved && first <= saved.addSecs(3600));
        QCOMPARE(service.runDue(), 0);

        // Due: it starts (its secret read from the keychain, where none is: the run fails in
        // words and is recorded, as an unattended run must be).
        QSignalSpy finished(&service, &ScheduleService::runFinished);
        now = first;
        QCOMPARE(service.runDue(), 1);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(secrets.isEmpty());
        QCOMPARE(finished.first().at(1).value<SyncResult>().status, SyncResult::Status::Failed);

        // With its secret stored, the next hour's run reaches the runner and stays running.
        QVERIFY(SecretStore().writeNow(connector.secretKey(), u"s3cret"_s).ok());
        now = first.addSecs(3600);
        QCOMPARE(service.runDue(), 1);
        QTRY_COMPARE(pending.size(), 1);
        QCOMPARE(secrets, QStringList{u"s3cret"_s});
        QCOMPARE(service.runningCount(), 1);
        // An hour later it still runs: that run is skipped, and says so in the history.
        now = first.addSecs(7200);
        QCOMPARE(service.runDue(), 0);
        const auto runs = DirectoryStore(db).runs(connector.id, 10, &error);
        QVERIFY2(runs, qPrintable(error));
        QCOMPARE(runs->size(), 2);
        QCOMPARE(runs->first().status, u"skipped"_s);
        QCOMPARE(runs->first().trigger, u"scheduled"_s);
        QCOMPARE(runs->last().status, u"failed"_s);

        // A refused run (the deletion limit) is reported to the owner, who tells the administrator.
        QSignalSpy idle(&service, &ScheduleService::idle);
        SyncResult refused;
        refused.status = SyncResult::Status::Refused;
        pending.takeFirst()(refused);
        QCOMPARE(idle.size(), 1);
        QCOMPARE(finished.last().at(1).value<SyncResult>().status, SyncResult::Status::Refused);
        QCOMPARE(service.runningCount(), 0);
        SecretStore().removeNow(connector.secretKey());
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"

#include "ConnectorListModel.h"
#include "HistoryChartView.h"
#include "HistoryModel.h"
#include "TestEnvironment.h"
#include "config/ConnectorStore.h"
#include "directory/DatabaseConnection.h"
#include "directory/Schema.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QChart>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The main window's connector list and the history's run list, on a real SQLite directory.
class TestListModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_temporary.isValid());
        QString error;
        m_connection =
            DatabaseConnection::open(DirectoryLocation::sqlite(m_temporary.filePath(u"d.sqlite"_s)), {}, &error);
        QVERIFY2(m_connection, qPrintable(error));
        QSqlDatabase db = m_connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        for (const QString& name : {u"Staff"_s, u"Partners"_s}) {
            ConnectorConfig connector;
            connector.name = name;
            connector.keycloak.baseUrl = u"https://sso.example.com"_s;
            connector.keycloak.realm = name.toLower();
            connector.keycloak.clientId = u"usersync"_s;
            connector.schedule.enabled = name == u"Partners"_s;
            QVERIFY2(ConnectorStore(db).add(connector, &error), qPrintable(error));
            m_connectors.append(connector);
        }
        RunRecord run;
        run.id = u"run-1"_s;
        run.connectorId = m_connectors.first().id;
        run.connectorName = u"Staff"_s;
        run.mode = u"full"_s;
        run.trigger = u"cli"_s;
        run.startedAt = 1'700'000'000'000;
        run.finishedAt = run.startedAt + 2'500;
        run.status = u"refused"_s;
        run.message = u"Stopped by the deletion limit"_s;
        run.counts = QJsonObject{{u"users"_s, QJsonObject{{u"add"_s, 3}, {u"unchanged"_s, 7}}}};
        QVERIFY2(DirectoryStore(db).record(run, nullptr, &error), qPrintable(error));
    }

    void connectorsShowTheirLastRunAndStatus()
    {
        ConnectorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        // Partners failed its last connection test; Staff was never tested, but its full sync was refused.
        const QString partners = m_connectors.last().id;
        QVERIFY(ConnectorStore(m_connection->database())
                    .recordTest(partners, {1'700'000'000'000, false, u"The client secret is wrong."_s}, &error));
        QVERIFY2(model.reload(m_connection->database(), &error), qPrintable(error));
        QCOMPARE(model.rowCount(), 2);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString lastSync = model.index(row, ConnectorListModel::LastSyncColumn).data().toString();
            const QString status = model.index(row, ConnectorListModel::StatusColumn).data().toString();
            QCOMPARE(model.index(row, ConnectorListModel::LastSimulationColumn).data().toString(), u"None"_s);
            if (model.connector(row).id == m_connectors.first().id) {
                QVERIFY2(lastSync.endsWith(u", refused"_s), qPrintable(lastSync));
                QVERIFY2(lastSync.contains(u"2023"_s), qPrintable(lastSync)); // four-digit years
                QCOMPARE(model.index(row, ConnectorListModel::LastSyncColumn).data(Qt::ToolTipRole).toString(),
                         u"Stopped by the deletion limit"_s);
                QCOMPARE(model.status(row), ConnectorListModel::Status::SyncFailed);
                QCOMPARE(status, u"Last sync failed"_s);
            } else {
                QCOMPARE(lastSync, u"Never synced"_s);
                QCOMPARE(model.status(row), ConnectorListModel::Status::TestFailed);
                QCOMPARE(model.index(row, ConnectorListModel::StatusColumn).data(Qt::ToolTipRole).toString(),
                         u"The client secret is wrong."_s);
                // A secret missing from the keychain outweighs everything else.
                model.setSecretMissing(partners, true);
                QCOMPARE(model.status(row), ConnectorListModel::Status::SecretMissing);
                model.setSecretMissing(partners, false);
                QCOMPARE(model.status(row), ConnectorListModel::Status::TestFailed);
            }
            // Only the scheduled one has a next run, shown without seconds; its tooltip is the expression.
            const QModelIndex next = model.index(row, ConnectorListModel::NextRunColumn);
            if (model.connector(row).schedule.enabled) {
                const QDateTime expected = model.connector(row).schedule.nextRun(QDateTime::currentDateTimeUtc());
                QCOMPARE(expected.toLocalTime().time(), QTime(2, 0));
                QVERIFY2(next.data().toString().endsWith(u"02:00"_s), qPrintable(next.data().toString()));
                QCOMPARE(next.data(Qt::ToolTipRole).toString(), u"0 0 2 * * ?"_s);
            } else {
                QCOMPARE(next.data().toString(), u"Not scheduled"_s);
            }
        }
        // A rollback refused later changes nothing, nor what the status says; the list shows it.
        RunRecord rollback;
        rollback.id = u"run-2"_s;
        rollback.connectorId = m_connectors.first().id;
        rollback.connectorName = u"Staff"_s;
        rollback.mode = u"rollback"_s;
        rollback.trigger = u"manual"_s;
        rollback.startedAt = 1'700'000'200'000;
        rollback.finishedAt = rollback.startedAt;
        rollback.status = u"refused"_s;
        QVERIFY2(DirectoryStore(m_connection->database()).record(rollback, nullptr, &error), qPrintable(error));
        QVERIFY2(model.reload(m_connection->database(), &error), qPrintable(error));
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.connector(row).id == m_connectors.first().id) {
                QVERIFY(
                    model.index(row, ConnectorListModel::LastSyncColumn).data().toString().endsWith(u", refused"_s));
                QCOMPARE(model.status(row), ConnectorListModel::Status::SyncFailed); // from its last full sync
                QCOMPARE(model.index(row, ConnectorListModel::StatusColumn).data(Qt::ToolTipRole).toString(),
                         u"Stopped by the deletion limit"_s);
            }
        }
        QSqlQuery(m_connection->database())
            .exec(u"DELETE FROM sync_runs WHERE id = 'run-2'"_s); // the next test counts runs
        // A passing test afterwards clears the failure.
        QVERIFY2(ConnectorStore(m_connection->database()).recordTest(partners, {1'700'000'100'000, true, {}}, &error),
                 qPrintable(error));
        QVERIFY2(model.reload(m_connection->database(), &error), qPrintable(error));
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.connector(row).id == partners) {
                QCOMPARE(model.status(row), ConnectorListModel::Status::TestPassed);
            }
        }
    }

    void runsShowWhatTheyChanged()
    {
        HistoryModel model;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(HistoryModel::SortRole);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sortedTester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        const auto runs = DirectoryStore(m_connection->database()).runs({}, 10, &error);
        QVERIFY2(runs, qPrintable(error));
        model.setRuns(*runs);
        sorted.sort(HistoryModel::DurationColumn);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, HistoryModel::ModeColumn).data().toString(), u"Full sync"_s);
        QCOMPARE(model.index(0, HistoryModel::TriggerColumn).data().toString(), u"Command line"_s);
        QCOMPARE(model.index(0, HistoryModel::DurationColumn).data().toString(), u"2.5 s"_s);
        QCOMPARE(model.index(0, HistoryModel::ResultColumn).data().toString(), u"Refused"_s);
        QCOMPARE(model.index(0, HistoryModel::ChangesColumn).data().toString(),
                 u"Users to add: 3"_s); // unchanged left out; refused, so nothing was added
        model.setRuns({});
        QCOMPARE(sorted.rowCount(), 0);
    }

    // Each applied run is a group of bars, in order, even two in the same minute; simulations
    // and failed runs are left out; hovering names the run.
    void chartShowsEachAppliedRunAsBars()
    {
        const auto run = [](const QString& id, const QString& mode, const QString& status, qint64 at, int added) {
            RunRecord record;
            record.id = id;
            record.connectorName = u"Staff"_s;
            record.mode = mode;
            record.trigger = u"manual"_s;
            record.status = status;
            record.startedAt = at;
            record.counts = QJsonObject{{u"users"_s, QJsonObject{{u"add"_s, added}, {u"disable"_s, 2}}}};
            return record;
        };
        const qint64 at = QDateTime(QDate(2026, 12, 1), QTime(21, 5, 10)).toMSecsSinceEpoch();
        HistoryChartView chart;
        chart.setRuns({run(u"c3"_s, u"full"_s, u"succeeded"_s, at + 20'000, 7),
                       run(u"s1"_s, u"simulate"_s, u"succeeded"_s, at - 1000, 99),
                       run(u"f1"_s, u"full"_s, u"failed"_s, at - 500, 99),
                       run(u"a1"_s, u"full"_s, u"succeeded"_s, at, 614)});
        const QList<QPointF> added = chart.points(HistoryChartView::Added);
        QCOMPARE(added.size(), 2);
        QCOMPARE(added.at(0).y(), 614.0); // oldest first
        QCOMPARE(added.at(1).y(), 7.0);
        QCOMPARE(chart.points(HistoryChartView::Removed).at(0).y(), 2.0);
        auto* axis = qobject_cast<QBarCategoryAxis*>(chart.chart()->axes(Qt::Horizontal).first());
        QVERIFY(axis);
        QCOMPARE(axis->categories(), (QStringList{u"1 Dec 2026 21:05"_s, u"1 Dec 2026 21:05 (2)"_s}));
        const QString tip = chart.toolTip(HistoryChartView::Added, 0);
        QVERIFY2(tip.startsWith(u"Full sync of “Staff” · 1 Dec 2026 21:05 · started by hand · run a1"_s),
                 qPrintable(tip));
        QVERIFY2(tip.endsWith(u"Added: 614"_s), qPrintable(tip));
    }

private:
    QTemporaryDir m_temporary;
    std::unique_ptr<DatabaseConnection> m_connection;
    QList<ConnectorConfig> m_connectors;
};

QTEST_MAIN(TestListModels)
#include "tst_listmodels.moc"

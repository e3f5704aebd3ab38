#include "TestEnvironment.h"
#include "directory/DatabaseConnection.h"
#include "directory/DirectoryStore.h"
#include "directory/Schema.h"
#include "sync/Planner.h"
#include "targets/TargetLinks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

// Applying plans and keeping the history, on SQLite and on the real PostgreSQL server.
class TestDirectoryStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

    void initTestCase()
    {
        USERSYNC_REQUIRE_POSTGRES(postgres);
        m_postgres = *postgres;
        QVERIFY(m_temporary.isValid());
    }

    void init()
    {
        QFETCH_GLOBAL(bool, postgres);
        QString error;
        m_connection = postgres
            ? DatabaseConnection::open(m_postgres.location, m_postgres.password, &error)
            : DatabaseConnection::open(DirectoryLocation::sqlite(m_temporary.filePath(u"%1.sqlite"_s.arg(++m_files))),
                                       {}, &error);
        QVERIFY2(m_connection, qPrintable(error));
        QSqlDatabase db = m_connection->database();
        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        QVERIFY(TestEnvironment::emptyDirectory(db));
    }

    void cleanup() { m_connection.reset(); }

    void appliedPlanIsWhatLoadsBack()
    {
        DirectoryStore store(m_connection->database());
        const ChangeSet plan = planAgainst(store);
        QString error;
        QVERIFY2(store.apply(plan, run(u"full"_s), &error), qPrintable(error));
        const auto state = store.load(&error);
        QVERIFY2(state, qPrintable(error));
        QCOMPARE(state->users.size(), 2);
        QCOMPARE(state->groups.size(), 1);
        QCOMPARE(state->memberships.size(), 2);
        for (const LocalUser& user : state->users) {
            QCOMPARE(user.originConnector, u"kc"_s);
            QVERIFY(user.lastSyncedAt > 0);
        }
        QVERIFY(state->fingerprint != plan.directoryFingerprint);

        // The same realm again: nothing to do.
        const ChangeSet again = planAgainst(store);
        QVERIFY(!again.hasChanges());
    }

    void historyKeepsRunsAndTheirChanges()
    {
        DirectoryStore store(m_connection->database());
        const ChangeSet plan = planAgainst(store);
        QString error;
        RunRecord simulated = run(u"simulate"_s);
        QVERIFY2(store.record(simulated, &plan, &error), qPrintable(error));
        const auto runs = store.runs({}, 10, &error);
        QVERIFY2(runs, qPrintable(error));
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().mode, u"simulate"_s);
        QCOMPARE(runs->first().counts, plan.countsJson());
        const auto changes = store.changes(simulated.id, &error);
        QVERIFY(changes);
        // Nothing is unchanged in a first plan: all of it is kept, memberships included.
        QCOMPARE(changes->changes, plan.changes);
        QCOMPARE(changes->size(), plan.size());
        QVERIFY(!plan.memberships.isEmpty());
        for (qsizetype i = 0; i < plan.size(); ++i) {
            QCOMPARE(changes->at(i), plan.at(i));
        }
        QCOMPARE(store.findRun(simulated.id.left(8), &error)->id, simulated.id);
        QVERIFY(!store.findRun(u"zzzzzzzz"_s, &error));
        // A simulation writes nothing but its record.
        QCOMPARE(store.load(&error)->users.size(), 0);
    }

    void planForAnotherDirectoryStateIsRefused()
    {
        DirectoryStore store(m_connection->database());
        const ChangeSet plan = planAgainst(store);
        QString error;
        LocalUser byHand;
        byHand.id = u"hand-1"_s;
        byHand.username = u"made.by.hand"_s;
        QVERIFY2(store.addLocalUser(byHand, &error), qPrintable(error));
        QVERIFY(!store.apply(plan, run(u"full"_s), &error));
        QVERIFY2(error.contains(u"has changed since"_s), qPrintable(error));
        QCOMPARE(store.load(&error)->users.size(), 1);
        QCOMPARE(store.runs({}, 10, &error)->size(), 0);
    }

    void failingChangeLeavesTheDirectoryAsItWas()
    {
        DirectoryStore store(m_connection->database());
        ChangeSet plan = planAgainst(store);
        // A second user with the first one's username: the database refuses it half-way through.
        Change clash = plan.changes.first();
        QCOMPARE(clash.object, Object::User);
        clash.localId = u"clash"_s;
        plan.changes.append(clash);
        QString error;
        QVERIFY(!store.apply(plan, run(u"full"_s), &error));
        QVERIFY2(error.contains(u"none of them were kept"_s), qPrintable(error));
        const auto state = store.load(&error);
        QVERIFY(state->users.isEmpty() && state->groups.isEmpty() && state->memberships.isEmpty());
        QCOMPARE(store.runs({}, 10, &error)->size(), 0);
    }

    // Large batches of memberships take PostgreSQL's bulk path (keys checked once, after the
    // batch): still every membership must name a user and a group that exist.
    void largeBatchOfMembershipsIsStillChecked()
    {
        QFETCH_GLOBAL(bool, postgres);
        DirectorySnapshot snapshot;
        for (int g = 0; g < 10; ++g) {
            snapshot.groups.append(Group{u"g-%1"_s.arg(g), u"Group %1"_s.arg(g), u"/Group %1"_s.arg(g), {}});
        }
        for (int u = 0; u < 4000; ++u) {
            User user;
            user.id = u"k-%1"_s.arg(u);
            user.username = u"user%1"_s.arg(u);
            snapshot.users.append(user);
            for (int g = 0; g < 5; ++g) {
                snapshot.memberships.append(Membership{u, (u + g) % 10});
            }
        }
        DirectoryStore store(m_connection->database());
        QString error;
        int next = 0;
        ChangeSet broken = Planner::plan(snapshot, *store.load(&error), u"kc"_s, SyncOptions{},
                                         [&next] { return u"id-%1"_s.arg(++next); });
        QCOMPARE(broken.memberships.size(), 20'000);
        const ChangeSet plan = broken;
        broken.memberUsers[1234].id = u"nobody"_s;
        QVERIFY(!store.apply(broken, run(u"full"_s), &error));
        QVERIFY2(error.contains(u"none of them were kept"_s), qPrintable(error));
        QCOMPARE(store.load(&error)->users.size(), 0);

        QVERIFY2(store.apply(plan, run(u"full"_s), &error), qPrintable(error));
        const auto state = store.load(&error);
        QCOMPARE(state->users.size(), 4000);
        QCOMPARE(state->memberships.size(), 20'000);
        if (postgres) {
            QSqlQuery query(m_connection->database());
            QVERIFY(query.exec(u"SELECT COUNT(*) FROM pg_constraint WHERE conrelid = 'directory_memberships'::regclass "
                               "AND contype = 'f'"_s)
                    && query.next());
            QCOMPARE(query.value(0).toInt(), 2); // both keys are back
        }
    }

    // Where the keys cannot be dropped (here: renamed by someone; also a role that may write rows
    // but not alter tables), a large batch is checked row by row instead, in the same transaction.
    void largeBatchWhoseKeysCannotBeDroppedIsCheckedRowByRow()
    {
        QFETCH_GLOBAL(bool, postgres);
        if (!postgres) {
            QSKIP("PostgreSQL only: SQLite always checks row by row");
        }
        QSqlQuery query(m_connection->database());
        QVERIFY(query.exec(u"ALTER TABLE directory_memberships RENAME CONSTRAINT directory_memberships_user_id_fkey "
                           "TO someone_elses_name"_s));
        const auto restore = qScopeGuard([&query] {
            query.exec(u"ALTER TABLE directory_memberships RENAME CONSTRAINT someone_elses_name "
                       "TO directory_memberships_user_id_fkey"_s);
        });
        DirectorySnapshot snapshot;
        snapshot.groups.append(Group{u"g-1"_s, u"Everyone"_s, u"/Everyone"_s, {}});
        for (int u = 0; u < 20'000; ++u) {
            User user;
            user.id = u"k-%1"_s.arg(u);
            user.username = u"user%1"_s.arg(u);
            snapshot.users.append(user);
            snapshot.memberships.append(Membership{u, 0});
        }
        DirectoryStore store(m_connection->database());
        QString error;
        int next = 0;
        const ChangeSet plan = Planner::plan(snapshot, *store.load(&error), u"kc"_s, SyncOptions{},
                                             [&next] { return u"id-%1"_s.arg(++next); });
        // Fails the test unless the apply says it took the row-by-row path.
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"keys stay, checked row by row"_s));
        QVERIFY2(store.apply(plan, run(u"full"_s), &error), qPrintable(error));
        QCOMPARE(store.load(&error)->memberships.size(), 20'000);
    }

    // Schema 6 keys a membership's link by group, then user: links a release before it wrote are
    // turned round, also where one's new key was another's old one.
    void membershipLinksAreKeyedByGroupAfterTheMigration()
    {
        QFETCH_GLOBAL(bool, postgres);
        if (postgres) {
            QSKIP("the shared PostgreSQL test database is always at the latest schema");
        }
        QString error;
        auto connection = DatabaseConnection::open(
            DirectoryLocation::sqlite(m_temporary.filePath(u"schema5-%1.sqlite"_s.arg(++m_files))), {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlDatabase db = connection->database();
        QVERIFY2(Schema::migrate(db, &error, 5), qPrintable(error));
        QSqlQuery query(db);
        QVERIFY(query.prepare(u"INSERT INTO target_links (target_id, object, app_key, connector_id, linked_at) "
                              "VALUES ('t', ?, ?, 'kc', 1)"_s));
        // As schema 5 wrote them: the user's key, a line break, the group's name key.
        const QList<std::pair<QString, QString>> written = {
            {u"membership"_s, u"42\ndevelopers"_s}, // user 42 in developers
            {u"membership"_s, u"developers\n42"_s}, // user "developers" in group 42: 42's new key
            {u"membership"_s, u"JIRAUSER10100\njira-software-users"_s},
            {u"user"_s, u"42"_s},
            {u"group"_s, u"developers"_s},
        };
        for (const auto& [object, key] : written) {
            query.addBindValue(object);
            query.addBindValue(key);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }

        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        QVERIFY(query.exec(u"SELECT object, app_key FROM target_links ORDER BY object, app_key"_s));
        QList<std::pair<QString, QString>> keys;
        while (query.next()) {
            keys.append({query.value(0).toString(), query.value(1).toString()});
        }
        const QList<std::pair<QString, QString>> expected = {
            {u"group"_s, u"developers"_s},
            {u"membership"_s, TargetLinks::membershipKey(u"developers"_s, u"42"_s)},
            {u"membership"_s, TargetLinks::membershipKey(u"42"_s, u"developers"_s)},
            {u"membership"_s, TargetLinks::membershipKey(u"JIRAUSER10100"_s, u"jira-software-users"_s)},
            {u"user"_s, u"42"_s},
        };
        QCOMPARE(keys, expected);
    }

    // Schema 3 rebuilds the history table on SQLite: what a run recorded before is still there.
    void historySurvivesTheMigrations()
    {
        QFETCH_GLOBAL(bool, postgres);
        if (postgres) {
            QSKIP("the shared PostgreSQL test database is always at the latest schema; SQLite rebuilds a table");
        }
        QString error;
        auto connection = DatabaseConnection::open(
            DirectoryLocation::sqlite(m_temporary.filePath(u"schema2-%1.sqlite"_s.arg(++m_files))), {}, &error);
        QVERIFY2(connection, qPrintable(error));
        QSqlDatabase db = connection->database();
        QVERIFY2(Schema::migrate(db, &error, 2), qPrintable(error));
        QCOMPARE(Schema::currentVersion(db, &error), 2);
        DirectoryStore store(db);
        const RunRecord earlier = run(u"simulate"_s);
        const ChangeSet plan = planAgainst(store);
        // Written as a release at schema 2 wrote it: the columns that schema had.
        QSqlQuery insert(db);
        QVERIFY(
            insert.exec(u"INSERT INTO sync_runs (id, connector_id, connector_name, mode, run_trigger, started_at, "
                        "finished_at, status) VALUES ('%1', 'kc', 'Test', 'simulate', 'cli', 1, 2, 'succeeded')"_s.arg(
                            earlier.id)));
        QList<Change> expected;
        int seq = 0;
        for (const Change& change : plan.changes) {
            if (change.action == Change::Action::Unchanged) {
                continue;
            }
            QJsonArray fields;
            for (const FieldChange& field : change.fields) {
                fields.append(
                    QJsonObject{{u"field"_s, field.field}, {u"before"_s, field.before}, {u"after"_s, field.after}});
            }
            QVERIFY(insert.prepare(u"INSERT INTO sync_changes (run_id, seq, object, action, item_key, display_name, "
                                   "email, local_id, external_id, group_local_id, fields, reason) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s));
            for (const QVariant& value :
                 QVariantList{earlier.id, seq++, Change::objectName(change.object), Change::actionName(change.action),
                              change.key, change.displayName, change.email, change.localId, change.externalId,
                              change.groupLocalId,
                              QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)), change.reason}) {
                // Empty, never NULL, as the store writes them.
                const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
                insert.addBindValue(nullText ? QVariant(u""_s) : value);
            }
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            Change old = change;
            old.path.clear(); // schema 2 kept no path
            expected.append(old);
        }
        QVERIFY(!expected.isEmpty());

        QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
        QCOMPARE(Schema::currentVersion(db, &error), Schema::latestVersion());
        const auto recorded = store.changes(earlier.id, &error);
        QVERIFY2(recorded, qPrintable(error));
        QCOMPARE(recorded->changes, expected);
    }

    // Histories written before memberships were recorded per user still read as they were.
    void membershipRowsOfEarlierReleasesStillRead()
    {
        DirectoryStore store(m_connection->database());
        QString error;
        const RunRecord earlier = run(u"full"_s);
        QVERIFY2(store.record(earlier, nullptr, &error), qPrintable(error));
        QSqlQuery query(m_connection->database());
        QVERIFY(query.prepare(u"INSERT INTO sync_changes (run_id, seq, object, action, item_key, local_id, "
                              "group_local_id, fields) VALUES (?, ?, 'membership', ?, ?, ?, ?, ?)"_s));
        const QList<QVariantList> rows = {
            {earlier.id, 0, u"add"_s, u"alice → Sales"_s, u"u-1"_s, u"g-1"_s, u"[]"_s},
            {earlier.id, 1, u"remove"_s, u"alice → Admins"_s, u"u-1"_s, u"g-2"_s,
             u"[{\"field\":\"origin\",\"before\":\"\",\"after\":\"\"}]"_s},
        };
        for (const QVariantList& row : rows) {
            for (const QVariant& value : row) {
                query.addBindValue(value);
            }
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        const auto recorded = store.changes(earlier.id, &error);
        QVERIFY2(recorded, qPrintable(error));
        QCOMPARE(recorded->size(), 2);
        const Change added = recorded->at(0);
        QCOMPARE(added.object, Object::Membership);
        QCOMPARE(added.action, Action::Add);
        QCOMPARE(added.key, u"alice → Sales"_s);
        QCOMPARE(added.groupLocalId, u"g-1"_s);
        QCOMPARE(recorded->memberships.at(0).origin, u"kc"_s); // the run's connector
        const Change removed = recorded->at(1);
        QCOMPARE(removed.action, Action::Remove);
        QCOMPARE(removed.localId, u"u-1"_s);
        QCOMPARE(recorded->memberships.at(1).origin, QString()); // it had been made by hand
    }

private:
    ChangeSet planAgainst(const DirectoryStore& store) const
    {
        DirectorySnapshot snapshot;
        User alice;
        alice.id = u"k-1"_s;
        alice.username = u"alice"_s;
        alice.email = u"alice@example.com"_s;
        alice.firstName = u"Alice"_s;
        User jose;
        jose.id = u"k-2"_s;
        jose.username = u"jose"_s;
        jose.lastName = u"Núñez"_s;
        jose.firstName = u"Jo \"the\" \\ \u0001\ttab"_s; // stored in the history as JSON: must survive escaping
        snapshot.users = {alice, jose};
        snapshot.groups = {Group{u"g-1"_s, u"Qualitätssicherung"_s, u"/Qualitätssicherung"_s, {}}};
        snapshot.memberships = {Membership{0, 0}, Membership{1, 0}};
        QString error;
        const auto state = store.load(&error);
        int next = 0;
        return Planner::plan(snapshot, state.value_or(DirectoryState{}), u"kc"_s, SyncOptions{},
                             [&next] { return u"id-%1"_s.arg(++next); });
    }

    RunRecord run(const QString& mode)
    {
        RunRecord record;
        record.id = u"run-%1-%2"_s.arg(m_files).arg(++m_runs);
        record.connectorId = u"kc"_s;
        record.connectorName = u"Keycloak"_s;
        record.mode = mode;
        record.trigger = u"cli"_s;
        record.status = u"succeeded"_s;
        return record;
    }

    TestEnvironment::PostgresService m_postgres{DirectoryLocation::sqlite({}), {}};
    QTemporaryDir m_temporary;
    std::unique_ptr<DatabaseConnection> m_connection;
    int m_files = 0;
    int m_runs = 0;
};

QTEST_GUILESS_MAIN(TestDirectoryStore)
#include "tst_directorystore.moc"

#include "model/SnapshotJson.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSnapshotJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotRoundTrips()
    {
        DirectorySnapshot snapshot;
        snapshot.source = u"https://sso.example.com/realms/corp"_s;
        snapshot.fetchedAt = QDateTime(QDate(2026, 11, 28), QTime(23, 5, 1, 250), Qt::UTC);
        User jose;
        jose.id = u"u-1"_s;
        jose.username = u"jose.nunez"_s;
        jose.email = u"jose@example.com"_s;
        jose.firstName = u"José"_s;
        jose.lastName = u"Núñez \"quoted\""_s;
        jose.emailVerified = true;
        jose.createdTimestamp = 1795909257123;
        jose.attributes.insert(u"department"_s, {u"Qualität"_s, u"Two"_s});
        User disabled;
        disabled.id = u"u-2"_s;
        disabled.username = u"dave"_s;
        disabled.enabled = false;
        snapshot.users = {jose, disabled};
        snapshot.groups = {Group{u"g-1"_s, u"Engineering"_s, u"/Engineering"_s, {}},
                           Group{u"g-2"_s, u"Team A"_s, u"/Engineering/Team A"_s, u"g-1"_s}};
        snapshot.memberships = {Membership{0, 0}, Membership{0, 1}, Membership{1, 1}};

        QString error;
        const auto back = SnapshotJson::fromJson(SnapshotJson::toJson(snapshot), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->source, snapshot.source);
        QCOMPARE(back->fetchedAt, snapshot.fetchedAt);
        QCOMPARE(back->users, snapshot.users);
        QCOMPARE(back->groups, snapshot.groups);
        QCOMPARE(back->memberships, snapshot.memberships);
    }

    void emptySnapshotRoundTrips()
    {
        QString error;
        const auto back = SnapshotJson::fromJson(SnapshotJson::toJson(DirectorySnapshot{}), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->users.isEmpty() && back->groups.isEmpty() && back->memberships.isEmpty());
    }

    void rejectsWhatIsNoSnapshot_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("words");
        QTest::newRow("not json") << QByteArray("{\"format\": ") << u"unterminated"_s;
        QTest::newRow("other format") << QByteArray(R"({"format": "something"})") << u"not a UserSync snapshot"_s;
        QTest::newRow("future version") << QByteArray(R"({"format": "usersync-snapshot", "version": 9})")
                                        << u"version 9"_s;
        QTest::newRow("dangling membership")
            << QByteArray(R"({"format": "usersync-snapshot", "version": 1, "users": [], "groups": [],
                             "memberships": [{"user": "nobody", "group": "nothing"}]})")
            << u"unknown user nobody"_s;
    }

    void rejectsWhatIsNoSnapshot()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, words);
        QString error;
        QVERIFY(!SnapshotJson::fromJson(json, &error));
        QVERIFY2(error.contains(words, Qt::CaseInsensitive), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "tst_snapshotjson.moc"

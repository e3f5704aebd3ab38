#include "targets/jira/JiraPages.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// JSON written with single quotes, to stay readable here.
QByteArray json(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

// The page readers of a complete Jira read: the fields kept, Jira's defaults for what is absent,
// and no page at all for anything malformed (a read that cannot trust a page fails).
class TestJiraPages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userListKeepsTheFieldsOfEveryUser()
    {
        const QByteArray body =
            json("{'isLast': false, 'nextCursor': 'c2', 'values': [ "
                 "{'key': 'JIRAUSER10100', 'name': 'jose', 'emailAddress': 'jos\\u00e9@example.com', "
                 "'displayName': 'Jos\\u00e9 \\\"J\\\" N\\u00fa\\u00f1ez', 'active': false, "
                 "'avatarUrls': {'48x48': 'https://jira/a.png'}, 'timeZone': 'Europe/Berlin'}, "
                 "{'name': 'dave', 'key': 'dave', 'emailAddress': null}]}");
        const std::optional<JiraPages::UserList> page = JiraPages::userList(body);
        QVERIFY(page);
        QCOMPARE(page->users.size(), 2);
        QCOMPARE(page->isLast, false);
        QCOMPARE(page->nextCursor, u"c2"_s);
        const JiraPages::User& jose = page->users.at(0);
        QCOMPARE(jose.key, u"JIRAUSER10100"_s);
        QCOMPARE(jose.name, u"jose"_s);
        QCOMPARE(jose.email, u"josé@example.com"_s);
        QCOMPARE(jose.displayName, u"José \"J\" Núñez"_s);
        QCOMPARE(jose.active, false);
        const JiraPages::User& dave = page->users.at(1);
        QCOMPARE(dave.key, u"dave"_s);
        QVERIFY(dave.email.isEmpty());
        QCOMPARE(dave.active, true); // absent: active
    }

    void userListCursorMayBeANumber()
    {
        const std::optional<JiraPages::UserList> page = JiraPages::userList(json("{'values': [], 'nextCursor': 4000}"));
        QVERIFY(page);
        QCOMPARE(page->nextCursor, u"4000"_s);
        QCOMPARE(page->isLast, false); // absent: not the last, so a missing cursor is an error upstream
    }

    void userArrayReadsASearchAnswer()
    {
        const auto users = JiraPages::userArray(json("[{'key': 'a', 'name': 'a'}, {'key': 'b', 'name': 'b'}]"));
        QVERIFY(users);
        QCOMPARE(users->size(), 2);
        QCOMPARE(users->at(1).name, u"b"_s);
        QVERIFY(!JiraPages::userArray(json("{'values': []}")));
    }

    void membersKeepKeysAndPaging()
    {
        const std::optional<JiraPages::Members> page =
            JiraPages::members(json("{'self': 'x', 'maxResults': 50, 'startAt': 0, 'total': 3, 'isLast': false, "
                                    "'values': [{'key': 'k1', 'name': 'one'}, {'name': 'two', 'key': 'k2'}]}"));
        QVERIFY(page);
        QCOMPARE(page->keys, (QStringList{u"k1"_s, u"k2"_s}));
        QCOMPARE(page->isLast, false);
        QCOMPARE(page->total, std::optional<qint64>(3));

        const std::optional<JiraPages::Members> last = JiraPages::members(json("{'values': [{'name': 'nokey'}]}"));
        QVERIFY(last);
        QCOMPARE(last->isLast, true); // absent: the last page
        QVERIFY(!last->total);
        QCOMPARE(last->keys, QStringList{QString()}); // a member without a key is left to the caller to refuse
    }

    void malformedPagesAreNoPages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << json("{'values': [{'key': 'k1', 'name': 'one'}, {'ke");
        QTest::newRow("trailing garbage") << json("{'values': []} x");
        QTest::newRow("html") << QByteArray("<html><body>Service Unavailable</body></html>");
        QTest::newRow("no values") << json("{'isLast': true}");
        QTest::newRow("values not an array") << json("{'values': {'key': 'k1'}}");
        QTest::newRow("a value that is no object") << json("{'values': ['k1']}");
        QTest::newRow("an array") << json("[{'key': 'k1'}]");
    }

    void malformedPagesAreNoPages()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!JiraPages::userList(body));
        QVERIFY(!JiraPages::members(body));
    }
};

QTEST_GUILESS_MAIN(TestJiraPages)
#include "tst_jirapages.moc"

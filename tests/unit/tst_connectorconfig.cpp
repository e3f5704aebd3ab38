#include "config/ConnectorConfig.h"

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestConnectorConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validConfigHasNoProblems()
    {
        QVERIFY2(valid().validate().isEmpty(), qPrintable(valid().validate().join(u' ')));
    }

    void eachProblemIsNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("words");

        QTest::newRow("no name") << u"name"_s << u"  "_s << u"name for the connector"_s;
        QTest::newRow("no url") << u"url"_s << QString() << u"Enter the Keycloak URL"_s;
        QTest::newRow("not a url") << u"url"_s << u"sso.example.com"_s << u"not a web address"_s;
        QTest::newRow("ftp url") << u"url"_s << u"ftp://sso.example.com"_s << u"not a web address"_s;
        QTest::newRow("url with query") << u"url"_s << u"https://sso.example.com/?realm=x"_s << u"? or #"_s;
        QTest::newRow("no realm") << u"realm"_s << QString() << u"realm name"_s;
        QTest::newRow("realm is a url") << u"realm"_s << u"https://x/realms/corp"_s << u"cannot contain “/”"_s;
        QTest::newRow("no client") << u"clientId"_s << QString() << u"client ID"_s;
        QTest::newRow("page size") << u"pageSize"_s << u"0"_s << u"page size"_s;
        QTest::newRow("in flight") << u"maxInFlight"_s << u"100"_s << u"requests in flight"_s;
        QTest::newRow("timeout") << u"timeoutSeconds"_s << u"0"_s << u"timeout"_s;
        QTest::newRow("retries") << u"maxRetries"_s << u"-1"_s << u"retries"_s;
    }

    void eachProblemIsNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, words);
        ConnectorConfig config = valid();
        KeycloakSettings& k = config.keycloak;
        if (field == u"name"_s) {
            config.name = value;
        } else if (field == u"url"_s) {
            k.baseUrl = value;
        } else if (field == u"realm"_s) {
            k.realm = value;
        } else if (field == u"clientId"_s) {
            k.clientId = value;
        } else if (field == u"pageSize"_s) {
            k.pageSize = value.toInt();
        } else if (field == u"maxInFlight"_s) {
            k.maxInFlight = value.toInt();
        } else if (field == u"timeoutSeconds"_s) {
            k.timeoutSeconds = value.toInt();
        } else if (field == u"maxRetries"_s) {
            k.maxRetries = value.toInt();
        }
        const QStringList problems = config.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(words), qPrintable(problems.first()));
    }

    void settingsRoundTripThroughJson()
    {
        const ConnectorConfig config = valid();
        QCOMPARE(ConnectorConfig::keycloakFromJson(config.settingsJson()), config.keycloak);
    }

    void scheduleRoundTripsAndIsChecked()
    {
        ConnectorConfig config = valid();
        QVERIFY(!config.schedule.enabled); // off until an administrator turns it on
        QCOMPARE(config.schedule.cron, u"0 0 2 * * ?"_s);
        config.schedule = {true, u"0 30 6 ? * MON-FRI"_s, u"Europe/Berlin"_s, false};
        ConnectorConfig read;
        ConnectorConfig::readSettingsJson(config.settingsJson(), read);
        QCOMPARE(read.schedule, config.schedule);

        // Next run in the schedule's own zone: 2026-11-27 is a Friday, so Monday the 30th at 06:30
        // in Berlin (CET, UTC+1).
        const QDateTime friday(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);
        QCOMPARE(config.schedule.nextRun(friday).toUTC(), QDateTime(QDate(2026, 11, 30), QTime(5, 30), Qt::UTC));
        config.schedule.enabled = false;
        QVERIFY(!config.schedule.nextRun(friday).isValid());

        // A wrong expression or zone is a problem only as far as it would be used.
        config.schedule.cron = u"0 61 * * * ?"_s;
        QVERIFY(config.validate().isEmpty());
        config.schedule.enabled = true;
        QCOMPARE(config.validate().size(), 1);
        QVERIFY2(config.validate().constFirst().contains(u"Minutes"_s), qPrintable(config.validate().constFirst()));
        // Well-formed, but no date matches: refused, where it was saved to show no next run.
        config.schedule.cron = u"0 0 2 31 2 ?"_s;
        QCOMPARE(config.validate().size(), 1);
        QVERIFY2(config.validate().constFirst().contains(u"never runs"_s), qPrintable(config.validate().constFirst()));
        config.schedule.cron = u"0 0 2 29 2 ?"_s; // every leap year
        QVERIFY(config.validate().isEmpty());
        config.schedule.cron = u"0 0 2 * * ?"_s;
        config.schedule.timeZone = u"Mars/Olympus"_s;
        QCOMPARE(config.validate().size(), 1);
        QVERIFY(config.validate().constFirst().contains(u"Mars/Olympus"_s));
    }

    void missingSettingsTakeTheDefaults()
    {
        const KeycloakSettings keycloak = ConnectorConfig::keycloakFromJson(QJsonObject{{u"url"_s, u"https://x"_s}});
        QCOMPARE(keycloak.pageSize, 500);
        QCOMPARE(keycloak.maxInFlight, 4);
        QCOMPARE(keycloak.timeoutSeconds, 30);
        QCOMPARE(keycloak.maxRetries, 4);
        QVERIFY(keycloak.userAttributes.isEmpty());
        ConnectorConfig config;
        ConnectorConfig::readSettingsJson(QJsonObject{{u"url"_s, u"https://x"_s}}, config);
        QCOMPARE(config.schedule, ScheduleSettings{});
    }

private:
    static ConnectorConfig valid()
    {
        ConnectorConfig config;
        config.id = u"c1"_s;
        config.name = u"Corporate SSO"_s;
        config.keycloak.baseUrl = u"https://sso.example.com/auth"_s;
        config.keycloak.realm = u"corp"_s;
        config.keycloak.clientId = u"usersync"_s;
        config.keycloak.userAttributes = {u"department"_s};
        config.keycloak.pageSize = 250;
        return config;
    }
};

QTEST_GUILESS_MAIN(TestConnectorConfig)
#include "tst_connectorconfig.moc"

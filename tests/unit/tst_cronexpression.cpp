#include "schedule/CronExpression.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Expected times were worked out from the calendar (2026-01-01 is a Thursday) and, for daylight
// saving, from the zones' published rules: Europe/Berlin springs forward on 2026-03-29 at 01:00 UTC
// (02:00 CET → 03:00 CEST) and falls back on 2026-10-25 at 01:00 UTC (03:00 CEST → 02:00 CET);
// America/New_York on 2026-03-08 at 07:00 UTC (02:00 EST → 03:00 EDT) and 2026-11-01 at 06:00 UTC
// (02:00 EDT → 01:00 EST).
class TestCronExpression final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextFireTimes_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("expected");

        const QString newYear = u"2026-01-01T00:00:00Z"_s;
        const QString july = u"2026-07-01T00:00:00Z"_s;
        const QStringList daily = utc({u"2026-01-01T02:00"_s, u"2026-01-02T02:00"_s, u"2026-01-03T02:00"_s,
                                       u"2026-01-04T02:00"_s, u"2026-01-05T02:00"_s});
        const QStringList weekdays = utc({u"2026-01-01T06:30"_s, u"2026-01-02T06:30"_s, u"2026-01-05T06:30"_s,
                                          u"2026-01-06T06:30"_s, u"2026-01-07T06:30"_s});
        const QStringList sundays = utc({u"2026-01-04T12:00"_s, u"2026-01-11T12:00"_s, u"2026-01-18T12:00"_s,
                                         u"2026-01-25T12:00"_s, u"2026-02-01T12:00"_s});
        const QStringList lastFridays = utc({u"2026-01-30T00:00"_s, u"2026-02-27T00:00"_s, u"2026-03-27T00:00"_s,
                                             u"2026-04-24T00:00"_s, u"2026-05-29T00:00"_s});
        const QStringList firstMondays = utc({u"2026-01-05T09:00"_s, u"2026-02-02T09:00"_s, u"2026-03-02T09:00"_s,
                                              u"2026-04-06T09:00"_s, u"2026-05-04T09:00"_s});
        const QStringList everyQuarterHour = utc({u"2026-01-01T00:15"_s, u"2026-01-01T00:30"_s, u"2026-01-01T00:45"_s,
                                                  u"2026-01-01T01:00"_s, u"2026-01-01T01:15"_s});
        const auto row = [](const char* name, const QString& expression, const QString& after,
                            const QStringList& expected, const QByteArray& zone = "UTC") {
            QTest::newRow(name) << expression << zone << after << expected;
        };

        row("default", CronExpression::defaultExpression, newYear, daily);
        row("strictly after", u"0 0 2 * * ?"_s, u"2026-01-01T02:00:00Z"_s,
            utc({u"2026-01-02T02:00"_s, u"2026-01-03T02:00"_s, u"2026-01-04T02:00"_s, u"2026-01-05T02:00"_s,
                 u"2026-01-06T02:00"_s}));
        row("milliseconds before", u"0 0 2 * * ?"_s, u"2026-01-01T01:59:59.999Z"_s, daily);
        row("year *", u"0 0 2 * * ? *"_s, newYear, daily);
        row("both day fields *", u"0 0 2 * * *"_s, newYear, daily);
        row("default in Berlin", u"0 0 2 * * ?"_s, newYear,
            {u"2026-01-01T02:00:00+01:00"_s, u"2026-01-02T02:00:00+01:00"_s, u"2026-01-03T02:00:00+01:00"_s,
             u"2026-01-04T02:00:00+01:00"_s, u"2026-01-05T02:00:00+01:00"_s},
            "Europe/Berlin");
        row("default in Kolkata", u"0 0 2 * * ?"_s, newYear,
            {u"2026-01-02T02:00:00+05:30"_s, u"2026-01-03T02:00:00+05:30"_s, u"2026-01-04T02:00:00+05:30"_s,
             u"2026-01-05T02:00:00+05:30"_s, u"2026-01-06T02:00:00+05:30"_s},
            "Asia/Kolkata");
        row("spring forward in Berlin", u"0 30 2 * * ?"_s, u"2026-03-27T12:00:00Z"_s,
            {u"2026-03-28T02:30:00+01:00"_s, u"2026-03-29T03:00:00+02:00"_s, u"2026-03-30T02:30:00+02:00"_s,
             u"2026-03-31T02:30:00+02:00"_s, u"2026-04-01T02:30:00+02:00"_s},
            "Europe/Berlin");
        row("weekdays", u"0 30 6 ? * MON-FRI"_s, newYear, weekdays);
        row("seconds step", u"*/20 * * * * ?"_s, newYear,
            utc({u"2026-01-01T00:00:20"_s, u"2026-01-01T00:00:40"_s, u"2026-01-01T00:01:00"_s, u"2026-01-01T00:01:20"_s,
                 u"2026-01-01T00:01:40"_s}));
        row("seconds step from 15", u"15/20 * * * * ?"_s, newYear,
            utc({u"2026-01-01T00:00:15"_s, u"2026-01-01T00:00:35"_s, u"2026-01-01T00:00:55"_s, u"2026-01-01T00:01:15"_s,
                 u"2026-01-01T00:01:35"_s}));
        row("minutes range step", u"0 10-30/10 * * * ?"_s, newYear,
            utc({u"2026-01-01T00:10"_s, u"2026-01-01T00:20"_s, u"2026-01-01T00:30"_s, u"2026-01-01T01:10"_s,
                 u"2026-01-01T01:20"_s}));
        row("every 15 minutes", u"0 */15 * * * ?"_s, newYear, everyQuarterHour);
        row("hour list", u"0 0 8,12,17 * * ?"_s, newYear,
            utc({u"2026-01-01T08:00"_s, u"2026-01-01T12:00"_s, u"2026-01-01T17:00"_s, u"2026-01-02T08:00"_s,
                 u"2026-01-02T12:00"_s}));
        row("second list", u"5,10 0 0 * * ?"_s, newYear,
            utc({u"2026-01-01T00:00:05"_s, u"2026-01-01T00:00:10"_s, u"2026-01-02T00:00:05"_s, u"2026-01-02T00:00:10"_s,
                 u"2026-01-03T00:00:05"_s}));
        row("hours round midnight", u"0 0 22-1 * * ?"_s, newYear,
            utc({u"2026-01-01T01:00"_s, u"2026-01-01T22:00"_s, u"2026-01-01T23:00"_s, u"2026-01-02T00:00"_s,
                 u"2026-01-02T01:00"_s}));
        row("month names", u"0 0 0 1 JAN,apr,Jul-aug ?"_s, newYear,
            utc({u"2026-04-01T00:00"_s, u"2026-07-01T00:00"_s, u"2026-08-01T00:00"_s, u"2027-01-01T00:00"_s,
                 u"2027-04-01T00:00"_s}));
        row("month step", u"0 0 0 1 */4 ?"_s, newYear,
            utc({u"2026-05-01T00:00"_s, u"2026-09-01T00:00"_s, u"2027-01-01T00:00"_s, u"2027-05-01T00:00"_s,
                 u"2027-09-01T00:00"_s}));
        row("day names", u"0 0 12 ? * sun,WED"_s, newYear,
            utc({u"2026-01-04T12:00"_s, u"2026-01-07T12:00"_s, u"2026-01-11T12:00"_s, u"2026-01-14T12:00"_s,
                 u"2026-01-18T12:00"_s}));
        row("Quartz day numbers", u"0 0 12 ? * 1,7"_s, newYear,
            utc({u"2026-01-03T12:00"_s, u"2026-01-04T12:00"_s, u"2026-01-10T12:00"_s, u"2026-01-11T12:00"_s,
                 u"2026-01-17T12:00"_s}));
        row("days round the weekend", u"0 0 0 ? * FRI-MON"_s, newYear,
            utc({u"2026-01-02T00:00"_s, u"2026-01-03T00:00"_s, u"2026-01-04T00:00"_s, u"2026-01-05T00:00"_s,
                 u"2026-01-09T00:00"_s}));
        row("L day of week", u"0 0 12 ? * L"_s, newYear,
            utc({u"2026-01-03T12:00"_s, u"2026-01-10T12:00"_s, u"2026-01-17T12:00"_s, u"2026-01-24T12:00"_s,
                 u"2026-01-31T12:00"_s}));
        row("L", u"0 0 23 L * ?"_s, newYear,
            utc({u"2026-01-31T23:00"_s, u"2026-02-28T23:00"_s, u"2026-03-31T23:00"_s, u"2026-04-30T23:00"_s,
                 u"2026-05-31T23:00"_s}));
        row("L in February", u"0 0 0 L 2 ?"_s, newYear,
            utc({u"2026-02-28T00:00"_s, u"2027-02-28T00:00"_s, u"2028-02-29T00:00"_s, u"2029-02-28T00:00"_s,
                 u"2030-02-28T00:00"_s}));
        row("L-3", u"0 0 0 L-3 * ?"_s, newYear,
            utc({u"2026-01-28T00:00"_s, u"2026-02-25T00:00"_s, u"2026-03-28T00:00"_s, u"2026-04-27T00:00"_s,
                 u"2026-05-28T00:00"_s}));
        // Jan 31 and Feb 28 are Saturdays, May 31 a Sunday.
        row("LW", u"0 0 0 LW * ?"_s, newYear,
            utc({u"2026-01-30T00:00"_s, u"2026-02-27T00:00"_s, u"2026-03-31T00:00"_s, u"2026-04-30T00:00"_s,
                 u"2026-05-29T00:00"_s}));
        // Feb 15 and Mar 15 are Sundays → Monday 16th.
        row("15W", u"0 0 0 15W * ?"_s, newYear,
            utc({u"2026-01-15T00:00"_s, u"2026-02-16T00:00"_s, u"2026-03-16T00:00"_s, u"2026-04-15T00:00"_s,
                 u"2026-05-15T00:00"_s}));
        // Aug 15 is a Saturday → Friday 14th; Nov 15 a Sunday → Monday 16th.
        row("15W from July", u"0 0 0 15W * ?"_s, july,
            utc({u"2026-07-15T00:00"_s, u"2026-08-14T00:00"_s, u"2026-09-15T00:00"_s, u"2026-10-15T00:00"_s,
                 u"2026-11-16T00:00"_s}));
        // Aug 1 is a Saturday → Monday 3rd (not July 31); Nov 1 a Sunday → Monday 2nd.
        row("1W", u"0 0 0 1W * ?"_s, july,
            utc({u"2026-08-03T00:00"_s, u"2026-09-01T00:00"_s, u"2026-10-01T00:00"_s, u"2026-11-02T00:00"_s,
                 u"2026-12-01T00:00"_s}));
        // Jan 31 is a Saturday, May 31 a Sunday → Friday 29th (not June 1); months without a 31st are skipped.
        row("31W", u"0 0 0 31W * ?"_s, newYear,
            utc({u"2026-01-30T00:00"_s, u"2026-03-31T00:00"_s, u"2026-05-29T00:00"_s, u"2026-07-31T00:00"_s,
                 u"2026-08-31T00:00"_s}));
        row("6L", u"0 0 0 ? * 6L"_s, newYear, lastFridays);
        row("FRIL", u"0 0 0 ? * FRIL"_s, newYear, lastFridays);
        row("2#1", u"0 0 9 ? * 2#1"_s, newYear, firstMondays);
        row("MON#1", u"0 0 9 ? * mon#1"_s, newYear, firstMondays);
        row("6#5", u"0 0 0 ? * 6#5"_s, newYear,
            utc({u"2026-01-30T00:00"_s, u"2026-05-29T00:00"_s, u"2026-07-31T00:00"_s, u"2026-10-30T00:00"_s,
                 u"2027-01-29T00:00"_s}));
        // Only when February 29th is a Friday; 2100 is no leap year.
        row("fifth Friday of February", u"0 0 0 ? 2 6#5"_s, newYear,
            utc({u"2036-02-29T00:00"_s, u"2064-02-29T00:00"_s, u"2092-02-29T00:00"_s, u"2104-02-29T00:00"_s,
                 u"2132-02-29T00:00"_s}));
        row("leap day", u"0 0 12 29 2 ?"_s, newYear,
            utc({u"2028-02-29T12:00"_s, u"2032-02-29T12:00"_s, u"2036-02-29T12:00"_s, u"2040-02-29T12:00"_s,
                 u"2044-02-29T12:00"_s}));
        row("year list", u"0 0 0 1 1 ? 2027,2030-2031"_s, newYear,
            utc({u"2027-01-01T00:00"_s, u"2030-01-01T00:00"_s, u"2031-01-01T00:00"_s}));
        row("year step", u"0 0 0 1 1 ? 2026/2"_s, newYear,
            utc({u"2028-01-01T00:00"_s, u"2030-01-01T00:00"_s, u"2032-01-01T00:00"_s, u"2034-01-01T00:00"_s,
                 u"2036-01-01T00:00"_s}));
        row("crontab weekdays", u"30 6 * * 1-5"_s, newYear, weekdays);
        row("crontab every 15 minutes", u"*/15 * * * *"_s, newYear, everyQuarterHour);
        row("crontab Sunday as 0", u"0 12 * * 0"_s, newYear, sundays);
        row("crontab Sunday as 7", u"0 12 * * 7"_s, newYear, sundays);
        row("crontab Sunday by name", u"0 12 * * SUN"_s, newYear, sundays);
        row("crontab month names", u"0 0 1 jan,jul *"_s, newYear,
            utc({u"2026-07-01T00:00"_s, u"2027-01-01T00:00"_s, u"2027-07-01T00:00"_s, u"2028-01-01T00:00"_s,
                 u"2028-07-01T00:00"_s}));
        // The 13th or any Friday.
        row("crontab day of month or day of week", u"0 9 13 * 5"_s, newYear,
            utc({u"2026-01-02T09:00"_s, u"2026-01-09T09:00"_s, u"2026-01-13T09:00"_s, u"2026-01-16T09:00"_s,
                 u"2026-01-23T09:00"_s}));
        row("crontab 1st or weekend", u"0 0 1 * sat,sun"_s, newYear,
            utc({u"2026-01-03T00:00"_s, u"2026-01-04T00:00"_s, u"2026-01-10T00:00"_s, u"2026-01-11T00:00"_s,
                 u"2026-01-17T00:00"_s}));
        // A day of month starting with * counts as unrestricted (Vixie cron): the 1st, 11th, 21st
        // or 31st, and a Monday.
        row("crontab */10 and Monday", u"0 0 */10 * mon"_s, newYear,
            utc({u"2026-05-11T00:00"_s, u"2026-06-01T00:00"_s, u"2026-08-31T00:00"_s, u"2026-09-21T00:00"_s,
                 u"2026-12-21T00:00"_s}));
    }

    void nextFireTimes()
    {
        QFETCH(QString, expression);
        QFETCH(QByteArray, zone);
        QFETCH(QString, after);
        QFETCH(QStringList, expected);
        QString error;
        const std::optional<CronExpression> cron = CronExpression::parse(expression, &error);
        QVERIFY2(cron, qPrintable(error));
        const QTimeZone timeZone(zone);
        QVERIFY(timeZone.isValid());
        const QDateTime start = QDateTime::fromString(after, Qt::ISODate);
        QVERIFY(start.isValid());

        const QList<QDateTime> times = cron->nextTimes(start, timeZone, 5);
        QStringList actual;
        for (const QDateTime& time : times) {
            QCOMPARE(time.timeZone(), timeZone);
            actual << time.toString(Qt::ISODate);
        }
        QCOMPARE(actual, expected);
        for (qsizetype i = 0; i < times.size(); ++i) {
            QCOMPARE(times.at(i).toMSecsSinceEpoch(),
                     QDateTime::fromString(expected.at(i), Qt::ISODate).toMSecsSinceEpoch());
        }
        QCOMPARE(cron->next(start, timeZone), times.value(0));
    }

    void daylightSaving_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("expected"); // in UTC

        const QByteArray berlin = "Europe/Berlin";
        const QByteArray newYork = "America/New_York";
        const QString daily = u"0 30 2 * * ?"_s;
        const QString hourly = u"0 0 * * * ?"_s;
        const QString halfHourly = u"0 0/30 * * * ?"_s;

        // 02:30 does not exist on 2026-03-29: that day's run is at 03:00 CEST (01:00 UTC).
        QTest::newRow("Berlin spring, daily 02:30")
            << daily << berlin << u"2026-03-27T12:00:00Z"_s
            << QStringList{u"2026-03-28T01:30:00Z"_s, u"2026-03-29T01:00:00Z"_s, u"2026-03-30T00:30:00Z"_s,
                           u"2026-03-31T00:30:00Z"_s};
        QTest::newRow("Berlin spring, daily 02:30 after 03:00")
            << daily << berlin << u"2026-03-29T01:00:00Z"_s
            << QStringList{u"2026-03-30T00:30:00Z"_s, u"2026-03-31T00:30:00Z"_s};
        // 01:00 CET, then 02:00 (skipped) runs at 03:00 CEST, which is not run a second time.
        QTest::newRow("Berlin spring, hourly") << hourly << berlin << u"2026-03-28T23:30:00Z"_s
                                               << QStringList{u"2026-03-29T00:00:00Z"_s, u"2026-03-29T01:00:00Z"_s,
                                                              u"2026-03-29T02:00:00Z"_s, u"2026-03-29T03:00:00Z"_s};
        QTest::newRow("Berlin spring, every 30 minutes")
            << halfHourly << berlin << u"2026-03-29T00:00:00Z"_s
            << QStringList{u"2026-03-29T00:30:00Z"_s, u"2026-03-29T01:00:00Z"_s, u"2026-03-29T01:30:00Z"_s,
                           u"2026-03-29T02:00:00Z"_s};
        // 02:30 happens twice on 2026-10-25: it runs at the first, 02:30 CEST (00:30 UTC).
        QTest::newRow("Berlin fall, daily 02:30") << daily << berlin << u"2026-10-23T12:00:00Z"_s
                                                  << QStringList{u"2026-10-24T00:30:00Z"_s, u"2026-10-25T00:30:00Z"_s,
                                                                 u"2026-10-26T01:30:00Z"_s, u"2026-10-27T01:30:00Z"_s};
        QTest::newRow("Berlin fall, daily 02:30 from the second 02:15")
            << daily << berlin << u"2026-10-25T01:15:00Z"_s << QStringList{u"2026-10-26T01:30:00Z"_s};
        QTest::newRow("Berlin fall, daily 02:30 from the second 02:30")
            << daily << berlin << u"2026-10-25T01:30:00Z"_s << QStringList{u"2026-10-26T01:30:00Z"_s};
        // 01:00 and 02:00 CEST, then 03:00 CET: 02:00 CET is the same wall-clock time again.
        QTest::newRow("Berlin fall, hourly") << hourly << berlin << u"2026-10-24T22:30:00Z"_s
                                             << QStringList{u"2026-10-24T23:00:00Z"_s, u"2026-10-25T00:00:00Z"_s,
                                                            u"2026-10-25T02:00:00Z"_s, u"2026-10-25T03:00:00Z"_s};
        QTest::newRow("Berlin fall, every 30 minutes")
            << halfHourly << berlin << u"2026-10-25T00:00:00Z"_s
            << QStringList{u"2026-10-25T00:30:00Z"_s, u"2026-10-25T02:00:00Z"_s, u"2026-10-25T02:30:00Z"_s,
                           u"2026-10-25T03:00:00Z"_s};
        QTest::newRow("Berlin fall, every 30 minutes from the second pass")
            << halfHourly << berlin << u"2026-10-25T01:15:00Z"_s
            << QStringList{u"2026-10-25T02:00:00Z"_s, u"2026-10-25T02:30:00Z"_s};

        QTest::newRow("New York spring, daily 02:30")
            << daily << newYork << u"2026-03-06T12:00:00Z"_s
            << QStringList{u"2026-03-07T07:30:00Z"_s, u"2026-03-08T07:00:00Z"_s, u"2026-03-09T06:30:00Z"_s,
                           u"2026-03-10T06:30:00Z"_s};
        QTest::newRow("New York spring, hourly") << hourly << newYork << u"2026-03-08T05:30:00Z"_s
                                                 << QStringList{u"2026-03-08T06:00:00Z"_s, u"2026-03-08T07:00:00Z"_s,
                                                                u"2026-03-08T08:00:00Z"_s, u"2026-03-08T09:00:00Z"_s};
        QTest::newRow("New York spring, every 30 minutes")
            << halfHourly << newYork << u"2026-03-08T06:00:00Z"_s
            << QStringList{u"2026-03-08T06:30:00Z"_s, u"2026-03-08T07:00:00Z"_s, u"2026-03-08T07:30:00Z"_s,
                           u"2026-03-08T08:00:00Z"_s};
        // In New York 01:00-01:59 repeats; 02:30 happens once, in EST.
        QTest::newRow("New York fall, daily 01:30")
            << u"0 30 1 * * ?"_s << newYork << u"2026-10-30T12:00:00Z"_s
            << QStringList{u"2026-10-31T05:30:00Z"_s, u"2026-11-01T05:30:00Z"_s, u"2026-11-02T06:30:00Z"_s,
                           u"2026-11-03T06:30:00Z"_s};
        QTest::newRow("New York fall, daily 02:30")
            << daily << newYork << u"2026-10-30T12:00:00Z"_s
            << QStringList{u"2026-10-31T06:30:00Z"_s, u"2026-11-01T07:30:00Z"_s, u"2026-11-02T07:30:00Z"_s};
        QTest::newRow("New York fall, hourly")
            << hourly << newYork << u"2026-11-01T04:30:00Z"_s
            << QStringList{u"2026-11-01T05:00:00Z"_s, u"2026-11-01T07:00:00Z"_s, u"2026-11-01T08:00:00Z"_s};
        QTest::newRow("New York fall, every 30 minutes")
            << halfHourly << newYork << u"2026-11-01T04:45:00Z"_s
            << QStringList{u"2026-11-01T05:00:00Z"_s, u"2026-11-01T05:30:00Z"_s, u"2026-11-01T07:00:00Z"_s,
                           u"2026-11-01T07:30:00Z"_s};
        // Elsewhere: Santiago skips midnight (00:00 → 01:00 on 2026-09-06), Lord Howe Island moves by
        // half an hour (02:00 → 02:30 on 2026-10-04, 02:00 → 01:30 on 2026-04-05).
        QTest::newRow("Santiago, midnight skipped")
            << u"0 0 0 * * ?"_s << QByteArray("America/Santiago") << u"2026-09-04T12:00:00Z"_s
            << QStringList{u"2026-09-05T04:00:00Z"_s, u"2026-09-06T04:00:00Z"_s, u"2026-09-07T03:00:00Z"_s};
        QTest::newRow("Lord Howe, half-hour gap")
            << u"0 15 2 * * ?"_s << QByteArray("Australia/Lord_Howe") << u"2026-10-02T00:00:00Z"_s
            << QStringList{u"2026-10-02T15:45:00Z"_s, u"2026-10-03T15:30:00Z"_s, u"2026-10-04T15:15:00Z"_s};
        QTest::newRow("Lord Howe, half-hour repeat")
            << u"0 45 1 * * ?"_s << QByteArray("Australia/Lord_Howe") << u"2026-04-03T00:00:00Z"_s
            << QStringList{u"2026-04-03T14:45:00Z"_s, u"2026-04-04T14:45:00Z"_s, u"2026-04-05T15:15:00Z"_s};
    }

    void daylightSaving()
    {
        QFETCH(QString, expression);
        QFETCH(QByteArray, zone);
        QFETCH(QString, after);
        QFETCH(QStringList, expected);
        const std::optional<CronExpression> cron = CronExpression::parse(expression, nullptr);
        QVERIFY(cron);
        const QTimeZone timeZone(zone);
        QVERIFY(timeZone.isValid());
        QStringList actual;
        for (const QDateTime& time :
             cron->nextTimes(QDateTime::fromString(after, Qt::ISODate), timeZone, int(expected.size()))) {
            QCOMPARE(time.timeZone(), timeZone);
            actual << time.toUTC().toString(Qt::ISODate);
        }
        QCOMPARE(actual, expected);
    }

    void impossibleSchedulesEnd_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("February 30th") << u"0 0 0 30 2 ?"_s;
        QTest::newRow("31st of short months") << u"0 0 0 31 4,6,9,11 ?"_s;
        QTest::newRow("31W of short months") << u"0 0 0 31W 2,4 ?"_s;
        QTest::newRow("past year") << u"0 0 0 * * ? 2020"_s;
        QTest::newRow("this year, passed") << u"0 0 0 1 1 ? 2026"_s;
        QTest::newRow("no fifth Friday in February 2027") << u"0 0 0 ? 2 6#5 2027"_s;
        QTest::newRow("crontab February 30th") << u"0 0 30 2 *"_s;
    }

    void impossibleSchedulesEnd()
    {
        QFETCH(QString, expression);
        const std::optional<CronExpression> cron = CronExpression::parse(expression, nullptr);
        QVERIFY(cron);
        QVERIFY(!cron->next(QDateTime::fromString(u"2026-06-01T00:00:00Z"_s, Qt::ISODate), QTimeZone("Europe/Berlin"))
                     .isValid());
        QVERIFY(cron->nextTimes(QDateTime::fromString(u"2026-06-01T00:00:00Z"_s, Qt::ISODate), QTimeZone("UTC"), 3)
                    .isEmpty());
    }

    void manyRunsInARow()
    {
        const std::optional<CronExpression> cron = CronExpression::parse(u"0 30 6 ? * MON-FRI"_s, nullptr);
        QVERIFY(cron);
        const QTimeZone berlin("Europe/Berlin");
        QDateTime time = QDateTime::fromString(u"2026-01-01T00:00:00Z"_s, Qt::ISODate);
        for (int i = 0; i < 1000; ++i) {
            const QDateTime next = cron->next(time, berlin);
            QVERIFY(next > time);
            QVERIFY(next.toTimeZone(berlin).date().dayOfWeek() <= 5);
            time = next;
        }
        // 1000 weekdays on: four years on, give or take.
        QCOMPARE(time.date().year(), 2029);
    }

    void invalidExpressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("words");

        const auto row = [](const char* name, const QString& expression, const QStringList& words) {
            QTest::newRow(name) << expression << words;
        };
        row("empty", QString(), {u"6 or 7 fields"_s, u"this has 0."_s});
        row("three fields", u"0 0 2"_s, {u"6 or 7 fields"_s, u"or 5 (crontab"_s, u"this has 3."_s});
        row("eight fields", u"0 0 0 * * ? 2026 1"_s, {u"this has 8."_s});
        row("second out of range", u"60 * * * * ?"_s, {u"Seconds: 60 is out of range; seconds run from 0 to 59."_s});
        row("minute out of range", u"0 60 * * * ?"_s, {u"Minutes: 60 is out of range"_s});
        row("hour out of range", u"0 0 25 * * ?"_s, {u"Hours: 25 is out of range; hours run from 0 to 23."_s});
        row("range end out of range", u"0 0 20-24 * * ?"_s, {u"Hours: 24 is out of range"_s});
        row("day of month out of range", u"0 0 0 32 * ?"_s, {u"Day of month: 32 is out of range"_s});
        row("day of month 0", u"0 0 0 0 * ?"_s, {u"Day of month: 0 is out of range"_s});
        row("month out of range", u"0 0 0 * 13 ?"_s, {u"Month: 13 is out of range"_s});
        row("day of week out of range", u"0 0 0 ? * 8"_s, {u"Day of week: 8 is out of range"_s});
        row("Quartz day of week 0", u"0 0 0 ? * 0"_s, {u"Day of week: 0 is out of range"_s, u"1 (SUN) to 7 (SAT)"_s});
        row("year too early", u"0 0 0 * * ? 1969"_s, {u"Year: 1969 is out of range"_s, u"1970 to 2199"_s});
        row("year too late", u"0 0 0 * * ? 2200"_s, {u"Year: 2200 is out of range"_s});
        row("crontab minute", u"60 * * * *"_s, {u"Minutes: 60 is out of range"_s});
        row("crontab day of week", u"0 0 * * 8"_s, {u"Day of week: 8 is out of range"_s, u"0 (SUN) to 7"_s});
        row("step 0", u"*/0 * * * * ?"_s, {u"Seconds:"_s, u"“*/0”"_s, u"step"_s});
        row("step too large", u"0 */60 * * * ?"_s, {u"Minutes:"_s, u"“*/60”"_s, u"step"_s});
        row("step not a number", u"0 0 */x * * ?"_s, {u"Hours:"_s, u"“*/x”"_s, u"step"_s});
        row("unknown month", u"0 0 0 * FOO ?"_s, {u"Month:"_s, u"“FOO”"_s});
        row("unknown day", u"0 0 0 ? * FUN"_s, {u"Day of week:"_s, u"“FUN”"_s});
        row("day name as month", u"0 0 0 * MON ?"_s, {u"Month:"_s, u"“MON”"_s});
        row("name in hours", u"0 0 MON * * ?"_s, {u"Hours:"_s, u"“MON”"_s});
        row("bad range", u"0 0 1-2-3 * * ?"_s, {u"Hours:"_s, u"“1-2-3”"_s});
        row("open range", u"0 0 5- * * ?"_s, {u"Hours:"_s, u"“5-”"_s});
        row("empty list entry", u"0 0 1,,2 * * ?"_s, {u"Hours:"_s, u"“1,,2”"_s});
        row("L in minutes", u"0 L * * * ?"_s, {u"Minutes:"_s, u"“L”"_s});
        row("L in month", u"0 0 0 * L ?"_s, {u"Month:"_s, u"“L”"_s});
        row("L in year", u"0 0 0 * * ? L"_s, {u"Year:"_s, u"“L”"_s});
        row("W in day of week", u"0 0 0 ? * 1W"_s, {u"Day of week:"_s, u"“1W”"_s, u"day-of-month"_s});
        row("W in hours", u"0 0 5W * * ?"_s, {u"Hours:"_s, u"“5W”"_s});
        row("# in day of month", u"0 0 0 1#2 * ?"_s, {u"Day of month:"_s, u"“1#2”"_s, u"day-of-week"_s});
        row("# in seconds", u"1#2 0 0 * * ?"_s, {u"Seconds:"_s, u"“1#2”"_s});
        row("# beyond the fifth", u"0 0 0 ? * 2#6"_s, {u"Day of week:"_s, u"“2#6”"_s, u"1 to 5"_s});
        row("# of a day out of range", u"0 0 0 ? * 9#1"_s, {u"Day of week: 9 is out of range"_s});
        row("L- too far", u"0 0 0 L-31 * ?"_s, {u"Day of month:"_s, u"“L-31”"_s, u"0 to 30"_s});
        row("nW out of range", u"0 0 0 32W * ?"_s, {u"Day of month: 32 is out of range"_s});
        row("nL in day of month", u"0 0 0 5L * ?"_s, {u"Day of month:"_s, u"“5L”"_s});
        row("L in a list", u"0 0 0 L,15 * ?"_s, {u"Day of month:"_s, u"“L”"_s, u"cannot be combined"_s});
        row("nL in a list", u"0 0 0 ? * 6L,2"_s, {u"Day of week:"_s, u"“6L”"_s, u"cannot be combined"_s});
        row("? in seconds", u"? 0 0 * * ?"_s, {u"Seconds:"_s, u"“?”"_s});
        row("? in month", u"0 0 0 * ? ?"_s, {u"Month:"_s, u"“?”"_s});
        row("both day fields set", u"0 0 0 15 * MON"_s,
            {u"Day of month"_s, u"Day of week"_s, u"“15”"_s, u"“MON”"_s, u"“?”"_s});
        row("both day fields ?", u"0 0 0 ? * ?"_s, {u"Day of month"_s, u"Day of week"_s, u"both are “?”"_s});
        row("crontab L", u"0 0 L * *"_s, {u"Day of month:"_s, u"“L”"_s, u"Quartz"_s});
        row("crontab #", u"0 0 * * 1#2"_s, {u"Day of week:"_s, u"“1#2”"_s, u"Quartz"_s});
    }

    void invalidExpressions()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, words);
        QString error;
        QVERIFY(!CronExpression::parse(expression, &error));
        for (const QString& word : words) {
            QVERIFY2(error.contains(word), qPrintable(u"“%1” not in: %2"_s.arg(word, error)));
        }
        QVERIFY2(error.endsWith(u'.'), qPrintable(error));
        QVERIFY(!CronExpression::parse(expression, nullptr)); // no error wanted
    }

    void describe_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("description");

        const auto row = [](const QString& expression, const QString& description) {
            QTest::newRow(qPrintable(expression)) << expression << description;
        };
        row(u"0 0 2 * * ?"_s, u"Every day at 02:00"_s);
        row(u"0 30 6 ? * MON-FRI"_s, u"Every weekday (Monday to Friday) at 06:30"_s);
        row(u"30 6 * * 1-5"_s, u"Every weekday (Monday to Friday) at 06:30"_s);
        row(u"15 30 2 * * ?"_s, u"Every day at 02:30:15"_s);
        row(u"0 30 2 ? * 1-7"_s, u"Every day at 02:30"_s);
        row(u"0 0 8,17 * * ?"_s, u"Every day at 08:00 and 17:00"_s);
        row(u"0 0 */7 * * ?"_s, u"Every day at 00:00, 07:00, 14:00 and 21:00"_s);
        row(u"0 */15 * * * ?"_s, u"Every 15 minutes"_s);
        row(u"*/15 * * * *"_s, u"Every 15 minutes"_s);
        row(u"*/10 * * * * ?"_s, u"Every 10 seconds"_s);
        row(u"* * * * * ?"_s, u"Every second"_s);
        row(u"0 * * * * ?"_s, u"Every minute"_s);
        row(u"* * * * *"_s, u"Every minute"_s);
        row(u"30 * * * * ?"_s, u"Every minute at second 30"_s);
        row(u"0 0 * * * ?"_s, u"Every hour"_s);
        row(u"0 15 * * * ?"_s, u"Every hour at minute 15"_s);
        row(u"0 0 */6 * * ?"_s, u"Every 6 hours"_s);
        row(u"0 30 */12 * * ?"_s, u"Every 12 hours at minute 30"_s);
        row(u"0 0 23 L * ?"_s, u"On the last day of every month at 23:00"_s);
        row(u"0 0 9 L-1 * ?"_s, u"On the day before the last day of every month at 09:00"_s);
        row(u"0 0 9 L-3 * ?"_s, u"On the day 3 days before the last day of every month at 09:00"_s);
        row(u"0 0 9 LW * ?"_s, u"On the last weekday of every month at 09:00"_s);
        row(u"0 0 9 15W * ?"_s, u"On the weekday nearest to day 15 of every month at 09:00"_s);
        row(u"0 0 9 ? * 2#2"_s, u"On the second Monday of every month at 09:00"_s);
        row(u"0 0 9 ? * 6L"_s, u"On the last Friday of every month at 09:00"_s);
        row(u"0 0 9 1 * ?"_s, u"On day 1 of every month at 09:00"_s);
        row(u"0 0 9 1,15 * ?"_s, u"On days 1 and 15 of every month at 09:00"_s);
        row(u"0 0 9 1-10,20 * ?"_s, u"On days 1 to 10 and 20 of every month at 09:00"_s);
        row(u"0 0 12 ? * MON,WED,FRI"_s, u"Every Monday, Wednesday and Friday at 12:00"_s);
        row(u"0 0 12 ? * SAT,SUN"_s, u"Every Saturday and Sunday at 12:00"_s);
        row(u"0 0 12 ? * L"_s, u"Every Saturday at 12:00"_s);
        row(u"0 0 8 * JAN,JUL ?"_s, u"Every day in January and July at 08:00"_s);
        row(u"0 0 8 ? JAN-MAR MON"_s, u"Every Monday in January to March at 08:00"_s);
        row(u"0 0 0 1 1 ?"_s, u"On day 1 of January at 00:00"_s);
        row(u"0 0 12 29 2 ?"_s, u"On day 29 of February at 12:00"_s);
        row(u"0 0 9 ? 3 1#1"_s, u"On the first Sunday of March at 09:00"_s);
        row(u"0 0 0 1 1 ? 2027"_s, u"On day 1 of January at 00:00, in 2027"_s);
        row(u"0 0 2 * * ? 2027-2030"_s, u"Every day at 02:00, in 2027 to 2030"_s);
        row(u"0 */15 * * JAN ?"_s, u"Every 15 minutes in January"_s);
        row(u"0 */5 * ? * MON-FRI"_s, u"Every 5 minutes, every weekday (Monday to Friday)"_s);
        row(u"0 9 13 * 5"_s, u"On day 13 of every month and every Friday at 09:00"_s);
        row(u"0 0,30 8-17 1,15 1,7 ?"_s,
            u"At second 0, minutes 0,30, hours 8-17, on days 1,15 of the month, in January and July"_s);
        row(u"0 */7 * * * ?"_s, u"At second 0, minutes 0 to 56 in steps of 7, every hour"_s);
        row(u"0 0 */10 * mon"_s,
            u"At second 0, minute 0, hour 0, on days 1,11,21,31 of the month, and only if that day is a Monday"_s);
        row(u"0 0 9-17 ? * 6#3 2030"_s,
            u"At second 0, minute 0, hours 9-17, on the third Friday of the month, in 2030"_s);
    }

    void describe()
    {
        QFETCH(QString, expression);
        QFETCH(QString, description);
        QString error;
        const std::optional<CronExpression> cron = CronExpression::parse(expression, &error);
        QVERIFY2(cron, qPrintable(error));
        QCOMPARE(cron->describe(), description);
    }

    void textIsNormalised()
    {
        const std::optional<CronExpression> cron = CronExpression::parse(u"  0  0 2 *\t* ?  "_s, nullptr);
        QVERIFY(cron);
        QCOMPARE(cron->text(), u"0 0 2 * * ?"_s);
        QVERIFY(*cron == *CronExpression::parse(CronExpression::defaultExpression, nullptr));
        QVERIFY(!(*cron == *CronExpression::parse(u"0 0 3 * * ?"_s, nullptr)));
    }

    void invalidInputGivesNoTime()
    {
        const std::optional<CronExpression> cron = CronExpression::parse(CronExpression::defaultExpression, nullptr);
        QVERIFY(cron);
        QVERIFY(!cron->next(QDateTime(), QTimeZone("UTC")).isValid());
        QVERIFY(!cron->next(QDateTime::currentDateTimeUtc(), QTimeZone()).isValid());
        QVERIFY(cron->nextTimes(QDateTime::currentDateTimeUtc(), QTimeZone("UTC"), 0).isEmpty());
    }

private:
    // "2026-01-01T02:00" → "2026-01-01T02:00:00+00:00", as Qt writes a time in the UTC zone.
    static QStringList utc(const QStringList& times)
    {
        QStringList result;
        for (const QString& time : times) {
            result << (time.size() == 16 ? time + u":00"_s : time) + u"+00:00"_s;
        }
        return result;
    }
};

QTEST_GUILESS_MAIN(TestCronExpression)
#include "tst_cronexpression.moc"

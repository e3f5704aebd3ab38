#pragma once

#include <QtGlobal>

#include <bitset>
#include <optional>

// What a CronExpression means, one set per field, shared by its parser, its search and its
// description. Quartz and crontab lines both end up here; days of the week use Qt's numbering
// (1 = Monday … 7 = Sunday) whatever the text used.
struct CronFields
{
    static constexpr int firstYear = 1970;
    static constexpr int lastYear = 2199;
    static constexpr quint64 allSeconds = (quint64(1) << 60) - 1; // also all minutes
    static constexpr quint32 allHours = (quint32(1) << 24) - 1;
    static constexpr quint32 allDaysOfMonth = 0xFFFFFFFEu; // bits 1-31
    static constexpr quint16 allMonths = 0x1FFE; // bits 1-12
    static constexpr quint8 allWeekdays = 0xFE; // bits 1-7

    // Quartz allows L, LW and nW only on their own, so a field holds one kind.
    enum class DayOfMonth { Any, Days, Last, LastWeekday, NearestWeekday };
    enum class DayOfWeek { Any, Days, Last, Nth };

    quint64 seconds = 0; // bit n: second n
    quint64 minutes = 0; // bit n: minute n
    quint32 hours = 0; // bit n: hour n
    DayOfMonth dayOfMonth = DayOfMonth::Any;
    quint32 daysOfMonth = 0; // with Days, bit n: day n
    // with Last: days before the last (L-n; none in a month too short for it); with NearestWeekday: the day (nW)
    int dayOfMonthValue = 0;
    quint16 months = allMonths; // bit n: month n
    DayOfWeek dayOfWeek = DayOfWeek::Any;
    quint8 daysOfWeek = 0; // with Days, bit n: Qt weekday n
    int weekday = 0; // with Last and Nth: the Qt weekday
    int nth = 0; // with Nth: 1-5
    // Crontab's rule when both day fields are restricted: a day matches when either does.
    // Otherwise both must match (an unrestricted field matches every day).
    bool eitherDay = false;
    bool anyYear = true;
    std::bitset<lastYear - firstYear + 1> years; // without anyYear, bit n: year firstYear + n

    bool yearMatches(int year) const
    {
        return anyYear ? year <= lastYear : year >= firstYear && year <= lastYear && years.test(year - firstYear);
    }
    // `day` of a month of `daysInMonth` days whose first day is the Qt weekday `firstWeekday`.
    bool dayMatches(int day, int daysInMonth, int firstWeekday) const;

    // Wall-clock times are milliseconds since the epoch as if local time were UTC: the search runs
    // on them, free of gaps and repeats, and only its result is turned into an instant.
    static constexpr qint64 msPerDay = 86400000;
    static qint64 floorDiv(qint64 value, qint64 divisor)
    {
        return value >= 0 ? value / divisor : (value - divisor + 1) / divisor;
    }
    // The first matching wall-clock time at or after `wall`; none after lastYear.
    std::optional<qint64> nextWallClock(qint64 wall) const;
};

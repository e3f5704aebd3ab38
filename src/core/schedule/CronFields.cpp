#include "CronFields.h"

#include <QDate>

#include <algorithm>
#include <bit>
#include <optional>

namespace {

constexpr qint64 epochJulianDay = 2440588; // 1970-01-01

int weekdayOf(int day, int firstWeekday)
{
    return (firstWeekday - 1 + day - 1) % 7 + 1;
}

// Quartz's nW: the weekday nearest to day n in the same month; a Saturday the 1st moves forward to
// Monday the 3rd and a Sunday that ends the month back to Friday, rather than into another month.
// A day the month does not have (31W in April) matches nothing, as 31 alone would.
int nearestWeekday(int day, int daysInMonth, int firstWeekday)
{
    if (day > daysInMonth) {
        return 0;
    }
    switch (weekdayOf(day, firstWeekday)) {
    case Qt::Saturday:
        return day == 1 ? 3 : day - 1;
    case Qt::Sunday:
        return day == daysInMonth ? day - 2 : day + 1;
    default:
        return day;
    }
}

// The first second of the day at or after `from` (seconds since midnight) that the time fields match.
std::optional<int> firstTime(const CronFields& fields, int from)
{
    const int fromHour = from / 3600;
    const int fromMinute = from / 60 % 60;
    for (int hour = fromHour; hour < 24; ++hour) {
        if (!(fields.hours >> hour & 1)) {
            continue;
        }
        for (int minute = hour == fromHour ? fromMinute : 0; minute < 60; ++minute) {
            if (!(fields.minutes >> minute & 1)) {
                continue;
            }
            const int fromSecond = hour == fromHour && minute == fromMinute ? from % 60 : 0;
            if (const quint64 seconds = fields.seconds & (~quint64(0) << fromSecond)) {
                return hour * 3600 + minute * 60 + std::countr_zero(seconds);
            }
        }
    }
    return std::nullopt;
}

qint64 wallClock(const QDate& date, int secondOfDay)
{
    return (date.toJulianDay() - epochJulianDay) * CronFields::msPerDay + secondOfDay * qint64(1000);
}

} // namespace

bool CronFields::dayMatches(int day, int daysInMonth, int firstWeekday) const
{
    bool dayOfMonthMatches = true;
    switch (dayOfMonth) {
    case DayOfMonth::Any:
        break;
    case DayOfMonth::Days:
        dayOfMonthMatches = daysOfMonth & (quint32(1) << day);
        break;
    case DayOfMonth::Last:
        dayOfMonthMatches = day == daysInMonth - dayOfMonthValue;
        break;
    case DayOfMonth::LastWeekday:
        dayOfMonthMatches = day == nearestWeekday(daysInMonth, daysInMonth, firstWeekday);
        break;
    case DayOfMonth::NearestWeekday:
        dayOfMonthMatches = day == nearestWeekday(dayOfMonthValue, daysInMonth, firstWeekday);
        break;
    }

    const int dayOfTheWeek = weekdayOf(day, firstWeekday);
    bool dayOfWeekMatches = true;
    switch (dayOfWeek) {
    case DayOfWeek::Any:
        break;
    case DayOfWeek::Days:
        dayOfWeekMatches = daysOfWeek & (1 << dayOfTheWeek);
        break;
    case DayOfWeek::Last:
        dayOfWeekMatches = dayOfTheWeek == weekday && day + 7 > daysInMonth;
        break;
    case DayOfWeek::Nth:
        dayOfWeekMatches = dayOfTheWeek == weekday && (day - 1) / 7 + 1 == nth;
        break;
    }
    return eitherDay ? dayOfMonthMatches || dayOfWeekMatches : dayOfMonthMatches && dayOfWeekMatches;
}

std::optional<qint64> CronFields::nextWallClock(qint64 wall) const
{
    const qint64 dayNumber = floorDiv(wall, msPerDay);
    QDate date = QDate::fromJulianDay(dayNumber + epochJulianDay);
    int second = int((wall - dayNumber * msPerDay) / 1000);
    while (date.isValid() && date.year() <= lastYear) {
        const int year = date.year();
        if (!yearMatches(year)) {
            int next = std::max(year + 1, firstYear);
            while (next <= lastYear && !yearMatches(next)) {
                ++next;
            }
            date = QDate(next, 1, 1);
            second = 0;
            continue;
        }
        const QDate first(year, date.month(), 1);
        if (!(months >> date.month() & 1)) {
            const quint16 later = months & ~((2u << date.month()) - 1);
            date = later ? QDate(year, std::countr_zero(later), 1) : QDate(year + 1, 1, 1);
            second = 0;
            continue;
        }
        const int daysInMonth = first.daysInMonth();
        const int firstWeekday = first.dayOfWeek();
        int day = date.day();
        while (day <= daysInMonth && !dayMatches(day, daysInMonth, firstWeekday)) {
            ++day;
        }
        if (day > daysInMonth) {
            date = first.addMonths(1);
            second = 0;
            continue;
        }
        if (day != date.day()) {
            date = QDate(year, date.month(), day);
            second = 0;
        }
        if (const std::optional<int> time = firstTime(*this, second)) {
            return wallClock(date, *time);
        }
        date = date.addDays(1);
        second = 0;
    }
    return std::nullopt;
}

// CronExpression::describe(): the schedule in words. Common shapes get a sentence of their own;
// anything else is described field by field, which is clumsier but never wrong.
#include "CronExpression.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace {

using Values = QList<int>;

const char* const monthNames[] = {
    QT_TRANSLATE_NOOP("CronExpression", "January"),   QT_TRANSLATE_NOOP("CronExpression", "February"),
    QT_TRANSLATE_NOOP("CronExpression", "March"),     QT_TRANSLATE_NOOP("CronExpression", "April"),
    QT_TRANSLATE_NOOP("CronExpression", "May"),       QT_TRANSLATE_NOOP("CronExpression", "June"),
    QT_TRANSLATE_NOOP("CronExpression", "July"),      QT_TRANSLATE_NOOP("CronExpression", "August"),
    QT_TRANSLATE_NOOP("CronExpression", "September"), QT_TRANSLATE_NOOP("CronExpression", "October"),
    QT_TRANSLATE_NOOP("CronExpression", "November"),  QT_TRANSLATE_NOOP("CronExpression", "December"),
};
// Qt's order, Monday first.
const char* const weekdayNames[] = {
    QT_TRANSLATE_NOOP("CronExpression", "Monday"),    QT_TRANSLATE_NOOP("CronExpression", "Tuesday"),
    QT_TRANSLATE_NOOP("CronExpression", "Wednesday"), QT_TRANSLATE_NOOP("CronExpression", "Thursday"),
    QT_TRANSLATE_NOOP("CronExpression", "Friday"),    QT_TRANSLATE_NOOP("CronExpression", "Saturday"),
    QT_TRANSLATE_NOOP("CronExpression", "Sunday"),
};
//: As in "on the second Monday of every month"
const char* const ordinals[] = {
    QT_TRANSLATE_NOOP("CronExpression", "first"), QT_TRANSLATE_NOOP("CronExpression", "second"),
    QT_TRANSLATE_NOOP("CronExpression", "third"), QT_TRANSLATE_NOOP("CronExpression", "fourth"),
    QT_TRANSLATE_NOOP("CronExpression", "fifth"),
};

template <typename Mask>
Values valuesOf(Mask mask, int first, int last)
{
    Values values;
    for (int value = first; value <= last; ++value) {
        if (mask >> value & 1) {
            values << value;
        }
    }
    return values;
}

QString weekdayName(int weekday)
{
    return CronExpression::tr(weekdayNames[weekday - 1]);
}

// "a", "a and b", "a, b and c"
QString joinWords(const QStringList& words, bool alternatives = false)
{
    if (words.size() < 2) {
        return words.value(0);
    }
    const QString head = words.first(words.size() - 1).join(u", "_s);
    //: The last two items of a list: "Monday, Tuesday and Friday"
    return alternatives ? CronExpression::tr("%1 or %2").arg(head, words.last())
                        : CronExpression::tr("%1 and %2").arg(head, words.last());
}

// Runs of three or more consecutive values, as [first, last] pairs.
QList<std::pair<int, int>> runsOf(const Values& values)
{
    QList<std::pair<int, int>> runs;
    for (int value : values) {
        if (!runs.isEmpty() && runs.last().second == value - 1) {
            runs.last().second = value;
        } else {
            runs.append({value, value});
        }
    }
    return runs;
}

// For sentences: "1 and 15", "1 to 10 and 20", "January to March and July".
QString niceList(const Values& values, const std::function<QString(int)>& name)
{
    QStringList words;
    for (const auto& [first, last] : runsOf(values)) {
        if (last - first >= 2) {
            //: A range in a list: "1 to 10", "January to March"
            words << CronExpression::tr("%1 to %2").arg(name(first), name(last));
        } else {
            for (int value = first; value <= last; ++value) {
                words << name(value);
            }
        }
    }
    return joinWords(words);
}

QString number(int value)
{
    return QString::number(value);
}

QString monthList(quint16 months)
{
    return niceList(valuesOf(months, 1, 12), [](int month) { return CronExpression::tr(monthNames[month - 1]); });
}

// For the field-by-field fallback: "0,30", "8-17", "0 to 56 in steps of 7".
QString compactList(const Values& values)
{
    const int step = values.size() >= 6 ? values.at(1) - values.at(0) : 0;
    bool progression = step >= 2;
    for (qsizetype i = 1; progression && i < values.size(); ++i) {
        progression = values.at(i) - values.at(i - 1) == step;
    }
    if (progression) {
        return CronExpression::tr("%1 to %2 in steps of %3").arg(values.first()).arg(values.last()).arg(step);
    }
    QStringList parts;
    for (const auto& [first, last] : runsOf(values)) {
        if (last - first >= 2) {
            parts << u"%1-%2"_s.arg(first).arg(last);
        } else {
            for (int value = first; value <= last; ++value) {
                parts << number(value);
            }
        }
    }
    return parts.join(u',');
}

// n when the values are 0, n, 2n … and repeat evenly over `period` (every n minutes); 0 otherwise.
int everyStep(const Values& values, int period)
{
    if (values.size() < 2 || values.first() != 0) {
        return 0;
    }
    const int step = values.at(1);
    if (period % step != 0 || values.size() != period / step) {
        return 0;
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values.at(i) != i * step) {
            return 0;
        }
    }
    return step;
}

QString clock(int hour, int minute, int second)
{
    const QString time = u"%1:%2"_s.arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
    return second == 0 ? time : u"%1:%2"_s.arg(time).arg(second, 2, 10, QLatin1Char('0'));
}

struct TimeText
{
    QString text;
    bool at = false; // "at 02:00", to follow the days; otherwise a frequency ("every 15 minutes")
};

std::optional<TimeText> niceTime(const CronFields& fields)
{
    const Values seconds = valuesOf(fields.seconds, 0, 59);
    const Values minutes = valuesOf(fields.minutes, 0, 59);
    const Values hours = valuesOf(fields.hours, 0, 23);
    const bool onTheMinute = seconds == Values{0};
    if (fields.hours == CronFields::allHours) {
        if (fields.minutes == CronFields::allSeconds) {
            if (fields.seconds == CronFields::allSeconds) {
                return TimeText{CronExpression::tr("every second")};
            }
            if (const int step = everyStep(seconds, 60)) {
                return TimeText{CronExpression::tr("every %1 seconds").arg(step)};
            }
            if (seconds.size() == 1) {
                return TimeText{onTheMinute ? CronExpression::tr("every minute")
                                            : CronExpression::tr("every minute at second %1").arg(seconds.first())};
            }
            return std::nullopt;
        }
        if (!onTheMinute) {
            return std::nullopt;
        }
        if (const int step = everyStep(minutes, 60)) {
            return TimeText{CronExpression::tr("every %1 minutes").arg(step)};
        }
        if (minutes.size() == 1) {
            return TimeText{minutes.first() == 0 ? CronExpression::tr("every hour")
                                                 : CronExpression::tr("every hour at minute %1").arg(minutes.first())};
        }
        return std::nullopt;
    }
    if (onTheMinute && minutes.size() == 1) {
        if (const int step = everyStep(hours, 24)) {
            return TimeText{minutes.first() == 0
                                ? CronExpression::tr("every %1 hours").arg(step)
                                : CronExpression::tr("every %1 hours at minute %2").arg(step).arg(minutes.first())};
        }
    }
    if (seconds.size() == 1 && minutes.size() * hours.size() <= 4) {
        QStringList times;
        for (int hour : hours) {
            for (int minute : minutes) {
                times << clock(hour, minute, seconds.first());
            }
        }
        //: A time of day or a list of them: "at 02:00", "at 08:00 and 17:00"
        return TimeText{CronExpression::tr("at %1").arg(joinWords(times)), true};
    }
    return std::nullopt;
}

// The phrase for one restricted day field; `ofMonths` is "every month", "January" … or "the month".
QString dayOfMonthText(const CronFields& fields, const QString& ofMonths, bool compact)
{
    switch (fields.dayOfMonth) {
    case CronFields::DayOfMonth::Any:
        break;
    case CronFields::DayOfMonth::Days: {
        const Values days = valuesOf(fields.daysOfMonth, 1, 31);
        const QString list = compact ? compactList(days) : niceList(days, number);
        return days.size() == 1 ? CronExpression::tr("on day %1 of %2").arg(list, ofMonths)
                                : CronExpression::tr("on days %1 of %2").arg(list, ofMonths);
    }
    case CronFields::DayOfMonth::Last:
        if (fields.dayOfMonthValue == 0) {
            return CronExpression::tr("on the last day of %1").arg(ofMonths);
        }
        if (fields.dayOfMonthValue == 1) {
            return CronExpression::tr("on the day before the last day of %1").arg(ofMonths);
        }
        return CronExpression::tr("on the day %1 days before the last day of %2")
            .arg(number(fields.dayOfMonthValue), ofMonths);
    case CronFields::DayOfMonth::LastWeekday:
        //: Weekday: Monday to Friday
        return CronExpression::tr("on the last weekday of %1").arg(ofMonths);
    case CronFields::DayOfMonth::NearestWeekday:
        return CronExpression::tr("on the weekday nearest to day %1 of %2")
            .arg(number(fields.dayOfMonthValue), ofMonths);
    }
    return {};
}

QString weekdayList(const CronFields& fields, bool alternatives = false)
{
    QStringList names;
    for (int weekday : valuesOf(fields.daysOfWeek, 1, 7)) {
        names << weekdayName(weekday);
    }
    return joinWords(names, alternatives);
}

// `inMonths` is empty for every month.
QString dayOfWeekText(const CronFields& fields, const QString& ofMonths, const QString& inMonths, bool compact)
{
    switch (fields.dayOfWeek) {
    case CronFields::DayOfWeek::Any:
        break;
    case CronFields::DayOfWeek::Days: {
        QString text;
        if (compact) {
            text = CronExpression::tr("on %1").arg(weekdayList(fields));
        } else if (fields.daysOfWeek == 0x3E) {
            text = CronExpression::tr("every weekday (Monday to Friday)");
        } else {
            text = CronExpression::tr("every %1").arg(weekdayList(fields));
        }
        return inMonths.isEmpty() ? text : CronExpression::tr("%1 in %2").arg(text, inMonths);
    }
    case CronFields::DayOfWeek::Last:
        return CronExpression::tr("on the last %1 of %2").arg(weekdayName(fields.weekday), ofMonths);
    case CronFields::DayOfWeek::Nth:
        //: "on the second Monday of every month"
        return CronExpression::tr("on the %1 %2 of %3")
            .arg(CronExpression::tr(ordinals[fields.nth - 1]), weekdayName(fields.weekday), ofMonths);
    }
    return {};
}

bool allDaysOfMonth(const CronFields& fields)
{
    return fields.dayOfMonth == CronFields::DayOfMonth::Any
        || (fields.dayOfMonth == CronFields::DayOfMonth::Days && fields.daysOfMonth == CronFields::allDaysOfMonth);
}

bool allDaysOfWeek(const CronFields& fields)
{
    return fields.dayOfWeek == CronFields::DayOfWeek::Any
        || (fields.dayOfWeek == CronFields::DayOfWeek::Days && fields.daysOfWeek == CronFields::allWeekdays);
}

bool everyDay(const CronFields& fields)
{
    return fields.eitherDay ? allDaysOfMonth(fields) || allDaysOfWeek(fields)
                            : allDaysOfMonth(fields) && allDaysOfWeek(fields);
}

// The days as one phrase, or nothing for every day; nullopt for crontab's "*/n" day of month
// together with days of the week (both must match), which only the fallback describes.
std::optional<QString> niceDays(const CronFields& fields)
{
    const bool everyMonth = fields.months == CronFields::allMonths;
    const QString inMonths = everyMonth ? QString() : monthList(fields.months);
    const QString ofMonths = everyMonth ? CronExpression::tr("every month") : inMonths;
    if (everyDay(fields)) {
        return QString();
    }
    if (fields.eitherDay) {
        return CronExpression::tr("%1 and %2")
            .arg(dayOfMonthText(fields, ofMonths, false), dayOfWeekText(fields, ofMonths, inMonths, false));
    }
    if (allDaysOfMonth(fields)) {
        return dayOfWeekText(fields, ofMonths, inMonths, false);
    }
    if (allDaysOfWeek(fields)) {
        return dayOfMonthText(fields, ofMonths, false);
    }
    return std::nullopt;
}

Values yearsOf(const CronFields& fields)
{
    Values years;
    for (int year = CronFields::firstYear; year <= CronFields::lastYear; ++year) {
        if (fields.years.test(year - CronFields::firstYear)) {
            years << year;
        }
    }
    return years;
}

QString fieldText(quint64 mask, int last, const char* every, const char* one, const char* many)
{
    const Values values = valuesOf(mask, 0, last);
    if (values.size() == last + 1) {
        return CronExpression::tr(every);
    }
    return CronExpression::tr(values.size() == 1 ? one : many).arg(compactList(values));
}

QString fallback(const CronFields& fields)
{
    QStringList parts;
    parts << CronExpression::tr("at %1, %2, %3")
                 .arg(fieldText(fields.seconds, 59, QT_TRANSLATE_NOOP("CronExpression", "every second"),
                                QT_TRANSLATE_NOOP("CronExpression", "second %1"),
                                QT_TRANSLATE_NOOP("CronExpression", "seconds %1")),
                      fieldText(fields.minutes, 59, QT_TRANSLATE_NOOP("CronExpression", "every minute"),
                                QT_TRANSLATE_NOOP("CronExpression", "minute %1"),
                                QT_TRANSLATE_NOOP("CronExpression", "minutes %1")),
                      fieldText(fields.hours, 23, QT_TRANSLATE_NOOP("CronExpression", "every hour"),
                                QT_TRANSLATE_NOOP("CronExpression", "hour %1"),
                                QT_TRANSLATE_NOOP("CronExpression", "hours %1")));
    if (!everyDay(fields)) {
        const QString theMonth = CronExpression::tr("the month");
        const QString dayOfMonth = dayOfMonthText(fields, theMonth, true);
        const QString dayOfWeek = dayOfWeekText(fields, theMonth, QString(), true);
        if (allDaysOfMonth(fields)) {
            parts << dayOfWeek;
        } else if (allDaysOfWeek(fields)) {
            parts << dayOfMonth;
        } else if (fields.eitherDay) {
            parts << CronExpression::tr("%1 and %2").arg(dayOfMonth, dayOfWeek);
        } else {
            // Only crontab's "*/n" day of month with plain days of the week gets here.
            parts << CronExpression::tr("%1, and only if that day is a %2").arg(dayOfMonth, weekdayList(fields, true));
        }
    }
    if (fields.months != CronFields::allMonths) {
        parts << CronExpression::tr("in %1").arg(monthList(fields.months));
    }
    if (!fields.anyYear) {
        parts << CronExpression::tr("in %1").arg(compactList(yearsOf(fields)));
    }
    return parts.join(u", "_s);
}

QString capitalised(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

} // namespace

QString CronExpression::describe() const
{
    const std::optional<TimeText> time = niceTime(m_fields);
    const std::optional<QString> days = niceDays(m_fields);
    if (!time || !days) {
        return capitalised(fallback(m_fields));
    }
    const bool everyMonth = m_fields.months == CronFields::allMonths;
    QString sentence;
    if (time->at) {
        QString when = *days;
        if (when.isEmpty()) {
            when = everyMonth ? tr("every day") : tr("every day in %1").arg(monthList(m_fields.months));
        }
        //: Days, then times: "every day" "at 02:00"
        sentence = tr("%1 %2").arg(when, time->text);
    } else if (days->isEmpty()) {
        sentence = everyMonth ? time->text : tr("%1 in %2").arg(time->text, monthList(m_fields.months));
    } else {
        //: A frequency, then days: "every 15 minutes", "every weekday (Monday to Friday)"
        sentence = tr("%1, %2").arg(time->text, *days);
    }
    if (!m_fields.anyYear) {
        //: Years: "…, in 2027", "…, in 2027 and 2028"
        sentence = tr("%1, in %2").arg(sentence, niceList(yearsOf(m_fields), number));
    }
    return capitalised(sentence);
}

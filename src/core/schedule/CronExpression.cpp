#include "CronExpression.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <bit>

using namespace Qt::StringLiterals;

namespace {

enum class Field { Second, Minute, Hour, DayOfMonth, Month, DayOfWeek, Year };

const QStringList monthNames = {u"JAN"_s, u"FEB"_s, u"MAR"_s, u"APR"_s, u"MAY"_s, u"JUN"_s,
                                u"JUL"_s, u"AUG"_s, u"SEP"_s, u"OCT"_s, u"NOV"_s, u"DEC"_s};
const QStringList dayNames = {u"SUN"_s, u"MON"_s, u"TUE"_s, u"WED"_s, u"THU"_s, u"FRI"_s, u"SAT"_s};

QString fieldName(Field field)
{
    switch (field) {
    case Field::Second:
        return CronExpression::tr("Seconds");
    case Field::Minute:
        return CronExpression::tr("Minutes");
    case Field::Hour:
        return CronExpression::tr("Hours");
    case Field::DayOfMonth:
        return CronExpression::tr("Day of month");
    case Field::Month:
        return CronExpression::tr("Month");
    case Field::DayOfWeek:
        return CronExpression::tr("Day of week");
    case Field::Year:
        return CronExpression::tr("Year");
    }
    return {};
}

QString rangeSentence(Field field, bool quartz)
{
    switch (field) {
    case Field::Second:
        return CronExpression::tr("seconds run from 0 to 59");
    case Field::Minute:
        return CronExpression::tr("minutes run from 0 to 59");
    case Field::Hour:
        return CronExpression::tr("hours run from 0 to 23");
    case Field::DayOfMonth:
        return CronExpression::tr("days of the month run from 1 to 31");
    case Field::Month:
        return CronExpression::tr("months run from 1 to 12, or JAN to DEC");
    case Field::DayOfWeek:
        return quartz ? CronExpression::tr("days of the week run from 1 (SUN) to 7 (SAT), or SUN to SAT")
                      : CronExpression::tr("days of the week run from 0 (SUN) to 7 (SUN again), or SUN to SAT");
    case Field::Year:
        return CronExpression::tr("years run from 1970 to 2199");
    }
    return {};
}

bool isNumber(const QString& text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool matchesWhole(const QString& pattern, const QString& text, QRegularExpressionMatch* match = nullptr)
{
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern),
                                        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch result = expression.match(text);
    if (match) {
        *match = result;
    }
    return result.hasMatch();
}

// Reads one field into a set of values (bit n: value min + n), reporting the first problem.
class FieldParser final
{
public:
    FieldParser(Field field, bool quartz, QString* error)
        : m_field(field)
        , m_quartz(quartz)
        , m_error(error)
    {
        static constexpr int limits[][2] = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};
        m_min = limits[int(field)][0];
        m_max = limits[int(field)][1];
        if (field == Field::DayOfWeek && !quartz) {
            m_min = 0;
        }
    }

    using Values = std::bitset<CronFields::lastYear - CronFields::firstYear + 1>;

    std::optional<Values> list(const QString& text)
    {
        Values values;
        const QStringList elements = text.split(u',');
        for (const QString& element : elements) {
            if (element.isEmpty()) {
                notUnderstood(text, false);
                return std::nullopt;
            }
            if (!add(element, elements.size() > 1, values)) {
                return std::nullopt;
            }
        }
        return values;
    }

    // A single number or name (day-of-week names follow the line's numbering: SUN is 1 or 0).
    std::optional<int> value(const QString& token, const QString& element)
    {
        if (isNumber(token)) {
            bool ok = false;
            const int number = token.toInt(&ok);
            if (!ok || number < m_min || number > m_max) {
                fail(CronExpression::tr("%1: %2 is out of range; %3.")
                         .arg(fieldName(m_field), token, rangeSentence(m_field, m_quartz)));
                return std::nullopt;
            }
            return number;
        }
        const QStringList names = m_field == Field::Month ? monthNames
            : m_field == Field::DayOfWeek                 ? dayNames
                                                          : QStringList();
        if (const qsizetype index = names.indexOf(token.toUpper()); index >= 0) {
            return int(index) + (m_field == Field::DayOfWeek ? m_min : 1);
        }
        if (special(element).isNull() && !names.isEmpty() && matchesWhole(u"[a-z]+"_s, token)) {
            fail(CronExpression::tr("%1: “%2” is not a known name; %3.")
                     .arg(fieldName(m_field), token, rangeSentence(m_field, m_quartz)));
        } else {
            notUnderstood(element, false);
        }
        return std::nullopt;
    }

    // Explains why `element` is not a plain value: L, W, # or ? where they do not belong.
    bool notUnderstood(const QString& element, bool inList)
    {
        const QString name = fieldName(m_field);
        const QChar kind = special(element);
        const bool dayField = m_field == Field::DayOfMonth || m_field == Field::DayOfWeek;
        if (kind == u'?' && !dayField) {
            return fail(
                CronExpression::tr("%1: “?” is only allowed in the day-of-month and day-of-week fields.").arg(name));
        }
        if (kind == u'L' && !dayField) {
            return fail(CronExpression::tr("%1: “%2” uses L, which only the day-of-month and day-of-week fields allow.")
                            .arg(name, element));
        }
        if (kind == u'W' && m_field != Field::DayOfMonth) {
            return fail(
                CronExpression::tr("%1: “%2” uses W, which only the day-of-month field allows.").arg(name, element));
        }
        if (kind == u'#' && m_field != Field::DayOfWeek) {
            return fail(
                CronExpression::tr("%1: “%2” uses #, which only the day-of-week field allows.").arg(name, element));
        }
        if (kind != u'?' && !kind.isNull() && !m_quartz) {
            return fail(CronExpression::tr("%1: “%2” is Quartz syntax; write the expression with seconds first "
                                           "(6 fields) to use L, W or #.")
                            .arg(name, element));
        }
        if (!kind.isNull() && inList) {
            return fail(CronExpression::tr("%1: “%2” cannot be combined with other values; use it on its own.")
                            .arg(name, element));
        }
        return fail(
            CronExpression::tr("%1: “%2” is not understood; %3.").arg(name, element, rangeSentence(m_field, m_quartz)));
    }

    bool fail(const QString& message)
    {
        if (m_error) {
            *m_error = message;
        }
        return false;
    }

    int min() const { return m_min; }
    int max() const { return m_max; }

private:
    static QChar special(const QString& element)
    {
        if (element.contains(u'?')) {
            return u'?';
        }
        if (element.contains(u'#')) {
            return u'#';
        }
        if (matchesWhole(u"[0-9]+W|LW"_s, element)) {
            return u'W';
        }
        if (matchesWhole(u"L|L-[0-9]+|([0-9]+|[a-z]{3})L"_s, element)) {
            return u'L';
        }
        return {};
    }

    // "*", "a", "a-b" (wrapping round when b < a, as Quartz does), each optionally with "/step".
    bool add(const QString& element, bool inList, Values& values)
    {
        if (!special(element).isNull()) {
            return notUnderstood(element, inList);
        }
        QString base = element;
        int step = 0;
        if (const qsizetype slash = element.indexOf(u'/'); slash >= 0) {
            base = element.left(slash);
            const QString stepText = element.mid(slash + 1);
            step = isNumber(stepText) ? stepText.toInt() : 0;
            if (step < 1 || step > m_max - m_min) {
                return fail(CronExpression::tr("%1: the step in “%2” must be a whole number from 1 to %3.")
                                .arg(fieldName(m_field), element)
                                .arg(m_max - m_min));
            }
        }
        int from = m_min;
        int to = m_max;
        if (base != u"*"_s) {
            const qsizetype dash = base.indexOf(u'-');
            const auto first = value(dash >= 0 ? base.left(dash) : base, element);
            if (!first) {
                return false;
            }
            from = *first;
            to = step > 0 ? m_max : from;
            if (dash >= 0) {
                const auto last = value(base.mid(dash + 1), element);
                if (!last) {
                    return false;
                }
                to = *last;
            }
        }
        const int span = m_max - m_min + 1;
        const int count = (to - from + span) % span;
        for (int offset = 0; offset <= count; offset += std::max(step, 1)) {
            values.set((from - m_min + offset) % span);
        }
        return true;
    }

    Field m_field;
    bool m_quartz;
    QString* m_error;
    int m_min = 0;
    int m_max = 0;
};

template <typename Mask>
Mask maskOf(const FieldParser::Values& values, int min, int max)
{
    Mask mask = 0;
    for (int value = min; value <= max; ++value) {
        if (values.test(value - min)) {
            mask |= Mask(1) << value;
        }
    }
    return mask;
}

int qtWeekday(int value, bool quartz)
{
    return quartz ? (value == 1 ? Qt::Sunday : value - 1) : (value == 0 ? Qt::Sunday : value);
}

bool parseDayOfMonth(const QString& text, bool quartz, CronFields& fields, QString* error)
{
    FieldParser parser(Field::DayOfMonth, quartz, error);
    if (text == u"?"_s || text == u"*"_s) {
        return true;
    }
    QRegularExpressionMatch match;
    if (quartz && text.compare(u"L"_s, Qt::CaseInsensitive) == 0) {
        fields.dayOfMonth = CronFields::DayOfMonth::Last;
    } else if (quartz && matchesWhole(u"L-([0-9]+)"_s, text, &match)) {
        fields.dayOfMonth = CronFields::DayOfMonth::Last;
        fields.dayOfMonthValue = match.captured(1).toInt();
        if (match.captured(1).size() > 2 || fields.dayOfMonthValue > 30) {
            return parser.fail(CronExpression::tr("%1: in “%2” the number after L- must be from 0 to 30.")
                                   .arg(fieldName(Field::DayOfMonth), text));
        }
    } else if (quartz && text.compare(u"LW"_s, Qt::CaseInsensitive) == 0) {
        fields.dayOfMonth = CronFields::DayOfMonth::LastWeekday;
    } else if (quartz && matchesWhole(u"([0-9]+)W"_s, text, &match)) {
        const auto day = parser.value(match.captured(1), text);
        if (!day) {
            return false;
        }
        fields.dayOfMonth = CronFields::DayOfMonth::NearestWeekday;
        fields.dayOfMonthValue = *day;
    } else {
        const auto values = parser.list(text);
        if (!values) {
            return false;
        }
        fields.dayOfMonth = CronFields::DayOfMonth::Days;
        fields.daysOfMonth = maskOf<quint32>(*values, 1, 31);
    }
    return true;
}

bool parseDayOfWeek(const QString& text, bool quartz, CronFields& fields, QString* error)
{
    FieldParser parser(Field::DayOfWeek, quartz, error);
    if (text == u"?"_s || text == u"*"_s) {
        return true;
    }
    QRegularExpressionMatch match;
    if (quartz && text.compare(u"L"_s, Qt::CaseInsensitive) == 0) {
        fields.dayOfWeek = CronFields::DayOfWeek::Days; // L alone is the last day of the week: Saturday
        fields.daysOfWeek = 1 << Qt::Saturday;
    } else if (quartz && matchesWhole(u"([0-9]+|[a-z]{3})L"_s, text, &match)) {
        const auto day = parser.value(match.captured(1), text);
        if (!day) {
            return false;
        }
        fields.dayOfWeek = CronFields::DayOfWeek::Last;
        fields.weekday = qtWeekday(*day, quartz);
    } else if (quartz && matchesWhole(u"([0-9]+|[a-z]{3})#(.*)"_s, text, &match)) {
        const auto day = parser.value(match.captured(1), text);
        if (!day) {
            return false;
        }
        const QString nth = match.captured(2);
        if (!matchesWhole(u"[1-5]"_s, nth)) {
            return parser.fail(CronExpression::tr("%1: in “%2” the number after # must be from 1 to 5.")
                                   .arg(fieldName(Field::DayOfWeek), text));
        }
        fields.dayOfWeek = CronFields::DayOfWeek::Nth;
        fields.weekday = qtWeekday(*day, quartz);
        fields.nth = nth.toInt();
    } else {
        const auto values = parser.list(text);
        if (!values) {
            return false;
        }
        fields.dayOfWeek = CronFields::DayOfWeek::Days;
        for (int value = parser.min(); value <= parser.max(); ++value) {
            if (values->test(value - parser.min())) {
                fields.daysOfWeek |= 1 << qtWeekday(value, quartz);
            }
        }
    }
    return true;
}

// Quartz wants exactly one of the two day fields to be "?"; "*" in one of them is accepted too, as it
// restricts nothing (so "0 0 2 * * *" is every day, as in Spring).
bool checkDayFields(const QString& dayOfMonth, const QString& dayOfWeek, QString* error)
{
    const QString names =
        CronExpression::tr("%1 and %2").arg(fieldName(Field::DayOfMonth), fieldName(Field::DayOfWeek));
    QString problem;
    if (dayOfMonth == u"?"_s && dayOfWeek == u"?"_s) {
        problem = CronExpression::tr("%1: both are “?”; set one of them to “*” or to the days to run on.").arg(names);
    } else if (dayOfMonth != u"?"_s && dayOfWeek != u"?"_s && dayOfMonth != u"*"_s && dayOfWeek != u"*"_s) {
        problem = CronExpression::tr("%1: both are set (“%2” and “%3”); Quartz needs one of them to be “?”.")
                      .arg(names, dayOfMonth, dayOfWeek);
    }
    if (!problem.isEmpty() && error) {
        *error = problem;
    }
    return problem.isEmpty();
}

// The search runs on wall-clock time (CronFields::nextWallClock); instants come only at the end.
constexpr qint64 msPerDay = CronFields::msPerDay;

int offsetAt(const QTimeZone& zone, qint64 instant)
{
    return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(instant, Qt::UTC));
}

// The first instant in (low, high] whose offset is `offset` (a transition lies in between).
qint64 transitionBetween(const QTimeZone& zone, qint64 low, qint64 high, int offset)
{
    while (high - low > 1) {
        const qint64 middle = low + (high - low) / 2;
        (offsetAt(zone, middle) == offset ? high : low) = middle;
    }
    return high;
}

struct Resolved
{
    qint64 instant;
    qint64 resumeAt; // where to search on when `instant` is too early
};

// The instant a wall-clock time stands for. One that the zone skips (spring forward) becomes the
// first instant after the gap, so a run planned inside the gap still happens, once, as soon as the
// clock allows; one that happens twice (fall back) is its first occurrence, and the search resumes
// after the repeated stretch so that the second occurrence never fires.
Resolved resolve(qint64 wall, const QTimeZone& zone)
{
    // Zones do not change their offset twice within two days, so the offsets a day before and a
    // day after are the only ones that can apply.
    const int before = offsetAt(zone, wall - msPerDay);
    const int after = offsetAt(zone, wall + msPerDay);
    const qint64 readBefore = wall - before * qint64(1000);
    const qint64 readAfter = wall - after * qint64(1000);
    if (before == after) {
        return {readBefore, wall + 1000};
    }
    const bool beforeApplies = offsetAt(zone, readBefore) == before;
    const bool afterApplies = offsetAt(zone, readAfter) == after;
    if (beforeApplies && afterApplies) {
        const qint64 transition = transitionBetween(zone, readBefore, readAfter, after);
        return {readBefore, transition + before * qint64(1000)};
    }
    if (beforeApplies || afterApplies) {
        return {beforeApplies ? readBefore : readAfter, wall + 1000};
    }
    return {transitionBetween(zone, readAfter, readBefore, after), wall + 1000};
}

} // namespace

CronExpression::CronExpression(const QString& text, const CronFields& fields)
    : m_text(text)
    , m_fields(fields)
{ }

std::optional<CronExpression> CronExpression::parse(const QString& text, QString* error)
{
    const QString normalised = text.simplified();
    const QStringList parts = normalised.split(u' ', Qt::SkipEmptyParts);
    if (parts.size() < 5 || parts.size() > 7) {
        if (error) {
            *error = tr("A cron expression has 6 or 7 fields (Quartz: seconds minutes hours day-of-month month "
                        "day-of-week [year]) or 5 (crontab: minute hour day-of-month month day-of-week); this has %1.")
                         .arg(parts.size());
        }
        return std::nullopt;
    }
    const bool quartz = parts.size() > 5;
    const qsizetype first = quartz ? 1 : 0; // where the minutes are
    const QString& dayOfMonth = parts.at(first + 2);
    const QString& dayOfWeek = parts.at(first + 4);

    CronFields fields;
    fields.seconds = 1;
    FieldParser::Values values;
    const auto read = [&](Field field, const QString& part) {
        const auto parsed = FieldParser(field, quartz, error).list(part);
        if (parsed) {
            values = *parsed;
        }
        return parsed.has_value();
    };
    if (quartz) {
        if (!read(Field::Second, parts.at(0))) {
            return std::nullopt;
        }
        fields.seconds = maskOf<quint64>(values, 0, 59);
    }
    if (!read(Field::Minute, parts.at(first))) {
        return std::nullopt;
    }
    fields.minutes = maskOf<quint64>(values, 0, 59);
    if (!read(Field::Hour, parts.at(first + 1))) {
        return std::nullopt;
    }
    fields.hours = maskOf<quint32>(values, 0, 23);
    if (!parseDayOfMonth(dayOfMonth, quartz, fields, error)) {
        return std::nullopt;
    }
    if (!read(Field::Month, parts.at(first + 3))) {
        return std::nullopt;
    }
    fields.months = maskOf<quint16>(values, 1, 12);
    if (!parseDayOfWeek(dayOfWeek, quartz, fields, error)) {
        return std::nullopt;
    }
    if (parts.size() == 7 && parts.at(6) != u"*"_s) {
        if (!read(Field::Year, parts.at(6))) {
            return std::nullopt;
        }
        fields.anyYear = false;
        fields.years = values;
    }
    if (quartz && !checkDayFields(dayOfMonth, dayOfWeek, error)) {
        return std::nullopt;
    }
    // Vixie cron's rule, which cronie keeps: with both day fields restricted a day matches when either
    // does, but a field that starts with "*" (even "*/2") counts as unrestricted, so both must match.
    fields.eitherDay = !quartz && fields.dayOfMonth != CronFields::DayOfMonth::Any
        && fields.dayOfWeek != CronFields::DayOfWeek::Any && !dayOfMonth.startsWith(u'*')
        && !dayOfWeek.startsWith(u'*');
    return CronExpression(normalised, fields);
}

QString CronExpression::text() const
{
    return m_text;
}

bool CronExpression::operator==(const CronExpression& other) const
{
    return m_text == other.m_text;
}

QDateTime CronExpression::next(const QDateTime& after, const QTimeZone& zone) const
{
    if (!after.isValid() || !zone.isValid()) {
        return {};
    }
    const qint64 instant = after.toMSecsSinceEpoch();
    qint64 from = (CronFields::floorDiv(instant + zone.offsetFromUtc(after) * qint64(1000), 1000) + 1) * 1000;
    // One round, unless `after` lies in the second pass of a repeated hour: the wall-clock times of
    // that hour then map to earlier instants and the search resumes after it.
    for (int round = 0; round < 4; ++round) {
        const std::optional<qint64> wall = m_fields.nextWallClock(from);
        if (!wall) {
            return {};
        }
        const Resolved resolved = resolve(*wall, zone);
        if (resolved.instant > instant) {
            return QDateTime::fromMSecsSinceEpoch(resolved.instant, zone);
        }
        from = std::max(*wall + 1000, resolved.resumeAt);
    }
    return {};
}

QList<QDateTime> CronExpression::nextTimes(const QDateTime& after, const QTimeZone& zone, int count) const
{
    QList<QDateTime> times;
    QDateTime time = after;
    while (times.size() < count && (time = next(time, zone)).isValid()) {
        times << time;
    }
    return times;
}

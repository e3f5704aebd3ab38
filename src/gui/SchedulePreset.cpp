#include "SchedulePreset.h"

#include <QRegularExpression>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Only the forms a preset writes (and their usual Quartz equivalents) are recognised, so that a
// loaded expression is shown as a preset without changing its meaning; crontab lines stay Custom.
QRegularExpressionMatch matchOf(const QString& pattern, const QString& cron)
{
    const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
    return expression.match(cron);
}

std::optional<QTime> timeOf(const QRegularExpressionMatch& match)
{
    const QTime time(match.captured(u"hour").toInt(), match.captured(u"minute").toInt());
    return time.isValid() ? std::optional(time) : std::nullopt;
}

} // namespace

SchedulePreset SchedulePreset::fromCron(const QString& cron, const SchedulePreset& fallback)
{
    const QString text = cron.simplified();
    const QString clock = u"^0 (?<minute>[0-5]?[0-9]) (?<hour>[0-2]?[0-9]) "_s;
    SchedulePreset preset = fallback;
    if (const auto match = matchOf(clock + u"(\\* \\* \\?|\\? \\* \\*)$"_s, text); match.hasMatch()) {
        if (const auto time = timeOf(match)) {
            preset.kind = Daily;
            preset.time = *time;
            return preset;
        }
    }
    if (const auto match = matchOf(clock + u"\\? \\* MON-FRI$"_s, text); match.hasMatch()) {
        if (const auto time = timeOf(match)) {
            preset.kind = Weekdays;
            preset.time = *time;
            return preset;
        }
    }
    if (text == u"0 0 * * * ?"_s) {
        preset.kind = EveryNHours;
        preset.hours = 1;
        return preset;
    }
    if (const auto match = matchOf(u"^0 0 [*0]/(?<hours>[0-9]{1,2}) \\* \\* \\?$"_s, text); match.hasMatch()) {
        const int hours = match.captured(u"hours").toInt();
        if (hours >= minHours && hours <= maxHours) {
            preset.kind = EveryNHours;
            preset.hours = hours;
            return preset;
        }
    }
    preset.kind = Custom;
    return preset;
}

QString SchedulePreset::cron() const
{
    switch (kind) {
    case Daily:
        return u"0 %1 %2 * * ?"_s.arg(time.minute()).arg(time.hour());
    case Weekdays:
        return u"0 %1 %2 ? * MON-FRI"_s.arg(time.minute()).arg(time.hour());
    case EveryNHours:
        return hours == 1 ? u"0 0 * * * ?"_s : u"0 0 */%1 * * ?"_s.arg(hours);
    case Custom:
        break;
    }
    return {};
}

#pragma once

#include <QString>
#include <QTime>

// The schedules most connectors need, as the Runs choice on the Scheduled Synchronization page
// offers them, and the Quartz expressions they stand for.
struct SchedulePreset
{
    // In the order of the Runs choice.
    enum Kind { Daily, Weekdays, EveryNHours, Custom };

    static constexpr int minHours = 1;
    static constexpr int maxHours = 23;

    Kind kind = Daily;
    QTime time = QTime(2, 0); // Daily and Weekdays
    int hours = 4; // EveryNHours, counted from midnight at minute 0

    // The preset that `cron` is written as, or Custom for anything else; its time or hours stay
    // as in `fallback` when it is Custom (so that choosing a preset again starts from them).
    static SchedulePreset fromCron(const QString& cron, const SchedulePreset& fallback);
    static SchedulePreset fromCron(const QString& cron) { return fromCron(cron, SchedulePreset()); }

    // The Quartz expression; empty for Custom.
    QString cron() const;

    bool operator==(const SchedulePreset&) const = default;
};

#pragma once

#include "CronFields.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

// A schedule in Quartz cron syntax (as Atlassian tools and Quartz use it) or a classic 5-field crontab line.
class CronExpression final
{
    Q_DECLARE_TR_FUNCTIONS(CronExpression)
public:
    static inline const QString defaultExpression = QStringLiteral("0 0 2 * * ?"); // every day at 02:00

    // nullopt with `error` set to a sentence naming the field and what is wrong
    // (e.g. "Hours: 25 is out of range; hours run from 0 to 23.").
    static std::optional<CronExpression> parse(const QString& text, QString* error);

    QString text() const; // as given (trimmed, whitespace normalised)

    // The first fire time strictly after `after`, evaluated in `zone`; an invalid QDateTime when there is none
    // (e.g. a year list in the past, or Feb 30). The result is expressed in `zone`.
    //
    // Daylight saving: a wall-clock time the zone skips (02:30 on the night clocks spring forward) runs
    // once at the first instant after the gap (03:00), unless that instant is not after `after`; a
    // wall-clock time that happens twice (fall back) runs once, at its first (daylight-time) occurrence.
    // The search ends after 2199 (Quartz's last year).
    QDateTime next(const QDateTime& after, const QTimeZone& zone) const;
    // Up to `count` successive fire times after `after`.
    QList<QDateTime> nextTimes(const QDateTime& after, const QTimeZone& zone, int count) const;

    // Plain language, through tr(): "Every day at 02:00", "Every weekday (Monday to Friday) at 06:30",
    // "Every 15 minutes", "On the last day of every month at 23:00", "On the second Monday of every month at 09:00",
    // ... Falls back to a generic but correct description for complex expressions
    // (e.g. "At second 0, minutes 0,30, hours 8-17, on days 1,15 of the month, in January and July").
    QString describe() const;
    bool operator==(const CronExpression&) const; // same text is fine

private:
    CronExpression(const QString& text, const CronFields& fields);

    QString m_text;
    CronFields m_fields;
};

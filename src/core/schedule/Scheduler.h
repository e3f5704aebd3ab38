#pragma once

#include "config/ConnectorConfig.h"
#include "schedule/CronExpression.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

// When each connector's scheduled full sync is due: bookkeeping with the time it is given, so
// that tests bring their own clock and the window, the headless service and `schedule due`
// share one set of rules.
// - A run is due once a fire time of its expression has come since the connector was last
//   considered: its last scheduled run, or when its settings were last saved.
// - Fire times missed while nothing was running make one run, not one each; without
//   runMissed, a fire time older than the grace period is let go instead.
// - Once due (or let go) the connector is considered up to now: its next run is the next fire
//   time after that.
class Scheduler final
{
public:
    static constexpr qint64 graceMs = 15 * 60 * 1000; // a run this late still counts as on time

    struct Entry
    {
        ConnectorConfig connector;
        QDateTime considered; // fire times up to here are dealt with
    };

    // Keeps the connectors whose schedule is on and valid; a connector given again keeps what
    // was already dealt with, when that is later than the entry says.
    void setEntries(const QList<Entry>& entries);
    bool isEmpty() const { return m_slots.isEmpty(); }

    // The connectors due at `now`; each is then considered up to `now`.
    QList<ConnectorConfig> takeDue(const QDateTime& now);
    // The earliest next run of any connector; invalid with none scheduled.
    QDateTime nextWake() const;
    QDateTime nextRun(const QString& connectorId) const;

private:
    struct Slot
    {
        ConnectorConfig connector;
        CronExpression expression;
        QTimeZone zone;
        QDateTime considered;
        QDateTime next;
    };
    // The latest fire time in (slot.considered, now], searching no further than needed.
    static QDateTime latestFireTime(const Slot& slot, const QDateTime& now);

    QList<Slot> m_slots;
};

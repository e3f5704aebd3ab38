#include "Scheduler.h"

#include <QHash>

void Scheduler::setEntries(const QList<Entry>& entries)
{
    // What was dealt with stays dealt with: a run that started but is not recorded yet (it
    // records when it ends) must not look due again when the connectors are read again.
    QHash<QString, QDateTime> dealtWith;
    for (const Slot& slot : std::as_const(m_slots)) {
        dealtWith.insert(slot.connector.id, slot.considered);
    }
    m_slots.clear();
    for (const Entry& entry : entries) {
        QString ignored;
        const auto expression = entry.connector.schedule.enabled
            ? CronExpression::parse(entry.connector.schedule.cron, &ignored)
            : std::nullopt;
        if (!expression) {
            continue;
        }
        const QDateTime considered = std::max(entry.considered, dealtWith.value(entry.connector.id));
        Slot slot{entry.connector, *expression, entry.connector.schedule.zone(), considered, {}};
        slot.next = slot.expression.next(slot.considered, slot.zone);
        m_slots.append(slot);
    }
}

QDateTime Scheduler::latestFireTime(const Slot& slot, const QDateTime& now)
{
    // Only needed without catching up, and then only the recent past matters: start the walk a
    // grace period before now rather than at a fire time months ago.
    const QDateTime from = std::max(slot.considered, now.addMSecs(-graceMs - 1));
    QDateTime latest;
    for (QDateTime fire = slot.expression.next(from, slot.zone); fire.isValid() && fire <= now;
         fire = slot.expression.next(fire, slot.zone)) {
        latest = fire;
    }
    return latest;
}

QList<ConnectorConfig> Scheduler::takeDue(const QDateTime& now)
{
    QList<ConnectorConfig> due;
    for (Slot& slot : m_slots) {
        if (!slot.next.isValid() || slot.next > now) {
            continue;
        }
        // A fire time has come. Run it if catching up is allowed, or if it is recent enough.
        if (slot.connector.schedule.runMissed || latestFireTime(slot, now).isValid()) {
            due.append(slot.connector);
        }
        slot.considered = now;
        slot.next = slot.expression.next(now, slot.zone);
    }
    return due;
}

QDateTime Scheduler::nextWake() const
{
    QDateTime earliest;
    for (const Slot& slot : m_slots) {
        if (slot.next.isValid() && (!earliest.isValid() || slot.next < earliest)) {
            earliest = slot.next;
        }
    }
    return earliest;
}

QDateTime Scheduler::nextRun(const QString& connectorId) const
{
    for (const Slot& slot : m_slots) {
        if (slot.connector.id == connectorId) {
            return slot.next;
        }
    }
    return {};
}

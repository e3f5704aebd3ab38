#pragma once

#include "directory/DirectoryStore.h"
#include "sync/ChangeSet.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// What a run did or would do, in words: the report's headline, the count of each object type,
// the labels of actions in the right tense, and the status bar's message after a job. One place,
// so that the report, History, the connector list and the status bar say the same thing.
class ChangeSummary final
{
    Q_DECLARE_TR_FUNCTIONS(ChangeSummary)

public:
    enum class Tense { Planned, Done };

    // Planned for simulations and previews, and for runs that applied nothing (refused, failed).
    static Tense tenseOf(const RunRecord& run);
    // "To add" / "Added".
    static QString actionLabel(Change::Action action, Tense tense);
    static QString objectLabel(Change::Object object); // "Users"
    // "614 users", "1 group".
    static QString objects(Change::Object object, int count);
    static int count(const QJsonObject& counts, Change::Object object, Change::Action action);
    // Whether `counts` hold anything that applying would change (not only unchanged and skipped rows).
    static bool hasChanges(const QJsonObject& counts);
    // "add 614 users, 12 groups and 640 memberships; skip 2 groups" (Done: "added …"); empty when
    // there is nothing but unchanged objects. Skips are left out unless `withSkips`.
    static QString clauses(const QJsonObject& counts, Tense tense, bool withSkips = true);
    // The report's first sentence: "Simulation: nothing has been changed yet. A full sync would …".
    static QString headline(const RunRecord& run, const QJsonObject& counts, bool hasChanges);
    // "Full sync · 1 Dec 2026 21:05 · started by hand · run a117e0ba".
    static QString runLine(const RunRecord& run);
    // A run's kind: "Full sync", "Simulation", "Rollback", "Rollback preview".
    static QString modeName(const QString& mode);
    static QString triggerName(const QString& trigger);
    // A stored field name for people: "firstName" → "First name"; and its value ("true" → "Yes").
    static QString fieldLabel(const QString& field);
    static QString fieldValue(const QString& field, const QString& value);
    // Whether a run that succeeded left something out (skips): "succeeded with warnings".
    static bool hasWarnings(const RunRecord& run);
    // One format for dates and times everywhere: the locale's short date with a four-digit year,
    // and the time without seconds.
    static QString dateTime(const QDateTime& when);
    static QString dateTime(qint64 msecsSinceEpoch);
};

#include "ChangeSummary.h"

#include "targets/bitbucket/BitbucketAccess.h"

#include <QHash>
#include <QLocale>
#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

// The order a sentence names what happens: what is made first, what is taken away last.
constexpr std::array clauseOrder = {Action::Add,        Action::Link,    Action::Modify,
                                    Action::Reactivate, Action::Disable, Action::Anonymize,
                                    Action::Delete,     Action::Remove,  Action::Skip};
constexpr std::array objectOrder = {Object::User, Object::Group, Object::Membership};

QString countsKey(Object object)
{
    return Change::objectName(object) + u"s"_s;
}

} // namespace

ChangeSummary::Tense ChangeSummary::tenseOf(const RunRecord& run)
{
    const bool preview = run.mode == u"simulate"_s || run.mode == u"rollback-simulate"_s;
    const bool applied = run.status == u"succeeded"_s || run.status == u"completed-with-errors"_s;
    return preview || !applied ? Tense::Planned : Tense::Done;
}

QString ChangeSummary::actionLabel(Action action, Tense tense)
{
    const bool planned = tense == Tense::Planned;
    switch (action) {
    case Action::Add:
        return planned ? tr("To add") : tr("Added");
    case Action::Link:
        return planned ? tr("To link") : tr("Linked");
    case Action::Modify:
        return planned ? tr("To modify") : tr("Modified");
    case Action::Unchanged:
        return tr("Unchanged");
    case Action::Disable:
        return planned ? tr("To disable") : tr("Disabled");
    case Action::Delete:
        return planned ? tr("To delete") : tr("Deleted");
    case Action::Anonymize:
        return planned ? tr("To anonymize") : tr("Anonymized");
    case Action::Reactivate:
        return planned ? tr("To reactivate") : tr("Reactivated");
    case Action::Skip:
        return planned ? tr("To skip") : tr("Skipped");
    case Action::Remove:
        return planned ? tr("To remove") : tr("Removed");
    }
    return {};
}

QString ChangeSummary::objectLabel(Object object)
{
    switch (object) {
    case Object::User:
        return tr("Users");
    case Object::Group:
        return tr("Groups");
    case Object::Membership:
        return tr("Memberships");
    }
    return {};
}

QString ChangeSummary::objects(Object object, int count)
{
    // Two forms, as English and German have; %n plurals would need an English translation too.
    switch (object) {
    case Object::User:
        return count == 1 ? tr("%L1 user").arg(count) : tr("%L1 users").arg(count);
    case Object::Group:
        return count == 1 ? tr("%L1 group").arg(count) : tr("%L1 groups").arg(count);
    case Object::Membership:
        return count == 1 ? tr("%L1 membership").arg(count) : tr("%L1 memberships").arg(count);
    }
    return {};
}

int ChangeSummary::count(const QJsonObject& counts, Object object, Action action)
{
    return counts.value(countsKey(object)).toObject().value(Change::actionName(action)).toInt();
}

bool ChangeSummary::hasChanges(const QJsonObject& counts)
{
    for (const QJsonValue perAction : counts) {
        const QJsonObject actions = perAction.toObject();
        for (auto it = actions.begin(); it != actions.end(); ++it) {
            const auto action = Change::actionFromName(it.key());
            if (it.value().toInt() > 0 && action != Action::Unchanged && action != Action::Skip) {
                return true;
            }
        }
    }
    return false;
}

QString ChangeSummary::clauses(const QJsonObject& counts, Tense tense, bool withSkips)
{
    const bool planned = tense == Tense::Planned;
    QStringList sentence;
    for (const Action action : clauseOrder) {
        if (action == Action::Skip && !withSkips) {
            continue;
        }
        QStringList items;
        for (const Object object : objectOrder) {
            if (const int n = count(counts, object, action); n > 0) {
                items << objects(object, n);
            }
        }
        if (items.isEmpty()) {
            continue;
        }
        QString list = items.takeLast();
        if (!items.isEmpty()) {
            list = tr("%1 and %2", "the last two of a list").arg(items.join(tr(", ", "list separator")), list);
        }
        switch (action) {
        case Action::Add:
            sentence << (planned ? tr("add %1") : tr("added %1")).arg(list);
            break;
        case Action::Link:
            sentence << (planned ? tr("link %1") : tr("linked %1")).arg(list);
            break;
        case Action::Modify:
            sentence << (planned ? tr("modify %1") : tr("modified %1")).arg(list);
            break;
        case Action::Reactivate:
            sentence << (planned ? tr("reactivate %1") : tr("reactivated %1")).arg(list);
            break;
        case Action::Disable:
            sentence << (planned ? tr("disable %1") : tr("disabled %1")).arg(list);
            break;
        case Action::Anonymize:
            sentence << (planned ? tr("anonymize %1") : tr("anonymized %1")).arg(list);
            break;
        case Action::Delete:
            sentence << (planned ? tr("delete %1") : tr("deleted %1")).arg(list);
            break;
        case Action::Remove:
            sentence << (planned ? tr("remove %1") : tr("removed %1")).arg(list);
            break;
        case Action::Skip:
            sentence << (planned ? tr("skip %1") : tr("skipped %1")).arg(list);
            break;
        case Action::Unchanged:
            break;
        }
    }
    return sentence.join(tr("; ", "between the clauses of a summary"));
}

QString ChangeSummary::headline(const RunRecord& run, const QJsonObject& counts, bool hasChanges)
{
    const QString when = dateTime(run.startedAt);
    const QString upToDate = [&counts] {
        QStringList items;
        for (const Object object : {Object::User, Object::Group}) {
            if (const int n = count(counts, object, Action::Unchanged); n > 0) {
                items << objects(object, n);
            }
        }
        return items.join(tr(" and ", "614 users and 12 groups"));
    }();
    const QString skipped = [&counts] {
        QStringList items;
        for (const Object object : objectOrder) {
            if (const int n = count(counts, object, Action::Skip); n > 0) {
                items << objects(object, n);
            }
        }
        return items.join(tr(", ", "list separator"));
    }();
    const QString leftOut = skipped.isEmpty() ? QString() : u" "_s + tr("Left out: %1.").arg(skipped);

    if (run.status == u"succeeded"_s) {
        if (run.mode == u"simulate"_s) {
            if (!hasChanges) {
                return (upToDate.isEmpty()
                            ? tr("Simulation: the directory already matches Keycloak. Nothing to apply.")
                            : tr("Simulation: the directory already matches Keycloak (%1 up to date). Nothing to "
                                 "apply.")
                                  .arg(upToDate))
                    + leftOut;
            }
            return tr("Simulation: nothing has been changed yet. A full sync would %1.")
                .arg(clauses(counts, Tense::Planned));
        }
        if (run.mode == u"rollback-simulate"_s) {
            return hasChanges ? tr("Rollback preview: nothing has been changed yet. Applying it would %1.")
                                    .arg(clauses(counts, Tense::Planned))
                              : tr("Rollback preview: nothing of that run can be rolled back any more.") + leftOut;
        }
        if (run.mode == u"rollback"_s) {
            return tr("Rollback applied on %1: %2.").arg(when, clauses(counts, Tense::Done));
        }
        return hasChanges
            ? tr("Full sync applied on %1: %2.").arg(when, clauses(counts, Tense::Done))
            : tr("Full sync on %1: the directory already matched Keycloak, so nothing was changed.").arg(when)
                + leftOut;
    }
    const QString kind = modeName(run.mode);
    if (run.status == u"completed-with-errors"_s) {
        return tr("%1 applied on %2, with errors: %3").arg(kind, when, run.message);
    }
    if (run.status == u"interrupted"_s) {
        return tr("%1 interrupted on %2: it ended unexpectedly. The changes marked done were made; the next sync "
                  "does the rest.")
            .arg(kind, when);
    }
    // Into an application there is no transaction: a run that stopped kept what it had done.
    if (!run.targetId.isEmpty() && run.mode == u"full"_s
        && (run.status == u"failed"_s || run.status == u"cancelled"_s)) {
        return tr("%1 stopped on %2: %3").arg(kind, when, run.message);
    }
    QString outcome;
    if (run.status == u"refused"_s) {
        outcome = tr("%1 refused on %2: nothing was changed.").arg(kind, when);
    } else if (run.status == u"cancelled"_s) {
        outcome = tr("%1 cancelled on %2: nothing was changed.").arg(kind, when);
    } else if (run.status == u"skipped"_s) {
        outcome = tr("%1 skipped on %2: another run of this connector was under way.").arg(kind, when);
    } else {
        outcome = tr("%1 failed on %2: nothing was changed.").arg(kind, when);
    }
    if (const QString would = clauses(counts, Tense::Done); !would.isEmpty() && hasChanges) {
        outcome += u" "_s + tr("It would have %1.").arg(would);
    }
    return outcome;
}

QString ChangeSummary::modeName(const QString& mode)
{
    if (mode == u"full"_s) {
        return tr("Full sync");
    }
    if (mode == u"rollback"_s) {
        return tr("Rollback");
    }
    if (mode == u"rollback-simulate"_s) {
        return tr("Rollback preview");
    }
    return tr("Simulation");
}

QString ChangeSummary::triggerName(const QString& trigger)
{
    if (trigger == u"scheduled"_s) {
        return tr("scheduled");
    }
    if (trigger == u"cli"_s) {
        return tr("command line");
    }
    return tr("started by hand");
}

QString ChangeSummary::runLine(const RunRecord& run)
{
    QStringList parts = {tr("%1 of “%2”").arg(modeName(run.mode), run.connectorName)};
    if (!run.targetId.isEmpty()) {
        // The directory is the default, named nowhere; an application, everywhere.
        parts << (run.targetName.isEmpty() ? tr("into an application since removed")
                                           : tr("into %1").arg(run.targetName));
    }
    if (run.startedAt > 0) {
        parts << dateTime(run.startedAt);
    }
    if (!run.trigger.isEmpty()) {
        parts << triggerName(run.trigger);
    }
    if (!run.id.isEmpty()) {
        parts << tr("run %1").arg(run.id.left(8));
    }
    return parts.join(u" · "_s);
}

QString ChangeSummary::fieldLabel(const QString& field)
{
    static const QHash<QString, const char*> labels = {
        {u"username"_s, QT_TR_NOOP("Username")},
        {u"email"_s, QT_TR_NOOP("Email")},
        {u"firstName"_s, QT_TR_NOOP("First name")},
        {u"lastName"_s, QT_TR_NOOP("Last name")},
        {u"displayName"_s, QT_TR_NOOP("Display name")},
        {u"active"_s, QT_TR_NOOP("Active")},
        {u"attributes"_s, QT_TR_NOOP("Attributes")},
        {u"name"_s, QT_TR_NOOP("Name")},
        {u"path"_s, QT_TR_NOOP("Path in Keycloak")},
        {u"externalId"_s, QT_TR_NOOP("Keycloak ID")},
        {u"origin"_s, QT_TR_NOOP("Managed by connector")},
        {u"createdAt"_s, QT_TR_NOOP("Created")},
        {u"access"_s, QT_TR_NOOP("Access")},
    };
    const char* label = labels.value(field);
    return label ? tr(label) : field;
}

QString ChangeSummary::fieldValue(const QString& field, const QString& value)
{
    if (field == u"active"_s && (value == u"true"_s || value == u"false"_s)) {
        return value == u"true"_s ? tr("Yes") : tr("No");
    }
    if (field == u"createdAt"_s && !value.isEmpty()) {
        return dateTime(value.toLongLong());
    }
    if (field == u"access"_s && !value.isEmpty()) {
        // What grants access where there is no disabled flag (Bitbucket), in words.
        const BitbucketAccess access = BitbucketAccess::fromText(value);
        QStringList parts;
        if (!access.groups.isEmpty()) {
            parts << tr("groups %1").arg(access.groups.join(u", "_s));
        }
        if (!access.permission.isEmpty()) {
            parts << tr("global permission %1").arg(access.permission);
        }
        return parts.join(u"; "_s);
    }
    return value;
}

bool ChangeSummary::hasWarnings(const RunRecord& run)
{
    if (run.status != u"succeeded"_s) {
        return false;
    }
    for (const Object object : objectOrder) {
        if (count(run.counts, object, Action::Skip) > 0) {
            return true;
        }
    }
    return false;
}

QString ChangeSummary::dateTime(const QDateTime& when)
{
    if (!when.isValid()) {
        return {};
    }
    const QLocale locale;
    QString date = locale.dateFormat(QLocale::ShortFormat);
    if (!date.contains(u"yyyy"_s)) {
        date.replace(u"yy"_s, u"yyyy"_s);
    }
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(u":ss"_s).remove(u".ss"_s);
    return locale.toString(when, date + u' ' + time);
}

QString ChangeSummary::dateTime(qint64 msecsSinceEpoch)
{
    return msecsSinceEpoch > 0 ? dateTime(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).toLocalTime()) : QString();
}

#include "HistoryModel.h"

#include "ChangeSummary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

#include <array>

using namespace Qt::StringLiterals;

HistoryModel::HistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void HistoryModel::setRuns(QList<RunRecord> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

QString HistoryModel::countsText(const QJsonObject& counts, ChangeSummary::Tense tense)
{
    // Unchanged rows are left out.
    const std::array<std::pair<QString, QString>, 3> objects = {
        {{u"users"_s, tr("Users")}, {u"groups"_s, tr("Groups")}, {u"memberships"_s, tr("Memberships")}}};
    QStringList parts;
    for (const auto& [key, label] : objects) {
        const QJsonObject perAction = counts.value(key).toObject();
        for (auto it = perAction.begin(); it != perAction.end(); ++it) {
            const auto action = Change::actionFromName(it.key());
            if (action && *action != Change::Action::Unchanged) {
                parts << tr("%1 %2: %L3")
                             .arg(label, ChangeSummary::actionLabel(*action, tense).toLower())
                             .arg(it.value().toInt());
            }
        }
    }
    return parts.isEmpty() ? tr("nothing to change") : parts.join(u", "_s);
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const RunRecord& run = m_runs.at(index.row());
    if (role == ModeRole) {
        return run.mode;
    }
    if (role == SortRole) {
        switch (index.column()) {
        case StartedColumn:
            return run.startedAt;
        case DurationColumn:
            return run.finishedAt - run.startedAt;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ResultColumn && !run.message.isEmpty()) {
        return run.message;
    }
    if (role == Qt::ToolTipRole && index.column() == ChangesColumn) {
        return countsText(run.counts, ChangeSummary::tenseOf(run)); // the whole list, where the column elides it
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case StartedColumn:
        return ChangeSummary::dateTime(run.startedAt);
    case ConnectorColumn:
        return run.connectorName;
    case ModeColumn:
        return ChangeSummary::modeName(run.mode);
    case TriggerColumn:
        return run.trigger == u"manual"_s   ? tr("Window")
            : run.trigger == u"cli"_s       ? tr("Command line")
            : run.trigger == u"scheduled"_s ? tr("Schedule")
                                            : run.trigger;
    case DurationColumn:
        // Applying a reviewed plan takes a few milliseconds: "0.0 s" read as if nothing ran.
        return run.finishedAt - run.startedAt < 100
            ? tr("< 0.1 s")
            : tr("%L1 s").arg(double(run.finishedAt - run.startedAt) / 1000.0, 0, 'f', 1);
    case ResultColumn:
        if (ChangeSummary::hasWarnings(run)) {
            return tr("Succeeded with warnings");
        }
        return run.status == u"succeeded"_s            ? tr("Succeeded")
            : run.status == u"completed-with-errors"_s ? tr("Completed with errors")
            : run.status == u"refused"_s               ? tr("Refused")
            : run.status == u"cancelled"_s             ? tr("Cancelled")
            : run.status == u"skipped"_s               ? tr("Skipped")
            : run.status == u"running"_s               ? tr("Running")
            : run.status == u"interrupted"_s           ? tr("Interrupted")
                                                       : tr("Failed");
    case ChangesColumn:
        return countsText(run.counts, ChangeSummary::tenseOf(run));
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case ConnectorColumn:
        return tr("Connector");
    case ModeColumn:
        return tr("Kind");
    case TriggerColumn:
        return tr("Started from");
    case DurationColumn:
        return tr("Duration");
    case ResultColumn:
        return tr("Result");
    case ChangesColumn:
        return tr("Changes");
    default:
        return {};
    }
}

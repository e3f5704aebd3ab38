#include "HistoryModel.h"

#include "ChangeTableModel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

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

QString HistoryModel::countsText(const QJsonObject& counts)
{
    QStringList parts;
    const auto objectsOf = [](const QString& key) {
        return key == u"users"_s ? Change::Object::User
            : key == u"groups"_s ? Change::Object::Group
                                 : Change::Object::Membership;
    };
    for (const QString& key : {u"users"_s, u"groups"_s, u"memberships"_s}) {
        const QJsonObject perAction = counts.value(key).toObject();
        for (auto it = perAction.begin(); it != perAction.end(); ++it) {
            const auto action = Change::actionFromName(it.key());
            if (!action || *action == Change::Action::Unchanged) {
                continue;
            }
            parts << tr("%L1 %2: %3")
                         .arg(it.value().toInt())
                         .arg(ChangeTableModel::objectLabel(objectsOf(key)),
                              ChangeTableModel::actionLabel(*action).toLower());
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
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case StartedColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(run.startedAt).toLocalTime(), QLocale::ShortFormat);
    case ConnectorColumn:
        return run.connectorName;
    case ModeColumn:
        return run.mode == u"full"_s             ? tr("Full sync")
            : run.mode == u"simulate"_s          ? tr("Simulation")
            : run.mode == u"rollback"_s          ? tr("Rollback")
            : run.mode == u"rollback-simulate"_s ? tr("Rollback preview")
                                                 : run.mode;
    case TriggerColumn:
        return run.trigger == u"manual"_s   ? tr("Window")
            : run.trigger == u"cli"_s       ? tr("Command line")
            : run.trigger == u"scheduled"_s ? tr("Schedule")
                                            : run.trigger;
    case DurationColumn:
        return tr("%L1 s").arg(double(run.finishedAt - run.startedAt) / 1000.0, 0, 'f', 1);
    case ResultColumn:
        return run.status == u"succeeded"_s ? tr("Succeeded")
            : run.status == u"refused"_s    ? tr("Refused")
            : run.status == u"cancelled"_s  ? tr("Cancelled")
            : run.status == u"skipped"_s    ? tr("Skipped")
                                            : tr("Failed");
    case ChangesColumn:
        return countsText(run.counts);
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

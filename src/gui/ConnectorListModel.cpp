#include "ConnectorListModel.h"

#include "config/ConnectorStore.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

ConnectorListModel::ConnectorListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ConnectorListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

bool ConnectorListModel::reload(QSqlDatabase db, QString* error)
{
    const auto connectors = ConnectorStore(db).list(error);
    if (!connectors) {
        return false;
    }
    const DirectoryStore history(db);
    QList<Row> rows;
    for (const ConnectorConfig& connector : *connectors) {
        const auto runs = history.runs(connector.id, 1, error);
        if (!runs) {
            return false;
        }
        rows.append({connector, runs->isEmpty() ? std::nullopt : std::optional(runs->first()),
                     connector.schedule.nextRun(QDateTime::currentDateTimeUtc())});
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return true;
}

int ConnectorListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectorListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectorListModel::lastRunText(const Row& row) const
{
    if (!row.lastRun) {
        return tr("Never run");
    }
    const RunRecord& run = *row.lastRun;
    const QString when =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(run.startedAt).toLocalTime(), QLocale::ShortFormat);
    const QString mode = run.mode == QStringLiteral("full") ? tr("full sync")
        : run.mode == QStringLiteral("rollback")            ? tr("rollback")
        : run.mode == QStringLiteral("rollback-simulate")   ? tr("rollback preview")
                                                            : tr("simulation");
    if (run.status == QStringLiteral("succeeded")) {
        return tr("%1, %2 succeeded").arg(when, mode);
    }
    if (run.status == QStringLiteral("refused")) {
        return tr("%1, %2 refused").arg(when, mode);
    }
    if (run.status == QStringLiteral("cancelled")) {
        return tr("%1, %2 cancelled").arg(when, mode);
    }
    if (run.status == QStringLiteral("skipped")) {
        return tr("%1, %2 skipped").arg(when, mode);
    }
    return tr("%1, %2 failed").arg(when, mode);
}

QString ConnectorListModel::nextRunText(const Row& row) const
{
    if (!row.connector.schedule.enabled) {
        return tr("Not scheduled");
    }
    if (!row.nextRun.isValid()) {
        return tr("Never: check the schedule");
    }
    // In the schedule's own time zone when it has one other than this computer's.
    const QTimeZone zone = row.connector.schedule.zone();
    if (zone == QTimeZone::systemTimeZone()) {
        return QLocale().toString(row.nextRun.toLocalTime(), QLocale::ShortFormat);
    }
    return tr("%1 (%2)").arg(QLocale().toString(row.nextRun.toTimeZone(zone), QLocale::ShortFormat),
                             QString::fromUtf8(zone.id()));
}

QVariant ConnectorListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (index.column()) {
    case NameColumn:
        return row.connector.name;
    case TypeColumn:
        return row.connector.type == ConnectorConfig::keycloakType ? tr("Keycloak") : row.connector.type;
    case UrlColumn:
        return row.connector.keycloak.baseUrl;
    case RealmColumn:
        return row.connector.keycloak.realm;
    case LastRunColumn:
        return role == Qt::ToolTipRole && row.lastRun && !row.lastRun->message.isEmpty() ? row.lastRun->message
                                                                                         : lastRunText(row);
    case NextRunColumn:
        return role == Qt::ToolTipRole && row.connector.schedule.enabled ? row.connector.schedule.cron
                                                                         : nextRunText(row);
    default:
        return {};
    }
}

QVariant ConnectorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case UrlColumn:
        return tr("URL");
    case RealmColumn:
        return tr("Realm");
    case LastRunColumn:
        return tr("Last run");
    case NextRunColumn:
        return tr("Next run");
    default:
        return {};
    }
}

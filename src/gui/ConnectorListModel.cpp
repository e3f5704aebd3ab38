#include "ConnectorListModel.h"

#include "ChangeSummary.h"
#include "targets/TargetStore.h"

#include <QApplication>
#include <QDateTime>
#include <QStyle>
#include <QTimeZone>

using namespace Qt::StringLiterals;

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
    const ConnectorStore store(db);
    const auto connectors = store.list(error);
    const auto tests = connectors ? store.lastTests(error) : std::nullopt;
    if (!tests) {
        return false;
    }
    QHash<QString, QString> targetNames;
    if (const auto targets = TargetStore(db).list(error)) {
        for (const TargetConfig& target : *targets) {
            targetNames.insert(target.id, target.name);
        }
    } else {
        return false;
    }
    const DirectoryStore history(db);
    const QStringList syncModes = {u"full"_s, u"rollback"_s};
    const QStringList simulationModes = {u"simulate"_s};
    QList<Row> rows;
    for (const ConnectorConfig& connector : *connectors) {
        const auto syncs = history.runs(connector.id, 1, error, syncModes);
        // The last full sync is the last sync, unless that was a rollback: only then is it looked up.
        const bool rolledBack = syncs && !syncs->isEmpty() && syncs->first().mode != u"full"_s;
        const auto fulls = !syncs ? std::nullopt
            : rolledBack          ? history.runs(connector.id, 1, error, {u"full"_s})
                                  : syncs;
        const auto simulations = fulls ? history.runs(connector.id, 1, error, simulationModes) : std::nullopt;
        if (!simulations) {
            return false;
        }
        Row row{connector,
                std::nullopt,
                std::nullopt,
                std::nullopt,
                std::nullopt,
                connector.schedule.nextRun(QDateTime::currentDateTimeUtc()),
                {}};
        if (!syncs->isEmpty()) {
            row.lastSync = syncs->first();
        }
        if (!fulls->isEmpty()) {
            row.lastFull = fulls->first();
        }
        if (!simulations->isEmpty()) {
            row.lastSimulation = simulations->first();
        }
        if (const auto test = tests->constFind(connector.id); test != tests->cend()) {
            row.lastTest = *test;
        }
        if (!connector.targetId.isEmpty()) {
            row.targetName = targetNames.value(connector.targetId, tr("(removed application)"));
        }
        rows.append(row);
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return true;
}

void ConnectorListModel::setSecretMissing(const QString& connectorId, bool missing)
{
    if (m_secretMissing.contains(connectorId) == missing) {
        return;
    }
    if (missing) {
        m_secretMissing.insert(connectorId);
    } else {
        m_secretMissing.remove(connectorId);
    }
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).connector.id == connectorId) {
            Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
        }
    }
}

ConnectorListModel::Status ConnectorListModel::status(int index) const
{
    const Row& row = m_rows.at(index);
    if (m_secretMissing.contains(row.connector.id)) {
        return Status::SecretMissing;
    }
    // A test newer than the last sync says more about the connector now (below).
    // The last full sync says how the connector stands; a rollback refused by the limit, say,
    // says nothing of it.
    const qint64 syncedAt = row.lastFull ? row.lastFull->startedAt : 0;
    if (row.lastTest && !row.lastTest->ok && row.lastTest->testedAt >= syncedAt) {
        return Status::TestFailed;
    }
    if (row.lastFull) {
        const QString& status = row.lastFull->status;
        if (status == u"succeeded"_s) {
            return ChangeSummary::hasWarnings(*row.lastFull) ? Status::SyncedWithWarnings : Status::Synced;
        }
        if (status == u"completed-with-errors"_s) {
            return Status::SyncedWithWarnings;
        }
        if (status != u"cancelled"_s && status != u"skipped"_s) {
            return Status::SyncFailed;
        }
    }
    if (row.lastTest && row.lastTest->ok) {
        return Status::TestPassed;
    }
    return row.lastSimulation && row.lastSimulation->status == u"succeeded"_s ? Status::TestPassed : Status::NotTested;
}

int ConnectorListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectorListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectorListModel::runText(const std::optional<RunRecord>& run, const QString& never)
{
    if (!run) {
        return never;
    }
    const QString when = ChangeSummary::dateTime(run->startedAt);
    if (run->status == u"succeeded"_s) {
        if (run->mode == u"rollback"_s) {
            return tr("%1, rolled back").arg(when);
        }
        return ChangeSummary::hasWarnings(*run) ? tr("%1, succeeded with warnings").arg(when)
                                                : tr("%1, succeeded").arg(when);
    }
    if (run->status == u"refused"_s) {
        return tr("%1, refused").arg(when);
    }
    if (run->status == u"cancelled"_s) {
        return tr("%1, cancelled").arg(when);
    }
    if (run->status == u"skipped"_s) {
        return tr("%1, skipped").arg(when);
    }
    if (run->status == u"completed-with-errors"_s) {
        return tr("%1, completed with errors").arg(when);
    }
    if (run->status == u"interrupted"_s) {
        return tr("%1, interrupted").arg(when);
    }
    return tr("%1, failed").arg(when);
}

QString ConnectorListModel::statusText(Status status) const
{
    switch (status) {
    case Status::SecretMissing:
        return tr("Secret missing");
    case Status::TestFailed:
        return tr("Connection test failed");
    case Status::NotTested:
        return tr("Not tested yet");
    case Status::SyncFailed:
        return tr("Last sync failed");
    case Status::SyncedWithWarnings:
        return tr("Synced with warnings");
    case Status::Synced:
        return tr("Synced");
    case Status::TestPassed:
        return tr("Connection OK");
    }
    return {};
}

QString ConnectorListModel::statusToolTip(const Row& row, Status status) const
{
    switch (status) {
    case Status::SecretMissing:
        return tr("The client secret is not in the system keychain. Edit the connector and type the secret again.");
    case Status::TestFailed:
        return row.lastTest->message;
    case Status::NotTested:
        return tr("Select it and press Test Connection.");
    case Status::SyncFailed:
        return row.lastFull->message;
    case Status::SyncedWithWarnings:
        return tr("The last sync left some users, groups or memberships out. Its report says which and why.");
    case Status::Synced:
    case Status::TestPassed:
        break;
    }
    return statusText(status);
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
        return ChangeSummary::dateTime(row.nextRun.toLocalTime());
    }
    return tr("%1 (%2)").arg(ChangeSummary::dateTime(row.nextRun.toTimeZone(zone)), QString::fromUtf8(zone.id()));
}

QVariant ConnectorListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    if (index.column() == StatusColumn) {
        const Status current = status(index.row());
        switch (role) {
        case StatusRole:
            return int(current);
        case Qt::DisplayRole:
            return statusText(current);
        case Qt::ToolTipRole:
            return statusToolTip(row, current);
        case Qt::DecorationRole: {
            const QStyle::StandardPixmap icon = current == Status::Synced || current == Status::TestPassed
                ? QStyle::SP_DialogApplyButton
                : current == Status::SecretMissing || current == Status::TestFailed || current == Status::SyncFailed
                ? QStyle::SP_MessageBoxCritical
                : current == Status::SyncedWithWarnings ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxQuestion;
            return QApplication::style()->standardIcon(icon);
        }
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return role == Qt::ToolTipRole
            ? tr("%1: Keycloak at %2, realm %3")
                  .arg(row.connector.name, row.connector.keycloak.baseUrl, row.connector.keycloak.realm)
            : row.connector.name;
    case UrlColumn:
        return row.connector.keycloak.baseUrl;
    case RealmColumn:
        return row.connector.keycloak.realm;
    case TargetColumn:
        return row.targetName.isEmpty() ? tr("This directory") : row.targetName;
    case LastSyncColumn:
        return role == Qt::ToolTipRole && row.lastSync && !row.lastSync->message.isEmpty()
            ? row.lastSync->message
            : runText(row.lastSync, tr("Never synced"));
    case LastSimulationColumn:
        return role == Qt::ToolTipRole && row.lastSimulation && !row.lastSimulation->message.isEmpty()
            ? row.lastSimulation->message
            : runText(row.lastSimulation, tr("None"));
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
    case StatusColumn:
        return tr("Status");
    case UrlColumn:
        return tr("URL");
    case RealmColumn:
        return tr("Realm");
    case TargetColumn:
        return tr("Synchronizes into");
    case LastSyncColumn:
        return tr("Last sync");
    case LastSimulationColumn:
        return tr("Last simulation");
    case NextRunColumn:
        return tr("Next run");
    default:
        return {};
    }
}

#include "ConnectorStore.h"

#include "connectors/keycloak/ConnectionTest.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

ConnectorConfig fromRow(const SettingsTable::Row& row)
{
    ConnectorConfig config;
    config.id = row.id;
    config.name = row.name;
    config.type = row.type;
    ConnectorConfig::readSettingsJson(row.settings, config);
    return config;
}

} // namespace

ConnectorStore::ConnectorStore(QSqlDatabase db)
    : m_table(std::move(db), u"connectors"_s, u"connector_tests"_s, u"connector_id"_s,
              {
                  tr("The connectors cannot be read from the directory: %1."),
                  tr("There is no connector named “%1”. List the connectors with: usersync-cli connector list."),
                  tr("A connector named “%1” already exists. Choose another name, or edit that connector."),
                  tr("The connector cannot be saved in the directory: %1."),
                  tr("The connector cannot be saved: %1. Another connector may already have the name “%2”."),
                  tr("The connector “%1” no longer exists; it may have been removed meanwhile."),
                  tr("The connector cannot be removed: %1."),
                  tr("The result of the connection test cannot be stored: %1."),
                  tr("The connection tests cannot be read: %1."),
              })
{ }

std::optional<QList<ConnectorConfig>> ConnectorStore::list(QString* error) const
{
    const auto rows = m_table.list(error);
    if (!rows) {
        return std::nullopt;
    }
    QList<ConnectorConfig> connectors;
    for (const SettingsTable::Row& row : *rows) {
        connectors.append(fromRow(row));
    }
    return connectors;
}

std::optional<ConnectorConfig> ConnectorStore::find(const QString& nameOrId, QString* error) const
{
    const auto row = m_table.find(nameOrId, error);
    return row ? std::optional(fromRow(*row)) : std::nullopt;
}

bool ConnectorStore::add(ConnectorConfig& config, QString* error)
{
    const auto id = m_table.add({{}, config.name, config.type, config.settingsJson()}, error);
    if (!id) {
        return false;
    }
    config.id = *id;
    config.name = config.name.trimmed();
    return true;
}

bool ConnectorStore::update(const ConnectorConfig& config, QString* error)
{
    return m_table.update({config.id, config.name, config.type, config.settingsJson()}, error);
}

bool ConnectorStore::remove(const QString& id, QString* error)
{
    return m_table.remove(id, error);
}

bool ConnectorStore::recordTest(const QString& connectorId, const TestRecord& test, QString* error)
{
    return m_table.recordTest(connectorId, test, error);
}

bool ConnectorStore::recordTest(const QString& connectorId, const ConnectionTestResult& result, QString* error)
{
    if (result.error && result.error->kind == ConnectorError::Kind::Cancelled) {
        return true;
    }
    return recordTest(
        connectorId, {QDateTime::currentMSecsSinceEpoch(), result.ok, result.error ? result.error->message : QString()},
        error);
}

std::optional<QHash<QString, ConnectorStore::TestRecord>> ConnectorStore::lastTests(QString* error) const
{
    return m_table.lastTests(error);
}

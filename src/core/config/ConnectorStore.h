#pragma once

#include "config/ConnectorConfig.h"
#include "config/SettingsTable.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <optional>

struct ConnectionTestResult;

// Connectors' non-secret settings in the directory's `connectors` table, so that every
// administrator of a shared directory, the window and the CLI see the same connectors.
// Works on a connection of the calling thread. Errors are sentences with a next step.
class ConnectorStore final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorStore)

public:
    explicit ConnectorStore(QSqlDatabase db);

    std::optional<QList<ConnectorConfig>> list(QString* error) const;

    // By exact id, else by name (case-insensitive). Not found: nullopt with `error` saying so.
    std::optional<ConnectorConfig> find(const QString& nameOrId, QString* error) const;

    // Stores a new connector and gives it its id.
    bool add(ConnectorConfig& config, QString* error);
    bool update(const ConnectorConfig& config, QString* error);
    bool remove(const QString& id, QString* error);

    // The outcome of a connector's last connection test (window, wizard or CLI), for its status.
    using TestRecord = SettingsTable::TestRecord;
    bool recordTest(const QString& connectorId, const TestRecord& test, QString* error);
    // The same from a test's result, now; a cancelled test says nothing and is not recorded.
    bool recordTest(const QString& connectorId, const ConnectionTestResult& result, QString* error);
    std::optional<QHash<QString, TestRecord>> lastTests(QString* error) const;

private:
    SettingsTable m_table;
};

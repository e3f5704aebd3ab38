#pragma once

#include "config/ConnectorConfig.h"
#include "connectors/ConnectorError.h"
#include "connectors/keycloak/ConnectionTest.h"
#include "connectors/keycloak/KeycloakFetcher.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// The JSON that --json prints. Field names are stable: scripts depend on them, and the README
// documents them.
namespace CliJson {

QJsonObject connector(const ConnectorConfig& config);
QJsonValue error(const std::optional<ConnectorError>& error);
QJsonObject connectionTest(const ConnectorConfig& config, const ConnectionTestResult& result);
QJsonObject fetch(const ConnectorConfig& config, const FetchResult& result, const QString& output);

} // namespace CliJson

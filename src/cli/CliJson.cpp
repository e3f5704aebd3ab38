#include "CliJson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace CliJson {

QJsonObject connector(const ConnectorConfig& config)
{
    QJsonObject object = config.settingsJson();
    object.insert(u"id"_s, config.id);
    object.insert(u"name"_s, config.name);
    object.insert(u"type"_s, config.type);
    return object;
}

QJsonValue error(const std::optional<ConnectorError>& error)
{
    if (!error) {
        return QJsonValue::Null;
    }
    return error->toJson();
}

QJsonObject connectionTest(const ConnectorConfig& config, const ConnectionTestResult& result)
{
    return QJsonObject{
        {u"connector"_s, config.name},
        {u"ok"_s, result.ok},
        {u"baseUrl"_s, result.baseUrl.toString()},
        {u"withAuthPath"_s, result.withAuthPath},
        {u"issuer"_s, result.issuer},
        {u"realmFound"_s, result.realmFound},
        {u"tokenObtained"_s, result.tokenObtained},
        {u"usersReadable"_s, result.usersReadable},
        {u"groupsReadable"_s, result.groupsReadable},
        {u"userCount"_s, result.userCount},
        {u"groupCount"_s, result.groupCount},
        {u"topLevelGroupCount"_s, result.topLevelGroupCount},
        {u"warnings"_s, QJsonArray::fromStringList(result.warnings)},
        {u"error"_s, error(result.error)},
    };
}

QJsonObject fetch(const ConnectorConfig& config, const FetchResult& result, const QString& output)
{
    const auto count = [&result](auto member) {
        return result.snapshot ? qint64(((*result.snapshot).*member).size()) : qint64(-1);
    };
    return QJsonObject{
        {u"connector"_s, config.name},
        {u"ok"_s, !result.error.has_value()},
        {u"output"_s, result.snapshot ? output : QString()},
        {u"users"_s, count(&DirectorySnapshot::users)},
        {u"groups"_s, count(&DirectorySnapshot::groups)},
        {u"memberships"_s, count(&DirectorySnapshot::memberships)},
        {u"elapsedMs"_s, result.elapsedMs},
        {u"requests"_s, result.statistics.requests},
        {u"retries"_s, result.statistics.retries},
        {u"tokensIssued"_s, result.statistics.tokensIssued},
        {u"bytesReceived"_s, result.statistics.bytesReceived},
        {u"error"_s, error(result.error)},
    };
}

} // namespace CliJson

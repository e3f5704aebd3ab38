#include "ConnectorConfig.h"

#include "config/SecretStore.h"
#include "schedule/CronExpression.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

QStringList ConnectorConfig::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty()) {
        problems << tr("Enter a name for the connector.");
    }
    const QUrl url(keycloak.baseUrl.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (keycloak.baseUrl.trimmed().isEmpty()) {
        problems << tr("Enter the Keycloak URL, such as https://sso.example.com.");
    } else if (!url.isValid() || url.host().isEmpty() || (scheme != u"https"_s && scheme != u"http"_s)) {
        problems << tr("The Keycloak URL “%1” is not a web address. Enter it as https://sso.example.com "
                       "(add /auth for servers before Keycloak 17).")
                        .arg(keycloak.baseUrl);
    } else if (url.hasQuery() || url.hasFragment()) {
        problems << tr("The Keycloak URL must not contain ? or #. Enter only the server address, such as "
                       "https://sso.example.com.");
    }
    if (keycloak.realm.trimmed().isEmpty()) {
        problems << tr("Enter the realm name, as shown in the Keycloak admin console's realm list.");
    } else if (keycloak.realm.contains(u'/')) {
        problems << tr("The realm name cannot contain “/”. Enter the name only, not a URL.");
    }
    if (keycloak.clientId.trimmed().isEmpty()) {
        problems << tr("Enter the client ID of the client UserSync signs in with.");
    }
    if (keycloak.pageSize < 1 || keycloak.pageSize > 10000) {
        problems << tr("The page size must be between 1 and 10000.");
    }
    if (keycloak.maxInFlight < 1 || keycloak.maxInFlight > 32) {
        problems << tr("The number of requests in flight must be between 1 and 32.");
    }
    if (keycloak.timeoutSeconds < 1 || keycloak.timeoutSeconds > 600) {
        problems << tr("The request timeout must be between 1 and 600 seconds.");
    }
    if (keycloak.maxRetries < 0 || keycloak.maxRetries > 10) {
        problems << tr("The number of retries must be between 0 and 10.");
    }
    problems << sync.validate();
    if (!schedule.timeZone.isEmpty() && !QTimeZone(schedule.timeZone.toUtf8()).isValid()) {
        problems << tr("The time zone “%1” is not known. Use a name such as Europe/Berlin, or none for the "
                       "system's.")
                        .arg(schedule.timeZone);
    }
    QString error;
    const auto expression = schedule.enabled ? CronExpression::parse(schedule.cron, &error) : std::nullopt;
    if (schedule.enabled && !expression) {
        problems << tr("The schedule is not valid: %1").arg(error);
    } else if (expression && schedule.zone().isValid()
               && !expression->next(QDateTime::currentDateTimeUtc(), schedule.zone()).isValid()) {
        // Saved, it would show no next run and never sync: said now instead.
        problems << tr("The schedule “%1” never runs: no date matches it (%2). Choose a day every month or year "
                       "has, such as 0 0 2 28 2 ? for 28 February at 02:00.")
                        .arg(schedule.cron, expression->describe());
    }
    return problems;
}

QTimeZone ScheduleSettings::zone() const
{
    return timeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(timeZone.toUtf8());
}

QDateTime ScheduleSettings::nextRun(const QDateTime& after) const
{
    QString ignored;
    const auto expression = enabled ? CronExpression::parse(cron, &ignored) : std::nullopt;
    return expression ? expression->next(after, zone()) : QDateTime();
}

QJsonObject ConnectorConfig::settingsJson() const
{
    return QJsonObject{
        {u"url"_s, keycloak.baseUrl},
        {u"realm"_s, keycloak.realm},
        {u"clientId"_s, keycloak.clientId},
        {u"caFile"_s, keycloak.caFile},
        {u"pageSize"_s, keycloak.pageSize},
        {u"maxInFlight"_s, keycloak.maxInFlight},
        {u"timeoutSeconds"_s, keycloak.timeoutSeconds},
        {u"maxRetries"_s, keycloak.maxRetries},
        {u"retryDelayMs"_s, keycloak.retryDelayMs},
        {u"userAttributes"_s, QJsonArray::fromStringList(keycloak.userAttributes)},
        {u"target"_s, targetId},
        {u"sync"_s, sync.toJson()},
        {u"schedule"_s,
         QJsonObject{{u"enabled"_s, schedule.enabled},
                     {u"cron"_s, schedule.cron},
                     {u"timeZone"_s, schedule.timeZone},
                     {u"runMissed"_s, schedule.runMissed}}},
    };
}

void ConnectorConfig::readSettingsJson(const QJsonObject& settings, ConnectorConfig& config)
{
    config.keycloak = keycloakFromJson(settings);
    config.targetId = settings.value(u"target"_s).toString();
    config.sync = SyncOptions::fromJson(settings.value(u"sync"_s).toObject());
    const QJsonObject schedule = settings.value(u"schedule"_s).toObject();
    config.schedule.enabled = schedule.value(u"enabled"_s).toBool(false);
    config.schedule.cron = schedule.value(u"cron"_s).toString(ScheduleSettings::defaultCron);
    config.schedule.timeZone = schedule.value(u"timeZone"_s).toString();
    config.schedule.runMissed = schedule.value(u"runMissed"_s).toBool(true);
}

KeycloakSettings ConnectorConfig::keycloakFromJson(const QJsonObject& settings)
{
    KeycloakSettings keycloak;
    keycloak.baseUrl = settings.value(u"url"_s).toString();
    keycloak.realm = settings.value(u"realm"_s).toString();
    keycloak.clientId = settings.value(u"clientId"_s).toString();
    keycloak.caFile = settings.value(u"caFile"_s).toString();
    keycloak.pageSize = settings.value(u"pageSize"_s).toInt(KeycloakSettings::defaultPageSize);
    keycloak.maxInFlight = settings.value(u"maxInFlight"_s).toInt(KeycloakSettings::defaultMaxInFlight);
    keycloak.timeoutSeconds = settings.value(u"timeoutSeconds"_s).toInt(KeycloakSettings::defaultTimeoutSeconds);
    keycloak.maxRetries = settings.value(u"maxRetries"_s).toInt(KeycloakSettings::defaultMaxRetries);
    keycloak.retryDelayMs = settings.value(u"retryDelayMs"_s).toInt(KeycloakSettings::defaultRetryDelayMs);
    for (const QJsonValue& attribute : settings.value(u"userAttributes"_s).toArray()) {
        keycloak.userAttributes.append(attribute.toString());
    }
    return keycloak;
}

QString ConnectorConfig::secretKey() const
{
    return SecretStore::connectorKey(id, clientSecretName);
}

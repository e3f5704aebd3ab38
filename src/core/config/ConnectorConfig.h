#pragma once

#include "net/HttpClient.h"
#include "sync/SyncOptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTimeZone>

// How to reach a Keycloak realm. Nothing here is secret: the client secret lives in the
// keychain under SecretStore::connectorKey(id, "client-secret").
struct KeycloakSettings
{
    static constexpr int defaultPageSize = 500;
    static constexpr int defaultMaxInFlight = 4;
    static constexpr int defaultTimeoutSeconds = 30;
    static constexpr int defaultMaxRetries = 4;
    static constexpr int defaultRetryDelayMs = 500;

    QString baseUrl; // as typed, with or without /auth
    QString realm;
    QString clientId;
    QString caFile; // extra CA certificates (PEM) for a private CA; verification stays on
    int pageSize = defaultPageSize;
    int maxInFlight = defaultMaxInFlight;
    int timeoutSeconds = defaultTimeoutSeconds; // per request, without any data arriving
    int maxRetries = defaultMaxRetries; // after the first attempt, on 5xx, 429, timeouts
    int retryDelayMs = defaultRetryDelayMs; // first backoff; doubles with each retry
    QStringList userAttributes; // custom attributes to fetch; none means the brief listing

    HttpSettings http() const { return {maxInFlight, timeoutSeconds, maxRetries, retryDelayMs, caFile}; }

    bool operator==(const KeycloakSettings&) const = default;
};

// When the connector syncs on its own. The cron expression is Quartz syntax or a classic
// crontab line (see CronExpression); it is evaluated in `timeZone`, the system's when empty.
struct ScheduleSettings
{
    static inline const QString defaultCron = QStringLiteral("0 0 2 * * ?"); // every day at 02:00

    bool enabled = false;
    QString cron = defaultCron;
    QString timeZone;
    bool runMissed = true; // a run missed while nothing was running runs once at the next start

    QTimeZone zone() const; // timeZone, or the system's
    // The first run after `after`; invalid while scheduling is off or the expression is wrong.
    QDateTime nextRun(const QDateTime& after) const;

    bool operator==(const ScheduleSettings&) const = default;
};

struct ConnectorConfig
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorConfig)

public:
    static inline const QString keycloakType = QStringLiteral("keycloak");
    static inline const QString clientSecretName = QStringLiteral("client-secret");

    QString id; // assigned when first stored; never changes
    QString name;
    QString type = keycloakType;
    KeycloakSettings keycloak;
    QString targetId; // the application it synchronizes into (TargetStore); empty: the directory itself
    SyncOptions sync;
    ScheduleSettings schedule;

    // Sentences naming each field that is missing or wrong; empty when the config can be used.
    QStringList validate() const;

    // The settings as stored in the directory, and as `usersync-cli --json` shows them.
    QJsonObject settingsJson() const;
    static KeycloakSettings keycloakFromJson(const QJsonObject& settings);
    // Reads what settingsJson() wrote into `config`.
    static void readSettingsJson(const QJsonObject& settings, ConnectorConfig& config);

    QString secretKey() const;

    bool operator==(const ConnectorConfig&) const = default;
};
Q_DECLARE_METATYPE(ConnectorConfig)

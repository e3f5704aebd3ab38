#pragma once

#include "connectors/ConnectorError.h"
#include "net/HttpOutcome.h"

#include <QCoreApplication>

// Turns what Keycloak (or the network) answered into a ConnectorError whose sentence names what
// to fix, in the Keycloak admin console where that is the place. Classified by HTTP status, not by
// Keycloak's "error" codes, which vary between endpoints and versions.
class KeycloakErrors final
{
    Q_DECLARE_TR_FUNCTIONS(KeycloakErrors)

public:
    // No HTTP answer at all: name resolution, refusal, TLS, timeout, cancellation.
    static ConnectorError network(const HttpOutcome& outcome, int timeoutSeconds);
    // The token endpoint refused the client credentials.
    static ConnectorError token(const HttpOutcome& outcome, const QString& clientId, const QString& realm,
                                int timeoutSeconds);
    // An admin API request failed after retries and token renewal.
    static ConnectorError admin(const HttpOutcome& outcome, const QString& clientId, int timeoutSeconds);

    static ConnectorError wrongUrl(const QUrl& tried, const QUrl& alsoTried, const HttpOutcome& last);
    static ConnectorError realmNotFound(const QString& realm, const HttpOutcome& outcome);
    static ConnectorError invalidResponse(const HttpOutcome& outcome, const QString& what);
    static ConnectorError queryUsersOnly(const QString& clientId, qint64 userCount);
    static ConnectorError incomplete(const QString& what);
    static ConnectorError cancelled();

    // Keycloak's {"error":"Realm does not exist"}: the server is Keycloak, the realm is wrong.
    static bool isRealmMissing(const HttpOutcome& outcome);
};

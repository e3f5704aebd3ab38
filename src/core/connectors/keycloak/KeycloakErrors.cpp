#include "KeycloakErrors.h"

#include "net/NetworkErrors.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

ConnectorError make(ConnectorError::Kind kind, const QString& message, const HttpOutcome& outcome)
{
    return ConnectorError{kind, message, outcome.describe()};
}

QString errorDescription(const HttpOutcome& outcome)
{
    return QJsonDocument::fromJson(outcome.body).object().value(u"error_description"_s).toString();
}

} // namespace

ConnectorError KeycloakErrors::network(const HttpOutcome& outcome, int timeoutSeconds)
{
    return NetworkErrors::transport(outcome, u"Keycloak"_s, timeoutSeconds);
}

ConnectorError KeycloakErrors::token(const HttpOutcome& outcome, const QString& clientId, const QString& realm,
                                     int timeoutSeconds)
{
    using Kind = ConnectorError::Kind;
    if (outcome.status == 0 || outcome.transportFailed()) {
        return network(outcome, timeoutSeconds);
    }
    if (isRealmMissing(outcome)) {
        return realmNotFound(realm, outcome);
    }
    if (outcome.status == 400 || outcome.status == 401) {
        // Keycloak says "Client not enabled to retrieve service account" when the client is right
        // but may not use the client-credentials grant.
        if (errorDescription(outcome).contains(u"service account"_s, Qt::CaseInsensitive)) {
            return make(Kind::ServiceAccountsDisabled,
                        tr("The client “%1” may not sign in on its own. In the Keycloak admin console, open "
                           "Clients → %1 → Settings → Capability config, switch on Client authentication and "
                           "Service accounts roles, and save.")
                            .arg(clientId),
                        outcome);
        }
        return make(Kind::InvalidClient,
                    tr("Keycloak refused the client ID “%1” or its secret. In the Keycloak admin console, open "
                       "Clients, check that a client with exactly this ID exists in realm “%2” with Client "
                       "authentication on, then copy the secret again from its Credentials tab.")
                        .arg(clientId, realm),
                    outcome);
    }
    return admin(outcome, clientId, timeoutSeconds);
}

ConnectorError KeycloakErrors::admin(const HttpOutcome& outcome, const QString& clientId, int timeoutSeconds)
{
    using Kind = ConnectorError::Kind;
    if (outcome.status == 0 || outcome.transportFailed()) {
        return network(outcome, timeoutSeconds);
    }
    switch (outcome.status) {
    case 401:
        return make(Kind::TokenRejected,
                    tr("Keycloak refused a fresh access token. This happens when Keycloak is reached under another "
                       "host name than the one it issues tokens for: use the URL Keycloak itself announces (its "
                       "hostname setting), then try again."),
                    outcome);
    case 403:
        return make(Kind::RoleMissing,
                    tr("The client's service account may not read users and groups. In the Keycloak admin console, "
                       "open Clients → %1 → Service account roles → Assign role, filter by clients, and assign "
                       "realm-management “manage-users” (or “view-users” for a read-only sync).")
                        .arg(clientId),
                    outcome);
    case 429:
        return make(Kind::ServerError,
                    tr("Keycloak kept asking UserSync to slow down (HTTP 429) after %1 attempts. Lower the "
                       "requests in flight under Advanced Settings, or try again later.")
                        .arg(outcome.attempts),
                    outcome);
    default:
        break;
    }
    if (outcome.status >= 500) {
        return make(Kind::ServerError,
                    tr("Keycloak answered with a server error (HTTP %1) after %2 attempts. Check the Keycloak "
                       "server log, then try again.")
                        .arg(outcome.status)
                        .arg(outcome.attempts),
                    outcome);
    }
    return make(Kind::InvalidResponse,
                tr("Keycloak answered HTTP %1 to %2, which UserSync did not expect. Check that the URL points to "
                   "Keycloak itself and not to a proxy's error page.")
                    .arg(outcome.status)
                    .arg(outcome.url.path()),
                outcome);
}

ConnectorError KeycloakErrors::wrongUrl(const QUrl& tried, const QUrl& alsoTried, const HttpOutcome& last)
{
    return make(ConnectorError::Kind::WrongUrl,
                tr("No Keycloak answered at %1 nor at %2. Check the Keycloak URL: it is the server's address, such "
                   "as https://sso.example.com, followed by /auth only for servers older than Keycloak 17 or "
                   "started with that path.")
                    .arg(tried.toString(), alsoTried.toString()),
                last);
}

ConnectorError KeycloakErrors::realmNotFound(const QString& realm, const HttpOutcome& outcome)
{
    return make(ConnectorError::Kind::RealmNotFound,
                tr("The realm “%1” does not exist on this Keycloak. Check the realm name, which is case-sensitive, "
                   "in the realm list of the Keycloak admin console.")
                    .arg(realm),
                outcome);
}

ConnectorError KeycloakErrors::invalidResponse(const HttpOutcome& outcome, const QString& what)
{
    return make(ConnectorError::Kind::InvalidResponse,
                tr("Keycloak sent %1 that UserSync cannot read, so it stopped; nothing was changed. Check that the "
                   "URL points to Keycloak itself and not to a proxy, then try again.")
                    .arg(what),
                outcome);
}

ConnectorError KeycloakErrors::queryUsersOnly(const QString& clientId, qint64 userCount)
{
    return ConnectorError{
        ConnectorError::Kind::QueryUsersOnly,
        tr("The client's service account can count the realm's %1 users but not list them: it has "
           "realm-management “query-users” without “view-users”. In the Keycloak admin console, open Clients → "
           "%2 → Service account roles and assign “manage-users” (or “view-users” for a read-only sync).")
            .arg(userCount)
            .arg(clientId),
        u"users/count > 0 but GET users returned an empty page"_s};
}

ConnectorError KeycloakErrors::incomplete(const QString& what)
{
    return ConnectorError{ConnectorError::Kind::IncompleteData,
                          tr("The realm could not be read completely (%1). It may have changed while it was read. "
                             "Nothing was changed; run it again.")
                              .arg(what),
                          what};
}

ConnectorError KeycloakErrors::cancelled()
{
    return NetworkErrors::cancelled();
}

bool KeycloakErrors::isRealmMissing(const HttpOutcome& outcome)
{
    return outcome.status == 404
        && QJsonDocument::fromJson(outcome.body).object().value(u"error"_s).toString() == u"Realm does not exist"_s;
}

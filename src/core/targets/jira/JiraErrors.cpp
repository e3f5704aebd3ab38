#include "JiraErrors.h"

#include "net/NetworkErrors.h"

using namespace Qt::StringLiterals;

namespace {

QString account(const TargetConfig& config)
{
    return config.auth == TargetConfig::Auth::Basic ? config.username : JiraErrors::tr("the token's owner");
}

} // namespace

ConnectorError JiraErrors::loginLocked(const TargetConfig& config, const HttpOutcome& outcome)
{
    return {ConnectorError::Kind::LoginLocked,
            tr("Jira locked the sign-in of %1 after failed logins and now asks for a CAPTCHA, so UserSync stopped "
               "and will not try again. Sign in to Jira once in a browser as that user and answer the CAPTCHA (or "
               "have an administrator reset the failed logins under Administration → User management), then test "
               "the connection again.")
                .arg(account(config)),
            outcome.describe()};
}

ConnectorError JiraErrors::unauthorized(const TargetConfig& config, const HttpOutcome& outcome)
{
    if (config.auth == TargetConfig::Auth::Basic) {
        return {ConnectorError::Kind::Unauthorized,
                tr("Jira did not accept the username “%1” or its password. Check both, then save the application "
                   "again; after several failed logins Jira asks for a CAPTCHA, so test only once more.")
                    .arg(config.username),
                outcome.describe()};
    }
    return {ConnectorError::Kind::Unauthorized,
            tr("Jira did not accept the personal access token: it is wrong, expired or revoked. Create a new one in "
               "Jira under your avatar → Profile → Personal Access Tokens, and enter it again."),
            outcome.describe()};
}

ConnectorError JiraErrors::notJira(const TargetConfig& config, const HttpOutcome& outcome)
{
    return {ConnectorError::Kind::WrongUrl,
            tr("%1 answers, but not as Jira Data Center (no server information at /rest/api/2/serverInfo). Enter "
               "the address people open Jira with, including its context path if it has one (such as "
               "https://example.com/jira).")
                .arg(config.url),
            outcome.describe()};
}

ConnectorError JiraErrors::notAdministrator(const TargetConfig& config)
{
    return {ConnectorError::Kind::NotAdministrator,
            tr("%1 is not a Jira administrator, so UserSync may neither read every user nor change any. Sign in "
               "with an account that has the Jira System administrators global permission (Administration → "
               "System → Global permissions), preferably with its personal access token.")
                .arg(account(config)),
            {}};
}

ConnectorError JiraErrors::invalidResponse(const HttpOutcome& outcome, const QString& what)
{
    return {ConnectorError::Kind::InvalidResponse,
            tr("Jira sent %1 that UserSync cannot read, so it stopped; nothing was changed. Check that the URL points "
               "to Jira itself and not to a proxy, then try again.")
                .arg(what),
            outcome.describe()};
}

ConnectorError JiraErrors::incomplete(const QString& what)
{
    return {ConnectorError::Kind::IncompleteData,
            tr("Jira could not be read completely (%1). It may have changed while it was read. Nothing was changed; "
               "run it again.")
                .arg(what),
            what};
}

ConnectorError JiraErrors::of(const AtlassianClient::Reply& reply, const TargetConfig& config, const QString& what)
{
    using Kind = ConnectorError::Kind;
    const HttpOutcome& outcome = reply.outcome;
    if (outcome.status == 0 || outcome.transportFailed() || outcome.cancelled) {
        return NetworkErrors::transport(outcome, u"Jira"_s, config.http.timeoutSeconds);
    }
    if (AtlassianClient::isLoginDenied(outcome)) {
        return loginLocked(config, outcome);
    }
    const QString said = AtlassianClient::messageOf(reply);
    switch (outcome.status) {
    case 401:
        return unauthorized(config, outcome);
    case 403:
        return {Kind::NotAdministrator,
                tr("Jira does not let %1 %2 (HTTP 403: %3). Give the account the Jira System administrators global "
                   "permission (Administration → System → Global permissions).")
                    .arg(account(config), what, said.isEmpty() ? tr("forbidden") : said),
                outcome.describe()};
    case 429:
        return {Kind::ServerError,
                tr("Jira kept asking UserSync to slow down (HTTP 429) after %1 attempts. Exempt the account from "
                   "rate limiting (Administration → System → Rate limiting → Exemptions), or lower the requests in "
                   "flight, then try again.")
                    .arg(outcome.attempts),
                outcome.describe()};
    default:
        break;
    }
    if (outcome.status >= 500) {
        return {Kind::ServerError,
                tr("Jira answered with a server error (HTTP %1) after %2 attempts while UserSync tried to %3. Check "
                   "Jira's log (atlassian-jira.log), then try again.")
                    .arg(outcome.status)
                    .arg(outcome.attempts)
                    .arg(what),
                outcome.describe()};
    }
    return {Kind::InvalidResponse,
            tr("Jira answered HTTP %1 when UserSync tried to %2%3.")
                .arg(outcome.status)
                .arg(what, said.isEmpty() ? QString() : u": "_s + said),
            outcome.describe()};
}

bool JiraErrors::isPerObject(const AtlassianClient::Reply& reply)
{
    const int status = reply.outcome.status;
    if (reply.outcome.transportFailed() || AtlassianClient::isLoginDenied(reply.outcome)) {
        return false;
    }
    // 400 (a project lead, a name taken), 403 (a system administrator), 404 (gone meanwhile),
    // 402 and 409: about this one object.
    return status == 400 || status == 402 || status == 403 || status == 404 || status == 409;
}

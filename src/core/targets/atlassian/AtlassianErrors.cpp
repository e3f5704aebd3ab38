#include "AtlassianErrors.h"

#include "net/NetworkErrors.h"
#include "targets/atlassian/AtlassianOAuth.h"

using namespace Qt::StringLiterals;

AtlassianProduct AtlassianProduct::jira()
{
    return {
        u"Jira"_s,
        u"/rest/api/2/serverInfo"_s,
        tr("Create a new one in Jira under your avatar → Profile → Personal Access Tokens"),
        tr("the Jira System administrators global permission (Administration → System → Global permissions)"),
        tr("Administration → User management"),
        tr("Administration → System → Rate limiting → Exemptions"),
        u"atlassian-jira.log"_s,
    };
}

AtlassianProduct AtlassianProduct::confluence()
{
    return {
        u"Confluence"_s,
        u"/rest/api/server-information"_s,
        tr("Create a new one in Confluence under your avatar → Settings → Personal Access Tokens"),
        tr("the System Administrator or Confluence Administrator global permission (Confluence administration → "
           "Global Permissions)"),
        tr("Confluence administration → Users"),
        tr("Confluence administration → Rate limiting → Exemptions"),
        u"atlassian-confluence.log"_s,
    };
}

AtlassianProduct AtlassianProduct::bitbucket()
{
    return {
        u"Bitbucket"_s,
        u"/rest/api/latest/application-properties"_s,
        tr("Bitbucket refuses personal access tokens on its administration API"),
        tr("the Admin or System admin global permission (Administration → Global permissions)"),
        tr("Administration → Users"),
        tr("Administration → Rate limiting → Exemptions"),
        u"atlassian-bitbucket.log"_s,
        true,
    };
}

QString AtlassianErrors::account(const TargetConfig& config)
{
    switch (config.auth) {
    case TargetConfig::Auth::Basic:
        return config.username;
    case TargetConfig::Auth::OAuth:
        return tr("the user who authorized UserSync");
    case TargetConfig::Auth::Token:
        break;
    }
    return tr("the token's owner");
}

ConnectorError AtlassianErrors::loginLocked(const AtlassianProduct& product, const TargetConfig& config,
                                            const HttpOutcome& outcome)
{
    return {ConnectorError::Kind::LoginLocked,
            tr("%1 locked the sign-in of %2 after failed logins and now asks for a CAPTCHA, so UserSync stopped and "
               "will not try again. Sign in to %1 once in a browser as that user and answer the CAPTCHA (or have an "
               "administrator reset the failed logins under %3), then test the connection again.")
                .arg(product.name, account(config), product.loginResetHelp),
            outcome.describe()};
}

ConnectorError AtlassianErrors::unauthorized(const AtlassianProduct& product, const TargetConfig& config,
                                             const HttpOutcome& outcome)
{
    if (product.adminNeedsPassword && config.auth == TargetConfig::Auth::Token) {
        return tokenRefused(product, outcome);
    }
    if (config.auth == TargetConfig::Auth::OAuth) {
        return {ConnectorError::Kind::Unauthorized,
                tr("%1 did not accept UserSync's OAuth access token, even just renewed (HTTP 401): the user who "
                   "authorized UserSync is no longer a %1 administrator, or the incoming link's scope does not "
                   "include %2. Check %3, then authorize UserSync again: %4.")
                    .arg(product.name, AtlassianOAuth::scope, product.adminHelp, AtlassianOAuth::authorizeHint(config)),
                outcome.describe()};
    }
    if (product.adminNeedsPassword) {
        return {ConnectorError::Kind::Unauthorized,
                tr("%1 did not accept %2 (HTTP 401): the password is wrong, or the account is not a %1 "
                   "administrator, which %1 answers the same way. Check the password, and that the account has "
                   "%3; after several failed logins %1 asks for a CAPTCHA, so test only once more.")
                    .arg(product.name, config.username, product.adminHelp),
                outcome.describe()};
    }
    return wrongCredential(product, config, outcome);
}

ConnectorError AtlassianErrors::wrongCredential(const AtlassianProduct& product, const TargetConfig& config,
                                                const HttpOutcome& outcome)
{
    if (config.auth == TargetConfig::Auth::Basic) {
        return {ConnectorError::Kind::Unauthorized,
                tr("%1 did not accept the username “%2” or its password. Check both, then save the application "
                   "again; after several failed logins %1 asks for a CAPTCHA, so test only once more.")
                    .arg(product.name, config.username),
                outcome.describe()};
    }
    return {ConnectorError::Kind::Unauthorized,
            tr("%1 did not accept the personal access token: it is wrong, expired or revoked. %2, and enter it "
               "again.")
                .arg(product.name, product.tokenHelp),
            outcome.describe()};
}

ConnectorError AtlassianErrors::tokenRefused(const AtlassianProduct& product, const HttpOutcome& outcome)
{
    return {ConnectorError::Kind::Unauthorized,
            tr("%1 refuses personal access tokens on its administration REST API, which a sync needs (HTTP 401). "
               "Sign in with the username and password of a %1 administrator instead: choose “A username and "
               "password” for this application.")
                .arg(product.name),
            outcome.describe()};
}

ConnectorError AtlassianErrors::notTheProduct(const AtlassianProduct& product, const TargetConfig& config,
                                              const HttpOutcome& outcome)
{
    return {ConnectorError::Kind::WrongUrl,
            tr("%1 answers, but not as %2 Data Center (no server information at %3). Enter the address people open "
               "%2 with, including its context path if it has one (such as https://example.com/%4).")
                .arg(config.url, product.name, product.infoPath, product.name.toLower()),
            outcome.describe()};
}

ConnectorError AtlassianErrors::notAdministrator(const AtlassianProduct& product, const TargetConfig& config)
{
    return {ConnectorError::Kind::NotAdministrator,
            tr("%1 is not a %2 administrator, so UserSync may neither read every user nor change any. Sign in with "
               "an account that has %3, preferably with its personal access token.")
                .arg(account(config), product.name, product.adminHelp),
            {}};
}

ConnectorError AtlassianErrors::invalidResponse(const AtlassianProduct& product, const HttpOutcome& outcome,
                                                const QString& what)
{
    return {ConnectorError::Kind::InvalidResponse,
            tr("%1 sent %2 that UserSync cannot read, so it stopped; nothing was changed. Check that the URL points "
               "to %1 itself and not to a proxy, then try again.")
                .arg(product.name, what),
            outcome.describe()};
}

ConnectorError AtlassianErrors::incomplete(const AtlassianProduct& product, const QString& what)
{
    return {ConnectorError::Kind::IncompleteData,
            tr("%1 could not be read completely (%2). It may have changed while it was read. Nothing was changed; "
               "run it again.")
                .arg(product.name, what),
            what};
}

ConnectorError AtlassianErrors::of(const AtlassianProduct& product, const AtlassianClient::Reply& reply,
                                   const TargetConfig& config, const QString& what)
{
    using Kind = ConnectorError::Kind;
    if (reply.signInError) {
        return *reply.signInError;
    }
    const HttpOutcome& outcome = reply.outcome;
    if (outcome.status == 0 || outcome.transportFailed() || outcome.cancelled) {
        return NetworkErrors::transport(outcome, product.name, config.http.timeoutSeconds);
    }
    if (AtlassianClient::isLoginDenied(outcome)) {
        return loginLocked(product, config, outcome);
    }
    const QString said = AtlassianClient::messageOf(reply);
    switch (outcome.status) {
    case 401:
        return unauthorized(product, config, outcome);
    case 403:
        return {
            Kind::NotAdministrator,
            tr("%1 does not let %2 %3 (HTTP 403: %4). Give the account %5.")
                .arg(product.name, account(config), what, said.isEmpty() ? tr("forbidden") : said, product.adminHelp),
            outcome.describe()};
    case 429:
        return {Kind::ServerError,
                tr("%1 kept asking UserSync to slow down (HTTP 429) after %2 attempts. Exempt the account from rate "
                   "limiting (%3), or lower the requests in flight, then try again.")
                    .arg(product.name)
                    .arg(outcome.attempts)
                    .arg(product.rateLimitHelp),
                outcome.describe()};
    default:
        break;
    }
    if (outcome.status >= 500) {
        return {Kind::ServerError,
                tr("%1 answered with a server error (HTTP %2) after %3 attempts while UserSync tried to %4. Check "
                   "%1's log (%5), then try again.")
                    .arg(product.name)
                    .arg(outcome.status)
                    .arg(outcome.attempts)
                    .arg(what, product.logName),
                outcome.describe()};
    }
    return {Kind::InvalidResponse,
            tr("%1 answered HTTP %2 when UserSync tried to %3%4.")
                .arg(product.name)
                .arg(outcome.status)
                .arg(what, said.isEmpty() ? QString() : u": "_s + said),
            outcome.describe()};
}

bool AtlassianErrors::isPerObject(const AtlassianClient::Reply& reply)
{
    const int status = reply.outcome.status;
    if (reply.signInError || reply.outcome.transportFailed() || AtlassianClient::isLoginDenied(reply.outcome)) {
        return false;
    }
    // 400 (a project lead, a name taken), 403 (a system administrator), 404 (gone meanwhile),
    // 402 (no licence left) and 409: about this one object.
    return status == 400 || status == 402 || status == 403 || status == 404 || status == 409;
}

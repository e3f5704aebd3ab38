#pragma once

#include "connectors/ConnectorError.h"
#include "targets/atlassian/AtlassianClient.h"

#include <QCoreApplication>

// What the sentences about one Atlassian Data Center application name: the product, and the
// screens where its administrator fixes what went wrong.
struct AtlassianProduct
{
    Q_DECLARE_TR_FUNCTIONS(AtlassianProduct)

public:
    QString name; // "Jira"
    QString infoPath; // where its server information is, below the base URL: "/rest/api/2/serverInfo"
    QString tokenHelp; // how to make a personal access token
    QString adminHelp; // the permission a sync needs, and where it is granted
    QString loginResetHelp; // where an administrator resets failed logins
    QString rateLimitHelp; // where an account is exempted from rate limiting
    QString logName; // "atlassian-jira.log"
    // Bitbucket answers 401 both to wrong credentials and to an account that is not an
    // administrator, and refuses personal access tokens on its administration API.
    bool adminNeedsPassword = false;

    // Made when asked, so that the sentences are in the language loaded by then.
    static AtlassianProduct jira();
    static AtlassianProduct confluence();
    static AtlassianProduct bitbucket();
};

// Turns what an Atlassian application (or the network) answered into a ConnectorError whose
// sentence names what to fix, and the application's screen to fix it in.
class AtlassianErrors final
{
    Q_DECLARE_TR_FUNCTIONS(AtlassianErrors)

public:
    // A request that failed after retries, for an account that reads or changes users (`what`:
    // "list the users", in the sentence).
    static ConnectorError of(const AtlassianProduct& product, const AtlassianClient::Reply& reply,
                             const TargetConfig& config, const QString& what);
    static ConnectorError loginLocked(const AtlassianProduct& product, const TargetConfig& config,
                                      const HttpOutcome& outcome);
    static ConnectorError unauthorized(const AtlassianProduct& product, const TargetConfig& config,
                                       const HttpOutcome& outcome);
    // A 401 that can only mean the credential itself (where Bitbucket's 401 is not ambiguous).
    static ConnectorError wrongCredential(const AtlassianProduct& product, const TargetConfig& config,
                                          const HttpOutcome& outcome);
    // Bitbucket: a personal access token on its administration API.
    static ConnectorError tokenRefused(const AtlassianProduct& product, const HttpOutcome& outcome);
    static ConnectorError notTheProduct(const AtlassianProduct& product, const TargetConfig& config,
                                        const HttpOutcome& outcome);
    static ConnectorError notAdministrator(const AtlassianProduct& product, const TargetConfig& config);
    static ConnectorError invalidResponse(const AtlassianProduct& product, const HttpOutcome& outcome,
                                          const QString& what);
    static ConnectorError incomplete(const AtlassianProduct& product, const QString& what);
    // Whether an answer is a refusal for one object (the rest of a run goes on), not a sign
    // that the application or the account cannot be used at all.
    static bool isPerObject(const AtlassianClient::Reply& reply);
    // "the token's owner", or the username signed in with.
    static QString account(const TargetConfig& config);
};

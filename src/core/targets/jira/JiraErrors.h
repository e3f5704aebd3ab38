#pragma once

#include "connectors/ConnectorError.h"
#include "targets/atlassian/AtlassianClient.h"

#include <QCoreApplication>

// Turns what Jira (or the network) answered into a ConnectorError whose sentence names what to
// fix, and the Jira screen to fix it in.
class JiraErrors final
{
    Q_DECLARE_TR_FUNCTIONS(JiraErrors)

public:
    // A request that failed after retries, for an account that reads or changes users (`what`:
    // "list the users", in the sentence).
    static ConnectorError of(const AtlassianClient::Reply& reply, const TargetConfig& config, const QString& what);
    static ConnectorError loginLocked(const TargetConfig& config, const HttpOutcome& outcome);
    static ConnectorError unauthorized(const TargetConfig& config, const HttpOutcome& outcome);
    static ConnectorError notJira(const TargetConfig& config, const HttpOutcome& outcome);
    static ConnectorError notAdministrator(const TargetConfig& config);
    static ConnectorError invalidResponse(const HttpOutcome& outcome, const QString& what);
    static ConnectorError incomplete(const QString& what);
    // Whether an answer is a refusal for one object (the rest of a run goes on), not a sign
    // that Jira or the account cannot be used at all.
    static bool isPerObject(const AtlassianClient::Reply& reply);
};

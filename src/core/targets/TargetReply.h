#pragma once

#include "connectors/ConnectorError.h"
#include "net/HttpOutcome.h"

#include <QJsonDocument>

#include <optional>

// One answer of an application's REST API (an Atlassian product, a SCIM service), as its client
// hands it to readers and writers.
struct TargetReply
{
    HttpOutcome outcome;
    QJsonDocument json; // the answer's body, when it is JSON (for a page, only when it is an error)
    // Set when the request was not sent because UserSync could not sign in (no OAuth access
    // token): the sentence to show, for the whole run.
    std::optional<ConnectorError> signInError;
    bool ok() const { return !signInError && outcome.isHttpSuccess(); }
};

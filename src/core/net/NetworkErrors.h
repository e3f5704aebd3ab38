#pragma once

#include "connectors/ConnectorError.h"
#include "net/HttpOutcome.h"

#include <QCoreApplication>

// An exchange that got no HTTP answer (name resolution, refusal, TLS, timeout, cancellation),
// turned into one sentence that names the server by its product ("Keycloak", "Jira").
class NetworkErrors final
{
    Q_DECLARE_TR_FUNCTIONS(NetworkErrors)

public:
    static ConnectorError transport(const HttpOutcome& outcome, const QString& product, int timeoutSeconds);
    static ConnectorError cancelled();
    // "https://jira.example.com": where the exchange went, without path or credentials.
    static QString serverOf(const HttpOutcome& outcome);
};

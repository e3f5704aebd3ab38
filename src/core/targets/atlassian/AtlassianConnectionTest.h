#pragma once

#include "targets/TargetTest.h"
#include "targets/atlassian/AtlassianClient.h"

#include <memory>

// What every Atlassian product's Test Connection shares: the client, the result being filled,
// progress in steps, cancelling, and finishing once, at the first failure or at the end.
class AtlassianConnectionTest : public TargetTest
{
    Q_OBJECT

protected:
    AtlassianConnectionTest(TargetConfig config, QString credential, const QString& restPath, const QString& product,
                            int steps, QObject* parent);

    void cancelled() override;
    void step(const QString& phase, int done) { reportProgress({phase, done, m_steps}, true); }
    void finish(const std::optional<ConnectorError>& error);

    TargetConfig m_config;
    std::unique_ptr<AtlassianClient> m_client;
    TargetTestResult m_result;

private:
    int m_steps;
    bool m_finished = false;
};

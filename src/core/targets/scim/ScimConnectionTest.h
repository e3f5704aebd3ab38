#pragma once

#include "targets/TargetTest.h"
#include "targets/scim/ScimClient.h"
#include "targets/scim/ScimService.h"

#include <memory>

// Test Connection for a SCIM 2.0 service: reachable and a SCIM service (its discovery), the token
// accepted, what it supports, and how many users and groups it holds.
class ScimConnectionTest final : public TargetTest
{
    Q_OBJECT

public:
    ScimConnectionTest(TargetConfig config, QString token, QObject* parent = nullptr);
    ~ScimConnectionTest() override;

    void start() override;

protected:
    void cancelled() override;

private:
    void count(const QString& endpoint, bool users);
    void finish(const std::optional<ConnectorError>& error);

    TargetConfig m_config;
    std::unique_ptr<ScimClient> m_client;
    std::unique_ptr<ScimDiscovery> m_discovery;
    std::optional<ScimService> m_service;
    TargetTestResult m_result;
    bool m_finished = false;
};

#pragma once

#include "targets/ApplicationTarget.h"
#include "targets/scim/ScimService.h"
#include "targets/scim/ScimWriter.h"

#include <memory>
#include <optional>

class ScimClient;
class ScimDiscovery;
class ScimReader;

// A SCIM 2.0 service as a target (Atlassian Cloud through Atlassian Guard, GitHub Enterprise,
// Slack, AWS IAM Identity Center, …), below its base URL with a bearer token. Every read begins
// with the service's discovery, so that only the attributes it advertises are compared and sent.
// Users are known by their SCIM id, groups by their name (displayName), as the Atlassian products'
// are: a group renamed in Keycloak is reported, not renamed.
class ScimTarget final : public ApplicationTarget
{
    Q_OBJECT

public:
    ScimTarget(TargetConfig config, QString token, QSqlDatabase db, QObject* parent = nullptr);
    ~ScimTarget() override;

    // What a SCIM service keeps: the user fields among username, email, first and last name,
    // display name and active that `service` defines (all of them while it is not known yet).
    static TargetCapabilities scimCapabilities(const QString& product, const std::optional<ScimService>& service);
    TargetCapabilities capabilities() const override;

private:
    void readApplication(ReadDone done) override;
    void cancelRead() override;
    std::unique_ptr<ApplicationWriter> makeWriter(RunJournal* journal, std::shared_ptr<const ChangeSet> plan) override;

    QString m_token;
    std::unique_ptr<ScimClient> m_client;
    std::unique_ptr<ScimDiscovery> m_discovery;
    std::unique_ptr<ScimReader> m_reader;
    std::optional<ScimService> m_service;
    ScimWriter::Known m_known;
};

#pragma once

#include "targets/ApplicationTarget.h"
#include "targets/ldap/LdapReader.h"

#include <memory>

class LdapClient;

// An LDAP directory (OpenLDAP) as a target: what Jira, Confluence and Bitbucket Data Center read
// through their own LDAP directory connectors, so that one sync feeds all three. Users are known
// by their entryUUID (a rename keeps it), groups by their name, as the Atlassian products know
// them: a group renamed in Keycloak is reported, not renamed. One connection serves the read and
// the apply that follows it.
class LdapTarget final : public ApplicationTarget
{
    Q_OBJECT

public:
    LdapTarget(TargetConfig config, QString password, QSqlDatabase db, QObject* parent = nullptr);
    ~LdapTarget() override;

    static TargetCapabilities ldapCapabilities(const TargetConfig& config);
    TargetCapabilities capabilities() const override;

private:
    void readApplication(ReadDone done) override;
    void cancelRead() override;
    std::unique_ptr<ApplicationWriter> makeWriter(RunJournal* journal, std::shared_ptr<const ChangeSet> plan) override;

    QString m_password;
    std::unique_ptr<LdapClient> m_client;
    std::unique_ptr<LdapReader> m_reader;
    LdapEntries m_entries;
};

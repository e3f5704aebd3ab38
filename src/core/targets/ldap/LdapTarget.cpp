#include "LdapTarget.h"

#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/ldap/LdapClient.h"
#include "targets/ldap/LdapWriter.h"

using namespace Qt::StringLiterals;

LdapTarget::LdapTarget(TargetConfig config, QString password, QSqlDatabase db, QObject* parent)
    : ApplicationTarget(u"LDAP"_s, config, std::move(db), parent)
    , m_password(std::move(password))
{ }

LdapTarget::~LdapTarget() = default;

TargetCapabilities LdapTarget::ldapCapabilities(const TargetConfig& config)
{
    TargetCapabilities capabilities;
    capabilities.product = u"LDAP"_s;
    capabilities.userFields = {u"username"_s, u"email"_s, u"firstName"_s, u"lastName"_s, u"displayName"_s, u"active"_s};
    capabilities.groupFields = {u"name"_s};
    // No disabled flag the applications read: access is the access groups a user is in.
    capabilities.accessByGroups = true;
    BitbucketAccess access;
    access.groups = config.accessGroups;
    capabilities.defaultAccess = access.toText();
    capabilities.renameGroups = false;
    capabilities.restoreDeletedUsers = false;
    capabilities.transactional = false;
    return capabilities;
}

TargetCapabilities LdapTarget::capabilities() const
{
    return ldapCapabilities(config());
}

void LdapTarget::readApplication(ReadDone done)
{
    Q_EMIT progress({tr("Connecting to the LDAP server"), 0, -1});
    m_client = std::make_unique<LdapClient>(config(), m_password);
    if (const auto error = m_client->open()) {
        done(std::nullopt, error);
        return;
    }
    m_reader = std::make_unique<LdapReader>(m_client.get());
    connect(m_reader.get(), &LdapReader::progress, this, &Target::progress);
    m_reader->readAll([this, done](std::optional<ConnectorError> error) {
        if (error) {
            done(std::nullopt, error);
            return;
        }
        m_entries = m_reader->takeEntries();
        done(m_reader->takeState(), std::nullopt);
    });
}

void LdapTarget::cancelRead()
{
    if (m_client) {
        m_client->cancel();
    }
}

std::unique_ptr<ApplicationWriter> LdapTarget::makeWriter(RunJournal* journal, std::shared_ptr<const ChangeSet> plan)
{
    // Every apply follows a read of this object (ApplicationTarget reads before a reviewed plan),
    // whose connection it goes on with.
    Q_ASSERT(m_client);
    return std::make_unique<LdapWriter>(m_client.get(), std::move(m_entries), journal, std::move(plan));
}

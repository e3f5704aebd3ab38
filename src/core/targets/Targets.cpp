#include "Targets.h"

#include "config/SecretStore.h"
#include "targets/TargetStore.h"
#include "targets/bitbucket/BitbucketTarget.h"
#include "targets/confluence/ConfluenceTarget.h"
#include "targets/directory/DirectoryTarget.h"
#include "targets/jira/JiraTarget.h"
#include "targets/ldap/LdapTarget.h"
#include "targets/scim/ScimTarget.h"

std::unique_ptr<Target> Targets::open(const ConnectorConfig& connector, QSqlDatabase db,
                                      const std::optional<QString>& credential, QString* error)
{
    if (connector.targetId.isEmpty()) {
        return std::make_unique<DirectoryTarget>(std::move(db));
    }
    QString reason;
    const auto config = TargetStore(db).find(connector.targetId, &reason);
    if (!config) {
        *error = tr("The application connector “%1” synchronizes into is gone: %2 Choose another with: usersync-cli "
                    "connector edit \"%1\" --target NAME.")
                     .arg(connector.name, reason);
        return nullptr;
    }
    QString secret;
    if (credential) {
        secret = *credential;
    } else {
        const SecretResult stored = SecretStore().readNow(config->secretKey());
        if (!stored.ok()) {
            *error = tr("The credential for %1 cannot be read: %2").arg(config->name, stored.message);
            return nullptr;
        }
        secret = stored.secret;
    }
    if (config->type == TargetConfig::bitbucketType) {
        return std::make_unique<BitbucketTarget>(*config, secret, std::move(db));
    }
    if (config->type == TargetConfig::scimType) {
        return std::make_unique<ScimTarget>(*config, secret, std::move(db));
    }
    if (config->type == TargetConfig::ldapType) {
        return std::make_unique<LdapTarget>(*config, secret, std::move(db));
    }
    if (config->type == TargetConfig::confluenceType) {
        return std::make_unique<ConfluenceTarget>(*config, secret, std::move(db));
    }
    return std::make_unique<JiraTarget>(*config, secret, std::move(db));
}

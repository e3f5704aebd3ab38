#include "BitbucketTarget.h"

#include "directory/DirectoryStore.h"
#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/bitbucket/BitbucketReader.h"
#include "targets/bitbucket/BitbucketWriter.h"

using namespace Qt::StringLiterals;

BitbucketTarget::BitbucketTarget(TargetConfig config, QString credential, QSqlDatabase db, QObject* parent)
    : AtlassianTarget(AtlassianProduct::bitbucket(), restPath, std::move(config), std::move(credential), std::move(db),
                      parent)
{ }

TargetCapabilities BitbucketTarget::bitbucketCapabilities(const TargetConfig& config)
{
    TargetCapabilities capabilities;
    capabilities.product = u"Bitbucket"_s;
    capabilities.userFields = {u"username"_s, u"email"_s, u"displayName"_s, u"active"_s};
    capabilities.groupFields = {u"name"_s};
    capabilities.accessByGroups = true;
    capabilities.defaultAccess = BitbucketAccess{config.accessGroups, {}}.toText();
    capabilities.renameGroups = false;
    capabilities.restoreDeletedUsers = false;
    capabilities.transactional = false;
    return capabilities;
}

std::unique_ptr<AtlassianReader> BitbucketTarget::createReader(AtlassianClient* client) const
{
    return std::make_unique<BitbucketReader>(client);
}

std::unique_ptr<AtlassianWriter> BitbucketTarget::createWriter(AtlassianClient* client, RunJournal* journal,
                                                               std::shared_ptr<const ChangeSet> plan) const
{
    return std::make_unique<BitbucketWriter>(client, journal, std::move(plan));
}

bool BitbucketTarget::complete(DirectoryState& state, QSqlDatabase db, QString* error) const
{
    const std::optional<QHash<QString, QString>> removed = DirectoryStore(db).removedAccess(config().id, error);
    if (!removed) {
        return false;
    }
    for (LocalUser& user : state.users) {
        if (!user.active) {
            user.access = removed->value(user.id);
        }
    }
    return true;
}

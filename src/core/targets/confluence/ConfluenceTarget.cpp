#include "ConfluenceTarget.h"

#include "targets/confluence/ConfluenceReader.h"
#include "targets/confluence/ConfluenceWriter.h"

using namespace Qt::StringLiterals;

ConfluenceTarget::ConfluenceTarget(TargetConfig config, QString credential, QSqlDatabase db, QObject* parent)
    : AtlassianTarget(AtlassianProduct::confluence(), restPath, std::move(config), std::move(credential), std::move(db),
                      parent)
{ }

TargetCapabilities ConfluenceTarget::confluenceCapabilities()
{
    TargetCapabilities capabilities;
    capabilities.product = u"Confluence"_s;
    capabilities.userFields = {u"username"_s, u"email"_s, u"displayName"_s, u"active"_s};
    capabilities.groupFields = {u"name"_s};
    capabilities.renameUsers = false;
    capabilities.renameUserHelp = tr("Confluence administration → Users → the user → Edit Details");
    capabilities.renameGroups = false;
    capabilities.restoreDeletedUsers = false;
    capabilities.transactional = false;
    return capabilities;
}

std::unique_ptr<AtlassianReader> ConfluenceTarget::createReader(AtlassianClient* client) const
{
    return std::make_unique<ConfluenceReader>(client);
}

std::unique_ptr<AtlassianWriter> ConfluenceTarget::createWriter(AtlassianClient* client, RunJournal* journal,
                                                                std::shared_ptr<const ChangeSet> plan) const
{
    return std::make_unique<ConfluenceWriter>(client, journal, std::move(plan));
}

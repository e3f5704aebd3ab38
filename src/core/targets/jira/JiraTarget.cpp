#include "JiraTarget.h"

#include "targets/atlassian/AtlassianErrors.h"
#include "targets/jira/JiraReader.h"
#include "targets/jira/JiraWriter.h"

using namespace Qt::StringLiterals;

JiraTarget::JiraTarget(TargetConfig config, QString credential, QSqlDatabase db, QObject* parent)
    : AtlassianTarget(AtlassianProduct::jira(), restPath, std::move(config), std::move(credential), std::move(db),
                      parent)
{ }

TargetCapabilities JiraTarget::jiraCapabilities()
{
    TargetCapabilities capabilities;
    capabilities.product = u"Jira"_s;
    capabilities.userFields = {u"username"_s, u"email"_s, u"displayName"_s, u"active"_s};
    capabilities.groupFields = {u"name"_s};
    capabilities.renameGroups = false;
    capabilities.restoreDeletedUsers = false;
    capabilities.transactional = false;
    return capabilities;
}

std::unique_ptr<AtlassianReader> JiraTarget::createReader(AtlassianClient* client) const
{
    return std::make_unique<JiraReader>(client);
}

std::unique_ptr<AtlassianWriter> JiraTarget::createWriter(AtlassianClient* client, RunJournal* journal,
                                                          std::shared_ptr<const ChangeSet> plan) const
{
    return std::make_unique<JiraWriter>(client, journal, std::move(plan));
}

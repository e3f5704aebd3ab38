#pragma once

#include "targets/atlassian/AtlassianTarget.h"

// Jira Data Center as a target. Jira keeps a username, an e-mail address, a display name and an
// active flag per user (no first and last name), renames users (by key, which never changes) but
// not groups.
class JiraTarget final : public AtlassianTarget
{
    Q_OBJECT

public:
    JiraTarget(TargetConfig config, QString credential, QSqlDatabase db, QObject* parent = nullptr);

    static TargetCapabilities jiraCapabilities();
    static inline const QString restPath = QStringLiteral("rest/api/2"); // REST API v2, below the base URL

    TargetCapabilities capabilities() const override { return jiraCapabilities(); }

protected:
    std::unique_ptr<AtlassianReader> createReader(AtlassianClient* client) const override;
    std::unique_ptr<AtlassianWriter> createWriter(AtlassianClient* client, RunJournal* journal,
                                                  std::shared_ptr<const ChangeSet> plan) const override;
};

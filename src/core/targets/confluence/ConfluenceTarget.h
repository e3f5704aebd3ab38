#pragma once

#include "targets/atlassian/AtlassianTarget.h"

// Confluence Data Center as a target. Confluence keeps a username, an e-mail address, a full name
// (the display name) and a status per user. Its REST API renames neither users nor groups: a
// Keycloak rename is reported as a skip with the manual step, and the user stays linked by its key.
class ConfluenceTarget final : public AtlassianTarget
{
    Q_OBJECT

public:
    ConfluenceTarget(TargetConfig config, QString credential, QSqlDatabase db, QObject* parent = nullptr);

    static TargetCapabilities confluenceCapabilities();
    static inline const QString restPath = QStringLiteral("rest/api"); // below the base URL

    TargetCapabilities capabilities() const override { return confluenceCapabilities(); }

protected:
    std::unique_ptr<AtlassianReader> createReader(AtlassianClient* client) const override;
    std::unique_ptr<AtlassianWriter> createWriter(AtlassianClient* client, RunJournal* journal,
                                                  std::shared_ptr<const ChangeSet> plan) const override;
};

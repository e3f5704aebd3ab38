#pragma once

#include "targets/atlassian/AtlassianTarget.h"

// Bitbucket Data Center as a target. Bitbucket keeps a username (which it renames), an e-mail
// address and a display name per user, and cannot rename groups. It has no disabled flag: a user
// has access while it is in one of the target's access groups or holds a global permission of its
// own; disabling takes both away (and the connector's memberships), and the history records what
// was taken, so that a rollback or a reactivation gives back exactly that.
class BitbucketTarget final : public AtlassianTarget
{
    Q_OBJECT

public:
    BitbucketTarget(TargetConfig config, QString credential, QSqlDatabase db, QObject* parent = nullptr);

    static TargetCapabilities bitbucketCapabilities(const TargetConfig& config);
    static inline const QString restPath = QStringLiteral("rest/api/latest"); // below the base URL

    TargetCapabilities capabilities() const override { return bitbucketCapabilities(config()); }

protected:
    std::unique_ptr<AtlassianReader> createReader(AtlassianClient* client) const override;
    std::unique_ptr<AtlassianWriter> createWriter(AtlassianClient* client, RunJournal* journal,
                                                  std::shared_ptr<const ChangeSet> plan) const override;
    // A user without access: what the last disabling took, so that reactivating gives it back.
    bool complete(DirectoryState& state, QSqlDatabase db, QString* error) const override;
};

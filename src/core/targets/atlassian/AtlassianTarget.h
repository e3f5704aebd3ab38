#pragma once

#include "targets/ApplicationTarget.h"
#include "targets/atlassian/AtlassianErrors.h"

#include <memory>

class AtlassianClient;
class AtlassianReader;
class AtlassianWriter;

// An Atlassian Data Center application as a target: its users (by the key that never changes),
// groups (by name) and memberships, read and written through its REST API below `restPath`. Each
// product says how it is read and written.
class AtlassianTarget : public ApplicationTarget
{
    Q_OBJECT

public:
    ~AtlassianTarget() override;

    void prepare(ChangeSet& plan) const override;

protected:
    AtlassianTarget(AtlassianProduct product, QString restPath, TargetConfig config, QString credential,
                    QSqlDatabase db, QObject* parent);

    virtual std::unique_ptr<AtlassianReader> createReader(AtlassianClient* client) const = 0;
    virtual std::unique_ptr<AtlassianWriter> createWriter(AtlassianClient* client, RunJournal* journal,
                                                          std::shared_ptr<const ChangeSet> plan) const = 0;

private:
    void readApplication(ReadDone done) override;
    void cancelRead() override;
    std::unique_ptr<ApplicationWriter> makeWriter(RunJournal* journal, std::shared_ptr<const ChangeSet> plan) override;

    QString m_restPath;
    QString m_credential;
    std::unique_ptr<AtlassianClient> m_client;
    std::unique_ptr<AtlassianReader> m_reader;
};

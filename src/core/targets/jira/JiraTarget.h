#pragma once

#include "targets/Target.h"
#include "targets/TargetConfig.h"

#include <QSqlDatabase>

#include <memory>

class AtlassianClient;
class JiraReader;
class JiraWriter;
class RunJournal;

// Jira Data Center as a target: its users (by key, which never changes), groups and memberships,
// read completely through its REST API, with the links the directory keeps for this target.
// Jira keeps a username, an e-mail address, a display name and an active flag per user (no first
// and last name), and cannot rename groups.
class JiraTarget final : public Target
{
    Q_OBJECT

public:
    JiraTarget(TargetConfig config, QString credential, QSqlDatabase db, QObject* parent = nullptr);
    ~JiraTarget() override;

    static TargetCapabilities jiraCapabilities();
    static inline const QString restPath = QStringLiteral("rest/api/2"); // REST API v2, below the base URL

    TargetCapabilities capabilities() const override { return jiraCapabilities(); }
    QString id() const override { return m_config.id; }
    QString name() const override { return m_config.name; }
    void read(ReadDone done) override;
    void prepare(ChangeSet& plan) const override;
    QByteArray fingerprint(const DirectoryState& state, const ChangeSet& plan) const override;
    void apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done) override;
    void cancel() override;

private:
    void write(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done);

    TargetConfig m_config;
    QString m_credential;
    QSqlDatabase m_db;
    std::unique_ptr<AtlassianClient> m_client;
    std::unique_ptr<JiraReader> m_reader;
    std::unique_ptr<RunJournal> m_journal;
    std::unique_ptr<JiraWriter> m_writer;
    bool m_readForPlan = false; // this object read Jira for the plan it is asked to apply
    bool m_cancelled = false;
};

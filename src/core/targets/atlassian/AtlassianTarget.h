#pragma once

#include "targets/Target.h"
#include "targets/TargetConfig.h"
#include "targets/atlassian/AtlassianErrors.h"

#include <QSqlDatabase>

#include <memory>

class AtlassianClient;
class AtlassianReader;
class AtlassianWriter;
class RunJournal;

// An Atlassian Data Center application as a target: its users (by the key that never changes),
// groups (by name) and memberships, read completely through its REST API with the links the
// directory keeps for this target, and a plan applied call by call, each outcome recorded as it
// returns. A plan reviewed earlier is applied only if nothing it touches changed since. Each
// product says how it is read and written.
class AtlassianTarget : public Target
{
    Q_OBJECT

public:
    ~AtlassianTarget() override;

    QString id() const override { return m_config.id; }
    QString name() const override { return m_config.name; }
    void read(ReadDone done) override;
    void prepare(ChangeSet& plan) const override;
    QByteArray fingerprint(const DirectoryState& state, const ChangeSet& plan) const override;
    void apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done) override;
    void cancel() override;

protected:
    AtlassianTarget(AtlassianProduct product, QString restPath, TargetConfig config, QString credential,
                    QSqlDatabase db, QObject* parent);

    virtual std::unique_ptr<AtlassianReader> createReader(AtlassianClient* client) const = 0;
    virtual std::unique_ptr<AtlassianWriter> createWriter(AtlassianClient* client, RunJournal* journal,
                                                          std::shared_ptr<const ChangeSet> plan) const = 0;

    // What the product adds to a complete read from the directory's own records (after the links).
    virtual bool complete(DirectoryState& state, QSqlDatabase db, QString* error) const
    {
        Q_UNUSED(state);
        Q_UNUSED(db);
        Q_UNUSED(error);
        return true;
    }

    const TargetConfig& config() const { return m_config; }

private:
    void write(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done);

    const AtlassianProduct m_product;
    QString m_restPath;
    TargetConfig m_config;
    QString m_credential;
    QSqlDatabase m_db;
    std::unique_ptr<AtlassianClient> m_client;
    std::unique_ptr<AtlassianReader> m_reader;
    std::unique_ptr<RunJournal> m_journal;
    std::unique_ptr<AtlassianWriter> m_writer;
    bool m_readForPlan = false; // this object read the application for the plan it is asked to apply
    bool m_cancelled = false;
};

#pragma once

#include "targets/ApplicationWriter.h"
#include "targets/Target.h"
#include "targets/TargetConfig.h"

#include <QSqlDatabase>

#include <memory>

class RunJournal;

// An application reached over the network as a target (the Atlassian products, a SCIM service):
// its users, groups and memberships read completely, with the links the directory keeps for this
// target laid over them, and a plan applied call by call by its ApplicationWriter, each outcome
// recorded as it returns (RunJournal). A plan reviewed earlier is applied only if nothing it
// touches changed since. Each kind of application says how it is read and written.
class ApplicationTarget : public Target
{
    Q_OBJECT

public:
    ~ApplicationTarget() override;

    QString id() const override { return m_config.id; }
    QString name() const override { return m_config.name; }
    void read(ReadDone done) override;
    QByteArray fingerprint(const DirectoryState& state, const ChangeSet& plan) const override;
    void apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done) override;
    void cancel() override;

protected:
    // `product` names the application in sentences ("Jira", "Atlassian Cloud").
    ApplicationTarget(QString product, TargetConfig config, QSqlDatabase db, QObject* parent);

    // The application's own state, read completely; the links are laid over it afterwards.
    virtual void readApplication(ReadDone done) = 0;
    // Stops a read in progress.
    virtual void cancelRead() = 0;
    // The writer of a plan, on a fresh client of its own.
    virtual std::unique_ptr<ApplicationWriter> makeWriter(RunJournal* journal,
                                                          std::shared_ptr<const ChangeSet> plan) = 0;
    // What the application adds to a complete read from the directory's own records (after the links).
    virtual bool complete(DirectoryState& state, QSqlDatabase db, QString* error) const
    {
        Q_UNUSED(state);
        Q_UNUSED(db);
        Q_UNUSED(error);
        return true;
    }

    const TargetConfig& config() const { return m_config; }
    const QString& product() const { return m_product; }

private:
    void write(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done);

    const QString m_product;
    TargetConfig m_config;
    QSqlDatabase m_db;
    std::unique_ptr<RunJournal> m_journal;
    std::unique_ptr<ApplicationWriter> m_writer;
    bool m_readForPlan = false; // this object read the application for the plan it is asked to apply
    bool m_cancelled = false;
};

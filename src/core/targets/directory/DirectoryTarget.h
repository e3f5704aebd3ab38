#pragma once

#include "targets/Target.h"

#include <QCoreApplication>
#include <QSqlDatabase>

// The directory database as a target: the embedded default. Reads its rows, and applies a plan
// and records the run in one transaction, so that it is left as it was or fully synced.
class DirectoryTarget final : public Target
{
    Q_OBJECT

public:
    explicit DirectoryTarget(QSqlDatabase db, QObject* parent = nullptr);

    TargetCapabilities capabilities() const override { return {}; }
    QString id() const override { return {}; }
    void read(ReadDone done) override;
    QByteArray fingerprint(const DirectoryState& state, const ChangeSet& plan) const override;
    void apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done) override;

private:
    QSqlDatabase m_db;
};

#include "DirectoryTarget.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

DirectoryTarget::DirectoryTarget(QSqlDatabase db, QObject* parent)
    : Target(parent)
    , m_db(std::move(db))
{ }

void DirectoryTarget::read(ReadDone done)
{
    QString error;
    std::optional<DirectoryState> state = DirectoryStore(m_db).load(&error);
    if (!state) {
        done(std::nullopt,
             ConnectorError{ConnectorError::Kind::InvalidResponse, tr("The directory cannot be read: %1").arg(error),
                            error});
        return;
    }
    done(std::move(state), std::nullopt);
}

QByteArray DirectoryTarget::fingerprint(const DirectoryState& state, const ChangeSet&) const
{
    // The whole directory: DirectoryStore::apply checks it again inside its transaction.
    return state.fingerprint;
}

void DirectoryTarget::apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done)
{
    TargetApplyResult result;
    DirectoryStore store(m_db);
    QString error;
    run.finishedAt = QDateTime::currentMSecsSinceEpoch();
    bool changedSince = false;
    if (store.apply(*plan, run, &error, &changedSince)) {
        result.status = TargetApplyResult::Status::Succeeded;
        result.done = int(plan->size());
    } else {
        result.status = changedSince ? TargetApplyResult::Status::Refused : TargetApplyResult::Status::Failed;
        result.message = error;
        run.status = result.status == TargetApplyResult::Status::Refused ? u"refused"_s : u"failed"_s;
        run.message = error;
        run.finishedAt = QDateTime::currentMSecsSinceEpoch();
        // Nothing was kept: the history records the attempt and its plan's counts.
        if (QString recordError; !store.record(run, nullptr, &recordError)) {
            result.message += u' ' + recordError;
        }
    }
    result.run = run;
    done(result);
}

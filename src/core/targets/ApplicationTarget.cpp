#include "ApplicationTarget.h"

#include "jobs/TestHooks.h"
#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"
#include "targets/TouchedFingerprint.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

ApplicationTarget::ApplicationTarget(QString product, TargetConfig config, QSqlDatabase db, QObject* parent)
    : Target(parent)
    , m_product(std::move(product))
    , m_config(std::move(config))
    , m_db(std::move(db))
{ }

ApplicationTarget::~ApplicationTarget() = default;

void ApplicationTarget::read(ReadDone done)
{
    readApplication([this, done](std::optional<DirectoryState> state, std::optional<ConnectorError> error) {
        if (!state) {
            done(std::nullopt, error);
            return;
        }
        QString linkError;
        if (!TargetLinks(m_db, m_config.id).overlay(*state, &linkError) || !complete(*state, m_db, &linkError)) {
            done(std::nullopt, ConnectorError{ConnectorError::Kind::InvalidResponse, linkError, linkError});
            return;
        }
        m_readForPlan = true;
        done(std::move(state), std::nullopt);
    });
}

QByteArray ApplicationTarget::fingerprint(const DirectoryState& state, const ChangeSet& plan) const
{
    return TouchedFingerprint::of(state, plan);
}

void ApplicationTarget::apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done)
{
    if (m_readForPlan) {
        write(std::move(plan), std::move(run), std::move(done));
        return;
    }
    // A reviewed plan: the application may have changed since the simulation. Read it again, and apply only
    // if nothing the plan touches has.
    read([this, plan, run, done](std::optional<DirectoryState> state, std::optional<ConnectorError> error) mutable {
        if (!state || TouchedFingerprint::of(*state, *plan) != plan->directoryFingerprint) {
            TargetApplyResult result;
            result.status = state ? TargetApplyResult::Status::Refused : TargetApplyResult::Status::Failed;
            result.message = state ? tr("%1 has changed since this plan was made, so it was not applied and nothing "
                                        "was changed. Run a new simulation and review it.")
                                         .arg(m_product)
                                   : tr("Reading %1 failed, so nothing was changed: %2").arg(m_product, error->message);
            run.status = state ? u"refused"_s : u"failed"_s;
            run.message = result.message;
            run.finishedAt = QDateTime::currentMSecsSinceEpoch();
            QString recordError;
            DirectoryStore(m_db).record(run, nullptr, &recordError);
            result.run = run;
            done(result);
            return;
        }
        write(std::move(plan), std::move(run), std::move(done));
    });
}

void ApplicationTarget::write(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done)
{
    m_journal = std::make_unique<RunJournal>(m_db, m_config.id, plan->connectorId);
    QString error;
    if (!m_journal->begin(run, plan, &error)) {
        TargetApplyResult result;
        result.message = tr("The run cannot be recorded, so nothing was sent to %1: %2").arg(m_product, error);
        result.run = run;
        done(result);
        return;
    }
    // Crash-safety tests: USERSYNC_TEST_KILL_AT=begun kills the process once the run and its plan
    // are recorded, before the first call; =finished once every answer is in, before the run's
    // end is recorded.
    TestHooks::killIfAsked(u"begun"_s);
    m_writer = makeWriter(m_journal.get(), plan);
    connect(m_writer.get(), &ApplicationWriter::progress, this, &Target::progress);
    if (m_cancelled) {
        m_writer->cancel();
    }
    m_writer->start([this, run, done](const ApplicationWriter::Result& written) mutable {
        TargetApplyResult result;
        result.done = written.done;
        result.failed = written.failed;
        if (written.stop) {
            result.status = TargetApplyResult::Status::Failed;
            result.message = tr("The apply stopped after %1 of %2 changes: %3 The history shows what was done; the "
                                "next sync reads %4 again and plans only what is left.")
                                 .arg(written.done + written.failed)
                                 .arg(written.total)
                                 .arg(written.stop->message, m_product);
            run.status = u"failed"_s;
        } else if (written.cancelled) {
            result.status = TargetApplyResult::Status::Cancelled;
            result.message = tr("Cancelled after %1 of %2 changes. The history shows what was done; the next sync "
                                "reads %3 again and plans only what is left.")
                                 .arg(written.done + written.failed)
                                 .arg(written.total)
                                 .arg(m_product);
            run.status = u"cancelled"_s;
        } else if (written.failed > 0) {
            result.status = TargetApplyResult::Status::CompletedWithErrors;
            result.message = tr("Completed with errors: %1 refused %2 of %3 changes; the rest is applied. The "
                                "report lists each refusal with %1's reason.")
                                 .arg(m_product)
                                 .arg(written.failed)
                                 .arg(written.total);
            run.status = u"completed-with-errors"_s;
        } else {
            result.status = TargetApplyResult::Status::Succeeded;
            run.status = u"succeeded"_s;
        }
        run.message = result.message;
        run.finishedAt = QDateTime::currentMSecsSinceEpoch();
        TestHooks::killIfAsked(u"finished"_s);
        QString error;
        if (!m_journal->finish(run, &error)) {
            result.message += u' ' + tr("The end of the run could not be recorded: %1").arg(error);
        }
        result.run = run;
        done(result);
    });
}

void ApplicationTarget::cancel()
{
    m_cancelled = true;
    if (m_writer) {
        m_writer->cancel(); // lets the calls in flight finish, so that their outcomes are known
    } else {
        cancelRead();
    }
}

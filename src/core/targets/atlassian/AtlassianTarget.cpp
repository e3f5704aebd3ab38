#include "AtlassianTarget.h"

#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"
#include "targets/TouchedFingerprint.h"
#include "targets/atlassian/AtlassianClient.h"
#include "targets/atlassian/AtlassianErrors.h"
#include "targets/atlassian/AtlassianReader.h"
#include "targets/atlassian/AtlassianWriter.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

AtlassianTarget::AtlassianTarget(AtlassianProduct product, QString restPath, TargetConfig config, QString credential,
                                 QSqlDatabase db, QObject* parent)
    : Target(parent)
    , m_product(std::move(product))
    , m_restPath(std::move(restPath))
    , m_config(std::move(config))
    , m_credential(std::move(credential))
    , m_db(std::move(db))
{ }

AtlassianTarget::~AtlassianTarget() = default;

void AtlassianTarget::read(ReadDone done)
{
    // A fresh client per read: a failed read cancels its own requests.
    m_client = std::make_unique<AtlassianClient>(m_config, m_credential, m_restPath);
    m_reader = createReader(m_client.get());
    connect(m_reader.get(), &AtlassianReader::progress, this, &Target::progress);
    m_reader->readAll([this, done](std::optional<ConnectorError> error) {
        if (error) {
            done(std::nullopt, error);
            return;
        }
        DirectoryState state = m_reader->takeState();
        QString linkError;
        if (!TargetLinks(m_db, m_config.id).overlay(state, &linkError) || !complete(state, m_db, &linkError)) {
            done(std::nullopt, ConnectorError{ConnectorError::Kind::InvalidResponse, linkError, linkError});
            return;
        }
        m_readForPlan = true;
        done(std::move(state), std::nullopt);
    });
}

void AtlassianTarget::prepare(ChangeSet& plan) const
{
    // A group is known by its name: a group this plan adds gets it as its id at once, so that its
    // memberships are recorded under the id they will have.
    QHash<QString, QString> named;
    for (Change& change : plan.changes) {
        if (change.object == Change::Object::Group && change.action == Change::Action::Add) {
            named.insert(change.localId, change.key);
            change.localId = change.key;
        }
    }
    for (MemberRef& group : plan.memberGroups) {
        if (const auto name = named.constFind(group.id); name != named.cend()) {
            group.id = name.value();
        }
    }
}

QByteArray AtlassianTarget::fingerprint(const DirectoryState& state, const ChangeSet& plan) const
{
    return TouchedFingerprint::of(state, plan);
}

void AtlassianTarget::apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done)
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
            result.message = state
                ? tr("%1 has changed since this plan was made, so it was not applied and nothing "
                     "was changed. Run a new simulation and review it.")
                      .arg(m_product.name)
                : tr("Reading %1 failed, so nothing was changed: %2").arg(m_product.name, error->message);
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

void AtlassianTarget::write(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done)
{
    m_journal = std::make_unique<RunJournal>(m_db, m_config.id, plan->connectorId);
    QString error;
    if (!m_journal->begin(run, plan, &error)) {
        TargetApplyResult result;
        result.message = tr("The run cannot be recorded, so nothing was sent to %1: %2").arg(m_product.name, error);
        result.run = run;
        done(result);
        return;
    }
    m_client = std::make_unique<AtlassianClient>(m_config, m_credential, m_restPath);
    m_writer = createWriter(m_client.get(), m_journal.get(), plan);
    connect(m_writer.get(), &AtlassianWriter::progress, this, &Target::progress);
    if (m_cancelled) {
        m_writer->cancel();
    }
    m_writer->start([this, run, done](const AtlassianWriter::Result& written) mutable {
        TargetApplyResult result;
        result.done = written.done;
        result.failed = written.failed;
        if (written.stop) {
            result.status = TargetApplyResult::Status::Failed;
            result.message = tr("The apply stopped after %1 of %2 changes: %3 The history shows what was done; the "
                                "next sync reads %4 again and plans only what is left.")
                                 .arg(written.done + written.failed)
                                 .arg(written.total)
                                 .arg(written.stop->message, m_product.name);
            run.status = u"failed"_s;
        } else if (written.cancelled) {
            result.status = TargetApplyResult::Status::Cancelled;
            result.message = tr("Cancelled after %1 of %2 changes. The history shows what was done; the next sync "
                                "reads %3 again and plans only what is left.")
                                 .arg(written.done + written.failed)
                                 .arg(written.total)
                                 .arg(m_product.name);
            run.status = u"cancelled"_s;
        } else if (written.failed > 0) {
            result.status = TargetApplyResult::Status::CompletedWithErrors;
            result.message = tr("Completed with errors: %1 refused %2 of %3 changes; the rest is applied. The "
                                "report lists each refusal with %1's reason.")
                                 .arg(m_product.name)
                                 .arg(written.failed)
                                 .arg(written.total);
            run.status = u"completed-with-errors"_s;
        } else {
            result.status = TargetApplyResult::Status::Succeeded;
            run.status = u"succeeded"_s;
        }
        run.message = result.message;
        run.finishedAt = QDateTime::currentMSecsSinceEpoch();
        QString error;
        if (!m_journal->finish(run, &error)) {
            result.message += u' ' + tr("The end of the run could not be recorded: %1").arg(error);
        }
        result.run = run;
        done(result);
    });
}

void AtlassianTarget::cancel()
{
    m_cancelled = true;
    if (m_writer) {
        m_writer->cancel(); // lets the calls in flight finish, so that their outcomes are known
    } else if (m_client) {
        m_client->cancel();
    }
}

#include "JiraTarget.h"

#include "targets/TargetLinks.h"
#include "targets/TouchedFingerprint.h"
#include "targets/jira/JiraClient.h"
#include "targets/jira/JiraReader.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

JiraTarget::JiraTarget(TargetConfig config, QString credential, QSqlDatabase db, QObject* parent)
    : Target(parent)
    , m_config(std::move(config))
    , m_credential(std::move(credential))
    , m_db(std::move(db))
{ }

JiraTarget::~JiraTarget() = default;

TargetCapabilities JiraTarget::jiraCapabilities()
{
    TargetCapabilities capabilities;
    capabilities.product = u"Jira"_s;
    capabilities.userFields = {u"username"_s, u"email"_s, u"displayName"_s, u"active"_s};
    capabilities.groupFields = {u"name"_s};
    capabilities.renameGroups = false;
    capabilities.restoreDeletedUsers = false;
    capabilities.transactional = false;
    return capabilities;
}

void JiraTarget::read(ReadDone done)
{
    // A fresh client per read: a failed read cancels its own requests.
    m_client = std::make_unique<JiraClient>(m_config, m_credential);
    m_reader = std::make_unique<JiraReader>(m_client.get());
    connect(m_reader.get(), &JiraReader::progress, this, &Target::progress);
    m_reader->readAll([this, done](std::optional<ConnectorError> error) {
        if (error) {
            done(std::nullopt, error);
            return;
        }
        DirectoryState state = m_reader->takeState();
        QString linkError;
        if (!TargetLinks(m_db, m_config.id).overlay(state, &linkError)) {
            done(std::nullopt, ConnectorError{ConnectorError::Kind::InvalidResponse, linkError, linkError});
            return;
        }
        done(std::move(state), std::nullopt);
    });
}

QByteArray JiraTarget::fingerprint(const DirectoryState& state, const ChangeSet& plan) const
{
    return TouchedFingerprint::of(state, plan);
}

void JiraTarget::apply(std::shared_ptr<const ChangeSet> plan, RunRecord run, ApplyDone done)
{
    Q_UNUSED(plan);
    // Not yet: applying into Jira comes with its writer. Nothing is sent, and the history says so.
    TargetApplyResult result;
    result.status = TargetApplyResult::Status::Failed;
    result.message = tr("This version of UserSync can simulate a sync into Jira but not apply it yet; nothing was "
                        "changed in Jira.");
    run.status = u"failed"_s;
    run.message = result.message;
    run.finishedAt = QDateTime::currentMSecsSinceEpoch();
    QString error;
    DirectoryStore(m_db).record(run, nullptr, &error);
    result.run = run;
    done(result);
}

void JiraTarget::cancel()
{
    if (m_client) {
        m_client->cancel();
    }
}

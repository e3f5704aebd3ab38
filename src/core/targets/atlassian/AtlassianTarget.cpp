#include "AtlassianTarget.h"

#include "targets/atlassian/AtlassianClient.h"
#include "targets/atlassian/AtlassianReader.h"
#include "targets/atlassian/AtlassianWriter.h"

using namespace Qt::StringLiterals;

AtlassianTarget::AtlassianTarget(AtlassianProduct product, QString restPath, TargetConfig config, QString credential,
                                 QSqlDatabase db, QObject* parent)
    : ApplicationTarget(product.name, std::move(config), std::move(db), parent)
    , m_restPath(std::move(restPath))
    , m_credential(std::move(credential))
{ }

AtlassianTarget::~AtlassianTarget() = default;

void AtlassianTarget::readApplication(ReadDone done)
{
    // A fresh client per read: a failed read cancels its own requests.
    m_client = std::make_unique<AtlassianClient>(config(), m_credential, m_restPath);
    m_reader = createReader(m_client.get());
    connect(m_reader.get(), &AtlassianReader::progress, this, &Target::progress);
    m_reader->readAll([this, done](std::optional<ConnectorError> error) {
        if (error) {
            done(std::nullopt, error);
            return;
        }
        done(m_reader->takeState(), std::nullopt);
    });
}

void AtlassianTarget::cancelRead()
{
    if (m_client) {
        m_client->cancel();
    }
}

std::unique_ptr<ApplicationWriter> AtlassianTarget::makeWriter(RunJournal* journal,
                                                               std::shared_ptr<const ChangeSet> plan)
{
    m_client = std::make_unique<AtlassianClient>(config(), m_credential, m_restPath);
    return createWriter(m_client.get(), journal, std::move(plan));
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

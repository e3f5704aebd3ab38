#include "ScimTarget.h"

#include "model/NameKey.h"
#include "targets/scim/ScimClient.h"
#include "targets/scim/ScimReader.h"

using namespace Qt::StringLiterals;

ScimTarget::ScimTarget(TargetConfig config, QString token, QSqlDatabase db, QObject* parent)
    : ApplicationTarget(ScimErrors::service(config), config, std::move(db), parent)
    , m_token(std::move(token))
{ }

ScimTarget::~ScimTarget() = default;

TargetCapabilities ScimTarget::scimCapabilities(const QString& product, const std::optional<ScimService>& service)
{
    TargetCapabilities capabilities;
    capabilities.product = product;
    capabilities.userFields = {u"username"_s};
    const std::pair<QString, QString> kept[] = {{u"email"_s, u"emails"_s},
                                                {u"firstName"_s, u"name.givenName"_s},
                                                {u"lastName"_s, u"name.familyName"_s},
                                                {u"displayName"_s, u"displayName"_s},
                                                {u"active"_s, u"active"_s}};
    for (const auto& [field, attribute] : kept) {
        // A field the service does not keep is not compared: it would be planned on every run.
        if (!service || service->hasUserAttribute(attribute)) {
            capabilities.userFields << field;
        }
    }
    capabilities.groupFields = {u"name"_s};
    capabilities.renameGroups = false;
    capabilities.restoreDeletedUsers = false;
    capabilities.transactional = false;
    return capabilities;
}

TargetCapabilities ScimTarget::capabilities() const
{
    return scimCapabilities(product(), m_service);
}

void ScimTarget::readApplication(ReadDone done)
{
    // A fresh client per read: a failed read cancels its own requests.
    m_client = std::make_unique<ScimClient>(config(), m_token);
    if (const auto& setup = m_client->setupError()) {
        done(std::nullopt, setup);
        return;
    }
    m_discovery = std::make_unique<ScimDiscovery>(m_client.get());
    Q_EMIT progress({tr("Reading what %1 supports").arg(product()), 0, -1});
    m_discovery->discover([this, done](std::optional<ScimService> service, std::optional<ConnectorError> error) {
        if (!service) {
            done(std::nullopt, error);
            return;
        }
        m_service = service;
        m_reader = std::make_unique<ScimReader>(m_client.get(), *service);
        connect(m_reader.get(), &ScimReader::progress, this, &Target::progress);
        m_reader->readAll([this, done](std::optional<ConnectorError> error) {
            if (error) {
                done(std::nullopt, error);
                return;
            }
            DirectoryState state = m_reader->takeState();
            m_known = {};
            m_known.versions = m_reader->versions();
            for (const LocalGroup& group : std::as_const(state.groups)) {
                m_known.groupIds.insert(nameKey(group.name), group.id);
            }
            done(std::move(state), std::nullopt);
        });
    });
}

void ScimTarget::cancelRead()
{
    if (m_client) {
        m_client->cancel();
    }
}

std::unique_ptr<ApplicationWriter> ScimTarget::makeWriter(RunJournal* journal, std::shared_ptr<const ChangeSet> plan)
{
    // Every apply follows a read of this object (ApplicationTarget reads before a reviewed plan).
    Q_ASSERT(m_service);
    m_client = std::make_unique<ScimClient>(config(), m_token);
    return std::make_unique<ScimWriter>(m_client.get(), *m_service, m_known, journal, std::move(plan));
}

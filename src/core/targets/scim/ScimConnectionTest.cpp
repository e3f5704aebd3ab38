#include "ScimConnectionTest.h"

#include "net/NetworkErrors.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
constexpr int steps = 3;
}

ScimConnectionTest::ScimConnectionTest(TargetConfig config, QString token, QObject* parent)
    : TargetTest(parent)
    , m_config(std::move(config))
    , m_client(std::make_unique<ScimClient>(m_config, std::move(token)))
    , m_discovery(std::make_unique<ScimDiscovery>(m_client.get()))
{
    m_result.product = u"SCIM 2.0"_s;
}

ScimConnectionTest::~ScimConnectionTest() = default;

void ScimConnectionTest::start()
{
    if (m_client->setupError()) {
        finish(m_client->setupError());
        return;
    }
    if (QUrl(m_config.url).scheme() == u"http"_s) {
        m_result.warnings << tr("The address starts with http://: the bearer token travels unencrypted. Use the "
                                "service's https:// address.");
    }
    reportProgress({tr("Reading what the service supports"), 0, steps}, true);
    m_discovery->discover([this](std::optional<ScimService> service, std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_service = std::move(service);
        m_result.supports = m_service->supported();
        if (!m_service->patch) {
            m_result.warnings << tr("%1 does not support PATCH: UserSync replaces a whole user (PUT, with active) "
                                    "to change it, and a whole group to change its members.")
                                     .arg(ScimErrors::service(m_config));
        }
        if (!m_service->filter) {
            m_result.warnings << tr("%1 does not support filters: UserSync cannot look a user up by externalId or "
                                    "userName before creating it, and relies on its complete read instead.")
                                     .arg(ScimErrors::service(m_config));
        }
        count(m_service->usersEndpoint, true);
    });
}

void ScimConnectionTest::count(const QString& endpoint, bool users)
{
    reportProgress({users ? tr("Counting users") : tr("Counting groups"), users ? 1 : 2, steps}, true);
    // count=0 asks for the total alone (RFC 7644 §3.4.2.4); attributes=id keeps the answer small
    // where a service ignores it.
    m_client->get(endpoint, {{u"startIndex"_s, u"1"_s}, {u"count"_s, u"0"_s}, {u"attributes"_s, u"id"_s}},
                  [this, users](const ScimClient::Reply& reply) {
                      if (!reply.ok()) {
                          finish(
                              ScimErrors::of(reply, m_config, users ? tr("count the users") : tr("count the groups")));
                          return;
                      }
                      const QJsonValue total = reply.json.object().value(u"totalResults"_s);
                      if (!total.isDouble()) {
                          finish(ScimErrors::invalidResponse(reply, m_config, tr("a list without totalResults")));
                          return;
                      }
                      (users ? m_result.userCount : m_result.groupCount) = qint64(total.toDouble());
                      if (users) {
                          count(m_service->groupsEndpoint, false);
                          return;
                      }
                      m_result.listing = tr("startIndex and count pages");
                      finish(std::nullopt);
                  });
}

void ScimConnectionTest::cancelled()
{
    m_client->cancel();
    finish(NetworkErrors::cancelled());
}

void ScimConnectionTest::finish(const std::optional<ConnectorError>& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_result.error = error;
    m_result.ok = !error;
    Q_EMIT finished(m_result);
}

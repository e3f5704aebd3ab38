#include "ConnectionTest.h"

#include "connectors/keycloak/KeycloakClient.h"
#include "connectors/keycloak/KeycloakErrors.h"
#include "connectors/keycloak/KeycloakPages.h"

#include <QHostAddress>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

// Test Connection should answer in seconds, not after a long series of retries.
KeycloakSettings forQuickAnswers(KeycloakSettings settings)
{
    settings.maxRetries = std::min(settings.maxRetries, 1);
    return settings;
}

bool isLoopback(const QString& host)
{
    const QHostAddress address(host);
    return host == u"localhost"_s || (!address.isNull() && address.isLoopback());
}

} // namespace

ConnectionTest::ConnectionTest(KeycloakSettings settings, QString clientSecret, QObject* parent)
    : Job(parent)
    , m_settings(forQuickAnswers(std::move(settings)))
    , m_client(std::make_unique<KeycloakClient>(m_settings, std::move(clientSecret)))
{ }

ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::start()
{
    reportProgress({tr("Looking for Keycloak"), 0, 4}, true);
    m_client->discover([this](const std::optional<ConnectorError>& error) {
        if (error) {
            m_result.realmFound = false;
            finish(error);
            return;
        }
        m_result.realmFound = true;
        m_result.baseUrl = m_client->baseUrl();
        m_result.withAuthPath = m_client->answeredWithAuthPath();
        m_result.issuer = m_client->issuer();
        if (m_result.baseUrl.scheme() == u"http"_s && !isLoopback(m_result.baseUrl.host())) {
            m_result.warnings << tr("The connection to Keycloak is not encrypted: the client secret and the "
                                    "directory's data cross the network in clear text. Use an https:// URL.");
        }
        reportProgress({tr("Signing in"), 1, 4}, true);
        m_client->authenticate([this](const std::optional<ConnectorError>& tokenError) {
            if (tokenError) {
                finish(tokenError);
                return;
            }
            m_result.tokenObtained = true;
            countUsers();
        });
    });
}

void ConnectionTest::countUsers()
{
    reportProgress({tr("Reading users"), 2, 4}, true);
    m_client->adminGet(u"users/count"_s, {}, [this](const KeycloakClient::AdminReply& reply) {
        if (reply.error) {
            finish(reply.error);
            return;
        }
        const std::optional<qint64> count = KeycloakPages::userCount(reply.outcome.body);
        if (!count) {
            finish(KeycloakErrors::invalidResponse(reply.outcome, tr("a user count")));
            return;
        }
        m_result.userCount = *count;
        listUsers();
    });
}

void ConnectionTest::listUsers()
{
    QUrlQuery query;
    query.addQueryItem(u"first"_s, u"0"_s);
    query.addQueryItem(u"max"_s, u"1"_s);
    query.addQueryItem(u"briefRepresentation"_s, u"true"_s);
    m_client->adminGet(u"users"_s, query, [this](const KeycloakClient::AdminReply& reply) {
        if (reply.error) {
            finish(reply.error);
            return;
        }
        const std::optional<QJsonArray> page = KeycloakPages::list(reply.outcome.body);
        if (!page) {
            finish(KeycloakErrors::invalidResponse(reply.outcome, tr("a page of users")));
            return;
        }
        // With query-users alone Keycloak counts users but lists none, without an error.
        if (m_result.userCount > 0 && page->isEmpty()) {
            finish(KeycloakErrors::queryUsersOnly(m_settings.clientId, m_result.userCount));
            return;
        }
        m_result.usersReadable = true;
        countGroups();
    });
}

void ConnectionTest::countGroups()
{
    reportProgress({tr("Reading groups"), 3, 4}, true);
    m_client->adminGet(u"groups/count"_s, {}, [this](const KeycloakClient::AdminReply& all) {
        if (all.error) {
            finish(all.error);
            return;
        }
        QUrlQuery top;
        top.addQueryItem(u"top"_s, u"true"_s);
        m_client->adminGet(u"groups/count"_s, top, [this, all](const KeycloakClient::AdminReply& topLevel) {
            if (topLevel.error) {
                finish(topLevel.error);
                return;
            }
            const std::optional<qint64> count = KeycloakPages::groupCount(all.outcome.body);
            const std::optional<qint64> topCount = KeycloakPages::groupCount(topLevel.outcome.body);
            if (!count || !topCount) {
                finish(KeycloakErrors::invalidResponse(topLevel.outcome, tr("a group count")));
                return;
            }
            m_result.groupCount = *count;
            m_result.topLevelGroupCount = *topCount;
            m_result.groupsReadable = true;
            finish(std::nullopt);
        });
    });
}

void ConnectionTest::cancelled()
{
    m_client->cancel();
}

void ConnectionTest::finish(const std::optional<ConnectorError>& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_result.error = error;
    m_result.ok = !error.has_value();
    reportProgress({tr("Done"), 4, 4}, true);
    Q_EMIT finished(m_result);
}

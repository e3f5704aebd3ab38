#include "JiraConnectionTest.h"

#include "targets/atlassian/AtlassianErrors.h"
#include "targets/jira/JiraTarget.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

JiraConnectionTest::JiraConnectionTest(TargetConfig config, QString credential, QObject* parent)
    : AtlassianConnectionTest(std::move(config), std::move(credential), JiraTarget::restPath, u"Jira"_s, 5, parent)
    , m_reader(std::make_unique<JiraReader>(m_client.get()))
{ }

JiraConnectionTest::~JiraConnectionTest() = default;

void JiraConnectionTest::start()
{
    if (QUrl(m_config.url).scheme() == u"http"_s) {
        m_result.warnings << tr("The address starts with http://: the token or password travels unencrypted. Use "
                                "Jira's https:// address.");
    }
    step(tr("Reaching Jira"), 0);
    m_reader->readServer([this](std::optional<JiraReader::Server> server, std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_result.version = server->version;
        if (server->deploymentType.compare(u"Cloud"_s, Qt::CaseInsensitive) == 0) {
            finish(ConnectorError{ConnectorError::Kind::Unsupported,
                                  tr("%1 is Jira Cloud. This target writes into Jira Data Center; Jira Cloud takes "
                                     "users through SCIM (Atlassian Guard).")
                                      .arg(m_config.url),
                                  u"deploymentType Cloud"_s});
            return;
        }
        signIn();
    });
}

void JiraConnectionTest::signIn()
{
    step(tr("Signing in"), 1);
    m_client->get(u"myself"_s, {}, [this](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            finish(AtlassianErrors::of(AtlassianProduct::jira(), reply, m_config, tr("sign in")));
            return;
        }
        m_result.signedInAs = reply.json.object().value(u"name"_s).toString();
        checkPermissions();
    });
}

void JiraConnectionTest::checkPermissions()
{
    step(tr("Checking permissions"), 2);
    m_client->get(
        u"mypermissions"_s, {{u"permissions"_s, u"ADMINISTER,SYSTEM_ADMIN"_s}},
        [this](const AtlassianClient::Reply& reply) {
            if (!reply.ok()) {
                finish(AtlassianErrors::of(AtlassianProduct::jira(), reply, m_config, tr("read its own permissions")));
                return;
            }
            const QJsonObject permissions = reply.json.object().value(u"permissions"_s).toObject();
            const auto has = [&permissions](const QString& key) {
                return permissions.value(key).toObject().value(u"havePermission"_s).toBool(false);
            };
            m_result.systemAdministrator = has(u"SYSTEM_ADMIN"_s);
            if (!has(u"ADMINISTER"_s) && !m_result.systemAdministrator) {
                finish(AtlassianErrors::notAdministrator(AtlassianProduct::jira(), m_config));
                return;
            }
            if (!m_result.systemAdministrator) {
                m_result.warnings
                    << tr("%1 is a Jira administrator but not a system administrator: Jira refuses changes to "
                          "system administrators, so a sync skips them and reports each one. Use a system "
                          "administrator's token to sync them too.")
                           .arg(m_result.signedInAs);
            }
            countUsers();
        });
}

void JiraConnectionTest::countUsers()
{
    step(tr("Counting users"), 3);
    const JiraReader::Server server = *m_reader->server();
    switch (server.listing()) {
    case JiraReader::Server::Listing::UserList:
        m_result.listing = u"user/list"_s;
        break;
    case JiraReader::Server::Listing::SearchPages:
        m_result.listing = u"user/search pages"_s;
        break;
    case JiraReader::Server::Listing::SearchPrefixes:
        m_result.listing = u"user/search prefixes"_s;
        m_result.warnings << tr("Jira %1 answers a user search with at most 100 users (JRASERVER-78520), so UserSync "
                                "reads users by username prefixes, which takes many requests. Jira 10.3 and later "
                                "list all users at once.")
                                 .arg(server.version);
        break;
    }
    m_reader->readUsers(server, [this](std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_result.userCount = m_reader->state().users.size();
        countGroups();
    });
}

void JiraConnectionTest::countGroups()
{
    step(tr("Counting groups"), 4);
    m_client->get(u"groups/picker"_s, {{u"query"_s, QString()}, {u"maxResults"_s, u"1"_s}},
                  [this](const AtlassianClient::Reply& reply) {
                      if (!reply.ok()) {
                          finish(AtlassianErrors::of(AtlassianProduct::jira(), reply, m_config, tr("list the groups")));
                          return;
                      }
                      m_result.groupCount = reply.json.object().value(u"total"_s).toInteger(-1);
                      finish(std::nullopt);
                  });
}

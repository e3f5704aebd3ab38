#include "ConfluenceConnectionTest.h"

#include "targets/atlassian/AtlassianErrors.h"
#include "targets/confluence/ConfluenceTarget.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

ConfluenceConnectionTest::ConfluenceConnectionTest(TargetConfig config, QString credential, QObject* parent)
    : AtlassianConnectionTest(std::move(config), std::move(credential), ConfluenceTarget::restPath, u"Confluence"_s, 5,
                              parent)
    , m_reader(std::make_unique<ConfluenceReader>(m_client.get()))
{
    m_result.listing = u"user/list"_s;
}

ConfluenceConnectionTest::~ConfluenceConnectionTest() = default;

void ConfluenceConnectionTest::start()
{
    if (QUrl(m_config.url).scheme() == u"http"_s) {
        m_result.warnings << tr("The address starts with http://: the token or password travels unencrypted. Use "
                                "Confluence's https:// address.");
    }
    step(tr("Reaching Confluence"), 0);
    m_reader->readServer([this](std::optional<ConfluenceReader::Server> server, std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_result.version = server->version;
        if (!server->atLeast(9, 0)) {
            m_result.warnings
                << tr("Confluence %1 is older than 9.0. The call that changes a user's e-mail address and full "
                      "name (PUT /rest/api/admin/user/{username}) is documented from Confluence 9 on; on %1 it "
                      "is unverified. UserSync tries it and reports every refusal; everything else a sync "
                      "does works on this version.")
                       .arg(server->version);
        }
        if (!server->atLeast(10, 2)) {
            m_result.warnings << tr("Confluence %1 lists a group's members only by a name in the address, so "
                                    "a group whose name contains a / cannot be read (Confluence 10.2 and "
                                    "later can).")
                                     .arg(server->version);
        }
        signIn();
    });
}

void ConfluenceConnectionTest::signIn()
{
    step(tr("Signing in"), 1);
    m_client->get(u"user/current"_s, {}, [this](const AtlassianClient::Reply& reply) {
        const QString username = reply.json.object().value(u"username"_s).toString();
        if (!reply.ok() || username.isEmpty()) {
            // Without a sign-in Confluence answers as the anonymous user: no username.
            finish(reply.ok() ? AtlassianErrors::unauthorized(AtlassianProduct::confluence(), m_config, reply.outcome)
                              : AtlassianErrors::of(AtlassianProduct::confluence(), reply, m_config, tr("sign in")));
            return;
        }
        m_result.signedInAs = username;
        checkPermissions();
    });
}

void ConfluenceConnectionTest::checkPermissions()
{
    step(tr("Checking permissions"), 2);
    m_client->get(u"permissions/user/"_s + AtlassianClient::segment(m_result.signedInAs), {},
                  [this](const AtlassianClient::Reply& reply) {
                      if (reply.outcome.status == 403) {
                          finish(AtlassianErrors::notAdministrator(AtlassianProduct::confluence(), m_config));
                          return;
                      }
                      if (!reply.ok()) {
                          finish(AtlassianErrors::of(AtlassianProduct::confluence(), reply, m_config,
                                                     tr("read its own permissions")));
                          return;
                      }
                      bool administrator = false;
                      for (const QJsonValue granted : reply.json.array()) {
                          const QJsonObject operation = granted.toObject().value(u"operation"_s).toObject();
                          if (operation.value(u"operationKey"_s).toString() != u"administer"_s) {
                              continue;
                          }
                          const QString target = operation.value(u"targetType"_s).toString();
                          administrator = administrator || target == u"application"_s || target == u"system"_s;
                          m_result.systemAdministrator = m_result.systemAdministrator || target == u"system"_s;
                      }
                      if (!administrator) {
                          finish(AtlassianErrors::notAdministrator(AtlassianProduct::confluence(), m_config));
                          return;
                      }
                      countUsers();
                  });
}

void ConfluenceConnectionTest::countUsers()
{
    step(tr("Counting users"), 3);
    m_reader->readUsers([this](std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_result.userCount = m_reader->state().users.size();
        countGroups();
    });
}

void ConfluenceConnectionTest::countGroups()
{
    step(tr("Counting groups"), 4);
    m_reader->readGroups([this](std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_result.groupCount = m_reader->state().groups.size();
        finish(std::nullopt);
    });
}

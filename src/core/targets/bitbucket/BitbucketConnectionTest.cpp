#include "BitbucketConnectionTest.h"

#include "model/NameKey.h"
#include "targets/atlassian/AtlassianErrors.h"
#include "targets/bitbucket/BitbucketTarget.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

constexpr int steps = 5;

AtlassianProduct bitbucket()
{
    return AtlassianProduct::bitbucket();
}

} // namespace

BitbucketConnectionTest::BitbucketConnectionTest(TargetConfig config, QString credential, QObject* parent)
    : AtlassianConnectionTest(std::move(config), std::move(credential), BitbucketTarget::restPath, u"Bitbucket"_s,
                              steps, parent)
    , m_reader(std::make_unique<BitbucketReader>(m_client.get()))
{
    m_result.listing = u"admin/users"_s;
}

BitbucketConnectionTest::~BitbucketConnectionTest() = default;

void BitbucketConnectionTest::start()
{
    if (QUrl(m_config.url).scheme() == u"http"_s) {
        m_result.warnings << (m_config.auth == TargetConfig::Auth::OAuth
                                  ? tr("The address starts with http://: the client secret and the OAuth tokens "
                                       "travel unencrypted. Use Bitbucket's https:// address.")
                                  : tr("The address starts with http://: the password travels unencrypted. Use "
                                       "Bitbucket's https:// address."));
    }
    step(tr("Reaching Bitbucket"), 0);
    m_reader->readServer([this](std::optional<BitbucketReader::Server> server, std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_result.version = server->version;
        signIn();
    });
}

void BitbucketConnectionTest::signIn()
{
    step(tr("Signing in"), 1);
    // Outside the administration API: a 401 here is the credential itself.
    m_client->get(u"users"_s, {{u"limit"_s, u"1"_s}}, [this](const AtlassianClient::Reply& reply) {
        if (reply.outcome.status == 401 && !AtlassianClient::isLoginDenied(reply.outcome)) {
            finish(AtlassianErrors::wrongCredential(bitbucket(), m_config, reply.outcome));
            return;
        }
        if (!reply.ok()) {
            finish(AtlassianErrors::of(bitbucket(), reply, m_config, tr("sign in")));
            return;
        }
        m_result.signedInAs = QUrl::fromPercentEncoding(reply.outcome.header("X-AUSERNAME"));
        if (m_result.signedInAs.isEmpty() || m_result.signedInAs == u"anonymous"_s) {
            m_result.signedInAs = m_config.username;
        }
        checkAdministration();
    });
}

void BitbucketConnectionTest::checkAdministration()
{
    step(tr("Checking permissions"), 2);
    // The global permissions need an administrator to be read (the users and groups do not), and
    // say whether this one is a system administrator.
    m_client->get(u"admin/permissions/users"_s, {{u"filter"_s, m_result.signedInAs}, {u"limit"_s, u"1000"_s}},
                  [this](const AtlassianClient::Reply& reply) {
                      if (reply.outcome.status == 401 && !AtlassianClient::isLoginDenied(reply.outcome)) {
                          // Signed in, yet refused: a token, or an account without administration rights.
                          finish(m_config.auth == TargetConfig::Auth::Token
                                     ? AtlassianErrors::tokenRefused(bitbucket(), reply.outcome)
                                     : AtlassianErrors::notAdministrator(bitbucket(), m_config));
                          return;
                      }
                      if (!reply.ok()) {
                          finish(AtlassianErrors::of(bitbucket(), reply, m_config, tr("read the global permissions")));
                          return;
                      }
                      for (const QJsonValue entry : reply.json.object().value(u"values"_s).toArray()) {
                          const QString name = entry[u"user"_s][u"name"_s].toString();
                          if (name.compare(m_result.signedInAs, Qt::CaseInsensitive) == 0) {
                              m_result.systemAdministrator = entry[u"permission"_s].toString() == u"SYS_ADMIN"_s;
                          }
                      }
                      checkAccessGroups();
                  });
}

void BitbucketConnectionTest::checkAccessGroups()
{
    step(tr("Reading the groups"), 3);
    m_reader->readGroups([this](std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_result.groupCount = m_reader->state().groups.size();
        QSet<QString> groups;
        for (const LocalGroup& group : m_reader->state().groups) {
            groups.insert(nameKey(group.name));
        }
        QStringList missing;
        for (const QString& group : std::as_const(m_config.accessGroups)) {
            if (!groups.contains(nameKey(group))) {
                missing << u"“"_s + group + u"”"_s;
            }
        }
        if (!missing.isEmpty()) {
            finish(ConnectorError{
                ConnectorError::Kind::InvalidSettings,
                tr("Bitbucket has no group %1, which the settings name as giving access. Bitbucket cannot disable "
                   "users, so UserSync takes disabled users out of these groups: name the groups that hold the "
                   "Bitbucket User permission (Administration → Global permissions; stash-users by default), then "
                   "test again.")
                    .arg(missing.join(u", "_s)),
                missing.join(u", "_s)});
            return;
        }
        countUsers();
    });
}

void BitbucketConnectionTest::countUsers()
{
    step(tr("Counting users"), 4);
    m_reader->readUsers([this](std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        m_result.userCount = m_reader->state().users.size();
        finish(std::nullopt);
    });
}

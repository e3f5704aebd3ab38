#include "ConfluenceReader.h"

#include "model/NameKey.h"
#include "targets/atlassian/AtlassianErrors.h"
#include "targets/confluence/ConfluencePages.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

constexpr int pageAsked = 1000; // Confluence answers with fewer when its limit is lower (200 by default)

AtlassianProduct confluence()
{
    return AtlassianProduct::confluence();
}

} // namespace

bool ConfluenceReader::Server::atLeast(int major, int minor) const
{
    const int have = versionNumbers.value(0);
    return have > major || (have == major && versionNumbers.value(1) >= minor);
}

ConfluenceReader::ConfluenceReader(AtlassianClient* client, QObject* parent)
    : AtlassianReader(client, parent)
{ }

void ConfluenceReader::readServer(ServerDone done)
{
    if (m_client->setupError()) {
        done(std::nullopt, m_client->setupError());
        return;
    }
    m_client->get(u"server-information"_s, {}, [this, done](const AtlassianClient::Reply& reply) {
        const HttpOutcome& outcome = reply.outcome;
        if (!reply.ok()) {
            // No answer, or a refused sign-in, says what it says; any other answer is not Confluence's.
            const bool notConfluence = outcome.status != 0 && !outcome.transportFailed() && !outcome.cancelled
                && outcome.status != 401 && outcome.status != 403;
            done(std::nullopt,
                 notConfluence
                     ? AtlassianErrors::notTheProduct(confluence(), m_client->config(), outcome)
                     : AtlassianErrors::of(confluence(), reply, m_client->config(), tr("read its server information")));
            return;
        }
        Server server;
        server.version = reply.json.object().value(u"version"_s).toString();
        for (const QString& part : server.version.split(u'.')) {
            bool number = false;
            const int value = part.toInt(&number);
            if (!number) {
                break;
            }
            server.versionNumbers.append(value);
        }
        if (server.versionNumbers.size() < 2) {
            done(std::nullopt, AtlassianErrors::notTheProduct(confluence(), m_client->config(), outcome));
            return;
        }
        if (!server.atLeast(8, 4)) {
            done(std::nullopt,
                 ConnectorError{ConnectorError::Kind::Unsupported,
                                tr("Confluence %1 has no REST calls to list and create users; they came with "
                                   "Confluence 8.4. Upgrade Confluence, or feed it through LDAP instead.")
                                    .arg(server.version),
                                u"version "_s + server.version});
            return;
        }
        m_server = server;
        done(server, std::nullopt);
    });
}

void ConfluenceReader::readUsers(Done done)
{
    report(tr("Reading Confluence users"), 0, -1);
    userPage(0, std::move(done));
}

void ConfluenceReader::userPage(qint64 start, Done done)
{
    const AtlassianClient::Query query{
        {u"expand"_s, u"status"_s}, {u"start"_s, QString::number(start)}, {u"limit"_s, QString::number(pageAsked)}};
    m_client->getPage(u"user/list"_s, query, [this, start, done](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            done(AtlassianErrors::of(confluence(), reply, m_client->config(), tr("list the users")));
            return;
        }
        std::optional<ConfluencePages::Page<ConfluencePages::User>> page = ConfluencePages::users(reply.outcome.body);
        if (!page) {
            done(AtlassianErrors::invalidResponse(confluence(), reply.outcome, tr("a user list")));
            return;
        }
        for (ConfluencePages::User& user : page->results) {
            if (user.key.isEmpty() || user.name.isEmpty()) {
                done(AtlassianErrors::invalidResponse(confluence(), reply.outcome,
                                                      tr("a user without a key or a name")));
                return;
            }
            if (!user.active) {
                // Without it a disabled user would be read as active, and never enabled again.
                done(AtlassianErrors::invalidResponse(confluence(), reply.outcome,
                                                      tr("a user list without each user's status")));
                return;
            }
            LocalUser local;
            local.id = std::move(user.key);
            local.username = std::move(user.name);
            local.email = std::move(user.email);
            local.displayName = std::move(user.displayName);
            local.active = *user.active;
            if (const auto known = m_userByKey.constFind(local.id); known != m_userByKey.cend()) {
                m_state.users[known.value()] = std::move(local); // read twice (it moved between pages)
                continue;
            }
            m_userByKey.insert(local.id, qint32(m_state.users.size()));
            m_state.users.append(std::move(local));
        }
        report(tr("Reading Confluence users"), m_state.users.size(), -1);
        if (!page->hasNext) {
            done(std::nullopt);
        } else if (page->results.isEmpty()) {
            done(AtlassianErrors::incomplete(confluence(), tr("an empty user page that is not the last")));
        } else {
            userPage(start + page->results.size(), done);
        }
    });
}

void ConfluenceReader::readGroups(Done done)
{
    report(tr("Reading Confluence groups"), 0, -1);
    groupPage(0, std::move(done));
}

void ConfluenceReader::groupPage(qint64 start, Done done)
{
    const AtlassianClient::Query query{{u"start"_s, QString::number(start)}, {u"limit"_s, QString::number(pageAsked)}};
    m_client->getPage(u"group"_s, query, [this, start, done](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            done(AtlassianErrors::of(confluence(), reply, m_client->config(), tr("list the groups")));
            return;
        }
        const std::optional<ConfluencePages::Page<QString>> page = ConfluencePages::groups(reply.outcome.body);
        if (!page) {
            done(AtlassianErrors::invalidResponse(confluence(), reply.outcome, tr("a group list")));
            return;
        }
        for (const QString& name : page->results) {
            const QString key = nameKey(name);
            if (name.isEmpty() || m_groupByKey.contains(key)) {
                continue;
            }
            m_groupByKey.insert(key, qint32(m_state.groups.size()));
            m_state.groups.append(LocalGroup{name, name, {}, {}, {}, 0, 0});
        }
        report(tr("Reading Confluence groups"), m_state.groups.size(), -1);
        if (!page->hasNext) {
            done(std::nullopt);
        } else if (page->results.isEmpty()) {
            done(AtlassianErrors::incomplete(confluence(), tr("an empty group page that is not the last")));
        } else {
            groupPage(start + page->results.size(), done);
        }
    });
}

void ConfluenceReader::readMemberships(Done done)
{
    // Before 10.2 a group is named in the path, where a '/' cannot be (servers refuse %2F there).
    if (!m_server->atLeast(10, 2)) {
        for (const LocalGroup& group : std::as_const(m_state.groups)) {
            if (group.name.contains(u'/')) {
                done(AtlassianErrors::incomplete(
                    confluence(),
                    tr("Confluence %1 cannot list the members of “%2”, whose name contains a /; "
                       "Confluence 10.2 and later can")
                        .arg(m_server->version, group.name)));
                return;
            }
        }
    }
    readEveryGroup(
        tr("Reading Confluence group members"), [this](qint32 group) { memberPage(group, 0); }, std::move(done));
}

void ConfluenceReader::memberPage(qint32 group, qint64 start)
{
    if (membersFailed()) {
        finishMembers(std::nullopt);
        return;
    }
    const QString name = m_state.groups.at(group).name;
    AtlassianClient::Query query{{u"start"_s, QString::number(start)}, {u"limit"_s, QString::number(pageAsked)}};
    QString path;
    if (m_server->atLeast(10, 2)) {
        path = u"group/member"_s;
        query.prepend({u"groupName"_s, name});
    } else {
        path = u"group/%1/member"_s.arg(AtlassianClient::segment(name));
    }
    m_client->getPage(path, query, [this, group, name, start](const AtlassianClient::Reply& reply) {
        if (membersFailed()) {
            finishMembers(std::nullopt);
            return;
        }
        if (!reply.ok()) {
            finishMembers(
                AtlassianErrors::of(confluence(), reply, m_client->config(), tr("read the members of “%1”").arg(name)));
            return;
        }
        const std::optional<ConfluencePages::Page<ConfluencePages::User>> page =
            ConfluencePages::users(reply.outcome.body);
        if (!page) {
            finishMembers(AtlassianErrors::invalidResponse(confluence(), reply.outcome, tr("a member list")));
            return;
        }
        for (const ConfluencePages::User& member : page->results) {
            const auto user = m_userByKey.constFind(member.key);
            if (!addMember(confluence(), group, user == m_userByKey.cend() ? std::nullopt : std::optional(user.value()),
                           member.name)) {
                return;
            }
        }
        if (page->hasNext && page->results.isEmpty()) {
            finishMembers(AtlassianErrors::incomplete(
                confluence(), tr("an empty member page of “%1” that is not the last").arg(name)));
            return;
        }
        if (page->hasNext) {
            memberPage(group, start + page->results.size());
            return;
        }
        memberPagesRead(group);
    });
}

void ConfluenceReader::readAll(Done done)
{
    readServer([this, done](const std::optional<Server>&, std::optional<ConnectorError> error) {
        if (error) {
            done(error);
            return;
        }
        readThreeParts([this](Done part) { readUsers(std::move(part)); },
                       [this](Done part) { readGroups(std::move(part)); },
                       [this](Done part) { readMemberships(std::move(part)); }, done);
    });
}

#include "BitbucketReader.h"

#include "model/NameKey.h"
#include "targets/atlassian/AtlassianErrors.h"
#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/bitbucket/BitbucketPages.h"

#include <QJsonObject>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int pageAsked = 1000; // Bitbucket's own maximum

AtlassianProduct bitbucket()
{
    return AtlassianProduct::bitbucket();
}

} // namespace

BitbucketReader::BitbucketReader(AtlassianClient* client, QObject* parent)
    : AtlassianReader(client, parent)
{ }

void BitbucketReader::readServer(ServerDone done)
{
    if (m_client->setupError()) {
        done(std::nullopt, m_client->setupError());
        return;
    }
    m_client->get(u"application-properties"_s, {}, [this, done](const AtlassianClient::Reply& reply) {
        const HttpOutcome& outcome = reply.outcome;
        if (outcome.status == 401 && !AtlassianClient::isLoginDenied(outcome)) {
            // Anyone may read these, so a 401 says only that the credential is wrong.
            done(std::nullopt, AtlassianErrors::wrongCredential(bitbucket(), m_client->config(), outcome));
            return;
        }
        if (!reply.ok()) {
            const bool notBitbucket = outcome.status != 0 && !outcome.transportFailed() && !outcome.cancelled
                && outcome.status != 401 && outcome.status != 403;
            done(std::nullopt,
                 notBitbucket
                     ? AtlassianErrors::notTheProduct(bitbucket(), m_client->config(), outcome)
                     : AtlassianErrors::of(bitbucket(), reply, m_client->config(), tr("read its server information")));
            return;
        }
        const QJsonObject info = reply.json.object();
        Server server;
        server.version = info.value(u"version"_s).toString();
        for (const QString& part : server.version.split(u'.')) {
            bool number = false;
            const int value = part.toInt(&number);
            if (!number) {
                break;
            }
            server.versionNumbers.append(value);
        }
        if (server.versionNumbers.size() < 2
            || !info.value(u"displayName"_s).toString().contains(u"Bitbucket"_s, Qt::CaseInsensitive)) {
            done(std::nullopt, AtlassianErrors::notTheProduct(bitbucket(), m_client->config(), outcome));
            return;
        }
        m_server = server;
        done(server, std::nullopt);
    });
}

void BitbucketReader::readList(const QString& path, const AtlassianClient::Query& query, const QString& what,
                               PageDone page, Done done, qint64 start)
{
    AtlassianClient::Query asked = query;
    asked.append({u"start"_s, QString::number(start)});
    asked.append({u"limit"_s, QString::number(pageAsked)});
    m_client->getPage(path, asked, [this, path, query, what, page, done, start](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            done(AtlassianErrors::of(bitbucket(), reply, m_client->config(), what));
            return;
        }
        std::optional<qint64> next;
        if (!page(reply, &next)) {
            done(m_pageError);
            return;
        }
        if (!next) {
            done(std::nullopt);
        } else if (*next <= start) {
            // A page must move on: one that points back would be read for ever.
            done(AtlassianErrors::incomplete(bitbucket(), tr("a page of %1 that does not move on").arg(path)));
        } else {
            readList(path, query, what, page, done, *next);
        }
    });
}

void BitbucketReader::readUsers(Done done)
{
    report(tr("Reading Bitbucket users"), 0, -1);
    readList(
        u"admin/users"_s, {}, tr("list the users"),
        [this](const AtlassianClient::Reply& reply, std::optional<qint64>* next) {
            std::optional<BitbucketPages::Page<BitbucketPages::User>> page = BitbucketPages::users(reply.outcome.body);
            if (!page) {
                m_pageError = AtlassianErrors::invalidResponse(bitbucket(), reply.outcome, tr("a user list"));
                return false;
            }
            for (BitbucketPages::User& user : page->values) {
                if (user.id.isEmpty() || user.name.isEmpty()) {
                    m_pageError = AtlassianErrors::invalidResponse(bitbucket(), reply.outcome,
                                                                   tr("a user without an id or a name"));
                    return false;
                }
                LocalUser local;
                local.id = std::move(user.id);
                local.username = std::move(user.name);
                local.email = std::move(user.email);
                local.displayName = std::move(user.displayName);
                local.active = user.active; // narrowed to those with access once members are read
                if (const auto known = m_userById.constFind(local.id); known != m_userById.cend()) {
                    m_state.users[known.value()] = std::move(local);
                    continue;
                }
                m_userById.insert(local.id, qint32(m_state.users.size()));
                m_state.users.append(std::move(local));
            }
            report(tr("Reading Bitbucket users"), m_state.users.size(), -1);
            *next = page->isLastPage ? std::nullopt : page->nextPageStart;
            if (!page->isLastPage && !page->nextPageStart) {
                m_pageError = AtlassianErrors::incomplete(bitbucket(),
                                                          tr("a user page that is not the last names no "
                                                             "next page"));
                return false;
            }
            return true;
        },
        std::move(done));
}

void BitbucketReader::readGroups(Done done)
{
    report(tr("Reading Bitbucket groups"), 0, -1);
    readList(
        u"admin/groups"_s, {}, tr("list the groups"),
        [this](const AtlassianClient::Reply& reply, std::optional<qint64>* next) {
            const std::optional<BitbucketPages::Page<QString>> page = BitbucketPages::groups(reply.outcome.body);
            if (!page) {
                m_pageError = AtlassianErrors::invalidResponse(bitbucket(), reply.outcome, tr("a group list"));
                return false;
            }
            for (const QString& name : page->values) {
                const QString key = nameKey(name);
                if (name.isEmpty() || m_groupByKey.contains(key)) {
                    continue;
                }
                m_groupByKey.insert(key, qint32(m_state.groups.size()));
                m_state.groups.append(LocalGroup{name, name, {}, {}, {}, 0, 0});
            }
            report(tr("Reading Bitbucket groups"), m_state.groups.size(), -1);
            *next = page->isLastPage ? std::nullopt : page->nextPageStart;
            if (!page->isLastPage && !page->nextPageStart) {
                m_pageError = AtlassianErrors::incomplete(bitbucket(),
                                                          tr("a group page that is not the last names "
                                                             "no next page"));
                return false;
            }
            return true;
        },
        std::move(done));
}

void BitbucketReader::readPermissions(Done done)
{
    readList(
        u"admin/permissions/users"_s, {}, tr("read the users' global permissions"),
        [this](const AtlassianClient::Reply& reply, std::optional<qint64>* next) {
            const std::optional<BitbucketPages::Page<BitbucketPages::Permission>> page =
                BitbucketPages::permissions(reply.outcome.body);
            if (!page) {
                m_pageError =
                    AtlassianErrors::invalidResponse(bitbucket(), reply.outcome, tr("a list of global permissions"));
                return false;
            }
            for (const BitbucketPages::Permission& entry : page->values) {
                if (const auto user = m_userById.constFind(entry.userId); user != m_userById.cend()) {
                    m_permission.insert(user.value(), entry.permission);
                }
            }
            *next = page->isLastPage ? std::nullopt : page->nextPageStart;
            return page->isLastPage || page->nextPageStart.has_value();
        },
        std::move(done));
}

void BitbucketReader::readMembers(Done done)
{
    readEveryGroup(
        tr("Reading Bitbucket group members"), [this](qint32 group) { memberPage(group, 0); }, std::move(done));
}

void BitbucketReader::memberPage(qint32 group, qint64 start)
{
    if (membersFailed()) {
        finishMembers(std::nullopt);
        return;
    }
    const QString name = m_state.groups.at(group).name;
    const AtlassianClient::Query query{
        {u"context"_s, name}, {u"start"_s, QString::number(start)}, {u"limit"_s, QString::number(pageAsked)}};
    m_client->getPage(
        u"admin/groups/more-members"_s, query, [this, group, name, start](const AtlassianClient::Reply& reply) {
            if (membersFailed()) {
                finishMembers(std::nullopt);
                return;
            }
            if (!reply.ok()) {
                finishMembers(AtlassianErrors::of(bitbucket(), reply, m_client->config(),
                                                  tr("read the members of “%1”").arg(name)));
                return;
            }
            const std::optional<BitbucketPages::Page<BitbucketPages::User>> page =
                BitbucketPages::users(reply.outcome.body);
            if (!page) {
                finishMembers(AtlassianErrors::invalidResponse(bitbucket(), reply.outcome, tr("a member list")));
                return;
            }
            QSet<qint32>& seen = m_membersSeen[group];
            for (const BitbucketPages::User& member : page->values) {
                const auto user = m_userById.constFind(member.id);
                if (user == m_userById.cend()) {
                    finishMembers(AtlassianErrors::incomplete(
                        bitbucket(),
                        tr("“%1” has a member (%2) that the user list did not contain").arg(name, member.name)));
                    return;
                }
                if (!seen.contains(user.value())) {
                    seen.insert(user.value());
                    m_state.memberships.append({user.value(), group, {}});
                }
            }
            if (!page->isLastPage) {
                if (!page->nextPageStart || *page->nextPageStart <= start) {
                    finishMembers(AtlassianErrors::incomplete(
                        bitbucket(), tr("a member page of “%1” that names no next page").arg(name)));
                    return;
                }
                memberPage(group, *page->nextPageStart);
                return;
            }
            m_membersSeen.remove(group);
            groupRead();
        });
}

void BitbucketReader::readAccess(Done done)
{
    readBoth([this](Done part) { readMembers(std::move(part)); },
             [this](Done part) { readPermissions(std::move(part)); },
             [this, done](std::optional<ConnectorError> error) {
                 if (!error) {
                     decideAccess();
                 }
                 done(error);
             });
}

void BitbucketReader::decideAccess()
{
    for (const QString& name : m_client->config().accessGroups) {
        if (const auto group = m_groupByKey.constFind(nameKey(name)); group != m_groupByKey.cend()) {
            m_accessGroups.insert(group.value());
        }
    }
    QList<BitbucketAccess> access(m_state.users.size());
    for (const LocalMembership& membership : std::as_const(m_state.memberships)) {
        if (m_accessGroups.contains(membership.group)) {
            access[membership.user].groups.append(m_state.groups.at(membership.group).name);
        }
    }
    for (auto it = m_permission.cbegin(); it != m_permission.cend(); ++it) {
        access[it.key()].permission = it.value();
    }
    for (qsizetype i = 0; i < m_state.users.size(); ++i) {
        LocalUser& user = m_state.users[i];
        user.active = user.active && !access.at(i).isEmpty();
        user.access = access.at(i).toText();
    }
}

void BitbucketReader::readAll(Done done)
{
    readServer([this, done](const std::optional<Server>&, std::optional<ConnectorError> error) {
        if (error) {
            done(error);
            return;
        }
        readThreeParts([this](Done part) { readUsers(std::move(part)); },
                       [this](Done part) { readGroups(std::move(part)); },
                       [this](Done part) { readAccess(std::move(part)); }, done);
    });
}

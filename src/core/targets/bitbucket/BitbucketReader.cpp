#include "BitbucketReader.h"

#include "model/NameKey.h"
#include "targets/atlassian/AtlassianErrors.h"
#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/bitbucket/BitbucketPages.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
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

// One list being read. Bitbucket counts `start` in positions and answers a page that is not the
// last with nextPageStart = start + limit, whatever it filtered out of it, so the pages that
// follow can be asked for before the one before them is in: the first page gives the step, then
// up to `ahead` pages are in flight. A page is taken only at the start the page before it named,
// in order, so a server that moves on differently costs only the pages asked for in vain (and a
// few empty ones past the end), never a wrong read.
struct BitbucketReader::ListRead
{
    QString path;
    AtlassianClient::Query query;
    QString what;
    PageDone page;
    Done done;
    int ahead = 1;
    qint64 expected = 0; // the start of the next page to take
    qint64 step = 0; // 0 until the first page is in
    qint64 nextAsked = 0; // where the next page asked for ahead starts
    QSet<qint64> inFlight;
    QHash<qint64, AtlassianClient::Reply> arrived;
    bool ended = false;
};

void BitbucketReader::readList(const QString& path, const AtlassianClient::Query& query, const QString& what,
                               PageDone page, Done done)
{
    auto list = std::make_shared<ListRead>();
    list->path = path;
    list->query = query;
    list->what = what;
    list->page = std::move(page);
    list->done = std::move(done);
    list->ahead = std::max(1, m_client->config().http.maxInFlight);
    askPage(list, 0);
}

void BitbucketReader::askPage(const std::shared_ptr<ListRead>& list, qint64 start)
{
    list->inFlight.insert(start);
    AtlassianClient::Query asked = list->query;
    asked.append({u"start"_s, QString::number(start)});
    asked.append({u"limit"_s, QString::number(pageAsked)});
    m_client->getPage(list->path, asked, [this, list, start](const AtlassianClient::Reply& reply) {
        list->inFlight.remove(start);
        if (list->ended) {
            return; // asked for ahead, past the end or after an error
        }
        // A failed page counts only when it is the one to take: one asked for past the end may fail
        // without harm.
        list->arrived.insert(start, reply);
        takePages(list);
    });
}

void BitbucketReader::takePages(const std::shared_ptr<ListRead>& list)
{
    while (list->arrived.contains(list->expected)) {
        const qint64 start = list->expected;
        const AtlassianClient::Reply reply = list->arrived.take(start);
        if (!reply.ok()) {
            list->ended = true;
            list->done(AtlassianErrors::of(bitbucket(), reply, m_client->config(), list->what));
            return;
        }
        std::optional<qint64> next;
        if (!list->page(reply, &next)) {
            list->ended = true;
            list->done(m_pageError);
            return;
        }
        if (!next) {
            list->ended = true;
            list->done(std::nullopt);
            return;
        }
        if (*next <= start) {
            // A page must move on: one that points back would be read for ever.
            list->ended = true;
            list->done(
                AtlassianErrors::incomplete(bitbucket(), tr("a page of %1 that does not move on").arg(list->path)));
            return;
        }
        if (list->step == 0) {
            list->step = *next - start;
        }
        list->expected = *next;
        if (list->nextAsked < list->expected) {
            list->nextAsked = list->expected; // moved on otherwise than asked ahead
        }
    }
    // At most `ahead` pages beyond the one awaited: a slow page does not let the others run on
    // past the end. A page may answer at once (a locked or cancelled client), ending the list.
    const qint64 horizon = list->expected + list->ahead * list->step;
    while (!list->ended && list->step > 0 && list->inFlight.size() < list->ahead && list->nextAsked < horizon) {
        const qint64 start = list->nextAsked;
        list->nextAsked += list->step;
        if (!list->inFlight.contains(start) && !list->arrived.contains(start)) {
            askPage(list, start);
        }
    }
    if (!list->ended && !list->inFlight.contains(list->expected) && !list->arrived.contains(list->expected)) {
        askPage(list, list->expected); // off the steps asked ahead
    }
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
            if (!page->isLastPage && !page->nextPageStart) {
                m_pageError = AtlassianErrors::incomplete(
                    bitbucket(), tr("a page of global permissions that is not the last names no next page"));
                return false;
            }
            return true;
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
            for (const BitbucketPages::User& member : page->values) {
                const auto user = m_userById.constFind(member.id);
                if (!addMember(bitbucket(), group,
                               user == m_userById.cend() ? std::nullopt : std::optional(user.value()), member.name)) {
                    return;
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
            memberPagesRead(group);
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

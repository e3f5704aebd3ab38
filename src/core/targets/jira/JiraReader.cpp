#include "JiraReader.h"

#include "Logging.h"
#include "model/NameKey.h"
#include "targets/atlassian/AtlassianErrors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopedValueRollback>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int userListPage = 2000; // user/list's own default and cap
constexpr int searchPage = 1000; // user/search on 9.x
constexpr int searchCap = 100; // user/search on 10.x (JRASERVER-78520)
constexpr int memberPageAsked = 1000;
constexpr int groupPickerAsked = 100000;
const auto baseAlphabet = u"abcdefghijklmnopqrstuvwxyz0123456789._-@"_s;

} // namespace

JiraReader::Server::Listing JiraReader::Server::listing() const
{
    const int major = versionNumbers.value(0);
    const int minor = versionNumbers.value(1);
    if (major > 10 || (major == 10 && minor >= 3)) {
        return Listing::UserList;
    }
    return major == 10 ? Listing::SearchPrefixes : Listing::SearchPages;
}

JiraReader::JiraReader(AtlassianClient* client, QObject* parent)
    : AtlassianReader(client, parent)
{ }

void JiraReader::readServer(ServerDone done)
{
    if (m_client->setupError()) {
        done(std::nullopt, m_client->setupError());
        return;
    }
    m_client->get(u"serverInfo"_s, {}, [this, done](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            // No answer, or a refused sign-in, says what it says; any other answer is not Jira's.
            const HttpOutcome& outcome = reply.outcome;
            const bool notJira = outcome.status != 0 && !outcome.transportFailed() && !outcome.cancelled
                && outcome.status != 401 && outcome.status != 403;
            done(std::nullopt,
                 notJira ? AtlassianErrors::notTheProduct(AtlassianProduct::jira(), m_client->config(), outcome)
                         : AtlassianErrors::of(AtlassianProduct::jira(), reply, m_client->config(),
                                               tr("read its server information")));
            return;
        }
        const QJsonObject info = reply.json.object();
        Server server;
        server.version = info.value(u"version"_s).toString();
        for (const QJsonValue number : info.value(u"versionNumbers"_s).toArray()) {
            server.versionNumbers.append(number.toInt());
        }
        server.title = info.value(u"serverTitle"_s).toString();
        server.deploymentType = info.value(u"deploymentType"_s).toString();
        if (server.version.isEmpty() || server.versionNumbers.isEmpty()) {
            done(std::nullopt,
                 AtlassianErrors::notTheProduct(AtlassianProduct::jira(), m_client->config(), reply.outcome));
            return;
        }
        m_server = server;
        done(server, std::nullopt);
    });
}

void JiraReader::Partition::start()
{
    alphabet = baseAlphabet;
    pending.clear();
    asked.clear();
}

void JiraReader::Partition::askEachLetter()
{
    for (const QChar c : std::as_const(alphabet)) {
        ask(QString(c));
    }
}

void JiraReader::Partition::ask(const QString& query)
{
    if (!asked.contains(query)) {
        asked.insert(query);
        pending.append(query);
    }
}

void JiraReader::Partition::learn(QStringView name)
{
    for (const QChar c : name) {
        if (!alphabet.contains(c)) {
            alphabet += c;
        }
    }
}

bool JiraReader::addUser(JiraPages::User user)
{
    if (user.key.isEmpty() || user.name.isEmpty()) {
        return false;
    }
    LocalUser local;
    local.id = std::move(user.key);
    local.username = std::move(user.name);
    local.email = std::move(user.email);
    local.displayName = std::move(user.displayName);
    local.active = user.active;
    if (const auto known = m_userByKey.constFind(local.id); known != m_userByKey.cend()) {
        m_state.users[known.value()] = std::move(local); // read twice (it moved between pages): the later wins
        return true;
    }
    m_userByKey.insert(local.id, qint32(m_state.users.size()));
    m_state.users.append(std::move(local));
    return true;
}

void JiraReader::readUsers(const Server& server, UsersDone done)
{
    report(tr("Reading Jira users"), 0, -1);
    switch (server.listing()) {
    case Server::Listing::UserList:
        listUserPage({}, std::move(done));
        return;
    case Server::Listing::SearchPages:
        searchUserPage(0, std::move(done));
        return;
    case Server::Listing::SearchPrefixes:
        searchPrefixes(std::move(done));
        return;
    }
}

void JiraReader::listUserPage(const QString& cursor, UsersDone done)
{
    AtlassianClient::Query query{{u"maxResults"_s, QString::number(userListPage)}};
    if (!cursor.isEmpty()) {
        query.append({u"cursor"_s, cursor});
    }
    m_client->getPage(u"user/list"_s, query, [this, done](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            done(AtlassianErrors::of(AtlassianProduct::jira(), reply, m_client->config(), tr("list the users")));
            return;
        }
        std::optional<JiraPages::UserList> page = JiraPages::userList(reply.outcome.body);
        if (!page) {
            done(AtlassianErrors::invalidResponse(AtlassianProduct::jira(), reply.outcome, tr("a user list")));
            return;
        }
        for (JiraPages::User& user : page->users) {
            if (!addUser(std::move(user))) {
                done(AtlassianErrors::invalidResponse(AtlassianProduct::jira(), reply.outcome,
                                                      tr("a user without a key or a name")));
                return;
            }
        }
        report(tr("Reading Jira users"), m_state.users.size(), -1);
        const QString next = page->nextCursor;
        if (page->isLast) {
            done(std::nullopt);
        } else if (next.isEmpty()) {
            done(AtlassianErrors::incomplete(AtlassianProduct::jira(),
                                             tr("a user page that is not the last names no next page")));
        } else {
            listUserPage(next, done);
        }
    });
}

void JiraReader::searchUserPage(int startAt, UsersDone done)
{
    const AtlassianClient::Query query{{u"username"_s, u"."_s},
                                       {u"includeActive"_s, u"true"_s},
                                       {u"includeInactive"_s, u"true"_s},
                                       {u"startAt"_s, QString::number(startAt)},
                                       {u"maxResults"_s, QString::number(searchPage)}};
    m_client->getPage(u"user/search"_s, query, [this, startAt, done](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            done(AtlassianErrors::of(AtlassianProduct::jira(), reply, m_client->config(), tr("list the users")));
            return;
        }
        std::optional<QList<JiraPages::User>> users = JiraPages::userArray(reply.outcome.body);
        if (!users) {
            done(AtlassianErrors::invalidResponse(AtlassianProduct::jira(), reply.outcome, tr("a user search result")));
            return;
        }
        const qsizetype count = users->size();
        for (JiraPages::User& user : *users) {
            if (!addUser(std::move(user))) {
                done(AtlassianErrors::invalidResponse(AtlassianProduct::jira(), reply.outcome,
                                                      tr("a user without a key or a name")));
                return;
            }
        }
        report(tr("Reading Jira users"), m_state.users.size(), -1);
        // Pages end with an empty one: never trust a page to be as long as asked.
        if (count == 0) {
            done(std::nullopt);
        } else {
            searchUserPage(startAt + int(count), done);
        }
    });
}

void JiraReader::searchPrefixes(UsersDone done)
{
    // Jira 10.0–10.2 answer at most 100 matches of a search, and no paging reaches further: ask
    // by username prefix, and narrow every prefix whose answer was cut off.
    m_userQueries.start();
    m_userQueries.askEachLetter();
    searchNextPrefix(std::move(done));
}

void JiraReader::searchNextPrefix(UsersDone done)
{
    if (m_userQueries.pending.isEmpty()) {
        done(std::nullopt);
        return;
    }
    const QString prefix = m_userQueries.pending.takeFirst();
    const AtlassianClient::Query query{{u"username"_s, prefix},
                                       {u"includeActive"_s, u"true"_s},
                                       {u"includeInactive"_s, u"true"_s},
                                       {u"maxResults"_s, QString::number(searchCap)}};
    m_client->getPage(u"user/search"_s, query, [this, prefix, done](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            done(AtlassianErrors::of(AtlassianProduct::jira(), reply, m_client->config(), tr("search the users")));
            return;
        }
        std::optional<QList<JiraPages::User>> users = JiraPages::userArray(reply.outcome.body);
        if (!users) {
            done(AtlassianErrors::invalidResponse(AtlassianProduct::jira(), reply.outcome, tr("a user search result")));
            return;
        }
        const qsizetype count = users->size();
        QSet<QChar> next;
        for (JiraPages::User& user : *users) {
            const QString name = user.name.toLower();
            if (!addUser(std::move(user))) {
                done(AtlassianErrors::invalidResponse(AtlassianProduct::jira(), reply.outcome,
                                                      tr("a user without a key or a name")));
                return;
            }
            if (name.startsWith(prefix) && name.size() > prefix.size()) {
                next.insert(name.at(prefix.size()));
            }
        }
        report(tr("Reading Jira users"), m_state.users.size(), -1);
        if (count >= searchCap) {
            for (const QChar c : std::as_const(next)) {
                m_userQueries.learn(QStringView(&c, 1));
            }
            for (const QChar c : std::as_const(m_userQueries.alphabet)) {
                m_userQueries.ask(prefix + c);
            }
        }
        searchNextPrefix(done);
    });
}

void JiraReader::pickGroups(const QString& query, std::function<void(bool, std::optional<ConnectorError>)> done)
{
    const AtlassianClient::Query parameters{{u"query"_s, query}, {u"maxResults"_s, QString::number(groupPickerAsked)}};
    m_client->get(u"groups/picker"_s, parameters, [this, query, done](const AtlassianClient::Reply& reply) {
        if (!reply.ok()) {
            done(false,
                 AtlassianErrors::of(AtlassianProduct::jira(), reply, m_client->config(), tr("list the groups")));
            return;
        }
        const QJsonObject answer = reply.json.object();
        if (!answer.value(u"groups"_s).isArray()) {
            done(false, AtlassianErrors::invalidResponse(AtlassianProduct::jira(), reply.outcome, tr("a group list")));
            return;
        }
        const QJsonArray groups = answer.value(u"groups"_s).toArray();
        const qint64 total = answer.value(u"total"_s).toInteger(groups.size());
        if (query.isEmpty()) {
            m_groupTotal = total;
        }
        for (const QJsonValue value : groups) {
            const QString name = value.toObject().value(u"name"_s).toString();
            const QString key = nameKey(name);
            if (name.isEmpty() || m_groupByKey.contains(key)) {
                continue;
            }
            m_groupByKey.insert(key, qint32(m_state.groups.size()));
            m_state.groups.append(LocalGroup{name, name, {}, {}, {}, 0, 0});
            m_groupQueries.learn(key);
        }
        done(groups.size() < total, std::nullopt);
    });
}

void JiraReader::readGroups(Done done)
{
    report(tr("Reading Jira groups"), 0, -1);
    m_groupQueries.start();
    pickGroups({}, [this, done](bool capped, std::optional<ConnectorError> error) {
        if (error || !capped) {
            done(error);
            return;
        }
        // The picker stops at jira.ajax.autocomplete.limit names: ask by the letters of names, and
        // narrow each query whose answer was cut off, until every group the first answer counted is in.
        qCInfo(lcJira) << "the group picker is capped; partitioning" << m_groupTotal << "groups by query";
        m_groupQueries.askEachLetter();
        partitionGroups(done);
    });
}

void JiraReader::partitionGroups(Done done)
{
    m_groupsDone = std::move(done);
    m_groupError.reset();
    m_queriesInFlight = 0;
    askPendingGroups();
}

void JiraReader::askPendingGroups()
{
    if (m_asking) {
        return; // the loop below, further up the stack, sends the next query
    }
    {
        const QScopedValueRollback asking(m_asking, true);
        // As many queries at once as the client keeps requests in flight; each capped answer adds more.
        while (!m_groupError && !m_groupQueries.pending.isEmpty() && m_state.groups.size() < m_groupTotal
               && m_queriesInFlight < m_client->config().http.maxInFlight) {
            const QString query = m_groupQueries.pending.takeFirst();
            ++m_queriesInFlight;
            pickGroups(query, [this, query](bool capped, std::optional<ConnectorError> error) {
                --m_queriesInFlight;
                if (error) {
                    if (!m_groupError) {
                        m_groupError = std::move(error);
                        m_client->cancel(); // the rest is of no use
                    }
                } else if (capped) {
                    // A name that contains the query has a letter before or after it (or is the query).
                    for (const QChar c : std::as_const(m_groupQueries.alphabet)) {
                        m_groupQueries.ask(query + c);
                        m_groupQueries.ask(c + query);
                    }
                }
                report(tr("Reading Jira groups"), m_state.groups.size(), m_groupTotal);
                askPendingGroups();
            });
        }
    }
    if (m_queriesInFlight > 0 || !m_groupsDone) {
        return;
    }
    Done done = std::exchange(m_groupsDone, {});
    if (m_groupError) {
        done(m_groupError);
    } else if (m_state.groups.size() < m_groupTotal) {
        done(AtlassianErrors::incomplete(AtlassianProduct::jira(),
                                         tr("Jira counts %1 groups, but its group search reached only %2; raise "
                                            "jira.ajax.autocomplete.limit in Jira's advanced settings")
                                             .arg(m_groupTotal)
                                             .arg(m_state.groups.size())));
    } else {
        done(std::nullopt);
    }
}

void JiraReader::readMemberships(Done done)
{
    readEveryGroup(
        tr("Reading Jira group members"), [this](qint32 group) { memberPage(group, 0, 0); }, std::move(done));
}

void JiraReader::memberPage(qint32 group, int startAt, int seen)
{
    if (membersFailed()) {
        finishMembers(std::nullopt);
        return;
    }
    const QString name = m_state.groups.at(group).name;
    const AtlassianClient::Query query{{u"groupname"_s, name},
                                       {u"includeInactiveUsers"_s, u"true"_s},
                                       {u"startAt"_s, QString::number(startAt)},
                                       {u"maxResults"_s, QString::number(memberPageAsked)}};
    m_client->getPage(
        u"group/member"_s, query, [this, group, name, startAt, seen](const AtlassianClient::Reply& reply) {
            if (membersFailed()) {
                finishMembers(std::nullopt);
                return;
            }
            if (!reply.ok()) {
                finishMembers(AtlassianErrors::of(AtlassianProduct::jira(), reply, m_client->config(),
                                                  tr("read the members of “%1”").arg(name)));
                return;
            }
            const std::optional<JiraPages::Members> page = JiraPages::members(reply.outcome.body);
            if (!page) {
                finishMembers(
                    AtlassianErrors::invalidResponse(AtlassianProduct::jira(), reply.outcome, tr("a member list")));
                return;
            }
            for (const QString& key : page->keys) {
                const auto user = m_userByKey.constFind(key);
                if (user == m_userByKey.cend()) {
                    finishMembers(AtlassianErrors::incomplete(
                        AtlassianProduct::jira(),
                        tr("“%1” has a member (key %2) that the user list did not contain").arg(name, key)));
                    return;
                }
                m_state.memberships.append({user.value(), group, {}});
            }
            const int read = seen + int(page->keys.size());
            if (page->isLast) {
                const qint64 total = page->total.value_or(read);
                if (total != read) {
                    finishMembers(AtlassianErrors::incomplete(
                        AtlassianProduct::jira(),
                        tr("“%1” counts %2 members, but %3 were listed").arg(name).arg(total).arg(read)));
                    return;
                }
                groupRead();
                return;
            }
            if (page->keys.isEmpty()) {
                finishMembers(AtlassianErrors::incomplete(
                    AtlassianProduct::jira(), tr("an empty member page of “%1” that is not the last").arg(name)));
                return;
            }
            memberPage(group, startAt + int(page->keys.size()), read);
        });
}

void JiraReader::readAll(Done done)
{
    readServer([this, done](std::optional<Server> server, std::optional<ConnectorError> error) {
        if (error) {
            done(error);
            return;
        }
        readThreeParts([this, server = *server](Done part) { readUsers(server, std::move(part)); },
                       [this](Done part) { readGroups(std::move(part)); },
                       [this](Done part) { readMemberships(std::move(part)); }, done);
    });
}

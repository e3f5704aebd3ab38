#include "ScimReader.h"

#include <QJsonArray>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int largestPage = 1000;
// Groups come with their members, so a page of them is as large as its members: the first page
// is small, and the rest hold about this many members each. A page of 1,000 groups of 250
// members (1,000 kB per 100 groups) took scim2-server longer than a request's 30 s.
constexpr int firstGroupPage = 10;
constexpr int membersPerPage = 10'000;
} // namespace

// One paged list being read: its total, the pages in flight, what has been taken.
struct ScimReader::Listing
{
    QString endpoint;
    QString what;
    int firstPage = 0;
    std::function<int(const QJsonArray& firstPage)> pageAfter; // the size of the pages after the first
    std::function<void(const QJsonObject&)> take;
    std::function<void(std::optional<ConnectorError>)> done;
    qint64 total = -1;
    qint64 taken = 0;
    QSet<QString> ids; // pages may overlap when the list moves while it is read
    int pagesLeft = 0;
    bool ended = false;
};

ScimReader::ScimReader(ScimClient* client, ScimService service, int pageSize, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_service(std::move(service))
    , m_pageSize(pageSize > 0
                     ? pageSize
                     : std::min(largestPage, m_service.filterMaxResults > 0 ? m_service.filterMaxResults : largestPage))
{ }

LocalUser ScimReader::userOf(const QJsonObject& resource)
{
    LocalUser user;
    user.id = resource.value(u"id"_s).toString();
    user.username = resource.value(u"userName"_s).toString();
    user.displayName = resource.value(u"displayName"_s).toString();
    const QJsonObject name = resource.value(u"name"_s).toObject();
    user.firstName = name.value(u"givenName"_s).toString();
    user.lastName = name.value(u"familyName"_s).toString();
    // RFC 7643 §4.1.2: the primary address, else the first.
    const QJsonArray emails = resource.value(u"emails"_s).toArray();
    for (const QJsonValue email : emails) {
        if (email[u"primary"_s].toBool()) {
            user.email = email[u"value"_s].toString();
            break;
        }
    }
    if (user.email.isEmpty() && !emails.isEmpty()) {
        user.email = emails.first()[u"value"_s].toString();
    }
    // A user without `active` is active (the attribute is optional, and a service that does not
    // keep it has nobody disabled).
    user.active = resource.value(u"active"_s).toBool(true);
    return user;
}

void ScimReader::readAll(Done done)
{
    m_done = std::move(done);
    auto usersRead = std::make_shared<bool>(false);
    auto groupsRead = std::make_shared<bool>(false);
    const auto bothRead = [this, usersRead, groupsRead](bool& mine, std::optional<ConnectorError> error) {
        if (error) {
            finish(error);
            return;
        }
        mine = true;
        if (*usersRead && *groupsRead) {
            linkMembers();
        }
    };
    list(
        m_service.usersEndpoint, tr("the users"), m_pageSize, {},
        [this](const QJsonObject& resource) {
            m_state.users.append(userOf(resource));
            m_versions.insert(m_state.users.constLast().id, resource[u"meta"_s][u"version"_s].toString());
        },
        [usersRead, bothRead](std::optional<ConnectorError> error) { bothRead(*usersRead, std::move(error)); });
    const auto groupPage = [this](const QJsonArray& first) {
        qint64 members = 0;
        for (const QJsonValue group : first) {
            members += group[u"members"_s].toArray().size();
        }
        const qint64 perGroup = std::max<qint64>(1, members / std::max<qint64>(1, first.size()));
        return int(std::clamp<qint64>(membersPerPage / perGroup, firstGroupPage, m_pageSize));
    };
    list(
        m_service.groupsEndpoint, tr("the groups"), std::min(firstGroupPage, m_pageSize), groupPage,
        [this](const QJsonObject& resource) {
            LocalGroup group;
            group.id = resource.value(u"id"_s).toString();
            group.name = resource.value(u"displayName"_s).toString();
            m_versions.insert(group.id, resource[u"meta"_s][u"version"_s].toString());
            QStringList members;
            for (const QJsonValue member : resource.value(u"members"_s).toArray()) {
                // Nested groups are not memberships of users.
                if (member[u"type"_s].toString(u"User"_s).compare(u"User"_s, Qt::CaseInsensitive) == 0) {
                    members << member[u"value"_s].toString();
                }
            }
            m_state.groups.append(std::move(group));
            m_memberIds.append(std::move(members));
        },
        [groupsRead, bothRead](std::optional<ConnectorError> error) { bothRead(*groupsRead, std::move(error)); });
}

void ScimReader::list(const QString& endpoint, const QString& what, int firstPage,
                      std::function<int(const QJsonArray&)> pageAfter, std::function<void(const QJsonObject&)> take,
                      std::function<void(std::optional<ConnectorError>)> done)
{
    auto listing = std::make_shared<Listing>();
    listing->endpoint = endpoint;
    listing->what = what;
    listing->firstPage = firstPage;
    listing->pageAfter = std::move(pageAfter);
    listing->take = std::move(take);
    listing->done = std::move(done);

    // A page at a position (1-based); the first one tells the total, and the rest are asked at once.
    // The requests in flight keep this function alive; it refers to itself weakly, so that it goes
    // once the listing has ended.
    auto page = std::make_shared<std::function<void(qint64, int)>>();
    *page = [this, listing, self = std::weak_ptr(page)](qint64 startIndex, int count) {
        ++listing->pagesLeft;
        m_client->get(
            listing->endpoint, {{u"startIndex"_s, QString::number(startIndex)}, {u"count"_s, QString::number(count)}},
            [this, listing, page = self.lock(), startIndex](const ScimClient::Reply& reply) {
                --listing->pagesLeft;
                if (listing->ended || m_finished) {
                    return;
                }
                if (!reply.ok()) {
                    listing->ended = true;
                    listing->done(ScimErrors::of(reply, m_client->config(), tr("list %1").arg(listing->what)));
                    return;
                }
                const QJsonObject answer = reply.json.object();
                const QJsonValue total = answer.value(u"totalResults"_s);
                if (!total.isDouble()) {
                    listing->ended = true;
                    listing->done(
                        ScimErrors::invalidResponse(reply, m_client->config(), tr("a list without totalResults")));
                    return;
                }
                const QJsonArray resources = answer.value(u"Resources"_s).toArray();
                for (const QJsonValue resource : resources) {
                    const QString id = resource[u"id"_s].toString();
                    if (!id.isEmpty() && !listing->ids.contains(id)) {
                        listing->ids.insert(id);
                        listing->take(resource.toObject());
                        ++listing->taken;
                    }
                }
                if (startIndex == 1) {
                    listing->total = qint64(total.toDouble());
                    // Positions are known: every other page at once (the client keeps its
                    // bounded number of requests in flight). A service that gave fewer than asked
                    // though it holds more has a maximum of its own: no page is asked larger.
                    const qint64 given = resources.size();
                    int size = listing->pageAfter ? listing->pageAfter(resources) : listing->firstPage;
                    if (given < listing->firstPage && given < listing->total) {
                        size = int(std::min<qint64>(size, given));
                    }
                    for (qint64 next = 1 + given; given > 0 && size > 0 && next <= listing->total; next += size) {
                        (*page)(next, size);
                    }
                }
                Q_EMIT progress({tr("Reading %1").arg(listing->what), listing->taken, listing->total});
                if (listing->pagesLeft > 0) {
                    return;
                }
                listing->ended = true;
                if (listing->taken != listing->total) {
                    // An empty page ended it early, or the list moved while it was read.
                    listing->done(
                        ConnectorError{ConnectorError::Kind::IncompleteData,
                                       tr("%1 could not be read completely: it said it holds %L2 of %3, but %L4 were "
                                          "listed. It may have changed while it was read. Nothing was changed; run it "
                                          "again.")
                                           .arg(ScimErrors::service(m_client->config()))
                                           .arg(listing->total)
                                           .arg(listing->what)
                                           .arg(listing->taken),
                                       listing->endpoint});
                    return;
                }
                listing->done(std::nullopt);
            });
    };
    (*page)(1, listing->firstPage);
}

void ScimReader::linkMembers()
{
    QHash<QString, qint32> users;
    users.reserve(m_state.users.size());
    for (qint32 index = 0; index < m_state.users.size(); ++index) {
        users.insert(m_state.users.at(index).id, index);
    }
    for (qint32 group = 0; group < m_state.groups.size(); ++group) {
        QSet<qint32> seen;
        for (const QString& member : std::as_const(m_memberIds.at(group))) {
            const auto user = users.constFind(member);
            if (user != users.cend() && !seen.contains(user.value())) {
                seen.insert(user.value());
                m_state.memberships.append({user.value(), group, {}});
            }
        }
    }
    m_memberIds.clear();
    finish(std::nullopt);
}

void ScimReader::finish(const std::optional<ConnectorError>& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (error) {
        m_client->cancel();
    }
    m_done(error);
}

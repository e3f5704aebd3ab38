#include "KeycloakFetcher.h"

#include "Logging.h"
#include "connectors/keycloak/KeycloakErrors.h"

#include <algorithm>

using namespace Qt::StringLiterals;

struct KeycloakFetcher::Listing
{
    QString path;
    QUrlQuery query;
    PageHandler onPage;
    ListingDone onDone;
    int pagesIssued = 0;
    int pagesOutstanding = 0;
    bool lastPageFull = false; // of the highest page index seen so far
    int highestIndexSeen = -1;
};

namespace {

int overlapFor(int pageSize)
{
    return std::min(pageSize / 10, 25);
}

} // namespace

KeycloakFetcher::KeycloakFetcher(KeycloakSettings settings, QString clientSecret, QObject* parent)
    : Job(parent)
    , m_settings(std::move(settings))
    , m_client(std::make_unique<KeycloakClient>(m_settings, std::move(clientSecret)))
    , m_snapshot(std::make_shared<DirectorySnapshot>())
{ }

KeycloakFetcher::~KeycloakFetcher() = default;

void KeycloakFetcher::start()
{
    m_elapsed.start();
    reportProgress({tr("Connecting to Keycloak"), 0, -1}, true);
    m_client->discover([this](const std::optional<ConnectorError>& error) {
        if (error) {
            fail(*error);
            return;
        }
        m_snapshot->source = m_client->baseUrl().toString() + u"/realms/"_s + m_settings.realm;
        readUsers();
        readGroups();
    });
}

void KeycloakFetcher::cancelled()
{
    m_client->cancel();
}

void KeycloakFetcher::readListing(const QString& path, const QUrlQuery& query, qint64 knownTotal, PageHandler onPage,
                                  ListingDone onDone)
{
    auto listing = std::make_shared<Listing>();
    listing->path = path;
    listing->query = query;
    listing->onPage = std::move(onPage);
    listing->onDone = std::move(onDone);
    ++m_listingsRunning;
    const int pageSize = m_settings.pageSize;
    const int pages = knownTotal > 0 ? int((knownTotal + pageSize - 1) / pageSize) : 1;
    for (int index = 0; index < pages; ++index) {
        requestPage(listing, index);
    }
}

void KeycloakFetcher::requestPage(const std::shared_ptr<Listing>& listing, int index)
{
    const int pageSize = m_settings.pageSize;
    const int overlap = index == 0 ? 0 : overlapFor(pageSize);
    const int first = index * pageSize - overlap;
    const int max = pageSize + overlap;
    QUrlQuery query = listing->query;
    query.addQueryItem(u"first"_s, QString::number(first));
    query.addQueryItem(u"max"_s, QString::number(max));
    ++listing->pagesIssued;
    ++listing->pagesOutstanding;
    m_client->adminGet(listing->path, query, [this, listing, index, max](const KeycloakClient::AdminReply& reply) {
        --listing->pagesOutstanding;
        if (endedBy(reply)) {
            return;
        }
        const std::optional<QJsonArray> page = KeycloakPages::list(reply.outcome.body);
        if (!page) {
            fail(KeycloakErrors::invalidResponse(reply.outcome, tr("a page that is not a JSON list")));
            return;
        }
        if (const std::optional<ConnectorError> error = listing->onPage(*page, reply.outcome)) {
            fail(*error);
            return;
        }
        if (index > listing->highestIndexSeen) {
            listing->highestIndexSeen = index;
            listing->lastPageFull = page->size() >= max;
        }
        // The last page issued came back full: there may be more than the count said.
        if (index == listing->pagesIssued - 1 && page->size() >= max) {
            requestPage(listing, index + 1);
            return;
        }
        if (listing->pagesOutstanding == 0 && !listing->lastPageFull) {
            --m_listingsRunning;
            listing->onDone();
        }
    });
}

bool KeycloakFetcher::endedBy(const KeycloakClient::AdminReply& reply)
{
    if (m_done) {
        return true;
    }
    if (reply.error) {
        fail(*reply.error);
        return true;
    }
    return false;
}

void KeycloakFetcher::readUsers()
{
    m_client->adminGet(u"users/count"_s, {}, [this](const KeycloakClient::AdminReply& reply) {
        if (endedBy(reply)) {
            return;
        }
        const std::optional<qint64> count = KeycloakPages::userCount(reply.outcome.body);
        if (!count) {
            fail(KeycloakErrors::invalidResponse(reply.outcome, tr("a user count")));
            return;
        }
        m_usersCounted = *count;
        m_snapshot->users.reserve(m_usersCounted);
        m_userIndex.reserve(m_usersCounted);
        updateProgress();

        const bool withAttributes = !m_settings.userAttributes.isEmpty();
        QUrlQuery query;
        query.addQueryItem(u"briefRepresentation"_s, withAttributes ? u"false"_s : u"true"_s);
        auto onPage = [this](const QJsonArray& page, const HttpOutcome& outcome) -> std::optional<ConnectorError> {
            std::optional<QList<User>> users = KeycloakPages::users(page, m_settings.userAttributes);
            if (!users) {
                return KeycloakErrors::invalidResponse(outcome, tr("a user without id or username"));
            }
            for (User& user : *users) {
                if (m_userIndex.contains(user.id)) {
                    continue; // seen on the page before, through the overlap or a shift
                }
                m_userIndex.insert(user.id, qint32(m_snapshot->users.size()));
                m_snapshot->users.append(std::move(user));
            }
            updateProgress();
            return std::nullopt;
        };
        readListing(u"users"_s, query, m_usersCounted, onPage, [this] { checkUsersAndGroups(); });
    });
}

void KeycloakFetcher::readGroups()
{
    m_client->adminGet(u"groups/count"_s, {}, [this](const KeycloakClient::AdminReply& reply) {
        if (endedBy(reply)) {
            return;
        }
        const std::optional<qint64> count = KeycloakPages::groupCount(reply.outcome.body);
        if (!count) {
            fail(KeycloakErrors::invalidResponse(reply.outcome, tr("a group count")));
            return;
        }
        m_groupsCounted = *count;
        QUrlQuery query;
        query.addQueryItem(u"briefRepresentation"_s, u"true"_s);
        readListing(
            u"groups"_s, query, -1,
            [this](const QJsonArray& page, const HttpOutcome& outcome) { return addGroupPage(page, {}, outcome); },
            [this] { checkUsersAndGroups(); });
    });
}

void KeycloakFetcher::addGroups(const QList<KeycloakPages::ListedGroup>& groups, const QString& parentId)
{
    for (const KeycloakPages::ListedGroup& listed : groups) {
        if (m_groupIndex.contains(listed.id)) {
            continue;
        }
        if (!parentId.isEmpty()) {
            ++m_childrenSeen[parentId];
        }
        m_groupIndex.insert(listed.id, qint32(m_snapshot->groups.size()));
        m_snapshot->groups.append(Group{listed.id, listed.name, listed.path, parentId});

        // Keycloak before 23 nests the whole tree in the listing; later ones give a count to page through.
        if (!listed.subGroups.isEmpty()) {
            m_childrenExpected.insert(listed.id, listed.subGroups.size());
            addGroups(listed.subGroups, listed.id);
        } else if (listed.subGroupCount > 0) {
            readChildren(listed.id, listed.subGroupCount);
        }
    }
}

std::optional<ConnectorError> KeycloakFetcher::addGroupPage(const QJsonArray& page, const QString& parentId,
                                                            const HttpOutcome& outcome)
{
    const std::optional<QList<KeycloakPages::ListedGroup>> groups = KeycloakPages::groups(page);
    if (!groups) {
        return KeycloakErrors::invalidResponse(outcome, tr("a group without id or name"));
    }
    addGroups(*groups, parentId);
    return std::nullopt;
}

void KeycloakFetcher::readChildren(const QString& parentId, qint64 expected)
{
    m_childrenExpected.insert(parentId, expected);
    QUrlQuery query;
    query.addQueryItem(u"briefRepresentation"_s, u"true"_s);
    readListing(
        u"groups/%1/children"_s.arg(parentId), query, expected,
        [this, parentId](const QJsonArray& page, const HttpOutcome& outcome) {
            return addGroupPage(page, parentId, outcome);
        },
        [this] { checkUsersAndGroups(); });
}

void KeycloakFetcher::checkUsersAndGroups()
{
    if (m_done || m_listingsRunning > 0 || m_readingMembers || m_usersCounted < 0 || m_groupsCounted < 0) {
        return;
    }
    for (auto it = m_childrenExpected.cbegin(); it != m_childrenExpected.cend(); ++it) {
        if (m_childrenSeen.value(it.key()) != it.value()) {
            fail(KeycloakErrors::incomplete(tr("group %1 announced %2 subgroups, %3 were listed")
                                                .arg(it.key())
                                                .arg(it.value())
                                                .arg(m_childrenSeen.value(it.key()))));
            return;
        }
    }
    if (m_snapshot->groups.size() != m_groupsCounted) {
        fail(KeycloakErrors::incomplete(
            tr("%1 groups were counted, %2 were listed").arg(m_groupsCounted).arg(m_snapshot->groups.size())));
        return;
    }
    m_readingMembers = true;
    // Counted once more now that every page is in: a page that silently came back short, or users
    // removed or added while reading, show up as a difference.
    m_client->adminGet(u"users/count"_s, {}, [this](const KeycloakClient::AdminReply& reply) {
        if (endedBy(reply)) {
            return;
        }
        const std::optional<qint64> countAfter = KeycloakPages::userCount(reply.outcome.body);
        if (!countAfter) {
            fail(KeycloakErrors::invalidResponse(reply.outcome, tr("a user count")));
            return;
        }
        const qint64 seen = m_snapshot->users.size();
        if (seen != m_usersCounted || seen != *countAfter) {
            fail(KeycloakErrors::incomplete(tr("%1 users were counted before reading and %2 after, %3 were listed")
                                                .arg(m_usersCounted)
                                                .arg(*countAfter)
                                                .arg(seen)));
            return;
        }
        readMemberships();
    });
}

void KeycloakFetcher::readMemberships()
{
    if (m_snapshot->groups.isEmpty()) {
        succeed();
        return;
    }
    updateProgress();
    QUrlQuery query;
    query.addQueryItem(u"briefRepresentation"_s, u"true"_s);
    for (qint32 groupIndex = 0; groupIndex < m_snapshot->groups.size(); ++groupIndex) {
        const QString groupId = m_snapshot->groups.at(groupIndex).id;
        readListing(
            u"groups/%1/members"_s.arg(groupId), query, -1,
            [this, groupIndex](const QJsonArray& page, const HttpOutcome& outcome) -> std::optional<ConnectorError> {
                for (const KeycloakPages::Member& member : KeycloakPages::members(page)) {
                    const auto user = m_userIndex.constFind(member.id);
                    if (user != m_userIndex.cend()) {
                        m_snapshot->memberships.append(Membership{user.value(), groupIndex});
                        continue;
                    }
                    // Service accounts may be group members but are not users to sync.
                    if (member.username.startsWith(u"service-account-"_s)) {
                        ++m_serviceAccountMembers;
                        continue;
                    }
                    return KeycloakErrors::incomplete(
                        tr("group %1 lists a member who was not among the users read (%2)")
                            .arg(m_snapshot->groups.at(groupIndex).path, outcome.url.path()));
                }
                return std::nullopt;
            },
            [this] {
                ++m_groupsWithMembersRead;
                updateProgress();
                if (m_listingsRunning == 0) {
                    succeed();
                }
            });
    }
}

void KeycloakFetcher::updateProgress()
{
    if (m_readingMembers) {
        reportProgress({tr("Reading group members"), m_groupsWithMembersRead, m_snapshot->groups.size()});
    } else {
        reportProgress({tr("Reading users and groups"), m_snapshot->users.size(), m_usersCounted});
    }
}

void KeycloakFetcher::fail(const ConnectorError& error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_client->cancel();
    m_snapshot.reset();
    qCWarning(lcJobs) << "fetch failed:" << error.kindName() << error.detail;
    FetchResult result;
    result.error = isCancelled() ? KeycloakErrors::cancelled() : error;
    result.statistics = m_client->statistics();
    result.elapsedMs = m_elapsed.elapsed();
    Q_EMIT finished(result);
}

void KeycloakFetcher::succeed()
{
    if (m_done) {
        return;
    }
    m_done = true;
    // Overlapping pages may have listed a membership twice.
    auto& memberships = m_snapshot->memberships;
    std::sort(memberships.begin(), memberships.end(), [](const Membership& a, const Membership& b) {
        return a.group != b.group ? a.group < b.group : a.user < b.user;
    });
    memberships.erase(std::unique(memberships.begin(), memberships.end()), memberships.end());
    m_snapshot->fetchedAt = QDateTime::currentDateTimeUtc();

    FetchResult result;
    result.snapshot = std::move(m_snapshot);
    result.statistics = m_client->statistics();
    result.elapsedMs = m_elapsed.elapsed();
    reportProgress({tr("Done"), 1, 1}, true);
    qCInfo(lcJobs) << "fetched" << result.snapshot->users.size() << "users," << result.snapshot->groups.size()
                   << "groups," << result.snapshot->memberships.size() << "memberships in" << result.elapsedMs
                   << "ms with" << result.statistics.requests << "requests";
    Q_EMIT finished(result);
}

#include "JiraWriter.h"

#include "Logging.h"
#include "jobs/TestHooks.h"
#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"
#include "targets/jira/JiraErrors.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

constexpr qsizetype linkChunk = 1000; // memberships linked ahead of their calls, per write

// The after-value of a field, as Jira's user JSON names it.
QJsonObject userFieldsJson(const QList<FieldChange>& fields)
{
    QJsonObject json;
    for (const FieldChange& field : fields) {
        if (field.field == u"username"_s) {
            json.insert(u"name"_s, field.after);
        } else if (field.field == u"email"_s) {
            json.insert(u"emailAddress"_s, field.after);
        } else if (field.field == u"displayName"_s) {
            json.insert(u"displayName"_s, field.after);
        } else if (field.field == u"active"_s) {
            json.insert(u"active"_s, field.after == u"true"_s);
        }
    }
    return json;
}

bool says(const AtlassianClient::Reply& reply, const QString& words)
{
    return AtlassianClient::messageOf(reply).contains(words, Qt::CaseInsensitive);
}

} // namespace

JiraWriter::JiraWriter(AtlassianClient* client, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
                       QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_plan(std::move(plan))
{ }

JiraWriter::~JiraWriter() = default;

void JiraWriter::start(Done done)
{
    m_done = std::move(done);
    for (const Change& change : m_plan->changes) {
        if (change.action != Action::Unchanged && change.action != Action::Skip) {
            ++m_result.total;
        }
    }
    for (const MembershipChange& membership : m_plan->memberships) {
        if (membership.action != Action::Skip) {
            ++m_result.total;
        }
    }
    startStage(Stage::AddGroups);
}

void JiraWriter::cancel()
{
    if (!m_stopping) {
        m_stopping = true;
        m_result.cancelled = true;
    }
}

void JiraWriter::startStage(Stage stage)
{
    m_stage = stage;
    m_queue.clear();
    m_next = 0;
    m_linkedUntil = 0;
    if (stage == Stage::End || m_stopping) {
        QString error;
        if (!m_journal->flush(&error, true)) {
            stopForHistory(error);
        }
        Done done = std::exchange(m_done, {});
        done(m_result);
        return;
    }
    const ChangeSet& plan = *m_plan;
    const qsizetype changes = plan.changes.size();
    if (stage == Stage::AddMemberships || stage == Stage::RemoveMemberships) {
        const Action wanted = stage == Stage::AddMemberships ? Action::Add : Action::Remove;
        for (qsizetype i = 0; i < plan.memberships.size(); ++i) {
            const MembershipChange& membership = plan.memberships.at(i);
            if (membership.action != wanted) {
                continue;
            }
            m_queue.append(changes + i);
        }
    } else {
        for (qsizetype i = 0; i < changes; ++i) {
            const Change& change = plan.changes.at(i);
            if (change.action == Action::Unchanged || change.action == Action::Skip) {
                continue;
            }
            const bool isGroup = change.object == Object::Group;
            const bool deleting = change.action == Action::Delete;
            const Stage belongs = isGroup ? (deleting ? Stage::DeleteGroups : Stage::AddGroups)
                                          : (deleting ? Stage::DeleteUsers : Stage::SaveUsers);
            if (belongs == stage) {
                m_queue.append(i);
            }
        }
    }
    if (m_queue.isEmpty()) {
        startStage(Stage(int(stage) + 1));
        return;
    }
    launchMore();
}

void JiraWriter::stopForHistory(const QString& error)
{
    m_result.stop = ConnectorError{ConnectorError::Kind::InvalidSettings,
                                   tr("The history could not be written: %1").arg(error), error};
    m_stopping = true;
}

bool JiraWriter::linkAhead()
{
    // Linked and written before their calls: a crash after Jira added a membership must not leave
    // it unowned (a link whose membership does not exist is ignored when Jira is read). A chunk at
    // a time: linking 500,000 memberships at once held them all in memory.
    const ChangeSet& plan = *m_plan;
    const qsizetype end = std::min(m_queue.size(), m_next + linkChunk);
    for (qsizetype i = m_next; i < end; ++i) {
        const MembershipChange& membership = plan.memberships.at(m_queue.at(i) - plan.changes.size());
        const QString key = userKeyOf(plan.memberUsers.at(membership.user).id);
        if (!key.isEmpty()) {
            m_journal->link(Object::Membership,
                            TargetLinks::membershipKey(key, plan.memberGroups.at(membership.group).name), {});
        }
    }
    m_linkedUntil = end;
    QString error;
    if (!m_journal->flush(&error, true)) {
        stopForHistory(error);
        return false;
    }
    return true;
}

void JiraWriter::launchMore()
{
    // Twice the client's requests in flight: enough to keep it busy, few enough to stop soon.
    const int window = 2 * m_client->config().http.maxInFlight;
    while (!m_stopping && m_inFlight < window && m_next < m_queue.size()) {
        if (m_stage == Stage::AddMemberships && m_next >= m_linkedUntil && !linkAhead()) {
            break;
        }
        ++m_inFlight;
        run(m_queue.at(m_next++));
    }
    if (m_inFlight == 0 && (m_stopping || m_next >= m_queue.size())) {
        startStage(m_stopping ? Stage::End : Stage(int(m_stage) + 1));
    }
}

void JiraWriter::settled(qsizetype index, ChangeOutcome outcome, const QString& error)
{
    // Crash-safety tests: USERSYNC_TEST_KILL_AT=call:N kills the process once N changes have had
    // their answer from Jira and before the Nth is recorded, the worst moment.
    TestHooks::killAt(u"call"_s, m_result.done + m_result.failed + 1);
    // The history keeps the Jira key of a user this run created, in its change and its memberships',
    // so that a rollback finds it.
    QString key;
    if (index < m_plan->changes.size()) {
        key = m_createdKeys.value(m_plan->changes.at(index).localId);
    } else {
        const MembershipChange& membership = m_plan->memberships.at(index - m_plan->changes.size());
        key = m_createdKeys.value(m_plan->memberUsers.at(membership.user).id);
    }
    m_journal->settle(index, outcome, error, key);
    if (outcome == ChangeOutcome::Done) {
        ++m_result.done;
    } else if (outcome == ChangeOutcome::Failed) {
        ++m_result.failed;
        qCInfo(lcJira) << "refused:" << m_plan->at(index).key << error;
    }
    QString journalError;
    if (!m_journal->flush(&journalError) && !m_stopping) {
        stopForHistory(journalError);
    }
    Q_EMIT progress({tr("Applying changes to Jira"), m_result.done + m_result.failed, m_result.total});
    --m_inFlight;
    launchMore();
}

bool JiraWriter::stopsTheRun(const AtlassianClient::Reply& reply)
{
    if (JiraErrors::isPerObject(reply)) {
        return false;
    }
    if (!m_stopping) {
        m_stopping = true;
        if (reply.outcome.cancelled) {
            m_result.cancelled = true;
        } else {
            m_result.stop = JiraErrors::of(reply, m_client->config(), tr("apply the changes"));
        }
    }
    return true;
}

void JiraWriter::refused(qsizetype index, const AtlassianClient::Reply& reply)
{
    if (stopsTheRun(reply)) {
        // Not settled: whether Jira did it is not known; the change stays pending in the history.
        --m_inFlight;
        launchMore();
        return;
    }
    const QString said = AtlassianClient::messageOf(reply);
    settled(index, ChangeOutcome::Failed,
            said.isEmpty() ? tr("Jira refused it (HTTP %1).").arg(reply.outcome.status) : said);
}

QString JiraWriter::userKeyOf(const QString& localId) const
{
    return m_createdKeys.value(localId, m_failedObjects.contains(localId) ? QString() : localId);
}

void JiraWriter::run(qsizetype index)
{
    const ChangeSet& plan = *m_plan;
    if (index >= plan.changes.size()) {
        const MembershipChange& membership = plan.memberships.at(index - plan.changes.size());
        if (membership.action == Action::Add) {
            addMembership(index, membership);
        } else {
            removeMembership(index, membership);
        }
        return;
    }
    const Change& change = plan.changes.at(index);
    if (change.object == Object::Group) {
        switch (change.action) {
        case Action::Add:
            addGroup(index, change);
            return;
        case Action::Delete:
            deleteGroup(index, change);
            return;
        case Action::Link:
            m_journal->link(Object::Group, TargetLinks::groupKey(change.key), change.externalId);
            settled(index, ChangeOutcome::Done);
            return;
        default:
            relink(Object::Group, TargetLinks::groupKey(change.key), change);
            settled(index, ChangeOutcome::Done); // nothing Jira keeps changed (it has no path)
            return;
        }
    }
    switch (change.action) {
    case Action::Add:
        addUser(index, change);
        return;
    case Action::Delete:
        deleteUser(index, change);
        return;
    case Action::Link:
        m_journal->link(Object::User, change.localId, change.externalId);
        updateUser(index, change, change.localId, false);
        return;
    default:
        relink(Object::User, change.localId, change);
        updateUser(index, change, change.localId, false);
        return;
    }
}

void JiraWriter::relink(Object object, const QString& appKey, const Change& change)
{
    // A change of owner (a rollback of a link gives the object back): the link follows.
    for (const FieldChange& field : change.fields) {
        if (field.field == u"origin"_s) {
            if (field.after.isEmpty()) {
                m_journal->unlink(object, appKey);
            } else {
                m_journal->link(object, appKey, change.externalId);
            }
        }
    }
}

void JiraWriter::addUser(qsizetype index, const Change& change)
{
    QJsonObject body = userFieldsJson(change.fields);
    body.remove(u"active"_s);
    body.insert(u"notification"_s, u"false"_s); // no e-mail: people sign in through single sign-on
    m_client->send("POST", u"user"_s, {}, QJsonDocument(body),
                   [this, index, change](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           const QString key = reply.json.object().value(u"key"_s).toString();
                           m_createdKeys.insert(change.localId, key);
                           m_journal->link(Object::User, key, change.externalId);
                           updateUser(index, change, key, true);
                           return;
                       }
                       if (reply.outcome.status == 400 && says(reply, u"already exists"_s)) {
                           adoptExistingUser(index, change, reply);
                           return;
                       }
                       m_failedObjects.insert(change.localId);
                       refused(index, reply);
                   });
}

void JiraWriter::adoptExistingUser(qsizetype index, const Change& change, const AtlassianClient::Reply& refusal)
{
    // Made meanwhile, or by this very call before its answer was lost: read it, and if it is
    // there, it is the one (usernames are unique in Jira).
    m_client->get(u"user"_s, {{u"username"_s, change.key}},
                  [this, index, change, refusal](const AtlassianClient::Reply& reply) {
                      if (!reply.ok()) {
                          m_failedObjects.insert(change.localId);
                          refused(index, refusal);
                          return;
                      }
                      const QString key = reply.json.object().value(u"key"_s).toString();
                      m_createdKeys.insert(change.localId, key);
                      m_journal->link(Object::User, key, change.externalId);
                      updateUser(index, change, key, true);
                  });
}

void JiraWriter::updateUser(qsizetype index, const Change& change, const QString& key, bool adding)
{
    QJsonObject body = userFieldsJson(change.fields);
    if (adding) {
        // Created active with its name, address and display name; only a disabled user needs more.
        body = body.value(u"active"_s).toBool(true) ? QJsonObject() : QJsonObject{{u"active"_s, false}};
    }
    if (body.isEmpty()) {
        settled(index, ChangeOutcome::Done);
        return;
    }
    m_client->send("PUT", u"user"_s, {{u"key"_s, key}}, QJsonDocument(body),
                   [this, index](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refused(index, reply);
                       }
                   });
}

void JiraWriter::deleteUser(qsizetype index, const Change& change)
{
    m_client->send("DELETE", u"user"_s, {{u"key"_s, change.localId}}, {},
                   [this, index, change](const AtlassianClient::Reply& reply) {
                       if (reply.ok() || reply.outcome.status == 404) {
                           m_journal->unlink(Object::User, change.localId);
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refused(index, reply);
                       }
                   });
}

void JiraWriter::addGroup(qsizetype index, const Change& change)
{
    const QString name = change.key;
    m_journal->link(Object::Group, TargetLinks::groupKey(name), change.externalId);
    m_client->send("POST", u"group"_s, {}, QJsonDocument(QJsonObject{{u"name"_s, name}}),
                   [this, index, change, name](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           settled(index, ChangeOutcome::Done);
                           return;
                       }
                       if (reply.outcome.status != 400 || !says(reply, u"already exists"_s)) {
                           m_journal->unlink(Object::Group, TargetLinks::groupKey(name));
                           m_failedObjects.insert(change.localId);
                           refused(index, reply);
                           return;
                       }
                       // There already: see that it is a group (a user may have the name, too).
                       m_client->get(u"group/member"_s, {{u"groupname"_s, name}, {u"maxResults"_s, u"1"_s}},
                                     [this, index, change, name, reply](const AtlassianClient::Reply& check) {
                                         if (check.ok()) {
                                             settled(index, ChangeOutcome::Done);
                                             return;
                                         }
                                         m_journal->unlink(Object::Group, TargetLinks::groupKey(name));
                                         m_failedObjects.insert(change.localId);
                                         refused(index, reply);
                                     });
                   });
}

void JiraWriter::deleteGroup(qsizetype index, const Change& change)
{
    m_client->send("DELETE", u"group"_s, {{u"groupname"_s, change.key}}, {},
                   [this, index, change](const AtlassianClient::Reply& reply) {
                       if (reply.ok() || reply.outcome.status == 404) {
                           m_journal->unlink(Object::Group, TargetLinks::groupKey(change.key));
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refused(index, reply);
                       }
                   });
}

void JiraWriter::addMembership(qsizetype index, const MembershipChange& membership)
{
    const MemberRef& user = m_plan->memberUsers.at(membership.user);
    const MemberRef& group = m_plan->memberGroups.at(membership.group);
    const QString key = userKeyOf(user.id);
    if (key.isEmpty() || m_failedObjects.contains(group.id)) {
        settled(index, ChangeOutcome::Failed,
                key.isEmpty() ? tr("Not added: the user could not be created.")
                              : tr("Not added: the group could not be created."));
        return;
    }
    const QString groupName = group.name;
    const QString username = user.name;
    m_client->send(
        "POST", u"group/user"_s, {{u"groupname"_s, groupName}}, QJsonDocument(QJsonObject{{u"name"_s, username}}),
        [this, index, key, groupName, username](const AtlassianClient::Reply& reply) {
            if (reply.ok()) {
                settled(index, ChangeOutcome::Done);
                return;
            }
            if (reply.outcome.status != 400 || !says(reply, u"already a member"_s)) {
                m_journal->unlink(Object::Membership, TargetLinks::membershipKey(key, groupName));
                refused(index, reply);
                return;
            }
            // Settled by reading the user's groups: a member already is as good as added.
            m_client->get(
                u"user"_s, {{u"key"_s, key}, {u"expand"_s, u"groups"_s}},
                [this, index, groupName, reply](const AtlassianClient::Reply& check) {
                    const QJsonArray groups =
                        check.json.object().value(u"groups"_s).toObject().value(u"items"_s).toArray();
                    const bool member = std::any_of(groups.cbegin(), groups.cend(), [&](const QJsonValue& g) {
                        return g.toObject().value(u"name"_s).toString().compare(groupName, Qt::CaseInsensitive) == 0;
                    });
                    if (check.ok() && member) {
                        settled(index, ChangeOutcome::Done);
                    } else {
                        refused(index, reply);
                    }
                });
        });
}

void JiraWriter::removeMembership(qsizetype index, const MembershipChange& membership)
{
    const MemberRef& user = m_plan->memberUsers.at(membership.user);
    const QString groupName = m_plan->memberGroups.at(membership.group).name;
    const QString key = user.id;
    m_client->send("DELETE", u"group/user"_s, {{u"groupname"_s, groupName}, {u"username"_s, user.name}}, {},
                   [this, index, key, groupName](const AtlassianClient::Reply& reply) {
                       // Not a member (any more) is what was wanted.
                       if (reply.ok() || reply.outcome.status == 404
                           || (reply.outcome.status == 400 && says(reply, u"not a member"_s))) {
                           m_journal->unlink(Object::Membership, TargetLinks::membershipKey(key, groupName));
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refused(index, reply);
                       }
                   });
}

#include "BitbucketWriter.h"

#include "model/NameKey.h"
#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"
#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/bitbucket/BitbucketPages.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using Object = Change::Object;

namespace {

const FieldChange* fieldOf(const QList<FieldChange>& fields, const QString& name)
{
    const auto found =
        std::find_if(fields.cbegin(), fields.cend(), [&name](const FieldChange& f) { return f.field == name; });
    return found == fields.cend() ? nullptr : &*found;
}

QString after(const QList<FieldChange>& fields, const QString& name)
{
    const FieldChange* field = fieldOf(fields, name);
    return field ? field->after : QString();
}

} // namespace

BitbucketWriter::BitbucketWriter(AtlassianClient* client, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
                                 QObject* parent)
    : AtlassianWriter(AtlassianProduct::bitbucket(), client, journal, std::move(plan), parent)
{ }

void BitbucketWriter::runSteps(QList<Step> steps, StepsDone done)
{
    if (steps.isEmpty()) {
        done(nullptr);
        return;
    }
    const Step step = steps.takeFirst();
    m_client->send(step.method, step.path, step.query, step.body,
                   [this, steps, step, done](const AtlassianClient::Reply& reply) {
                       if (reply.ok() || (step.notFoundIsDone && reply.outcome.status == 404)) {
                           runSteps(steps, done);
                       } else {
                           done(&reply);
                       }
                   });
}

QList<BitbucketWriter::Step> BitbucketWriter::accessSteps(const QList<FieldChange>& fields, const QString& username)
{
    const FieldChange* access = fieldOf(fields, u"access"_s);
    if (!access) {
        return {};
    }
    QList<Step> steps;
    if (access->after.isEmpty()) {
        // Disabled: out of every access group it was in, and its own global permission revoked.
        const BitbucketAccess had = BitbucketAccess::fromText(access->before);
        for (const QString& group : had.groups) {
            steps.append({"POST",
                          u"admin/users/remove-group"_s,
                          {},
                          QJsonDocument(QJsonObject{{u"context"_s, username}, {u"itemName"_s, group}}),
                          true});
        }
        if (!had.permission.isEmpty()) {
            steps.append({"DELETE", u"admin/permissions/users"_s, {{u"name"_s, username}}, {}, true});
        }
        return steps;
    }
    // Given access: into the groups in one call, and the permission it had back.
    const BitbucketAccess gets = BitbucketAccess::fromText(access->after);
    if (!gets.groups.isEmpty()) {
        steps.append(
            {"POST",
             u"admin/users/add-groups"_s,
             {},
             QJsonDocument(QJsonObject{{u"user"_s, username}, {u"groups"_s, QJsonArray::fromStringList(gets.groups)}}),
             false});
    }
    if (!gets.permission.isEmpty()) {
        steps.append({"PUT",
                      u"admin/permissions/users"_s,
                      {{u"name"_s, username}, {u"permission"_s, gets.permission}},
                      {},
                      false});
    }
    return steps;
}

void BitbucketWriter::addUser(qsizetype index, const Change& change)
{
    const QString email = after(change.fields, u"email"_s);
    if (email.isEmpty()) {
        // The e-mail address is a required parameter of Bitbucket's call: not sent at all.
        failedToCreate(change);
        settled(index, ChangeOutcome::Failed,
                tr("Bitbucket needs an e-mail address for every user, and this one has none. Give the user an "
                   "address in Keycloak (or choose another source for e-mail addresses in the connector's "
                   "options); the next sync creates it."));
        return;
    }
    const QString displayName = after(change.fields, u"displayName"_s);
    // Query parameters, as Bitbucket takes them. The password is never kept, shown or logged
    // (requests are logged by path only): people sign in through single sign-on.
    const AtlassianClient::Query query{
        {u"name"_s, change.key},
        {u"displayName"_s, displayName.isEmpty() ? change.key : displayName},
        {u"emailAddress"_s, email},
        {u"password"_s, generatedPassword()},
        {u"addToDefaultGroup"_s, u"false"_s}, // its groups are the plan's, added after it
        {u"notify"_s, u"false"_s},
    };
    m_client->send("POST", u"admin/users"_s, query, {}, [this, index, change](const AtlassianClient::Reply& reply) {
        if (!reply.ok() && reply.outcome.status != 409) {
            failedToCreate(change);
            refused(index, reply);
            return;
        }
        // 204 without a body, or there already (made meanwhile, or by this call before its answer
        // was lost): usernames are unique, so the one there is the one. Its access groups are
        // given with the other new users', and its id read with theirs, once all are created;
        // until then the change is not settled.
        const BitbucketAccess gets = BitbucketAccess::fromText(after(change.fields, u"access"_s));
        if (gets.permission.isEmpty()) {
            for (const QString& group : gets.groups) {
                m_toGrant[group].append(m_created.size());
            }
            m_created.append({index, true});
            deferred();
            return;
        }
        // A permission of its own as well (a rollback giving a deleted user back): its calls now.
        runSteps(accessSteps(change.fields, change.key), [this, index, change](const AtlassianClient::Reply* refusal) {
            m_created.append({index, refusal == nullptr});
            if (refusal) {
                refused(index, *refusal);
            } else {
                deferred();
            }
        });
    });
}

void BitbucketWriter::usersSaved(std::function<void()> next)
{
    if (m_created.isEmpty()) {
        next();
        return;
    }
    m_usersSaved = std::move(next);
    for (auto it = m_toGrant.cbegin(); it != m_toGrant.cend(); ++it) {
        for (qsizetype from = 0; from < it.value().size(); from += memberBatch()) {
            m_grants.append({it.key(), it.value().mid(from, memberBatch())});
        }
    }
    m_toGrant.clear();
    grantMore();
}

void BitbucketWriter::grantMore()
{
    const int window = 2 * m_client->config().http.maxInFlight;
    while (!stopping() && m_grantsInFlight < window && !m_grants.isEmpty()) {
        const Grant grant = m_grants.takeFirst();
        QJsonArray users;
        for (const qsizetype created : grant.created) {
            users.append(m_plan->changes.at(m_created.at(created).index).key);
        }
        ++m_grantsInFlight;
        m_client->send("POST", u"admin/groups/add-users"_s, {},
                       QJsonDocument(QJsonObject{{u"group"_s, grant.group}, {u"users"_s, users}}),
                       [this, grant](const AtlassianClient::Reply& reply) {
                           --m_grantsInFlight;
                           if (!reply.ok() && !stopsTheRun(reply)) {
                               // Refused for one of them (or the group): each alone, to know whom it is about.
                               for (const qsizetype created : grant.created) {
                                   grantAlone(created, grant.group);
                               }
                           }
                           grantMore();
                       });
    }
    if (m_grantsInFlight > 0 || !m_usersSaved) {
        return;
    }
    if (stopping()) {
        // The creations stay pending, and the next sync links these users by name.
        std::exchange(m_usersSaved, {})();
    } else if (m_grants.isEmpty()) {
        readCreatedIds(0);
    }
}

void BitbucketWriter::grantAlone(qsizetype created, const QString& group)
{
    ++m_grantsInFlight;
    const QJsonObject body{{u"user"_s, m_plan->changes.at(m_created.at(created).index).key},
                           {u"groups"_s, QJsonArray{group}}};
    m_client->send("POST", u"admin/users/add-groups"_s, {}, QJsonDocument(body),
                   [this, created, group](const AtlassianClient::Reply& reply) {
                       --m_grantsInFlight;
                       if (!reply.ok() && !stopsTheRun(reply) && !m_refusals.contains(created)) {
                           const QString said = AtlassianClient::messageOf(reply);
                           m_refusals[created] =
                               tr("Created, but not given access through the group %1: %2")
                                   .arg(group,
                                        said.isEmpty() ? tr("Bitbucket refused it (HTTP %1).").arg(reply.outcome.status)
                                                       : said);
                       }
                       grantMore();
                   });
}

void BitbucketWriter::readCreatedIds(qint64 start)
{
    if (stopping()) {
        std::exchange(m_usersSaved, {})(); // cancelled: the creations stay pending (as above)
        return;
    }
    const AtlassianClient::Query query{{u"start"_s, QString::number(start)}, {u"limit"_s, u"1000"_s}};
    m_client->getPage(u"admin/users"_s, query, [this, start](const AtlassianClient::Reply& reply) {
        const std::optional<BitbucketPages::Page<BitbucketPages::User>> page =
            reply.ok() ? BitbucketPages::users(reply.outcome.body) : std::nullopt;
        if (!page) {
            // Not knowing the ids, nothing is settled: the next sync finds these users and links them.
            if (reply.ok() || !stopsTheRun(reply)) {
                stopWith(reply.ok() ? AtlassianErrors::invalidResponse(m_product, reply.outcome, tr("a user list"))
                                    : AtlassianErrors::of(m_product, reply, m_client->config(),
                                                          tr("read the new users' ids")));
            }
        } else {
            for (const BitbucketPages::User& user : page->values) {
                m_createdIds.insert(nameKey(user.name), user.id);
            }
            if (page->isLastPage) {
                settleCreated();
            } else if (page->nextPageStart && *page->nextPageStart > start) {
                readCreatedIds(*page->nextPageStart);
                return;
            } else {
                // Not knowing where the list goes on, nothing is settled (as above).
                stopWith(AtlassianErrors::incomplete(m_product, tr("a user page that does not name the next")));
            }
        }
        std::exchange(m_usersSaved, {})();
    });
}

void BitbucketWriter::settleCreated()
{
    for (qsizetype i = 0; i < m_created.size(); ++i) {
        const Created& entry = m_created.at(i);
        const Change& change = m_plan->changes.at(entry.index);
        const QString id = m_createdIds.value(nameKey(change.key));
        if (id.isEmpty()) {
            failedToCreate(change);
            if (entry.settle) {
                recordDeferred(entry.index, ChangeOutcome::Failed,
                               tr("Bitbucket accepted the new user but does not list it. Look for it under "
                                  "Administration → Users; the next sync creates it or links it."));
            }
            continue;
        }
        created(change, id);
        if (entry.settle) {
            const QString refusal = m_refusals.value(i);
            recordDeferred(entry.index, refusal.isEmpty() ? ChangeOutcome::Done : ChangeOutcome::Failed, refusal);
        }
    }
    m_created.clear();
    m_createdIds.clear();
    m_refusals.clear();
}

void BitbucketWriter::updateUser(qsizetype index, const Change& change, const QString& key)
{
    Q_UNUSED(key); // Bitbucket's administration calls name the user; the id is what links it
    QList<Step> steps;
    QString name = change.key;
    if (const FieldChange* renamed = fieldOf(change.fields, u"username"_s); renamed && !renamed->before.isEmpty()) {
        steps.append({"POST",
                      u"admin/users/rename"_s,
                      {},
                      QJsonDocument(QJsonObject{{u"name"_s, renamed->before}, {u"newName"_s, renamed->after}}),
                      false});
        name = renamed->after;
    }
    const FieldChange* email = fieldOf(change.fields, u"email"_s);
    const FieldChange* displayName = fieldOf(change.fields, u"displayName"_s);
    if (email || displayName) {
        QJsonObject details{{u"name"_s, name}};
        if (email) {
            details.insert(u"email"_s, email->after);
        }
        if (displayName) {
            details.insert(u"displayName"_s, displayName->after.isEmpty() ? name : displayName->after);
        }
        steps.append({"PUT", u"admin/users"_s, {}, QJsonDocument(details), false});
    }
    steps.append(accessSteps(change.fields, name));
    runSteps(steps, [this, index](const AtlassianClient::Reply* refusal) {
        if (refusal) {
            refused(index, *refusal);
        } else {
            settled(index, ChangeOutcome::Done);
        }
    });
}

void BitbucketWriter::deleteUser(qsizetype index, const Change& change)
{
    m_client->send("DELETE", u"admin/users"_s, {{u"name"_s, change.key}}, {},
                   [this, index, change](const AtlassianClient::Reply& reply) {
                       if (reply.ok() || reply.outcome.status == 404) {
                           m_journal->unlink(Object::User, change.localId);
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refused(index, reply);
                       }
                   });
}

void BitbucketWriter::addGroup(qsizetype index, const Change& change)
{
    const QString name = change.key;
    m_journal->link(Object::Group, TargetLinks::groupKey(name), change.externalId);
    m_client->send("POST", u"admin/groups"_s, {{u"name"_s, name}}, {},
                   [this, index, change, name](const AtlassianClient::Reply& reply) {
                       if (reply.ok() || reply.outcome.status == 409) {
                           settled(index, ChangeOutcome::Done); // 409: there already, as wanted
                           return;
                       }
                       m_journal->unlink(Object::Group, TargetLinks::groupKey(name));
                       failedToCreate(change);
                       refused(index, reply);
                   });
}

void BitbucketWriter::deleteGroup(qsizetype index, const Change& change)
{
    m_client->send("DELETE", u"admin/groups"_s, {{u"name"_s, change.key}}, {},
                   [this, index, change](const AtlassianClient::Reply& reply) {
                       if (reply.ok() || reply.outcome.status == 404) {
                           m_journal->unlink(Object::Group, TargetLinks::groupKey(change.key));
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refused(index, reply);
                       }
                   });
}

void BitbucketWriter::addMember(qsizetype index, const QString& key, const QString& username, const QString& group)
{
    const QJsonObject body{{u"user"_s, username}, {u"groups"_s, QJsonArray{group}}};
    m_client->send("POST", u"admin/users/add-groups"_s, {}, QJsonDocument(body),
                   [this, index, key, group](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           settled(index, ChangeOutcome::Done);
                           return;
                       }
                       m_journal->unlink(Object::Membership, TargetLinks::membershipKey(key, group));
                       refused(index, reply);
                   });
}

void BitbucketWriter::addMembers(const QList<Member>& members, const QString& group)
{
    QJsonArray users;
    for (const Member& member : members) {
        users.append(member.username);
    }
    m_client->send("POST", u"admin/groups/add-users"_s, {},
                   QJsonDocument(QJsonObject{{u"group"_s, group}, {u"users"_s, users}}),
                   [this, members](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           settledAll(members, ChangeOutcome::Done);
                       } else {
                           refusedAll(members, reply);
                       }
                   });
}

void BitbucketWriter::removeMember(qsizetype index, const QString& key, const QString& username, const QString& group)
{
    m_client->send("POST", u"admin/users/remove-group"_s, {},
                   QJsonDocument(QJsonObject{{u"context"_s, username}, {u"itemName"_s, group}}),
                   [this, index, key, group](const AtlassianClient::Reply& reply) {
                       // 404: the user or the group is gone, so the membership is too.
                       if (reply.ok() || reply.outcome.status == 404) {
                           m_journal->unlink(Object::Membership, TargetLinks::membershipKey(key, group));
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refused(index, reply);
                       }
                   });
}

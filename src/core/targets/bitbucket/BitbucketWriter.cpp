#include "BitbucketWriter.h"

#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"
#include "targets/bitbucket/BitbucketAccess.h"

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

void BitbucketWriter::runSteps(qsizetype index, QList<Step> steps)
{
    if (steps.isEmpty()) {
        settled(index, ChangeOutcome::Done);
        return;
    }
    const Step step = steps.takeFirst();
    m_client->send(step.method, step.path, step.query, step.body,
                   [this, index, steps, step](const AtlassianClient::Reply& reply) {
                       if (reply.ok() || (step.notFoundIsDone && reply.outcome.status == 404)) {
                           runSteps(index, steps);
                       } else {
                           refused(index, reply);
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
        if (reply.ok() || reply.outcome.status == 409) {
            // 204 without a body, or there already (made meanwhile, or by this call before its
            // answer was lost): usernames are unique, so the one there is the one.
            findCreated(index, change, reply);
            return;
        }
        failedToCreate(change);
        refused(index, reply);
    });
}

void BitbucketWriter::findCreated(qsizetype index, const Change& change, const AtlassianClient::Reply& refusal)
{
    m_client->get(u"admin/users"_s, {{u"filter"_s, change.key}, {u"limit"_s, u"1000"_s}},
                  [this, index, change, refusal](const AtlassianClient::Reply& reply) {
                      QString id;
                      for (const QJsonValue user : reply.json.object().value(u"values"_s).toArray()) {
                          if (user[u"name"_s].toString().compare(change.key, Qt::CaseInsensitive) == 0) {
                              id = QString::number(user[u"id"_s].toInteger());
                          }
                      }
                      if (!reply.ok() || id.isEmpty()) {
                          failedToCreate(change);
                          refused(index, reply.ok() ? refusal : reply);
                          return;
                      }
                      created(change, id);
                      runSteps(index, accessSteps(change.fields, change.key));
                  });
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
    runSteps(index, steps);
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

#include "JiraWriter.h"

#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"
#include "targets/atlassian/AtlassianErrors.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

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

} // namespace

JiraWriter::JiraWriter(AtlassianClient* client, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
                       QObject* parent)
    : AtlassianWriter(AtlassianProduct::jira(), client, journal, std::move(plan), parent)
{ }

void JiraWriter::addUser(qsizetype index, const Change& change)
{
    QJsonObject body = userFieldsJson(change.fields);
    body.remove(u"active"_s);
    body.insert(u"notification"_s, u"false"_s); // no e-mail: people sign in through single sign-on
    m_client->send("POST", u"user"_s, {}, QJsonDocument(body),
                   [this, index, change](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           const QString key = reply.json.object().value(u"key"_s).toString();
                           created(change, key);
                           saveUser(index, change, key, true);
                           return;
                       }
                       if (reply.outcome.status == 400 && says(reply, u"already exists"_s)) {
                           adoptExistingUser(index, change, reply);
                           return;
                       }
                       failedToCreate(change);
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
                          failedToCreate(change);
                          refused(index, refusal);
                          return;
                      }
                      const QString key = reply.json.object().value(u"key"_s).toString();
                      created(change, key);
                      saveUser(index, change, key, true);
                  });
}

void JiraWriter::updateUser(qsizetype index, const Change& change, const QString& key)
{
    saveUser(index, change, key, false);
}

void JiraWriter::saveUser(qsizetype index, const Change& change, const QString& key, bool adding)
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
                           failedToCreate(change);
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
                                         failedToCreate(change);
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

void JiraWriter::addMember(qsizetype index, const QString& key, const QString& username, const QString& groupName)
{
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

void JiraWriter::removeMember(qsizetype index, const QString& key, const QString& username, const QString& groupName)
{
    m_client->send("DELETE", u"group/user"_s, {{u"groupname"_s, groupName}, {u"username"_s, username}}, {},
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

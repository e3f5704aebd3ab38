#include "ConfluenceWriter.h"

#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;
using Object = Change::Object;

namespace {

constexpr int firstPollMs = 100; // a deletion task is polled after this, then twice as long each time
constexpr int longestPollMs = 5000;
constexpr qint64 longestDeletionMs = 30 * 60 * 1000; // a user with a lot of content takes a while

QString after(const QList<FieldChange>& fields, const QString& name)
{
    for (const FieldChange& field : fields) {
        if (field.field == name) {
            return field.after;
        }
    }
    return {};
}

bool changes(const QList<FieldChange>& fields, const QString& name)
{
    return std::any_of(fields.cbegin(), fields.cend(), [&name](const FieldChange& f) { return f.field == name; });
}

QString userPath(const QString& username, const QString& rest = {})
{
    return u"admin/user/"_s + AtlassianClient::segment(username) + rest;
}

QString membershipPath(const QString& username, const QString& group)
{
    return u"user/%1/group/%2"_s.arg(AtlassianClient::segment(username), AtlassianClient::segment(group));
}

} // namespace

ConfluenceWriter::ConfluenceWriter(AtlassianClient* client, RunJournal* journal, std::shared_ptr<const ChangeSet> plan,
                                   QObject* parent)
    : AtlassianWriter(AtlassianProduct::confluence(), client, journal, std::move(plan), parent)
{ }

void ConfluenceWriter::refusedUser(qsizetype index, const AtlassianClient::Reply& reply)
{
    if (reply.outcome.status == 402) {
        const QString said = AtlassianClient::messageOf(reply);
        settled(index, ChangeOutcome::Failed,
                tr("Confluence has no licence left for another user (HTTP 402%1). Free one by disabling users who "
                   "left, or raise the licence's user tier; the next sync creates the user.")
                    .arg(said.isEmpty() ? QString() : u": "_s + said));
        return;
    }
    refused(index, reply);
}

void ConfluenceWriter::addUser(qsizetype index, const Change& change)
{
    const QString displayName = after(change.fields, u"displayName"_s);
    const QJsonObject body{
        {u"userName"_s, change.key},
        {u"fullName"_s, displayName.isEmpty() ? change.key : displayName},
        {u"email"_s, after(change.fields, u"email"_s)},
        // Never kept, shown or logged: people sign in through single sign-on, and an administrator
        // who wants a password for someone sets it in Confluence.
        {u"password"_s, generatedPassword()},
    };
    m_client->send("POST", u"admin/user"_s, {}, QJsonDocument(body),
                   [this, index, change](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           created(change, reply.json.object().value(u"userKey"_s).toString());
                           saveStatus(index, change.fields, change.key, true);
                           return;
                       }
                       if (reply.outcome.status == 409) {
                           adoptExistingUser(index, change, reply);
                           return;
                       }
                       failedToCreate(change);
                       refusedUser(index, reply);
                   });
}

void ConfluenceWriter::adoptExistingUser(qsizetype index, const Change& change, const AtlassianClient::Reply& refusal)
{
    // Made meanwhile, or by this very call before its answer was lost: usernames are unique, so
    // the one there is the one.
    m_client->get(u"user"_s, {{u"username"_s, change.key}},
                  [this, index, change, refusal](const AtlassianClient::Reply& reply) {
                      const QString key = reply.json.object().value(u"userKey"_s).toString();
                      if (!reply.ok() || key.isEmpty()) {
                          failedToCreate(change);
                          refused(index, refusal);
                          return;
                      }
                      created(change, key);
                      saveStatus(index, change.fields, change.key, true);
                  });
}

void ConfluenceWriter::updateUser(qsizetype index, const Change& change, const QString& key)
{
    Q_UNUSED(key); // Confluence's administration calls name the user; the key is what links it
    saveDetails(index, change.fields, change.key);
}

void ConfluenceWriter::saveDetails(qsizetype index, const QList<FieldChange>& fields, const QString& username)
{
    QJsonObject body;
    if (changes(fields, u"email"_s)) {
        body.insert(u"email"_s, after(fields, u"email"_s));
    }
    if (changes(fields, u"displayName"_s)) {
        const QString displayName = after(fields, u"displayName"_s);
        body.insert(u"fullName"_s, displayName.isEmpty() ? username : displayName);
    }
    if (body.isEmpty()) {
        saveStatus(index, fields, username, false);
        return;
    }
    m_client->send("PUT", userPath(username), {}, QJsonDocument(body),
                   [this, index, fields, username](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           saveStatus(index, fields, username, false);
                       } else {
                           refused(index, reply);
                       }
                   });
}

void ConfluenceWriter::saveStatus(qsizetype index, const QList<FieldChange>& fields, const QString& username,
                                  bool created)
{
    // A new user is active: only a disabled one needs another call.
    const bool wanted = changes(fields, u"active"_s) && !(created && after(fields, u"active"_s) == u"true"_s);
    if (!wanted) {
        settled(index, ChangeOutcome::Done);
        return;
    }
    const bool active = after(fields, u"active"_s) == u"true"_s;
    m_client->send("PUT", userPath(username, active ? u"/enable"_s : u"/disable"_s), {}, {},
                   [this, index](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refusedUser(index, reply);
                       }
                   });
}

void ConfluenceWriter::deleteUser(qsizetype index, const Change& change)
{
    m_client->send("DELETE", userPath(change.key), {}, {}, [this, index, change](const AtlassianClient::Reply& reply) {
        if (reply.outcome.status == 404) {
            m_journal->unlink(Object::User, change.localId); // gone already
            settled(index, ChangeOutcome::Done);
            return;
        }
        if (!reply.ok()) {
            refused(index, reply);
            return;
        }
        const QString taskId = reply.json.object().value(u"id"_s).toString();
        if (taskId.isEmpty()) {
            // Done at once (a version that answers 204), or a task UserSync cannot follow: the next
            // read shows which.
            m_journal->unlink(Object::User, change.localId);
            settled(index, ChangeOutcome::Done);
            return;
        }
        QElapsedTimer waited;
        waited.start();
        followDeletion(index, change, taskId, 0, waited);
    });
}

void ConfluenceWriter::followDeletion(qsizetype index, const Change& change, const QString& taskId, int polls,
                                      QElapsedTimer waited)
{
    const int delay = std::min(longestPollMs, firstPollMs << std::min(polls, 6));
    QTimer::singleShot(delay, this, [this, index, change, taskId, polls, waited] {
        m_client->get(u"longtask/"_s + AtlassianClient::segment(taskId), {},
                      [this, index, change, taskId, polls, waited](const AtlassianClient::Reply& reply) {
                          if (!reply.ok()) {
                              refused(index, reply);
                              return;
                          }
                          const QJsonObject task = reply.json.object();
                          const bool finished = task.value(u"finished"_s).toBool(false)
                              || task.value(u"percentageComplete"_s).toInt() >= 100;
                          if (!finished) {
                              if (waited.elapsed() > longestDeletionMs) {
                                  settled(index, ChangeOutcome::Failed,
                                          tr("Confluence's deletion of the user had not finished after %1 minutes. "
                                             "It may still finish; the next sync reads Confluence again and "
                                             "deletes the user if it is still there.")
                                              .arg(longestDeletionMs / 60000));
                                  return;
                              }
                              followDeletion(index, change, taskId, polls + 1, waited);
                              return;
                          }
                          if (task.value(u"successful"_s).toBool(false)) {
                              m_journal->unlink(Object::User, change.localId);
                              settled(index, ChangeOutcome::Done);
                              return;
                          }
                          QStringList messages;
                          for (const QJsonValue message : task.value(u"messages"_s).toArray()) {
                              const QString text = message.toObject().value(u"translation"_s).toString();
                              if (!text.isEmpty()) {
                                  messages << text;
                              }
                          }
                          settled(index, ChangeOutcome::Failed,
                                  tr("Confluence's task deleting the user failed%1; the user is still there.")
                                      .arg(messages.isEmpty() ? QString() : u": "_s + messages.join(u' ')));
                      });
    });
}

void ConfluenceWriter::addGroup(qsizetype index, const Change& change)
{
    const QString name = change.key;
    m_journal->link(Object::Group, TargetLinks::groupKey(name), change.externalId);
    m_client->send("POST", u"admin/group"_s, {}, QJsonDocument(QJsonObject{{u"name"_s, name}}),
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

void ConfluenceWriter::deleteGroup(qsizetype index, const Change& change)
{
    m_client->send("DELETE", u"admin/group/"_s + AtlassianClient::segment(change.key), {}, {},
                   [this, index, change](const AtlassianClient::Reply& reply) {
                       if (reply.ok() || reply.outcome.status == 404) {
                           m_journal->unlink(Object::Group, TargetLinks::groupKey(change.key));
                           settled(index, ChangeOutcome::Done);
                       } else {
                           refused(index, reply);
                       }
                   });
}

void ConfluenceWriter::addMember(qsizetype index, const QString& key, const QString& username, const QString& group)
{
    // Idempotent: 204 whether or not the user was a member already.
    m_client->send("PUT", membershipPath(username, group), {}, {},
                   [this, index, key, group](const AtlassianClient::Reply& reply) {
                       if (reply.ok()) {
                           settled(index, ChangeOutcome::Done);
                           return;
                       }
                       m_journal->unlink(Object::Membership, TargetLinks::membershipKey(key, group));
                       refused(index, reply);
                   });
}

void ConfluenceWriter::removeMember(qsizetype index, const QString& key, const QString& username, const QString& group)
{
    m_client->send("DELETE", membershipPath(username, group), {}, {},
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

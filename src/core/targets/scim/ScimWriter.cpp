#include "ScimWriter.h"

#include "model/NameKey.h"
#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"
#include "targets/scim/ScimResources.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

QString idPath(const QString& endpoint, const QString& id)
{
    return endpoint + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

// A remove whose member is not in the group: what was asked is so (RFC 7644 §3.5.2.3 lets a
// service answer it with 400 noTarget).
bool isNoTarget(const ScimClient::Reply& reply)
{
    return reply.outcome.status == 400
        && ScimClient::scimTypeOf(reply).compare(u"noTarget"_s, Qt::CaseInsensitive) == 0;
}

// A lookup the service cannot answer as asked (a filter it does not take).
bool isInvalidFilter(const ScimClient::Reply& reply)
{
    return reply.outcome.status == 400 || reply.outcome.status == 501;
}

} // namespace

ScimWriter::ScimWriter(ScimClient* client, ScimService service, Known known, RunJournal* journal,
                       std::shared_ptr<const ChangeSet> plan, QObject* parent)
    : ApplicationWriter(ScimErrors::service(client->config()), client->config().http.maxInFlight, journal,
                        std::move(plan), parent)
    , m_client(client)
    , m_service(std::move(service))
    , m_known(std::move(known))
{ }

bool ScimWriter::isPerObject(const TargetReply& reply) const
{
    return ScimErrors::isPerObject(reply);
}

ConnectorError ScimWriter::errorOf(const TargetReply& reply, const QString& what) const
{
    return ScimErrors::of(reply, m_client->config(), what);
}

QString ScimWriter::messageOf(const TargetReply& reply) const
{
    return ScimClient::messageOf(reply);
}

QByteArray ScimWriter::ifMatch(const QString& id) const
{
    return m_service.etag ? m_known.versions.value(id).toUtf8() : QByteArray();
}

void ScimWriter::keepVersion(const QString& id, const ScimClient::Reply& reply)
{
    QString version = reply.json.object().value(u"meta"_s).toObject().value(u"version"_s).toString();
    if (version.isEmpty()) {
        version = QString::fromUtf8(reply.outcome.header("ETag"));
    }
    if (!version.isEmpty()) {
        m_known.versions.insert(id, version);
    }
}

QString ScimWriter::groupIdOf(const QString& name) const
{
    return m_known.groupIds.value(nameKey(name));
}

// --- users

void ScimWriter::lookUpUser(const Change& change, Found found)
{
    if (!m_service.filter) {
        found(std::nullopt, nullptr);
        return;
    }
    // By externalId, then by userName, each alone: a single `eq` is the filter every service takes
    // (Atlassian Cloud takes no other) and the one they index; `a or b` was measured 13 times
    // slower per user than both apart on scim2-server at 50,000 users (docs/PERFORMANCE.md). A
    // service that refuses the externalId filter is asked by userName alone for the rest of the run.
    const QString byUserName = ScimResources::userNameFilter(change.key);
    if (m_userLookup == UserLookup::ByExternalIdThenUserName && !change.externalId.isEmpty()) {
        lookUpUserBy(
            ScimResources::externalIdFilter(change.externalId), change,
            [this, change, found, byUserName](std::optional<QJsonObject> resource, const ScimClient::Reply* failure) {
                if (failure && isInvalidFilter(*failure)) {
                    m_userLookup = UserLookup::UserNameOnly;
                    lookUpUser(change, found);
                } else if (resource || failure) {
                    found(std::move(resource), failure);
                } else {
                    lookUpUserBy(byUserName, change, found);
                }
            });
        return;
    }
    lookUpUserBy(byUserName, change, found);
}

void ScimWriter::lookUpUserBy(const QString& filter, const Change& change, Found found)
{
    m_client->get(m_service.usersEndpoint, {{u"filter"_s, filter}, {u"count"_s, u"10"_s}},
                  [change, found](const ScimClient::Reply& reply) {
                      if (!reply.ok()) {
                          found(std::nullopt, &reply);
                          return;
                      }
                      // The one with the source's id first; else the one with the name (userName is
                      // unique, case-insensitively, RFC 7643 §4.1.1).
                      std::optional<QJsonObject> byName;
                      for (const QJsonValue resource : reply.json[u"Resources"_s].toArray()) {
                          const QJsonObject user = resource.toObject();
                          if (!change.externalId.isEmpty() && user[u"externalId"_s].toString() == change.externalId) {
                              found(user, nullptr);
                              return;
                          }
                          if (user[u"userName"_s].toString().compare(change.key, Qt::CaseInsensitive) == 0) {
                              byName = user;
                          }
                      }
                      found(std::move(byName), nullptr);
                  });
}

void ScimWriter::addUser(qsizetype index, const Change& change)
{
    lookUpUser(change, [this, index, change](std::optional<QJsonObject> resource, const ScimClient::Reply* failure) {
        if (failure) {
            failedToCreate(change);
            refused(index, *failure);
        } else if (resource) {
            adoptUser(index, change, *resource);
        } else {
            createUser(index, change);
        }
    });
}

void ScimWriter::createUser(qsizetype index, const Change& change)
{
    QJsonObject resource = ScimResources::user(change.fields, m_service, change.externalId);
    if (bulkOperations() > 1 && !m_alone.remove(index)) {
        // Held back for the next Bulk request; the call ends here, its change settles with the answer.
        const qint64 bytes = QJsonDocument(resource).toJson(QJsonDocument::Compact).size() + 128;
        if (!m_heldBack.isEmpty() && m_service.bulkMaxPayloadSize > 0
            && m_heldBackBytes + bytes > m_service.bulkMaxPayloadSize / 10 * 9) {
            sendBulk();
        }
        m_heldBack.append({index, change, std::move(resource)});
        m_heldBackBytes += bytes;
        if (m_heldBack.size() >= bulkOperations()) {
            sendBulk();
        }
        deferred();
        return;
    }
    m_client->create(m_service.usersEndpoint, QJsonDocument(resource),
                     [this, index, change](const ScimClient::Reply& reply) {
                         const QString id = reply.json[u"id"_s].toString();
                         if (reply.ok() && !id.isEmpty()) {
                             // Its version is not kept: this run writes to it no more (its
                             // memberships are the groups'), and 100,000 of them weigh 20 MB.
                             created(change, id);
                             settled(index, ChangeOutcome::Done);
                             return;
                         }
                         if (reply.outcome.cancelled) {
                             // Whether it was made is not known: the next sync finds it, if it was.
                             failedToCreate(change);
                             refused(index, reply);
                             return;
                         }
                         // Taken meanwhile (409), or not known whether it was made: look again.
                         adoptOrRefuse(index, change, reply);
                     });
}

int ScimWriter::bulkOperations() const
{
    // A service that allows Bulk without saying how much is sent none: its limit is not known.
    return m_service.bulk && m_service.bulkMaxOperations > 1 ? std::min(m_service.bulkMaxOperations, 1000) : 0;
}

bool ScimWriter::sendHeldBack()
{
    if (m_heldBack.isEmpty()) {
        return false;
    }
    sendBulk();
    return true;
}

void ScimWriter::sendBulk()
{
    QList<HeldBack> creations = std::exchange(m_heldBack, {});
    m_heldBackBytes = 0;
    QJsonArray operations;
    for (const HeldBack& creation : std::as_const(creations)) {
        operations.append(QJsonObject{{u"method"_s, u"POST"_s},
                                      {u"path"_s, QString(u'/' + m_service.usersEndpoint)},
                                      {u"bulkId"_s, QString::number(creation.index)},
                                      {u"data"_s, creation.resource}});
    }
    const QJsonObject request{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:api:messages:2.0:BulkRequest"_s}},
                              {u"Operations"_s, operations}};
    callStarted();
    m_client->create(u"Bulk"_s, QJsonDocument(request),
                     [this, creations = std::move(creations)](const ScimClient::Reply& reply) {
                         bulkAnswered(creations, reply);
                         callEnded();
                     });
}

void ScimWriter::bulkAnswered(const QList<HeldBack>& creations, const ScimClient::Reply& reply)
{
    if (!reply.ok()) {
        const bool lost = !reply.outcome.cancelled && !reply.signInError
            && (reply.outcome.transportFailed() || reply.outcome.status >= 500);
        if (lost) {
            // Whether the service made them is not known: each looked up, and adopted if it is there.
            for (const HeldBack& creation : creations) {
                resumeDeferred();
                adoptOrRefuse(creation.index, creation.change, reply);
            }
        } else if (isPerObject(reply) || reply.outcome.status == 413) {
            // The request refused whole (too large, not understood): each sent alone.
            for (const HeldBack& creation : creations) {
                resumeDeferred();
                m_alone.insert(creation.index);
                createUser(creation.index, creation.change);
            }
        } else {
            // Cancelled, or the token refused: the apply stops, and these stay pending.
            stopsTheRun(reply);
            for (qsizetype i = 0; i < creations.size(); ++i) {
                abandonDeferred();
            }
        }
        return;
    }
    QHash<QString, QJsonObject> answers;
    for (const QJsonValue operation : reply.json[u"Operations"_s].toArray()) {
        answers.insert(operation[u"bulkId"_s].toString(), operation.toObject());
    }
    for (const HeldBack& creation : creations) {
        const auto answer = answers.constFind(QString::number(creation.index));
        if (answer == answers.cend()) {
            // Not processed (the service stopped after errors): sent alone.
            resumeDeferred();
            m_alone.insert(creation.index);
            addUser(creation.index, creation.change);
            continue;
        }
        // The status is a string in RFC 7644's examples, a number from some services.
        const QJsonValue status = answer->value(u"status"_s);
        ScimClient::Reply outcome;
        outcome.outcome.status = status.isString() ? status.toString().toInt() : status.toInt();
        outcome.json = QJsonDocument(answer->value(u"response"_s).toObject());
        const QString id = answer->value(u"location"_s).toString().section(u'/', -1);
        if (outcome.outcome.status / 100 == 2 && !id.isEmpty()) {
            created(creation.change, id); // its version not kept, as for a creation alone
            recordDeferred(creation.index, ChangeOutcome::Done, {});
        } else if (outcome.outcome.status == 409) {
            // Taken meanwhile: looked up, and adopted.
            resumeDeferred();
            adoptOrRefuse(creation.index, creation.change, outcome);
        } else if (isPerObject(outcome)) {
            failedToCreate(creation.change);
            recordDeferred(creation.index, ChangeOutcome::Failed, refusalOf(outcome));
        } else {
            // The service could not take it (overloaded, signed out): the apply stops, this one pending.
            stopsTheRun(outcome);
            abandonDeferred();
        }
    }
}

void ScimWriter::adoptOrRefuse(qsizetype index, const Change& change, const ScimClient::Reply& refusal)
{
    lookUpUser(change,
               [this, index, change, refusal](std::optional<QJsonObject> resource, const ScimClient::Reply* failure) {
                   if (resource && !failure) {
                       adoptUser(index, change, *resource);
                       return;
                   }
                   failedToCreate(change);
                   refused(index, refusal);
               });
}

void ScimWriter::adoptUser(qsizetype index, const Change& change, const QJsonObject& resource)
{
    const QString id = resource[u"id"_s].toString();
    created(change, id);
    const QString version = resource[u"meta"_s][u"version"_s].toString();
    if (!version.isEmpty()) {
        m_known.versions.insert(id, version);
    }
    // Made what the change says: an Add's fields carry every after-value.
    const QString externalId =
        resource[u"externalId"_s].toString() == change.externalId ? QString() : change.externalId;
    changeUser(index, id, change.fields, externalId, false);
}

void ScimWriter::updateUser(qsizetype index, const Change& change, const QString& key)
{
    // An adopted user gets the source's id as its externalId, so that a later lookup finds it.
    changeUser(index, key, change.fields, change.action == Action::Link ? change.externalId : QString(), false);
}

void ScimWriter::changeUser(qsizetype index, const QString& id, const QList<FieldChange>& fields,
                            const QString& externalId, bool again)
{
    if (!m_service.patch) {
        replaceUser(index, id, fields, externalId, again);
        return;
    }
    const QJsonObject patch = ScimResources::userPatch(fields, m_service, externalId);
    if (patch.isEmpty()) {
        settled(index, ChangeOutcome::Done);
        return;
    }
    m_client->send(
        "PATCH", idPath(m_service.usersEndpoint, id), QJsonDocument(patch),
        [this, index, id, fields, externalId, again](const ScimClient::Reply& reply) {
            if (reply.ok()) {
                keepVersion(id, reply);
                settled(index, ChangeOutcome::Done);
            } else if (reply.outcome.status == 412 && !again) {
                // Changed by someone else since it was read. The PATCH sets only what UserSync
                // manages, to the source's values: read the new version and send it again.
                reread(index, m_service.usersEndpoint, id,
                       [this, index, id, fields, externalId] { changeUser(index, id, fields, externalId, true); });
            } else {
                refused(index, reply);
            }
        },
        ifMatch(id));
}

void ScimWriter::replaceUser(qsizetype index, const QString& id, const QList<FieldChange>& fields,
                             const QString& externalId, bool again)
{
    // No PATCH: the user as it is now, changed and sent back whole with the version it was read with.
    const QString path = idPath(m_service.usersEndpoint, id);
    m_client->get(path, {}, [this, index, id, path, fields, externalId, again](const ScimClient::Reply& current) {
        if (!current.ok()) {
            refused(index, current);
            return;
        }
        keepVersion(id, current);
        const QJsonObject body = ScimResources::replacedUser(current.json.object(), fields, m_service, externalId);
        if (body == current.json.object()) {
            settled(index, ChangeOutcome::Done);
            return;
        }
        m_client->send(
            "PUT", path, QJsonDocument(body),
            [this, index, id, fields, externalId, again](const ScimClient::Reply& reply) {
                if (reply.ok()) {
                    keepVersion(id, reply);
                    settled(index, ChangeOutcome::Done);
                } else if (reply.outcome.status == 412 && !again) {
                    replaceUser(index, id, fields, externalId, true); // read again, then replaced again
                } else {
                    refused(index, reply);
                }
            },
            ifMatch(id));
    });
}

void ScimWriter::deleteUser(qsizetype index, const Change& change)
{
    deleteResource(
        index, m_service.usersEndpoint, change.localId,
        [this, change] { m_journal->unlink(Object::User, change.localId); }, false);
}

void ScimWriter::deleteResource(qsizetype index, const QString& endpoint, const QString& id,
                                std::function<void()> deleted, bool again)
{
    m_client->send(
        "DELETE", idPath(endpoint, id), {},
        [this, index, endpoint, id, deleted, again](const ScimClient::Reply& reply) {
            if (reply.ok() || reply.outcome.status == 404) {
                deleted();
                settled(index, ChangeOutcome::Done);
            } else if (reply.outcome.status == 412 && !again) {
                reread(index, endpoint, id,
                       [this, index, endpoint, id, deleted] { deleteResource(index, endpoint, id, deleted, true); });
            } else {
                refused(index, reply);
            }
        },
        ifMatch(id));
}

void ScimWriter::reread(qsizetype index, const QString& endpoint, const QString& id, std::function<void()> then)
{
    m_client->get(idPath(endpoint, id), {{u"attributes"_s, u"id"_s}},
                  [this, index, id, then](const ScimClient::Reply& reply) {
                      if (!reply.ok()) {
                          refused(index, reply); // a 404: gone meanwhile, refused for this one
                          return;
                      }
                      keepVersion(id, reply);
                      then();
                  });
}

// --- groups

void ScimWriter::lookUpGroup(const QString& name, Found found)
{
    if (!m_service.filter) {
        found(std::nullopt, nullptr);
        return;
    }
    m_client->get(m_service.groupsEndpoint,
                  {{u"filter"_s, ScimResources::displayNameFilter(name)},
                   {u"attributes"_s, u"id,displayName"_s},
                   {u"count"_s, u"10"_s}},
                  [name, found](const ScimClient::Reply& reply) {
                      if (!reply.ok()) {
                          found(std::nullopt, &reply);
                          return;
                      }
                      for (const QJsonValue resource : reply.json[u"Resources"_s].toArray()) {
                          if (nameKey(resource[u"displayName"_s].toString()) == nameKey(name)) {
                              found(resource.toObject(), nullptr);
                              return;
                          }
                      }
                      found(std::nullopt, nullptr);
                  });
}

void ScimWriter::addGroup(qsizetype index, const Change& change)
{
    const QString name = change.key;
    // Linked before it is made: a crash after the service made it must not leave it unowned.
    m_journal->link(Object::Group, TargetLinks::groupKey(name), change.externalId);
    const auto fail = [this, index, change, name](const ScimClient::Reply& reply) {
        m_journal->unlink(Object::Group, TargetLinks::groupKey(name));
        failedToCreate(change);
        refused(index, reply);
    };
    lookUpGroup(
        name, [this, index, change, name, fail](std::optional<QJsonObject> resource, const ScimClient::Reply* failure) {
            if (failure) {
                fail(*failure);
                return;
            }
            if (resource) {
                groupCreated(index, change, (*resource)[u"id"_s].toString());
                return;
            }
            m_client->create(m_service.groupsEndpoint,
                             QJsonDocument(ScimResources::group(name, change.externalId, m_service)),
                             [this, index, change, name, fail](const ScimClient::Reply& reply) {
                                 const QString id = reply.json[u"id"_s].toString();
                                 if (reply.ok() && !id.isEmpty()) {
                                     groupCreated(index, change, id); // member PATCHes send no If-Match
                                     return;
                                 }
                                 if (reply.outcome.cancelled) {
                                     fail(reply);
                                     return;
                                 }
                                 // Made meanwhile (409), or not known whether this call made it: look again.
                                 lookUpGroup(name,
                                             [this, index, change, reply, fail](std::optional<QJsonObject> again,
                                                                                const ScimClient::Reply* failure) {
                                                 if (again && !failure) {
                                                     groupCreated(index, change, (*again)[u"id"_s].toString());
                                                 } else {
                                                     fail(reply);
                                                 }
                                             });
                             });
        });
}

void ScimWriter::groupCreated(qsizetype index, const Change& change, const QString& id)
{
    m_known.groupIds.insert(nameKey(change.key), id);
    createdGroup(change, id);
    settled(index, ChangeOutcome::Done);
}

void ScimWriter::deleteGroup(qsizetype index, const Change& change)
{
    // By name: a rollback's plan knows the group by the id it had when the run was planned.
    QString id = groupIdOf(change.key);
    if (id.isEmpty()) {
        id = change.localId;
    }
    deleteResource(
        index, m_service.groupsEndpoint, id,
        [this, change] { m_journal->unlink(Object::Group, TargetLinks::groupKey(change.key)); }, false);
}

// --- memberships

int ScimWriter::memberBatch() const
{
    return ScimResources::membersPerPatch;
}

void ScimWriter::changeMembers(const QString& groupId, const QStringList& add, const QStringList& remove,
                               ScimClient::Done done)
{
    if (!m_service.patch) {
        if (m_groupTurns.contains(groupId)) {
            m_groupTurns[groupId].append(
                [this, groupId, add, remove, done] { replaceMembers(groupId, add, remove, done, false); });
            return;
        }
        m_groupTurns.insert(groupId, {});
        replaceMembers(groupId, add, remove, std::move(done), false);
        return;
    }
    // A batch holds at most membersPerPatch members: one PATCH.
    const QJsonObject patch =
        add.isEmpty() ? ScimResources::removeMembers(remove).constFirst() : ScimResources::addMembers(add).constFirst();
    m_client->send("PATCH", idPath(m_service.groupsEndpoint, groupId), QJsonDocument(patch), std::move(done));
}

void ScimWriter::replaceMembers(const QString& groupId, const QStringList& add, const QStringList& remove,
                                ScimClient::Done done, bool again)
{
    const QString path = idPath(m_service.groupsEndpoint, groupId);
    m_client->get(path, {}, [this, groupId, path, add, remove, done, again](const ScimClient::Reply& current) {
        if (!current.ok()) {
            nextForGroup(groupId);
            done(current);
            return;
        }
        QJsonObject group = current.json.object();
        const QString version = group[u"meta"_s][u"version"_s].toString();
        group.remove(u"meta"_s);
        QJsonArray members;
        QSet<QString> present;
        for (const QJsonValue member : group[u"members"_s].toArray()) {
            const QString id = member[u"value"_s].toString();
            if (!remove.contains(id)) {
                members.append(QJsonObject{{u"value"_s, id}});
                present.insert(id);
            }
        }
        for (const QString& id : add) {
            if (!present.contains(id)) {
                members.append(QJsonObject{{u"value"_s, id}});
            }
        }
        group.insert(u"members"_s, members);
        m_client->send(
            "PUT", path, QJsonDocument(group),
            [this, groupId, add, remove, done, again](const ScimClient::Reply& reply) {
                if (reply.outcome.status == 412 && !again) {
                    replaceMembers(groupId, add, remove, done, true);
                    return;
                }
                nextForGroup(groupId);
                done(reply);
            },
            m_service.etag ? version.toUtf8() : QByteArray());
    });
}

void ScimWriter::nextForGroup(const QString& groupId)
{
    auto turns = m_groupTurns.find(groupId);
    if (turns == m_groupTurns.end()) {
        return;
    }
    if (turns->isEmpty()) {
        m_groupTurns.erase(turns);
        return;
    }
    const std::function<void()> next = turns->takeFirst();
    next();
}

void ScimWriter::addMember(qsizetype index, const QString& key, const QString& username, const QString& group)
{
    addMembers({{index, key, username}}, group);
}

void ScimWriter::addMembers(const QList<Member>& members, const QString& group)
{
    const QString groupId = groupIdOf(group);
    if (groupId.isEmpty()) {
        for (const Member& member : members) {
            record(member.index, ChangeOutcome::Failed,
                   tr("Not added: the group “%1” is not in %2.").arg(group, m_productName));
        }
        callEnded();
        return;
    }
    QStringList ids;
    for (const Member& member : members) {
        ids << member.key;
    }
    changeMembers(groupId, ids, {}, [this, members](const ScimClient::Reply& reply) {
        if (reply.ok()) {
            settledAll(members, ChangeOutcome::Done);
        } else if (members.size() == 1) {
            refused(members.constFirst().index, reply);
        } else {
            refusedAll(members, reply);
        }
    });
}

void ScimWriter::removeMember(qsizetype index, const QString& key, const QString& username, const QString& group)
{
    Q_UNUSED(username)
    const QString groupId = groupIdOf(group);
    const auto removed = [this, index, key, group] {
        m_journal->unlink(Object::Membership, TargetLinks::membershipKey(key, group));
        settled(index, ChangeOutcome::Done);
    };
    if (groupId.isEmpty()) {
        removed(); // the group is gone, and its members with it
        return;
    }
    changeMembers(groupId, {}, {key}, [this, index, removed](const ScimClient::Reply& reply) {
        if (reply.ok() || isNoTarget(reply) || reply.outcome.status == 404) {
            removed();
        } else {
            refused(index, reply);
        }
    });
}

#include "LdapWriter.h"

#include "model/NameKey.h"
#include "targets/RunJournal.h"
#include "targets/TargetLinks.h"
#include "targets/bitbucket/BitbucketAccess.h"
#include "targets/ldap/LdapNames.h"

#include <QSet>

#include <ldap.h>

using namespace Qt::StringLiterals;

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

QList<QByteArray> utf8(const QStringList& values)
{
    QList<QByteArray> list;
    list.reserve(values.size());
    for (const QString& value : values) {
        list.append(value.toUtf8());
    }
    return list;
}

// What inetOrgPerson requires and the applications show where displayName is empty.
QString fullName(const QString& first, const QString& last, const QString& display, const QString& username)
{
    if (!display.trimmed().isEmpty()) {
        return display.trimmed();
    }
    const QString name = QString(first.trimmed() + u' ' + last.trimmed()).trimmed();
    return name.isEmpty() ? username : name;
}

LdapResult success()
{
    return {};
}

} // namespace

LdapWriter::LdapWriter(LdapClient* client, LdapEntries entries, RunJournal* journal,
                       std::shared_ptr<const ChangeSet> plan, QObject* parent)
    : ApplicationWriter(u"LDAP"_s, client->config().http.maxInFlight, journal, std::move(plan), parent)
    , m_client(client)
    , m_settings(client->config().ldap)
    , m_member(m_settings.memberAttribute.toUtf8())
{
    m_userDns.reserve(entries.userDns.size());
    for (const auto& [id, dn] : std::as_const(entries.userDns)) {
        m_userDns.insert(id, dn);
    }
    for (auto it = entries.groups.cbegin(); it != entries.groups.cend(); ++it) {
        Group group;
        group.dn = it->dn;
        group.values = it->values;
        group.placeholder = it->placeholder;
        m_groups.insert(it.key(), group);
    }
}

void LdapWriter::settle(qsizetype index, const LdapResult& result, const QString& what)
{
    if (result.ok()) {
        settled(index, ChangeOutcome::Done);
    } else if (result.isPerObject()) {
        settled(index, ChangeOutcome::Failed, tr("The LDAP server refused to %1: %2").arg(what, result.text()));
    } else {
        // Whether the server did it is not known: the change stays pending, and the apply stops.
        stopWith(m_client->errorOf(result, what));
        callEnded();
    }
}

QString LdapWriter::userDn(const QString& username) const
{
    return LdapNames::rdn(m_settings.usernameAttribute, username) + u',' + m_settings.usersBase;
}

LdapWriter::Group& LdapWriter::groupNamed(const QString& name)
{
    const QString key = nameKey(name);
    auto found = m_groups.find(key);
    if (found == m_groups.end()) {
        Group group;
        group.dn = LdapNames::rdn(m_settings.groupNameAttribute, name) + u',' + m_settings.groupsBase;
        group.exists = false;
        found = m_groups.insert(key, group);
    }
    found->name = name;
    return *found;
}

QList<LdapChange> LdapWriter::newUser(const Change& change) const
{
    const QString username =
        after(change.fields, u"username"_s).isEmpty() ? change.key : after(change.fields, u"username"_s);
    const QString first = after(change.fields, u"firstName"_s);
    const QString last = after(change.fields, u"lastName"_s);
    const QString display = after(change.fields, u"displayName"_s);
    const QString email = after(change.fields, u"email"_s);
    QList<LdapChange> attributes{
        {LdapChange::Op::Add, QByteArrayLiteral("objectClass"), utf8(m_settings.userObjectClasses)},
        {LdapChange::Op::Add, m_settings.usernameAttribute.toUtf8(), {username.toUtf8()}},
        {LdapChange::Op::Add,
         m_settings.fullNameAttribute.toUtf8(),
         {fullName(first, last, display, username).toUtf8()}},
        {LdapChange::Op::Add,
         m_settings.lastNameAttribute.toUtf8(),
         {(last.trimmed().isEmpty() ? username : last).toUtf8()}},
    };
    const std::pair<QString, QString> optional[] = {
        {m_settings.firstNameAttribute, first},
        {m_settings.emailAttribute, email},
        {m_settings.displayNameAttribute, display},
    };
    for (const auto& [attribute, value] : optional) {
        if (!value.isEmpty()) {
            attributes.append({LdapChange::Op::Add, attribute.toUtf8(), {value.toUtf8()}});
        }
    }
    return attributes;
}

void LdapWriter::addUser(qsizetype index, const Change& change)
{
    const QString username =
        after(change.fields, u"username"_s).isEmpty() ? change.key : after(change.fields, u"username"_s);
    const QString dn = userDn(username);
    const QList<LdapChange> attributes = newUser(change);
    m_client->add(
        dn, attributes,
        [this, index, change, dn](const LdapResult& result) {
            if (!result.ok() && result.code != LDAP_ALREADY_EXISTS) {
                failedToCreate(change);
                settle(index, result, tr("create %1").arg(dn));
                return;
            }
            // There already (made meanwhile by someone else, or by a run that stopped before its
            // answer was recorded): the entry of that name is the user; it is adopted and given what
            // the change says.
            const bool adopt = !result.ok();
            const auto linked = [this, index, change, dn, adopt](const QString& id) {
                created(change, id);
                if (!adopt) {
                    // Its DN follows from its username (nothing kept for 100,000 new users); its
                    // access comes with the other new users', once all are made, and settles it.
                    const QStringList groups = BitbucketAccess::fromText(after(change.fields, u"access"_s)).groups;
                    if (groups.isEmpty()) {
                        settled(index, ChangeOutcome::Done);
                        return;
                    }
                    for (const QString& group : groups) {
                        m_toGrant[group].append(index);
                    }
                    if (m_grantsLeft.empty()) {
                        m_grantsLeft.resize(size_t(m_plan->changes.size()), 0);
                    }
                    m_grantsLeft[size_t(index)] = quint8(std::min<qsizetype>(groups.size(), 255));
                    deferred();
                    return;
                }
                m_userDns.insert(id, dn);
                QList<Step> steps;
                QList<FieldChange> fields = change.fields;
                fields.removeIf([](const FieldChange& field) { return field.field == u"username"_s; });
                steps.append(attributesStep(fields, id));
                steps.append(accessStep(change.fields, id));
                runSteps(steps, [this, index, dn](const LdapResult& outcome) {
                    settle(index, outcome, tr("give %1 its attributes and access").arg(dn));
                });
            };
            if (!result.readId.isEmpty()) {
                linked(result.readId);
                return;
            }
            // No post-read (or an adoption): the id read from the entry.
            auto id = std::make_shared<QString>();
            m_client->search(
                dn, LdapClient::Scope::Base, u"(objectClass=*)"_s, {m_settings.idAttribute.toUtf8()},
                [this, id](const LdapEntry& entry) { *id = entry.first(m_settings.idAttribute.toUtf8()); },
                [this, index, change, dn, id, linked](const LdapResult& read) {
                    if (read.ok() && !id->isEmpty()) {
                        linked(*id);
                        return;
                    }
                    failedToCreate(change);
                    settle(index,
                           read.ok() ? LdapResult{LDAP_NO_SUCH_ATTRIBUTE, m_settings.idAttribute, {}, false} : read,
                           tr("read the %1 of %2").arg(m_settings.idAttribute, dn));
                });
        },
        m_settings.idAttribute.toUtf8());
}

void LdapWriter::updateUser(qsizetype index, const Change& change, const QString& key)
{
    const QString dn = dnOf(key);
    if (dn.isEmpty()) {
        settled(index, ChangeOutcome::Failed, tr("The user's LDAP entry is gone."));
        return;
    }
    QList<Step> steps;
    const FieldChange* username = fieldOf(change.fields, u"username"_s);
    if (username && !username->after.isEmpty() && username->after != username->before) {
        const QString newName = username->after;
        steps.append([this, key, newName](Done next) {
            const QString oldDn = dnOf(key);
            const QString newRdn = LdapNames::rdn(m_settings.usernameAttribute, newName);
            const QString parent = LdapNames::parent(oldDn);
            const QString newDn = newRdn + u',' + parent;
            m_client->rename(oldDn, newRdn, [this, key, oldDn, newDn, next](const LdapResult& renamed) {
                if (!renamed.ok()) {
                    next(renamed);
                    return;
                }
                m_userDns.insert(key, newDn);
                // Without the refint overlay nothing else follows the rename: every group that named
                // the old DN is given the new one in the modify that takes the old one away.
                groupsOf(oldDn, [this, oldDn, newDn, next](const QStringList& names, const LdapResult& found) {
                    if (!found.ok()) {
                        next(found);
                        return;
                    }
                    QList<Step> rewrites;
                    for (const QString& name : names) {
                        rewrites.append([this, name, oldDn, newDn](Done rewritten) {
                            changeMembers(name, {newDn}, {oldDn}, rewritten);
                        });
                    }
                    runSteps(rewrites, next);
                });
            });
        });
    }
    steps.append(attributesStep(change.fields, key));
    steps.append(accessStep(change.fields, key));
    runSteps(steps, [this, index, dn](const LdapResult& result) { settle(index, result, tr("change %1").arg(dn)); });
}

LdapWriter::Step LdapWriter::attributesStep(const QList<FieldChange>& fields, const QString& key)
{
    const std::pair<QString, QString> mapped[] = {
        {u"email"_s, m_settings.emailAttribute},
        {u"firstName"_s, m_settings.firstNameAttribute},
        {u"lastName"_s, m_settings.lastNameAttribute},
        {u"displayName"_s, m_settings.displayNameAttribute},
    };
    QList<std::pair<QString, QString>> changed; // attribute, new value
    bool names = false;
    for (const auto& [field, attribute] : mapped) {
        if (const FieldChange* change = fieldOf(fields, field)) {
            changed.append({attribute, change->after});
            names = names || field != u"email"_s;
        }
    }
    if (changed.isEmpty()) {
        return {};
    }
    return [this, key, changed, names](Done next) {
        const QString dn = dnOf(key);
        if (!names) {
            QList<LdapChange> changes;
            for (const auto& [attribute, value] : changed) {
                changes.append({LdapChange::Op::Replace, attribute.toUtf8(),
                                value.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{value.toUtf8()}});
            }
            m_client->modify(dn, changes, next);
            return;
        }
        // The full name (cn) follows the names, and needs those that did not change: read first.
        const QList<QByteArray> wanted{m_settings.usernameAttribute.toUtf8(), m_settings.firstNameAttribute.toUtf8(),
                                       m_settings.lastNameAttribute.toUtf8(), m_settings.displayNameAttribute.toUtf8()};
        auto current = std::make_shared<QHash<QString, QString>>();
        m_client->search(
            dn, LdapClient::Scope::Base, u"(objectClass=*)"_s, wanted,
            [current, wanted](const LdapEntry& entry) {
                for (const QByteArray& attribute : wanted) {
                    current->insert(QString::fromUtf8(attribute).toLower(), entry.first(attribute));
                }
            },
            [this, dn, changed, current, next](const LdapResult& read) {
                if (!read.ok()) {
                    next(read);
                    return;
                }
                QHash<QString, QString> values = *current;
                for (const auto& [attribute, value] : changed) {
                    values.insert(attribute.toLower(), value);
                }
                const auto valueOf = [&values](const QString& attribute) { return values.value(attribute.toLower()); };
                const QString username = valueOf(m_settings.usernameAttribute);
                QList<LdapChange> changes;
                for (const auto& [attribute, value] : changed) {
                    QString written = value;
                    if (attribute == m_settings.lastNameAttribute && written.trimmed().isEmpty()) {
                        written = username; // required
                    }
                    changes.append({LdapChange::Op::Replace, attribute.toUtf8(),
                                    written.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{written.toUtf8()}});
                }
                const QString full =
                    fullName(valueOf(m_settings.firstNameAttribute), valueOf(m_settings.lastNameAttribute),
                             valueOf(m_settings.displayNameAttribute), username);
                changes.append({LdapChange::Op::Replace, m_settings.fullNameAttribute.toUtf8(), {full.toUtf8()}});
                m_client->modify(dn, changes, next);
            });
    };
}

LdapWriter::Step LdapWriter::accessStep(const QList<FieldChange>& fields, const QString& key)
{
    const FieldChange* access = fieldOf(fields, u"access"_s);
    if (!access) {
        return {};
    }
    const QStringList taken = BitbucketAccess::fromText(access->before).groups;
    const QStringList given = BitbucketAccess::fromText(access->after).groups;
    return [this, key, taken, given](Done next) {
        const QString dn = dnOf(key);
        QList<Step> steps;
        for (const QString& group : taken) {
            if (!given.contains(group, Qt::CaseInsensitive)) {
                steps.append([this, group, dn](Done done) { changeMembers(group, {}, {dn}, done); });
            }
        }
        for (const QString& group : given) {
            if (!taken.contains(group, Qt::CaseInsensitive)) {
                steps.append([this, group, dn](Done done) { changeMembers(group, {dn}, {}, done); });
            }
        }
        runSteps(steps, next);
    };
}

void LdapWriter::runSteps(QList<Step> steps, Done then)
{
    steps.removeIf([](const Step& step) { return !step; });
    if (steps.isEmpty()) {
        then(success());
        return;
    }
    const Step step = steps.takeFirst();
    step([this, steps, then](const LdapResult& result) {
        if (!result.ok()) {
            then(result);
            return;
        }
        runSteps(steps, then);
    });
}

void LdapWriter::deleteUser(qsizetype index, const Change& change)
{
    const QString dn = dnOf(change.localId);
    if (dn.isEmpty()) {
        settled(index, ChangeOutcome::Done); // gone already
        return;
    }
    // Out of every group first, so that no group keeps a member that names nothing.
    groupsOf(dn, [this, index, change, dn](const QStringList& names, const LdapResult& found) {
        if (!found.ok()) {
            settle(index, found, tr("find the groups of %1").arg(dn));
            return;
        }
        QList<Step> steps;
        for (const QString& name : names) {
            steps.append([this, name, dn](Done done) { changeMembers(name, {}, {dn}, done); });
        }
        steps.append([this, dn](Done done) {
            m_client->remove(dn, [done](const LdapResult& removed) {
                done(removed.code == LDAP_NO_SUCH_OBJECT ? success() : removed);
            });
        });
        runSteps(steps, [this, index, change, dn](const LdapResult& result) {
            if (result.ok()) {
                m_userDns.remove(change.localId);
            }
            settle(index, result, tr("delete %1").arg(dn));
        });
    });
}

void LdapWriter::addGroup(qsizetype index, const Change& change)
{
    Group& group = groupNamed(change.key);
    if (group.exists) {
        settled(index, ChangeOutcome::Done); // made meanwhile (an access group given to a user)
        return;
    }
    const QString dn = group.dn;
    const QList<LdapChange> attributes{
        {LdapChange::Op::Add, QByteArrayLiteral("objectClass"), {m_settings.groupObjectClass.toUtf8()}},
        {LdapChange::Op::Add, m_settings.groupNameAttribute.toUtf8(), {change.key.toUtf8()}},
        {LdapChange::Op::Add, m_member, {m_settings.placeholderMember.toUtf8()}},
    };
    const QString key = nameKey(change.key);
    // Linked before it is made: a crash after the server made it must not leave it unowned.
    m_journal->link(Change::Object::Group, TargetLinks::groupKey(change.key), change.externalId);
    m_client->add(
        dn, attributes,
        [this, index, change, key, dn](const LdapResult& result) {
            if (result.ok() || result.code == LDAP_ALREADY_EXISTS) {
                Group& group = m_groups[key];
                group.exists = true;
                if (result.ok()) {
                    group.values = 1;
                    group.placeholder = true;
                    if (!result.readId.isEmpty()) {
                        createdGroup(change, result.readId);
                    }
                } else {
                    group.values = -1; // made by someone else: read when it is changed
                }
                settled(index, ChangeOutcome::Done);
                return;
            }
            m_journal->unlink(Change::Object::Group, TargetLinks::groupKey(change.key));
            failedToCreate(change);
            settle(index, result, tr("create the group %1").arg(dn));
        },
        m_settings.idAttribute.toUtf8());
}

void LdapWriter::deleteGroup(qsizetype index, const Change& change)
{
    const QString key = nameKey(change.key);
    const auto found = m_groups.constFind(key);
    if (found == m_groups.cend() || !found->exists) {
        settled(index, ChangeOutcome::Done);
        return;
    }
    const QString dn = found->dn;
    m_client->remove(dn, [this, index, key, dn](const LdapResult& result) {
        if (result.ok() || result.code == LDAP_NO_SUCH_OBJECT) {
            m_groups.remove(key);
            settled(index, ChangeOutcome::Done);
            return;
        }
        settle(index, result, tr("delete the group %1").arg(dn));
    });
}

void LdapWriter::addMember(qsizetype index, const QString& key, const QString& username, const QString& group)
{
    changeMembers(group, {dnOf(key, username)}, {}, [this, index, username, group](const LdapResult& result) {
        settle(index, result, tr("add %1 to %2").arg(username, group));
    });
}

void LdapWriter::addMembers(const QList<Member>& members, const QString& group)
{
    QStringList dns;
    dns.reserve(members.size());
    for (const Member& member : members) {
        dns.append(dnOf(member.key, member.username));
    }
    changeMembers(group, dns, {}, [this, members, group](const LdapResult& result) {
        if (result.ok()) {
            settledAll(members, ChangeOutcome::Done);
        } else if (result.isPerObject()) {
            const QString error = tr("The LDAP server refused to add it to %1: %2").arg(group, result.text());
            for (const Member& member : members) {
                record(member.index, ChangeOutcome::Failed, error);
            }
            callEnded();
        } else {
            stopWith(m_client->errorOf(result, tr("add members to %1").arg(group)));
            callEnded();
        }
    });
}

void LdapWriter::usersSaved(std::function<void()> next)
{
    const QHash<QString, QList<qsizetype>> toGrant = std::exchange(m_toGrant, {});
    auto chunksLeft = std::make_shared<int>(0);
    for (const QList<qsizetype>& users : toGrant) {
        *chunksLeft += int((users.size() + memberBatch() - 1) / memberBatch());
    }
    if (*chunksLeft == 0) {
        next();
        return;
    }
    for (auto it = toGrant.cbegin(); it != toGrant.cend(); ++it) {
        const QString group = it.key();
        for (qsizetype from = 0; from < it->size(); from += memberBatch()) {
            const QList<qsizetype> chunk = it->mid(from, memberBatch());
            QStringList dns;
            dns.reserve(chunk.size());
            for (const qsizetype index : chunk) {
                const Change& change = m_plan->changes.at(index);
                const QString username = after(change.fields, u"username"_s);
                dns.append(userDn(username.isEmpty() ? change.key : username));
            }
            changeMembers(group, dns, {}, [this, group, chunk, chunksLeft, next](const LdapResult& result) {
                if (!result.ok() && !result.isPerObject()) {
                    stopWith(m_client->errorOf(result, tr("put the new users into %1").arg(group)));
                }
                for (const qsizetype index : chunk) {
                    if (!result.ok()) {
                        m_grantErrors.insert(
                            index,
                            tr("Created, but not given access through the group %1: %2").arg(group, result.text()));
                    }
                    if (--m_grantsLeft[size_t(index)] > 0) {
                        continue;
                    }
                    if (stopping() && !result.ok()) {
                        abandonDeferred(); // whether the server did it is not known: pending
                    } else {
                        const QString error = m_grantErrors.take(index);
                        recordDeferred(index, error.isEmpty() ? ChangeOutcome::Done : ChangeOutcome::Failed, error);
                    }
                }
                if (--*chunksLeft == 0) {
                    next();
                }
            });
        }
    }
}

void LdapWriter::removeMember(qsizetype index, const QString& key, const QString& username, const QString& group)
{
    const QString dn = dnOf(key);
    if (dn.isEmpty()) {
        settled(index, ChangeOutcome::Done); // the user's entry is gone, and with it the membership
        return;
    }
    changeMembers(group, {}, {dn}, [this, index, username, group](const LdapResult& result) {
        settle(index, result, tr("take %1 out of %2").arg(username, group));
    });
}

void LdapWriter::groupsOf(const QString& dn,
                          std::function<void(const QStringList& names, const LdapResult& result)> found)
{
    const QString filter = u"(&(objectClass=%1)(%2=%3))"_s.arg(LdapNames::filterValue(m_settings.groupObjectClass),
                                                               m_settings.memberAttribute, LdapNames::filterValue(dn));
    auto names = std::make_shared<QStringList>();
    const QByteArray nameAttribute = m_settings.groupNameAttribute.toUtf8();
    m_client->search(
        m_settings.groupsBase, LdapClient::Scope::Subtree, filter, {nameAttribute},
        [this, names, nameAttribute](const LdapEntry& entry) {
            const QString name = entry.first(nameAttribute);
            Group& group = groupNamed(name);
            if (!group.exists) {
                group.exists = true;
                group.dn = entry.dn();
                group.values = -1;
            }
            names->append(name);
        },
        [names, found](const LdapResult& result) { found(*names, result); });
}

void LdapWriter::changeMembers(const QString& groupName, const QStringList& add, const QStringList& remove, Done done)
{
    const QString key = nameKey(groupName);
    Group& group = groupNamed(groupName);
    if (group.busy) {
        group.waiting.append([this, groupName, add, remove, done] { changeMembers(groupName, add, remove, done); });
        return;
    }
    group.busy = true;
    const auto finished = [this, key, done](const LdapResult& result) {
        release(key);
        done(result);
    };
    if (!group.exists) {
        if (add.isEmpty()) {
            finished(success()); // nobody to take out of a group that is not there
            return;
        }
        // An access group not made yet: made now, with its first members.
        const QList<LdapChange> attributes{
            {LdapChange::Op::Add, QByteArrayLiteral("objectClass"), {m_settings.groupObjectClass.toUtf8()}},
            {LdapChange::Op::Add, m_settings.groupNameAttribute.toUtf8(), {groupName.toUtf8()}},
            {LdapChange::Op::Add, m_member, utf8(add)},
        };
        m_client->add(group.dn, attributes, [this, key, add, remove, finished](const LdapResult& result) {
            Group& made = m_groups[key];
            if (result.code == LDAP_ALREADY_EXISTS) {
                made.exists = true;
                rereadGroup(key, add, remove, finished);
                return;
            }
            if (result.ok()) {
                made.exists = true;
                made.values = int(add.size());
            }
            finished(result);
        });
        return;
    }
    if (group.values < 0) {
        rereadGroup(key, add, remove, finished);
        return;
    }
    sendMembers(key, add, remove, finished, false);
}

void LdapWriter::sendMembers(const QString& key, const QStringList& add, const QStringList& remove, Done done,
                             bool again)
{
    const Group& group = m_groups[key];
    QList<LdapChange> changes;
    int values = group.values + int(add.size()) - int(remove.size());
    bool placeholder = group.placeholder;
    if (!add.isEmpty()) {
        changes.append({LdapChange::Op::Add, m_member, utf8(add)});
    }
    if (!remove.isEmpty()) {
        changes.append({LdapChange::Op::Delete, m_member, utf8(remove)});
    }
    if (placeholder && values > 1) {
        changes.append({LdapChange::Op::Delete, m_member, {m_settings.placeholderMember.toUtf8()}});
        placeholder = false;
        --values;
    } else if (values <= 0) {
        changes.append({LdapChange::Op::Add, m_member, {m_settings.placeholderMember.toUtf8()}});
        placeholder = true;
        values = 1;
    }
    m_client->modify(group.dn, changes,
                     [this, key, add, remove, done, again, values, placeholder](const LdapResult& result) {
                         if (result.ok()) {
                             Group& changed = m_groups[key];
                             changed.values = values;
                             changed.placeholder = placeholder;
                             done(result);
                             return;
                         }
                         // The group is not what the read said (someone changed it meanwhile): read it
                         // and send what is still to do, once.
                         const bool stale = result.code == LDAP_TYPE_OR_VALUE_EXISTS
                             || result.code == LDAP_NO_SUCH_ATTRIBUTE || result.code == LDAP_OBJECT_CLASS_VIOLATION;
                         if (stale && !again) {
                             rereadGroup(key, add, remove, done);
                             return;
                         }
                         done(result);
                     });
}

void LdapWriter::rereadGroup(const QString& key, const QStringList& add, const QStringList& remove, Done done)
{
    auto members = std::make_shared<QSet<QString>>();
    auto count = std::make_shared<int>(0);
    const QString dn = m_groups.value(key).dn;
    m_client->search(
        dn, LdapClient::Scope::Base, u"(objectClass=*)"_s, {m_member},
        [this, members, count](const LdapEntry& entry) {
            const QList<QByteArray> values = entry.values(m_member);
            *count = int(values.size());
            for (const QByteArray& value : values) {
                members->insert(LdapNames::comparable(QString::fromUtf8(value)));
            }
        },
        [this, key, add, remove, done, members, count](const LdapResult& read) {
            if (!read.ok()) {
                done(read);
                return;
            }
            Group& group = m_groups[key];
            group.values = *count;
            group.placeholder = members->contains(LdapNames::comparable(m_settings.placeholderMember));
            QStringList toAdd;
            for (const QString& dn : add) {
                if (!members->contains(LdapNames::comparable(dn))) {
                    toAdd.append(dn);
                }
            }
            QStringList toRemove;
            for (const QString& dn : remove) {
                if (members->contains(LdapNames::comparable(dn))) {
                    toRemove.append(dn);
                }
            }
            if (toAdd.isEmpty() && toRemove.isEmpty()) {
                done(success());
                return;
            }
            sendMembers(key, toAdd, toRemove, done, true);
        });
}

void LdapWriter::release(const QString& key)
{
    Group& group = m_groups[key];
    group.busy = false;
    if (!group.waiting.isEmpty()) {
        const std::function<void()> next = group.waiting.takeFirst();
        next();
    }
}

#include "Planner.h"

#include "model/NameKey.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

const auto anonymizedPrefix = u"anonymized-"_s;

// A Keycloak user as the directory should hold it, after the attribute mapping.
struct Desired
{
    qint32 source = -1;
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    QString displayName;
    bool active = true;
    QJsonObject attributes;
    QString usernameKey;
    QString emailKey;
};

QString field(const User& user, const QString& name)
{
    if (name == u"username"_s) {
        return user.username;
    }
    if (name == u"email"_s) {
        return user.email;
    }
    if (name == u"firstName"_s) {
        return user.firstName;
    }
    if (name == u"lastName"_s) {
        return user.lastName;
    }
    if (name.startsWith(u"attr:"_s)) {
        return user.attributes.value(name.mid(5)).value(0);
    }
    return {};
}

// "attr:uid|username": the first alternative that is not empty.
QString resolve(const QString& expression, const User& user)
{
    for (const QString& alternative : expression.split(u'|')) {
        const QString value = field(user, alternative.trimmed()).trimmed();
        if (!value.isEmpty()) {
            return value;
        }
    }
    return {};
}

QString applyTemplate(const QString& text, const User& user)
{
    static const QRegularExpression placeholder(u"\\{([^}]+)\\}"_s);
    QString result;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += text.mid(last, match.capturedStart() - last) + resolve(match.captured(1), user);
        last = match.capturedEnd();
    }
    result += text.mid(last);
    return result.simplified();
}

QString attributesText(const QJsonObject& attributes)
{
    return attributes.isEmpty() ? QString()
                                : QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact));
}

QString activeText(bool active)
{
    return active ? u"true"_s : u"false"_s;
}

void addField(QList<FieldChange>& fields, const QString& name, const QString& before, const QString& after)
{
    if (before != after) {
        fields.append({name, before, after});
    }
}

QList<FieldChange> userDiff(const LocalUser& local, const Desired& desired)
{
    QList<FieldChange> fields;
    addField(fields, u"username"_s, local.username, desired.username);
    addField(fields, u"email"_s, local.email, desired.email);
    addField(fields, u"firstName"_s, local.firstName, desired.firstName);
    addField(fields, u"lastName"_s, local.lastName, desired.lastName);
    addField(fields, u"displayName"_s, local.displayName, desired.displayName);
    addField(fields, u"active"_s, activeText(local.active), activeText(desired.active));
    addField(fields, u"attributes"_s, attributesText(local.attributes), attributesText(desired.attributes));
    return fields;
}

// Every field a user has, as "before" (for a delete) or "after" (for an add).
QList<FieldChange> userFields(const LocalUser& user, bool asBefore)
{
    QList<FieldChange> fields;
    const auto add = [&](const QString& name, const QString& value) {
        if (!value.isEmpty()) {
            fields.append(asBefore ? FieldChange{name, value, {}} : FieldChange{name, {}, value});
        }
    };
    add(u"username"_s, user.username);
    add(u"email"_s, user.email);
    add(u"firstName"_s, user.firstName);
    add(u"lastName"_s, user.lastName);
    add(u"displayName"_s, user.displayName);
    add(u"active"_s, activeText(user.active));
    add(u"attributes"_s, attributesText(user.attributes));
    add(u"externalId"_s, user.externalId);
    if (asBefore && user.createdAt > 0) {
        add(u"createdAt"_s, QString::number(user.createdAt)); // so that a rollback restores it too
    }
    return fields;
}

LocalUser asLocal(const Desired& desired)
{
    LocalUser user;
    user.username = desired.username;
    user.email = desired.email;
    user.firstName = desired.firstName;
    user.lastName = desired.lastName;
    user.displayName = desired.displayName;
    user.active = desired.active;
    user.attributes = desired.attributes;
    return user;
}

Change userChange(Action action, const QString& key, const QString& displayName, const QString& email,
                  const QString& localId, const QString& externalId)
{
    Change change;
    change.object = Object::User;
    change.action = action;
    change.key = key;
    change.displayName = displayName;
    change.email = email;
    change.localId = localId;
    change.externalId = externalId;
    return change;
}

struct GroupPlan
{
    bool synced = false;
    QString localId;
    QString name;
};

class Planning
{
    Q_DECLARE_TR_FUNCTIONS(Planner)

public:
    Planning(const DirectorySnapshot& snapshot, const DirectoryState& directory, const QString& connectorId,
             const SyncOptions& options, const std::function<QString()>& newId)
        : m_snapshot(snapshot)
        , m_directory(directory)
        , m_connectorId(connectorId)
        , m_options(options)
        , m_newId(newId)
    { }

    ChangeSet run()
    {
        m_result.connectorId = m_connectorId;
        m_result.plannedAt = QDateTime::currentDateTimeUtc();
        m_result.directoryFingerprint = m_directory.fingerprint;
        m_result.changes.reserve(m_snapshot.users.size() + m_snapshot.groups.size() + m_snapshot.memberships.size());
        indexDirectory();
        indexSnapshot();
        planGroups();
        planUsers();
        planMemberships();
        applyGuard();
        sortChanges();
        return std::move(m_result);
    }

    void indexDirectory()
    {
        for (qsizetype i = 0; i < m_directory.users.size(); ++i) {
            const LocalUser& user = m_directory.users.at(i);
            m_userById.insert(user.id, i);
            m_userByKey.insert(nameKey(user.username), i);
            if (user.originConnector == m_connectorId) {
                m_ownedUserByExternal.insert(user.externalId, i);
                ++m_result.usersOwnedBefore;
            } else if (user.originConnector.isEmpty() && !user.email.isEmpty()) {
                m_unownedByEmail.insert(nameKey(user.email), i);
            }
        }
        for (qsizetype i = 0; i < m_directory.groups.size(); ++i) {
            const LocalGroup& group = m_directory.groups.at(i);
            m_groupByKey.insert(nameKey(group.name), i);
            if (group.originConnector == m_connectorId) {
                m_ownedGroupByExternal.insert(group.externalId, i);
            }
        }
    }

    void indexSnapshot()
    {
        QHash<QString, qint32> groupIndex;
        for (qsizetype i = 0; i < m_snapshot.groups.size(); ++i) {
            groupIndex.insert(m_snapshot.groups.at(i).id, qint32(i));
        }
        m_parent.resize(m_snapshot.groups.size(), -1);
        for (qsizetype i = 0; i < m_snapshot.groups.size(); ++i) {
            m_parent[i] = groupIndex.value(m_snapshot.groups.at(i).parentId, -1);
        }
        m_userGroups.resize(m_snapshot.users.size());
        for (const Membership& membership : m_snapshot.memberships) {
            m_userGroups[membership.user].append(membership.group);
        }
    }

    // The group, and its ancestors when the options ask for them.
    QList<qint32> effectiveGroups(qint32 user) const
    {
        QList<qint32> groups = m_userGroups.at(user);
        if (m_options.includeAncestorGroups) {
            QSet<qint32> seen(groups.cbegin(), groups.cend());
            for (qsizetype i = 0; i < groups.size(); ++i) {
                const qint32 parent = m_parent.at(groups.at(i));
                if (parent >= 0 && !seen.contains(parent)) {
                    seen.insert(parent);
                    groups.append(parent);
                }
            }
        }
        return groups;
    }

    void planGroups()
    {
        const QRegularExpression pattern(m_options.groupPattern);
        m_groups.resize(m_snapshot.groups.size());
        QHash<QString, QList<qint32>> byKey;
        for (qsizetype i = 0; i < m_snapshot.groups.size(); ++i) {
            const Group& group = m_snapshot.groups.at(i);
            QString name;
            switch (m_options.groupNaming) {
            case SyncOptions::GroupNaming::Name:
                name = group.name;
                break;
            case SyncOptions::GroupNaming::LowerCase:
                name = group.name.toLower();
                break;
            case SyncOptions::GroupNaming::FullPath:
                name = group.path;
                break;
            case SyncOptions::GroupNaming::Replace:
                if (pattern.match(group.name).hasMatch()) {
                    name = QString(group.name).replace(pattern, m_options.groupReplacement);
                } else if (!m_options.dropUnmatchedGroups) {
                    name = group.name;
                }
                break;
            }
            if (name.trimmed().isEmpty()) {
                continue; // dropped by the mapping: not synced, on purpose
            }
            m_groups[i].name = name.trimmed();
            byKey[nameKey(m_groups[i].name)].append(qint32(i));
        }

        QSet<QString> seenLocal;
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            if (it.value().size() > 1) {
                // Never a silent merge: every group that maps to the name is reported and left out.
                QStringList paths;
                for (const qint32 i : it.value()) {
                    paths << m_snapshot.groups.at(i).path;
                }
                for (const qint32 i : it.value()) {
                    skipGroup(i,
                              tr("Keycloak groups %1 all map to the name “%2”; rename them or change the group "
                                 "mapping.")
                                  .arg(paths.join(u", "_s), m_groups[i].name),
                              seenLocal);
                }
                continue;
            }
            planGroup(it.value().first(), it.key(), seenLocal);
        }
        for (auto it = m_ownedGroupByExternal.cbegin(); it != m_ownedGroupByExternal.cend(); ++it) {
            const LocalGroup& local = m_directory.groups.at(it.value());
            if (seenLocal.contains(local.id)) {
                continue;
            }
            Change change = groupChange(Action::Delete, local.name, local.id, local.externalId);
            change.fields = {{u"name"_s, local.name, {}}, {u"path"_s, local.path, {}}};
            change.reason = tr("gone from Keycloak or no longer mapped");
            m_deletedGroups.insert(local.id);
            m_result.changes.append(change);
        }
    }

    Change groupChange(Action action, const QString& name, const QString& localId, const QString& externalId) const
    {
        Change change;
        change.object = Object::Group;
        change.action = action;
        change.key = name;
        change.localId = localId;
        change.externalId = externalId;
        return change;
    }

    void skipGroup(qint32 index, const QString& reason, QSet<QString>& seenLocal)
    {
        const Group& group = m_snapshot.groups.at(index);
        Change change = groupChange(Action::Skip, m_groups[index].name, {}, group.id);
        change.reason = reason;
        // A group we own that now conflicts is kept as it is, memberships included.
        if (const auto owned = m_ownedGroupByExternal.constFind(group.id); owned != m_ownedGroupByExternal.cend()) {
            const QString localId = m_directory.groups.at(owned.value()).id;
            seenLocal.insert(localId);
            m_frozenGroups.insert(localId);
            change.localId = localId;
        }
        m_result.changes.append(change);
    }

    void planGroup(qint32 index, const QString& key, QSet<QString>& seenLocal)
    {
        const Group& group = m_snapshot.groups.at(index);
        GroupPlan& plan = m_groups[index];
        const auto owned = m_ownedGroupByExternal.constFind(group.id);
        const auto byName = m_groupByKey.constFind(key);
        if (owned != m_ownedGroupByExternal.cend()) {
            const LocalGroup& local = m_directory.groups.at(owned.value());
            if (byName != m_groupByKey.cend() && byName.value() != owned.value()) {
                skipGroup(
                    index,
                    tr("renamed in Keycloak to “%1”, which another group of the directory already has").arg(plan.name),
                    seenLocal);
                return;
            }
            Change change = groupChange(Action::Unchanged, plan.name, local.id, group.id);
            addField(change.fields, u"name"_s, local.name, plan.name);
            addField(change.fields, u"path"_s, local.path, group.path);
            change.action = change.fields.isEmpty() ? Action::Unchanged : Action::Modify;
            accept(index, local.id, change, seenLocal);
            return;
        }
        if (byName != m_groupByKey.cend()) {
            const LocalGroup& local = m_directory.groups.at(byName.value());
            if (!local.originConnector.isEmpty() && local.originConnector != m_connectorId) {
                skipGroup(index, tr("a group named “%1” belongs to another connector").arg(plan.name), seenLocal);
                return;
            }
            // Unowned (made by hand), or ours under an id Keycloak no longer has: adopt it.
            Change change = groupChange(Action::Link, plan.name, local.id, group.id);
            addField(change.fields, u"name"_s, local.name, plan.name);
            addField(change.fields, u"path"_s, local.path, group.path);
            change.fields.append({u"externalId"_s, local.externalId, group.id});
            change.fields.append({u"origin"_s, local.originConnector, m_connectorId});
            accept(index, local.id, change, seenLocal);
            return;
        }
        Change change = groupChange(Action::Add, plan.name, m_newId(), group.id);
        change.fields = {{u"name"_s, {}, plan.name}, {u"path"_s, {}, group.path}};
        accept(index, change.localId, change, seenLocal);
    }

    void accept(qint32 index, const QString& localId, const Change& change, QSet<QString>& seenLocal)
    {
        m_groups[index].synced = true;
        m_groups[index].localId = localId;
        seenLocal.insert(localId);
        m_result.changes.append(change);
    }

    std::vector<bool> requiredEffective() const
    {
        std::vector<bool> required(m_snapshot.groups.size(), false);
        if (m_options.requiredGroups.isEmpty()) {
            return required;
        }
        QList<QRegularExpression> patterns;
        for (const QString& pattern : m_options.requiredGroups) {
            patterns << QRegularExpression::fromWildcard(pattern, Qt::CaseInsensitive);
        }
        const auto matches = [&patterns](const Group& group) {
            return std::any_of(patterns.cbegin(), patterns.cend(), [&group](const QRegularExpression& pattern) {
                return pattern.match(group.name).hasMatch() || pattern.match(group.path).hasMatch();
            });
        };
        // Membership counts through subgroups: a member of /A/B is in A's scope.
        for (qsizetype i = 0; i < m_snapshot.groups.size(); ++i) {
            for (qint32 g = qint32(i); g >= 0 && !required[i]; g = m_parent.at(g)) {
                required[i] = matches(m_snapshot.groups.at(g));
            }
        }
        return required;
    }

    void planUsers()
    {
        const std::vector<bool> required = requiredEffective();
        const bool filtering = !m_options.requiredGroups.isEmpty();
        QList<Desired> desired;
        desired.reserve(m_snapshot.users.size());
        QHash<QString, qsizetype> desiredByKey;
        QSet<QString> conflictingKeys;
        for (qsizetype i = 0; i < m_snapshot.users.size(); ++i) {
            const User& user = m_snapshot.users.at(i);
            if (filtering) {
                const QList<qint32>& groups = m_userGroups.at(i);
                if (std::none_of(groups.cbegin(), groups.cend(), [&required](qint32 g) { return required[g]; })) {
                    m_filteredOut.insert(user.id);
                    continue;
                }
            }
            Desired d;
            d.source = qint32(i);
            d.username = resolve(m_options.usernameSource, user);
            d.email = resolve(m_options.emailSource, user);
            d.firstName = resolve(m_options.firstNameSource, user);
            d.lastName = resolve(m_options.lastNameSource, user);
            d.displayName = applyTemplate(m_options.displayNameTemplate, user);
            if (d.displayName.isEmpty()) {
                d.displayName = d.username;
            }
            d.active = user.enabled;
            for (const QString& name : m_options.customAttributes) {
                if (user.attributes.contains(name)) {
                    d.attributes.insert(name, QJsonArray::fromStringList(user.attributes.value(name)));
                }
            }
            d.usernameKey = nameKey(d.username);
            d.emailKey = nameKey(d.email);
            if (d.username.isEmpty()) {
                Change change = userChange(Action::Skip, user.username, d.displayName, d.email, {}, user.id);
                change.reason = tr("no username after the attribute mapping (%1)").arg(m_options.usernameSource);
                keepOwned(user.id, change);
                m_result.changes.append(change);
                continue;
            }
            if (desiredByKey.contains(d.usernameKey)) {
                conflictingKeys.insert(d.usernameKey);
            }
            desiredByKey.insert(d.usernameKey, desired.size());
            desired.append(d);
        }

        // Three passes, so that the stronger match always wins: the Keycloak id of a user we own,
        // then the username, then (optionally) the email address, and only then a new user.
        QList<const Desired*> pending;
        for (const Desired& d : std::as_const(desired)) {
            const User& user = m_snapshot.users.at(d.source);
            if (conflictingKeys.contains(d.usernameKey)) {
                Change change = userChange(Action::Skip, d.username, d.displayName, d.email, {}, user.id);
                change.reason = tr("several Keycloak users map to the username “%1”").arg(d.username);
                keepOwned(user.id, change);
                m_result.changes.append(change);
            } else if (!planOwned(d, user)) {
                pending.append(&d);
            }
        }
        QList<const Desired*> unmatched;
        for (const Desired* d : std::as_const(pending)) {
            if (!planByUsername(*d, m_snapshot.users.at(d->source))) {
                unmatched.append(d);
            }
        }
        for (const Desired* d : std::as_const(unmatched)) {
            planByEmailOrAdd(*d, m_snapshot.users.at(d->source));
        }

        for (auto it = m_ownedUserByExternal.cbegin(); it != m_ownedUserByExternal.cend(); ++it) {
            const LocalUser& local = m_directory.users.at(it.value());
            if (!m_seenUsers.contains(local.id)) {
                cleanUp(local);
            }
        }
    }

    // An owned user that cannot be synced this time stays exactly as it is.
    void keepOwned(const QString& externalId, Change& change)
    {
        if (const auto owned = m_ownedUserByExternal.constFind(externalId); owned != m_ownedUserByExternal.cend()) {
            const QString localId = m_directory.users.at(owned.value()).id;
            m_seenUsers.insert(localId);
            m_frozenUsers.insert(localId);
            change.localId = localId;
        }
    }

    bool planOwned(const Desired& d, const User& user)
    {
        const auto owned = m_ownedUserByExternal.constFind(user.id);
        if (owned == m_ownedUserByExternal.cend()) {
            return false;
        }
        const LocalUser& local = m_directory.users.at(owned.value());
        const auto byName = m_userByKey.constFind(d.usernameKey);
        if (byName != m_userByKey.cend() && byName.value() != owned.value()) {
            Change change = userChange(Action::Skip, d.username, d.displayName, d.email, local.id, user.id);
            change.reason =
                tr("renamed in Keycloak to “%1”, which another user of the directory already has").arg(d.username);
            m_seenUsers.insert(local.id);
            m_frozenUsers.insert(local.id);
            m_result.changes.append(change);
            return true;
        }
        Change change = userChange(Action::Unchanged, d.username, d.displayName, d.email, local.id, user.id);
        change.fields = userDiff(local, d);
        if (!local.active && d.active) {
            change.action = Action::Reactivate;
        } else if (local.active && !d.active) {
            change.action = Action::Disable;
            change.reason = tr("disabled in Keycloak");
        } else if (!change.fields.isEmpty()) {
            change.action = Action::Modify;
        }
        acceptUser(d, local.id, change);
        return true;
    }

    bool planByUsername(const Desired& d, const User& user)
    {
        const auto byName = m_userByKey.constFind(d.usernameKey);
        if (byName == m_userByKey.cend()) {
            return false;
        }
        const LocalUser& local = m_directory.users.at(byName.value());
        QString conflict;
        if (!local.originConnector.isEmpty() && local.originConnector != m_connectorId) {
            conflict = tr("the username belongs to a user of another connector");
        } else if (m_seenUsers.contains(local.id)) {
            conflict = tr("the local user “%1” already stands for another Keycloak user").arg(local.username);
        }
        if (!conflict.isEmpty()) {
            Change change = userChange(Action::Skip, d.username, d.displayName, d.email, {}, user.id);
            change.reason = conflict;
            m_result.changes.append(change);
            return true;
        }
        // Unowned (made by hand or imported), or ours under an id Keycloak no longer has.
        link(d, user, local,
             local.originConnector == m_connectorId ? tr("re-created in Keycloak under the same username")
                                                    : tr("matched by username"));
        return true;
    }

    void planByEmailOrAdd(const Desired& d, const User& user)
    {
        if (m_options.matchByEmail && !d.emailKey.isEmpty()) {
            const QList<qsizetype> candidates = m_unownedByEmail.values(d.emailKey);
            if (candidates.size() == 1 && !m_seenUsers.contains(m_directory.users.at(candidates.first()).id)) {
                link(d, user, m_directory.users.at(candidates.first()), tr("matched by email"));
                return;
            }
            if (!candidates.isEmpty()) {
                Change change = userChange(Action::Skip, d.username, d.displayName, d.email, {}, user.id);
                change.reason = candidates.size() > 1
                    ? tr("%1 local users have the email address %2; link one by hand or remove the others")
                          .arg(candidates.size())
                          .arg(d.email)
                    : tr("the local user with the email address %1 already stands for another Keycloak user")
                          .arg(d.email);
                m_result.changes.append(change);
                return;
            }
        }
        Change change = userChange(Action::Add, d.username, d.displayName, d.email, m_newId(), user.id);
        change.fields = userFields(asLocal(d), false);
        change.fields.append({u"externalId"_s, {}, user.id});
        acceptUser(d, change.localId, change);
    }

    void link(const Desired& d, const User& user, const LocalUser& local, const QString& reason)
    {
        Change change = userChange(Action::Link, d.username, d.displayName, d.email, local.id, user.id);
        change.fields = userDiff(local, d);
        change.fields.append({u"externalId"_s, local.externalId, user.id});
        change.fields.append({u"origin"_s, local.originConnector, m_connectorId});
        change.reason = reason;
        acceptUser(d, local.id, change);
    }

    void acceptUser(const Desired& d, const QString& localId, const Change& change)
    {
        m_seenUsers.insert(localId);
        m_syncedUsers.append({d.source, localId, d.username});
        m_usernameOf.insert(localId, d.username);
        m_result.changes.append(change);
    }

    void cleanUp(const LocalUser& local)
    {
        const QString reason =
            m_filteredOut.contains(local.externalId) ? tr("not in the required groups") : tr("gone from Keycloak");
        Change change =
            userChange(Action::Unchanged, local.username, local.displayName, local.email, local.id, local.externalId);
        m_frozenUsers.insert(local.id);
        switch (m_options.cleanup) {
        case SyncOptions::Cleanup::Keep:
            break;
        case SyncOptions::Cleanup::Disable:
            if (local.active) {
                change.action = Action::Disable;
                change.fields = {{u"active"_s, u"true"_s, u"false"_s}};
                change.reason = reason;
            }
            break;
        case SyncOptions::Cleanup::Delete:
            change.action = Action::Delete;
            change.fields = userFields(local, true);
            change.reason = reason;
            m_frozenUsers.remove(local.id);
            m_deletedUsers.insert(local.id);
            break;
        case SyncOptions::Cleanup::Anonymize:
            if (!local.username.startsWith(anonymizedPrefix)) {
                change.action = Action::Anonymize;
                LocalUser pseudonym;
                pseudonym.username = anonymizedPrefix + local.id.left(8);
                pseudonym.displayName = tr("Anonymized user");
                pseudonym.active = false;
                change.fields = userDiff(
                    local, Desired{-1, pseudonym.username, {}, {}, {}, pseudonym.displayName, false, {}, {}, {}});
                change.reason = reason;
            }
            break;
        }
        m_result.changes.append(change);
    }

    // Memberships are compared as pairs of small numbers, one per user and group id: half a
    // million of them in hash sets of strings cost seconds and hundreds of megabytes.
    void planMemberships()
    {
        QHash<QString, qint32> userNumber;
        QHash<QString, qint32> groupNumber;
        const auto number = [](QHash<QString, qint32>& numbers, const QString& id) {
            const auto it = numbers.constFind(id);
            return it != numbers.cend() ? it.value() : *numbers.insert(id, qint32(numbers.size()));
        };
        const auto pair = [](qint32 user, qint32 group) { return (quint64(quint32(user)) << 32) | quint32(group); };

        QHash<QString, QString> groupName;
        for (const LocalGroup& group : m_directory.groups) {
            groupName.insert(group.id, group.name);
        }
        for (const GroupPlan& plan : std::as_const(m_groups)) {
            if (plan.synced) {
                groupName.insert(plan.localId, plan.name);
                number(groupNumber, plan.localId);
            }
        }
        QHash<quint64, const LocalMembership*> existing;
        existing.reserve(m_directory.memberships.size());
        for (const LocalMembership& membership : m_directory.memberships) {
            existing.insert(pair(number(userNumber, membership.userId), number(groupNumber, membership.groupId)),
                            &membership);
        }

        QSet<quint64> desired;
        QSet<qint32> synced;
        for (const auto& [source, localId, username] : std::as_const(m_syncedUsers)) {
            const qint32 user = number(userNumber, localId);
            synced.insert(user);
            for (const qint32 g : effectiveGroups(source)) {
                if (!m_groups.at(g).synced) {
                    continue;
                }
                const quint64 key = pair(user, groupNumber.value(m_groups.at(g).localId));
                if (!desired.contains(key)) {
                    desired.insert(key);
                    if (!existing.contains(key)) {
                        m_result.changes.append(
                            membership(Action::Add, localId, m_groups.at(g).localId, username, m_groups.at(g).name));
                    }
                }
            }
        }
        for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
            const LocalMembership& has = *it.value();
            bool remove = m_deletedUsers.contains(has.userId) || m_deletedGroups.contains(has.groupId);
            // Our memberships of a synced user follow Keycloak; a user kept, disabled or
            // skipped this time keeps the memberships it has.
            if (!remove && has.originConnector == m_connectorId && !m_frozenUsers.contains(has.userId)
                && !m_frozenGroups.contains(has.groupId) && synced.contains(qint32(it.key() >> 32))) {
                remove = !desired.contains(it.key());
            }
            if (remove) {
                QString username = m_usernameOf.value(has.userId);
                if (username.isEmpty()) {
                    username = m_directory.users.value(m_userById.value(has.userId, -1)).username;
                }
                Change change =
                    membership(Action::Remove, has.userId, has.groupId, username, groupName.value(has.groupId));
                change.fields = {{u"origin"_s, has.originConnector, {}}};
                m_result.changes.append(change);
            }
        }
    }

    static Change membership(Action action, const QString& userId, const QString& groupId, const QString& username,
                             const QString& groupName)
    {
        Change change;
        change.object = Object::Membership;
        change.action = action;
        change.key = username + u" → "_s + groupName;
        change.localId = userId;
        change.groupLocalId = groupId;
        // An added membership belongs to the connector (the plan's): no field list for half a million rows.
        return change;
    }

    void applyGuard()
    {
        const int removals = m_result.removals();
        const int owned = m_result.usersOwnedBefore;
        const bool overCount = removals > m_options.deletionLimitCount;
        const bool overPercent = owned > 0 && qint64(removals) * 100 > qint64(m_options.deletionLimitPercent) * owned;
        if (removals > 0 && (overCount || overPercent)) {
            m_result.deletionGuardTripped = true;
            m_result.deletionGuardReason =
                tr("The sync would disable, delete or anonymize %1 of the %2 users this connector manages (%3%), "
                   "more than the deletion limit of %4 users or %5%. Check the simulated report; if the removals are "
                   "intended, allow them once.")
                    .arg(removals)
                    .arg(owned)
                    .arg(owned > 0 ? qint64(removals) * 100 / owned : 100)
                    .arg(m_options.deletionLimitCount)
                    .arg(m_options.deletionLimitPercent);
        }
    }

    // Users, then groups, each by name; memberships stay in the order they were planned (by user).
    // Sorting compares precomputed lower-case keys: case-insensitive string comparison inside the
    // sort cost seconds for a hundred thousand users.
    void sortChanges()
    {
        QList<Change>& changes = m_result.changes;
        std::vector<std::pair<QString, qsizetype>> order;
        order.reserve(changes.size());
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const Change& change = changes.at(i);
            order.emplace_back(change.object == Object::Membership ? QString() : change.key.toLower(), i);
        }
        std::stable_sort(order.begin(), order.end(), [&changes](const auto& a, const auto& b) {
            const Object objectA = changes.at(a.second).object;
            const Object objectB = changes.at(b.second).object;
            if (objectA != objectB) {
                return objectA < objectB;
            }
            return a.first < b.first;
        });
        QList<Change> sorted;
        sorted.reserve(changes.size());
        for (const auto& entry : order) {
            sorted.append(std::move(changes[entry.second]));
        }
        changes = std::move(sorted);
    }

private:
    const DirectorySnapshot& m_snapshot;
    const DirectoryState& m_directory;
    const QString m_connectorId;
    const SyncOptions& m_options;
    const std::function<QString()>& m_newId;
    ChangeSet m_result;

    QHash<QString, qsizetype> m_userByKey;
    QHash<QString, qsizetype> m_userById;
    QHash<QString, qsizetype> m_ownedUserByExternal;
    QMultiHash<QString, qsizetype> m_unownedByEmail;
    QHash<QString, qsizetype> m_groupByKey;
    QHash<QString, qsizetype> m_ownedGroupByExternal;

    QList<qint32> m_parent;
    QList<QList<qint32>> m_userGroups;
    QList<GroupPlan> m_groups;

    QSet<QString> m_filteredOut; // Keycloak ids outside the required groups
    QSet<QString> m_seenUsers; // local ids this run has decided about
    QSet<QString> m_frozenUsers; // local ids whose memberships stay as they are
    QSet<QString> m_frozenGroups;
    QSet<QString> m_deletedUsers;
    QSet<QString> m_deletedGroups;
    struct SyncedUser
    {
        qint32 source; // index in the snapshot
        QString localId;
        QString username; // after this run
    };
    QList<SyncedUser> m_syncedUsers;
    QHash<QString, QString> m_usernameOf; // local id -> username after this run
};

} // namespace

ChangeSet Planner::plan(const DirectorySnapshot& snapshot, const DirectoryState& directory, const QString& connectorId,
                        const SyncOptions& options, const std::function<QString()>& newId)
{
    return Planning(snapshot, directory, connectorId, options, newId).run();
}

QList<Planner::MatchPreview> Planner::previewMatching(const DirectorySnapshot& snapshot,
                                                      const DirectoryState& directory, const QString& connectorId,
                                                      const SyncOptions& options)
{
    int counter = 0;
    const ChangeSet plan =
        Planner::plan(snapshot, directory, connectorId, options, [&counter] { return QString::number(++counter); });
    QHash<QString, const LocalUser*> localById;
    QMultiHash<QString, const LocalUser*> localByEmail;
    for (const LocalUser& user : directory.users) {
        localById.insert(user.id, &user);
        if (!user.email.isEmpty()) {
            localByEmail.insert(nameKey(user.email), &user);
        }
    }
    QList<MatchPreview> preview;
    for (const Change& change : plan.changes) {
        if (change.object != Change::Object::User) {
            continue;
        }
        MatchPreview entry{MatchPreview::Outcome::Create, change.key, change.email, {}, change.reason};
        if (change.action == Action::Link) {
            entry.outcome = MatchPreview::Outcome::Link;
            entry.localUsername = localById.value(change.localId)->username;
            // Linked by username while the email points at someone else: worth a look first.
            const QList<const LocalUser*> byEmail = localByEmail.values(nameKey(change.email));
            for (const LocalUser* other : byEmail) {
                if (other->id != change.localId) {
                    entry.outcome = MatchPreview::Outcome::Collision;
                    entry.reason =
                        tr("linked by username, but the email address belongs to local user “%1”").arg(other->username);
                }
            }
        } else if (change.action == Action::Skip) {
            entry.outcome = MatchPreview::Outcome::Collision;
        } else if (change.action != Action::Add) {
            continue; // already linked earlier: not part of a migration
        }
        preview.append(entry);
    }
    return preview;
}

#include "Planner.h"

#include "model/NameKey.h"
#include "sync/DeletionGuard.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <numeric>

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

// "attr:uid|username": the first alternative that is not empty. Parsed once per plan, not
// once per user.
class FieldSource
{
public:
    explicit FieldSource(const QString& expression)
    {
        for (const QString& alternative : expression.split(u'|')) {
            const QString name = alternative.trimmed();
            if (name == u"username"_s) {
                m_fields.append({Field::Username, {}});
            } else if (name == u"email"_s) {
                m_fields.append({Field::Email, {}});
            } else if (name == u"firstName"_s) {
                m_fields.append({Field::FirstName, {}});
            } else if (name == u"lastName"_s) {
                m_fields.append({Field::LastName, {}});
            } else if (name.startsWith(u"attr:"_s)) {
                m_fields.append({Field::Attribute, name.mid(5)});
            }
        }
    }

    QString resolve(const User& user) const
    {
        for (const auto& [field, attribute] : m_fields) {
            const QString value = valueOf(user, field, attribute).trimmed();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return {};
    }

private:
    enum class Field { Username, Email, FirstName, LastName, Attribute };

    static QString valueOf(const User& user, Field field, const QString& attribute)
    {
        switch (field) {
        case Field::Username:
            return user.username;
        case Field::Email:
            return user.email;
        case Field::FirstName:
            return user.firstName;
        case Field::LastName:
            return user.lastName;
        case Field::Attribute:
            return user.attributes.value(attribute).value(0);
        }
        return {};
    }

    QList<std::pair<Field, QString>> m_fields;
};

// "{firstName} {lastName}": literal text and sources, parsed once.
class DisplayTemplate
{
public:
    explicit DisplayTemplate(const QString& text)
    {
        static const QRegularExpression placeholder(u"\\{([^}]+)\\}"_s);
        qsizetype last = 0;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            m_parts.append({text.mid(last, match.capturedStart() - last), FieldSource(match.captured(1))});
            last = match.capturedEnd();
        }
        m_tail = text.mid(last);
    }

    QString apply(const User& user) const
    {
        QString result;
        for (const auto& [literal, source] : m_parts) {
            result += literal;
            result += source.resolve(user);
        }
        result += m_tail;
        return result.simplified();
    }

private:
    QList<std::pair<QString, FieldSource>> m_parts;
    QString m_tail;
};

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

// The user fields a target keeps, as flags: looked up for every field of every user.
struct KeptFields
{
    explicit KeptFields(const TargetCapabilities& capabilities)
        : username(capabilities.keepsUserField(u"username"_s))
        , email(capabilities.keepsUserField(u"email"_s))
        , firstName(capabilities.keepsUserField(u"firstName"_s))
        , lastName(capabilities.keepsUserField(u"lastName"_s))
        , displayName(capabilities.keepsUserField(u"displayName"_s))
        , active(capabilities.keepsUserField(u"active"_s))
        , attributes(capabilities.keepsUserField(u"attributes"_s))
        , groupPath(capabilities.keepsGroupField(u"path"_s))
        , access(capabilities.accessByGroups)
        , defaultAccess(capabilities.defaultAccess)
    { }

    bool keeps(const QString& field) const
    {
        return field == u"username"_s   ? username
            : field == u"email"_s       ? email
            : field == u"firstName"_s   ? firstName
            : field == u"lastName"_s    ? lastName
            : field == u"displayName"_s ? displayName
            : field == u"active"_s      ? active
            : field == u"attributes"_s  ? attributes
                                        : true;
    }

    // Where access comes from groups: what taking a user's access away, or giving it back,
    // records (the user's access before, or what it gets).
    void addAccess(QList<FieldChange>& fields, const LocalUser& local, bool nowActive) const
    {
        if (!access) {
            return;
        }
        if (local.active && !nowActive) {
            fields.append({u"access"_s, local.access, {}});
        } else if (!local.active && nowActive) {
            fields.append({u"access"_s, {}, local.access.isEmpty() ? defaultAccess : local.access});
        }
    }

    bool username, email, firstName, lastName, displayName, active, attributes, groupPath, access;
    QString defaultAccess;
};

QList<FieldChange> userDiff(const LocalUser& local, const Desired& desired, const KeptFields& kept)
{
    QList<FieldChange> fields; // usually stays empty: no buffer for it
    if (kept.username) {
        addField(fields, u"username"_s, local.username, desired.username);
    }
    if (kept.email) {
        addField(fields, u"email"_s, local.email, desired.email);
    }
    if (kept.firstName) {
        addField(fields, u"firstName"_s, local.firstName, desired.firstName);
    }
    if (kept.lastName) {
        addField(fields, u"lastName"_s, local.lastName, desired.lastName);
    }
    if (kept.displayName) {
        addField(fields, u"displayName"_s, local.displayName, desired.displayName);
    }
    if (kept.active) {
        addField(fields, u"active"_s, activeText(local.active), activeText(desired.active));
        kept.addAccess(fields, local, desired.active);
    }
    if (kept.attributes) {
        addField(fields, u"attributes"_s, attributesText(local.attributes), attributesText(desired.attributes));
    }
    return fields;
}

// Every field a user has, as "before" (for a delete) or "after" (for an add).
QList<FieldChange> userFields(const LocalUser& user, bool asBefore, const KeptFields& kept)
{
    const std::pair<QString, QString> values[] = {
        {u"username"_s, user.username},
        {u"email"_s, user.email},
        {u"firstName"_s, user.firstName},
        {u"lastName"_s, user.lastName},
        {u"displayName"_s, user.displayName},
        {u"active"_s, activeText(user.active)},
        {u"attributes"_s, attributesText(user.attributes)},
        {u"externalId"_s, user.externalId},
        // So that a rollback restores it too.
        {u"createdAt"_s, asBefore && user.createdAt > 0 ? QString::number(user.createdAt) : QString()},
    };
    const auto wanted = [&kept](const std::pair<QString, QString>& field) {
        return !field.second.isEmpty() && kept.keeps(field.first);
    };
    QList<FieldChange> fields;
    // Exactly what is needed, and room for the id the caller adds and the access a target may give:
    // one list per user of 100,000.
    fields.reserve(std::count_if(std::begin(values), std::end(values), wanted) + 2);
    for (const auto& field : values) {
        if (wanted(field)) {
            fields.append(asBefore ? FieldChange{field.first, field.second, {}}
                                   : FieldChange{field.first, {}, field.second});
        }
    }
    if (!asBefore && user.active && kept.access) {
        fields.append({u"access"_s, {}, kept.defaultAccess}); // a new user is given access
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
    QString skipReason; // why a group that maps to a name is not synced: its memberships are not either
    qint32 local = -1; // its place in the directory; -1 when this plan adds it
    QString localId;
    QString name;
};

class Planning
{
    Q_DECLARE_TR_FUNCTIONS(Planner)

public:
    Planning(const DirectorySnapshot& snapshot, const DirectoryState& directory, const QString& connectorId,
             const SyncOptions& options, const std::function<QString()>& newId, const TargetCapabilities& capabilities)
        : m_snapshot(snapshot)
        , m_directory(directory)
        , m_connectorId(connectorId)
        , m_options(options)
        , m_newId(newId)
        , m_capabilities(capabilities)
        , m_kept(capabilities)
    { }

    ChangeSet run()
    {
        m_result.connectorId = m_connectorId;
        m_result.plannedAt = QDateTime::currentDateTimeUtc();
        m_result.directoryFingerprint = m_directory.fingerprint;
        m_result.changes.reserve(m_snapshot.users.size() + m_snapshot.groups.size());
        indexDirectory();
        indexSnapshot();
        planGroups();
        planUsers();
        planMemberships();
        DeletionGuard::check(m_result, m_options, DeletionGuard::Run::Sync);
        sortChanges();
        return std::move(m_result);
    }

    void indexDirectory()
    {
        m_userFate.resize(std::size_t(m_directory.users.size()));
        m_groupFate.resize(std::size_t(m_directory.groups.size()));
        m_userByKey.reserve(m_directory.users.size());
        m_ownedUserByExternal.reserve(m_directory.users.size());
        for (qsizetype i = 0; i < m_directory.users.size(); ++i) {
            const LocalUser& user = m_directory.users.at(i);
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
            Change change = groupChange(Action::Delete, local.name, local.path, local.id, local.externalId);
            change.fields = {{u"name"_s, local.name, {}}};
            if (m_kept.groupPath) {
                change.fields.append({u"path"_s, local.path, {}});
            }
            change.reason = tr("gone from Keycloak or no longer mapped");
            m_groupFate[it.value()].deleted = true;
            m_result.changes.append(std::move(change));
        }
    }

    Change groupChange(Action action, const QString& name, const QString& path, const QString& localId,
                       const QString& externalId) const
    {
        Change change;
        change.object = Object::Group;
        change.action = action;
        change.key = name;
        change.path = path;
        change.localId = localId;
        change.externalId = externalId;
        return change;
    }

    void skipGroup(qint32 index, const QString& reason, QSet<QString>& seenLocal)
    {
        const Group& group = m_snapshot.groups.at(index);
        Change change = groupChange(Action::Skip, m_groups[index].name, group.path, {}, group.id);
        change.reason = reason;
        m_groups[index].skipReason = reason;
        // A group we own that now conflicts is kept as it is, memberships included.
        if (const auto owned = m_ownedGroupByExternal.constFind(group.id); owned != m_ownedGroupByExternal.cend()) {
            const QString localId = m_directory.groups.at(owned.value()).id;
            seenLocal.insert(localId);
            m_groupFate[owned.value()].frozen = true;
            m_groups[index].local = owned.value();
            change.localId = localId;
        }
        m_result.changes.append(std::move(change));
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
            if (!m_capabilities.renameGroups && nameKey(local.name) != key) {
                skipGroup(index,
                          tr("%1 cannot rename groups, so “%2” keeps its name and its members as they are. Rename the "
                             "group back in Keycloak, or create “%3” in %1 by hand and change the group mapping.")
                              .arg(m_capabilities.product, local.name, plan.name),
                          seenLocal);
                return;
            }
            Change change = groupChange(Action::Unchanged, plan.name, group.path, local.id, group.id);
            addField(change.fields, u"name"_s, local.name, plan.name);
            if (m_kept.groupPath) {
                addField(change.fields, u"path"_s, local.path, group.path);
            }
            change.action = change.fields.isEmpty() ? Action::Unchanged : Action::Modify;
            accept(index, owned.value(), change, seenLocal);
            return;
        }
        if (byName != m_groupByKey.cend()) {
            const LocalGroup& local = m_directory.groups.at(byName.value());
            if (!local.originConnector.isEmpty() && local.originConnector != m_connectorId) {
                skipGroup(index, tr("a group named “%1” belongs to another connector").arg(plan.name), seenLocal);
                return;
            }
            // Unowned (made by hand), or ours under an id Keycloak no longer has: adopt it.
            Change change = groupChange(Action::Link, plan.name, group.path, local.id, group.id);
            addField(change.fields, u"name"_s, local.name, plan.name);
            if (m_kept.groupPath) {
                addField(change.fields, u"path"_s, local.path, group.path);
            }
            change.fields.append({u"externalId"_s, local.externalId, group.id});
            change.fields.append({u"origin"_s, local.originConnector, m_connectorId});
            accept(index, byName.value(), change, seenLocal);
            return;
        }
        Change change = groupChange(Action::Add, plan.name, group.path, m_newId(), group.id);
        change.fields = {{u"name"_s, {}, plan.name}};
        if (m_kept.groupPath) {
            change.fields.append({u"path"_s, {}, group.path});
        }
        accept(index, -1, change, seenLocal);
    }

    void accept(qint32 index, qsizetype local, const Change& change, QSet<QString>& seenLocal)
    {
        m_groups[index].synced = true;
        m_groups[index].local = qint32(local);
        m_groups[index].localId = change.localId;
        seenLocal.insert(change.localId);
        m_result.changes.append(std::move(change));
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
        const FieldSource usernameSource(m_options.usernameSource);
        const FieldSource emailSource(m_options.emailSource);
        const FieldSource firstNameSource(m_options.firstNameSource);
        const FieldSource lastNameSource(m_options.lastNameSource);
        const DisplayTemplate displayName(m_options.displayNameTemplate);
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
            d.username = usernameSource.resolve(user);
            d.email = emailSource.resolve(user);
            d.firstName = firstNameSource.resolve(user);
            d.lastName = lastNameSource.resolve(user);
            d.displayName = displayName.apply(user);
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
                m_result.changes.append(std::move(change));
                continue;
            }
            if (desiredByKey.contains(d.usernameKey)) {
                conflictingKeys.insert(d.usernameKey);
            }
            desiredByKey.insert(d.usernameKey, desired.size());
            desired.append(std::move(d));
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
                m_result.changes.append(std::move(change));
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
            if (!m_userFate[it.value()].seen) {
                cleanUp(it.value());
            }
        }
    }

    // An owned user that cannot be synced this time stays exactly as it is.
    void keepOwned(const QString& externalId, Change& change)
    {
        if (const auto owned = m_ownedUserByExternal.constFind(externalId); owned != m_ownedUserByExternal.cend()) {
            m_userFate[owned.value()].seen = true;
            m_userFate[owned.value()].frozen = true;
            change.localId = m_directory.users.at(owned.value()).id;
        }
    }

    bool planOwned(const Desired& d, const User& user)
    {
        const auto owned = m_ownedUserByExternal.constFind(user.id);
        if (owned == m_ownedUserByExternal.cend()) {
            return false;
        }
        const LocalUser& local = m_directory.users.at(owned.value());
        if (!m_capabilities.renameUsers && nameKey(local.username) != d.usernameKey) {
            // Never a delete and a create: the rename is reported, and the rest is synced under the
            // name the user still has there, linked by its key.
            Change skip = userChange(Action::Skip, d.username, d.displayName, d.email, {}, user.id);
            skip.reason = tr("%1 cannot rename users, so “%2” keeps that name there; its other changes are applied "
                             "and it stays linked. Rename it to “%3” in %1 by hand (%4), or rename it back in "
                             "Keycloak.")
                              .arg(m_capabilities.product, local.username, d.username, m_capabilities.renameUserHelp);
            m_result.changes.append(std::move(skip));
            Desired kept = d;
            kept.username = local.username;
            kept.usernameKey = nameKey(local.username);
            return planOwned(kept, user);
        }
        const auto byName = m_userByKey.constFind(d.usernameKey);
        if (byName != m_userByKey.cend() && byName.value() != owned.value()) {
            Change change = userChange(Action::Skip, d.username, d.displayName, d.email, local.id, user.id);
            change.reason =
                tr("renamed in Keycloak to “%1”, which another user of the directory already has").arg(d.username);
            m_userFate[owned.value()].seen = true;
            m_userFate[owned.value()].frozen = true;
            m_result.changes.append(std::move(change));
            return true;
        }
        Change change = userChange(Action::Unchanged, d.username, d.displayName, d.email, local.id, user.id);
        change.fields = userDiff(local, d, m_kept);
        if (!local.active && d.active) {
            change.action = Action::Reactivate;
        } else if (local.active && !d.active) {
            change.action = Action::Disable;
            change.reason = tr("disabled in Keycloak");
        } else if (!change.fields.isEmpty()) {
            change.action = Action::Modify;
        }
        acceptUser(d, owned.value(), std::move(change));
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
        } else if (m_userFate[byName.value()].seen) {
            conflict = tr("the local user “%1” already stands for another Keycloak user").arg(local.username);
        }
        if (!conflict.isEmpty()) {
            Change change = userChange(Action::Skip, d.username, d.displayName, d.email, {}, user.id);
            change.reason = conflict;
            m_result.changes.append(std::move(change));
            return true;
        }
        // Unowned (made by hand or imported), or ours under an id Keycloak no longer has.
        link(d, user, byName.value(),
             local.originConnector == m_connectorId ? tr("re-created in Keycloak under the same username")
                                                    : tr("matched by username"));
        return true;
    }

    void planByEmailOrAdd(const Desired& d, const User& user)
    {
        if (m_options.matchByEmail && !d.emailKey.isEmpty()) {
            const QList<qsizetype> candidates = m_unownedByEmail.values(d.emailKey);
            if (candidates.size() == 1 && !m_userFate[candidates.first()].seen) {
                link(d, user, candidates.first(), tr("matched by email"));
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
                m_result.changes.append(std::move(change));
                return;
            }
        }
        Change change = userChange(Action::Add, d.username, d.displayName, d.email, m_newId(), user.id);
        change.fields = userFields(asLocal(d), false, m_kept);
        change.fields.append({u"externalId"_s, {}, user.id});
        acceptUser(d, -1, std::move(change));
    }

    void link(const Desired& d, const User& user, qsizetype index, const QString& reason)
    {
        const LocalUser& local = m_directory.users.at(index);
        Change change = userChange(Action::Link, d.username, d.displayName, d.email, local.id, user.id);
        change.fields = userDiff(local, d, m_kept);
        change.fields.append({u"externalId"_s, local.externalId, user.id});
        change.fields.append({u"origin"_s, local.originConnector, m_connectorId});
        change.reason = reason;
        acceptUser(d, index, std::move(change));
    }

    // `index`: the user's place in the directory, or -1 for a user this plan adds.
    void acceptUser(const Desired& d, qsizetype index, Change&& change)
    {
        if (index >= 0) {
            m_userFate[index].seen = true;
            m_userFate[index].synced = true;
            m_userFate[index].username = d.username;
        }
        m_syncedUsers.append({d.source, qint32(index), change.localId, d.username});
        m_result.changes.append(std::move(change));
    }

    void cleanUp(qsizetype index)
    {
        const LocalUser& local = m_directory.users.at(index);
        const QString reason =
            m_filteredOut.contains(local.externalId) ? tr("not in the required groups") : tr("gone from Keycloak");
        Change change =
            userChange(Action::Unchanged, local.username, local.displayName, local.email, local.id, local.externalId);
        m_userFate[index].frozen = true;
        switch (m_options.cleanup) {
        case SyncOptions::Cleanup::Keep:
            break;
        case SyncOptions::Cleanup::Disable:
            if (local.active) {
                change.action = Action::Disable;
                change.fields = {{u"active"_s, u"true"_s, u"false"_s}};
                m_kept.addAccess(change.fields, local, false);
                change.reason = reason;
                m_userFate[index].disabled = true;
            }
            break;
        case SyncOptions::Cleanup::Delete:
            change.action = Action::Delete;
            change.fields = userFields(local, true, m_kept);
            change.reason = reason;
            m_userFate[index].frozen = false;
            m_userFate[index].deleted = true;
            break;
        case SyncOptions::Cleanup::Anonymize:
            if (!local.username.startsWith(anonymizedPrefix)) {
                change.action = Action::Anonymize;
                LocalUser pseudonym;
                pseudonym.username = anonymizedPrefix + local.id.left(8);
                pseudonym.displayName = tr("Anonymized user");
                pseudonym.active = false;
                change.fields = userDiff(
                    local, Desired{-1, pseudonym.username, {}, {}, {}, pseudonym.displayName, false, {}, {}, {}},
                    m_kept);
                change.reason = reason;
            }
            break;
        }
        m_result.changes.append(std::move(change));
    }

    // Memberships are compared per user, as short lists of group numbers: users and groups are
    // numbered by their place in the directory, those this plan adds after them. Half a million
    // memberships compared through hash sets of id strings cost seconds and hundreds of megabytes.
    void planMemberships()
    {
        const qint32 directoryUsers = qint32(m_directory.users.size());
        const qint32 directoryGroups = qint32(m_directory.groups.size());

        // Groups: the name after this run, and the number of every synced snapshot group.
        QList<MemberRef> groupRefs;
        groupRefs.reserve(directoryGroups);
        for (const LocalGroup& group : m_directory.groups) {
            groupRefs.append({group.id, group.name});
        }
        QList<qint32> groupNumber(m_groups.size(), -1);
        for (qsizetype i = 0; i < m_groups.size(); ++i) {
            const GroupPlan& plan = m_groups.at(i);
            if (!plan.synced) {
                continue;
            }
            if (plan.local >= 0) {
                groupRefs[plan.local].name = plan.name;
                groupNumber[i] = plan.local;
            } else {
                groupNumber[i] = qint32(groupRefs.size());
                groupRefs.append({plan.localId, plan.name});
            }
        }
        const auto groupDeleted = [this, directoryGroups](qint32 g) {
            return g < directoryGroups && m_groupFate[g].deleted;
        };
        const auto groupFrozen = [this, directoryGroups](qint32 g) {
            return g < directoryGroups && m_groupFate[g].frozen;
        };

        // The directory's memberships, grouped by user (they are loaded sorted by user id, not by place).
        const QList<LocalMembership>& memberships = m_directory.memberships;
        const qsizetype existing = memberships.size();
        const auto groupOf = [&memberships](qint32 m) { return memberships.at(m).group; };
        std::vector<qint32> start(std::size_t(directoryUsers) + 1, 0);
        for (const LocalMembership& membership : memberships) {
            ++start[membership.user + 1];
        }
        std::partial_sum(start.begin(), start.end(), start.begin());
        std::vector<qint32> byUser(static_cast<std::size_t>(existing)); // membership indices, user u's from start[u]
        {
            std::vector<qint32> next(start.cbegin(), start.cend() - 1);
            for (qsizetype i = 0; i < existing; ++i) {
                byUser[next[memberships.at(i).user]++] = qint32(i);
            }
        }

        // The plan's tables name only the users and groups its membership changes refer to.
        ChangeSet& plan = m_result;
        std::vector<qint32> groupRef(static_cast<std::size_t>(groupRefs.size()), -1);
        const auto refGroup = [&](qint32 g) {
            if (groupRef[g] < 0) {
                groupRef[g] = qint32(plan.memberGroups.size());
                plan.memberGroups.append(groupRefs.at(g));
            }
            return groupRef[g];
        };
        std::vector<qint32> userRef(static_cast<std::size_t>(directoryUsers), -1);
        const auto refDirectoryUser = [&](qint32 u) {
            if (userRef[u] < 0) {
                userRef[u] = qint32(plan.memberUsers.size());
                const LocalUser& user = m_directory.users.at(u);
                const QString& renamed = m_userFate[u].username;
                plan.memberUsers.append({user.id, renamed.isEmpty() ? user.username : renamed});
            }
            return userRef[u];
        };
        const auto remove = [&](qint32 ref, qint32 membership) {
            plan.memberships.append(
                {Action::Remove, ref, refGroup(groupOf(membership)), memberships.at(membership).originConnector, {}});
        };

        // Skipped groups (name conflicts) are in the tables too, so that the memberships they
        // take with them are reported rather than silently left out.
        std::vector<qint32> skippedRef(std::size_t(m_groups.size()), -1);
        const auto refSkippedGroup = [&](qint32 g) {
            const GroupPlan& group = m_groups.at(g);
            if (group.local >= 0) {
                return refGroup(group.local);
            }
            if (skippedRef[g] < 0) {
                skippedRef[g] = qint32(plan.memberGroups.size());
                plan.memberGroups.append({u"source:"_s + m_snapshot.groups.at(g).id, group.name});
            }
            return skippedRef[g];
        };

        // Reserved once: growing a list of 500,000 memberships copies it and leaves the old
        // buffers behind in the process's memory.
        plan.memberships.reserve(m_snapshot.memberships.size() + memberships.size());
        plan.memberUsers.reserve(m_syncedUsers.size());
        QList<qint32> wanted;
        QList<qint32> wantedSkipped; // snapshot groups
        for (const SyncedUser& synced : std::as_const(m_syncedUsers)) {
            wanted.clear();
            wantedSkipped.clear();
            const auto want = [&](qint32 g) {
                const qint32 number = groupNumber.at(g);
                if (number >= 0 && !wanted.contains(number)) {
                    wanted.append(number);
                } else if (number < 0 && !m_groups.at(g).skipReason.isEmpty() && !wantedSkipped.contains(g)) {
                    wantedSkipped.append(g);
                }
            };
            if (m_kept.access && !m_snapshot.users.at(synced.source).enabled) {
                // Disabling takes the connector's memberships away with the access: none wanted.
            } else if (m_options.includeAncestorGroups) {
                for (const qint32 g : effectiveGroups(synced.source)) {
                    want(g);
                }
            } else {
                for (const qint32 g : m_userGroups.at(synced.source)) {
                    want(g);
                }
            }
            const qint32* has = byUser.data() + (synced.local >= 0 ? start[synced.local] : 0);
            const qint32* hasEnd = synced.local >= 0 ? byUser.data() + start[synced.local + 1] : has;
            qint32 ref = -1;
            const auto userRefOf = [&] {
                if (ref < 0 && synced.local >= 0) {
                    ref = refDirectoryUser(synced.local);
                } else if (ref < 0) {
                    ref = qint32(plan.memberUsers.size());
                    plan.memberUsers.append({synced.localId, synced.username});
                }
                return ref;
            };
            for (const qint32 g : std::as_const(wanted)) {
                if (std::none_of(has, hasEnd, [&](qint32 m) { return groupOf(m) == g; })) {
                    plan.memberships.append({Action::Add, userRefOf(), refGroup(g), m_connectorId, {}});
                }
            }
            for (const qint32 g : std::as_const(wantedSkipped)) {
                const qint32 local = m_groups.at(g).local;
                if (local >= 0 && std::any_of(has, hasEnd, [&](qint32 m) { return groupOf(m) == local; })) {
                    continue; // already a member: the conflicting group keeps its memberships as they are
                }
                plan.memberships.append({Action::Skip, userRefOf(), refSkippedGroup(g), m_connectorId,
                                         tr("its group %1 is not synced").arg(m_snapshot.groups.at(g).path)});
            }
            // Our memberships follow Keycloak; those made by hand or by others stay, unless the group goes.
            for (const qint32* m = has; m != hasEnd; ++m) {
                const qint32 g = groupOf(*m);
                const bool ours = memberships.at(*m).originConnector == m_connectorId;
                if (groupDeleted(g) || (ours && !groupFrozen(g) && !wanted.contains(g))) {
                    remove(userRefOf(), *m);
                }
            }
        }
        // Users not synced this time (kept, disabled, skipped, other connectors' or made by hand)
        // keep their memberships, unless the user or the group goes.
        for (qint32 u = 0; u < directoryUsers; ++u) {
            if (m_userFate[u].synced) {
                continue;
            }
            // Where disabling takes access away, the connector's memberships go with it.
            const bool loses = m_userFate[u].deleted || (m_kept.access && m_userFate[u].disabled);
            for (qint32 i = start[u]; i < start[u + 1]; ++i) {
                const bool ours = memberships.at(byUser[i]).originConnector == m_connectorId;
                if ((loses && (ours || m_userFate[u].deleted)) || groupDeleted(groupOf(byUser[i]))) {
                    remove(refDirectoryUser(u), byUser[i]);
                }
            }
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
            order.emplace_back(change.key.toLower(), i);
        }
        std::stable_sort(order.begin(), order.end(), [&changes](const auto& a, const auto& b) {
            const Object objectA = changes.at(a.second).object;
            const Object objectB = changes.at(b.second).object;
            if (objectA != objectB) {
                return objectA < objectB;
            }
            return a.first < b.first;
        });
        // Permuted in place, cycle by cycle: a sorted copy would hold the plan twice.
        std::vector<bool> placed(order.size(), false);
        for (std::size_t start = 0; start < order.size(); ++start) {
            if (placed[start]) {
                continue;
            }
            Change held = std::move(changes[qsizetype(start)]);
            std::size_t to = start;
            for (std::size_t from = std::size_t(order[to].second); from != start;
                 from = std::size_t(order[to].second)) {
                changes[qsizetype(to)] = std::move(changes[qsizetype(from)]);
                placed[to] = true;
                to = from;
            }
            changes[qsizetype(to)] = std::move(held);
            placed[to] = true;
        }
    }

private:
    const DirectorySnapshot& m_snapshot;
    const DirectoryState& m_directory;
    const QString m_connectorId;
    const SyncOptions& m_options;
    const std::function<QString()>& m_newId;
    const TargetCapabilities& m_capabilities;
    const KeptFields m_kept;
    ChangeSet m_result;

    QHash<QString, qsizetype> m_userByKey;
    QHash<QString, qsizetype> m_ownedUserByExternal;
    QMultiHash<QString, qsizetype> m_unownedByEmail;
    QHash<QString, qsizetype> m_groupByKey;
    QHash<QString, qsizetype> m_ownedGroupByExternal;

    QList<qint32> m_parent;
    QList<QList<qint32>> m_userGroups;
    QList<GroupPlan> m_groups;

    QSet<QString> m_filteredOut; // Keycloak ids outside the required groups
    // What the run decided about each user and group of the directory, by its place there.
    struct Fate
    {
        bool seen = false; // decided about (users)
        bool synced = false; // follows Keycloak in this run (users)
        bool frozen = false; // its memberships stay as they are
        bool deleted = false;
        bool disabled = false; // users: disabled by this run's cleanup
        QString username; // users: the name after this run, when it is synced
    };
    std::vector<Fate> m_userFate;
    std::vector<Fate> m_groupFate;
    struct SyncedUser
    {
        qint32 source; // index in the snapshot
        qint32 local; // index in the directory; -1 when this plan adds the user
        QString localId;
        QString username; // after this run
    };
    QList<SyncedUser> m_syncedUsers;
};

} // namespace

QString Planner::newLocalId()
{
    std::array<quint32, 4> random{};
    QRandomGenerator::global()->fillRange(random.data(), random.size());
    QByteArray bytes(reinterpret_cast<const char*>(random.data()), sizeof(random));
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4: random
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

ChangeSet Planner::plan(const DirectorySnapshot& snapshot, const DirectoryState& directory, const QString& connectorId,
                        const SyncOptions& options, const std::function<QString()>& newId,
                        const TargetCapabilities& capabilities)
{
    ChangeSet plan = Planning(snapshot, directory, connectorId, options, newId, capabilities).run();
#ifdef __GLIBC__
    // The planning's indexes are gone; glibc would keep their pages for the process otherwise.
    malloc_trim(0);
#endif
    return plan;
}

QList<Planner::MatchPreview> Planner::previewMatching(const DirectorySnapshot& snapshot,
                                                      const DirectoryState& directory, const QString& connectorId,
                                                      const SyncOptions& options,
                                                      const TargetCapabilities& capabilities)
{
    int counter = 0;
    const ChangeSet plan = Planner::plan(
        snapshot, directory, connectorId, options, [&counter] { return QString::number(++counter); }, capabilities);
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

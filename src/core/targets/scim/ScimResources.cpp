#include "ScimResources.h"

#include "targets/scim/ScimClient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ScimResources {

namespace {

QString afterOf(const QList<FieldChange>& fields, const QString& name, bool* present = nullptr)
{
    for (const FieldChange& field : fields) {
        if (field.field == name) {
            if (present) {
                *present = true;
            }
            return field.after;
        }
    }
    if (present) {
        *present = false;
    }
    return {};
}

QJsonArray emailsOf(const QString& address)
{
    if (address.isEmpty()) {
        return {};
    }
    return {QJsonObject{{u"value"_s, address}, {u"type"_s, u"work"_s}, {u"primary"_s, true}}};
}

QJsonObject patchOf(QJsonArray operations)
{
    return {{u"schemas"_s, QJsonArray{patchSchema}}, {u"Operations"_s, std::move(operations)}};
}

} // namespace

QJsonObject user(const QList<FieldChange>& fields, const ScimService& service, const QString& externalId)
{
    QJsonObject user{{u"schemas"_s, QJsonArray{ScimService::userSchema}},
                     {u"userName"_s, afterOf(fields, u"username"_s)}};
    if (!externalId.isEmpty()) {
        user.insert(u"externalId"_s, externalId);
    }
    QJsonObject name;
    if (const QString given = afterOf(fields, u"firstName"_s);
        !given.isEmpty() && service.hasUserAttribute(u"name.givenName"_s)) {
        name.insert(u"givenName"_s, given);
    }
    if (const QString family = afterOf(fields, u"lastName"_s);
        !family.isEmpty() && service.hasUserAttribute(u"name.familyName"_s)) {
        name.insert(u"familyName"_s, family);
    }
    if (!name.isEmpty()) {
        user.insert(u"name"_s, name);
    }
    if (const QString display = afterOf(fields, u"displayName"_s);
        !display.isEmpty() && service.hasUserAttribute(u"displayName"_s)) {
        user.insert(u"displayName"_s, display);
    }
    if (service.hasUserAttribute(u"emails"_s)) {
        if (const QJsonArray emails = emailsOf(afterOf(fields, u"email"_s)); !emails.isEmpty()) {
            user.insert(u"emails"_s, emails);
        }
    }
    if (service.hasUserAttribute(u"active"_s)) {
        bool present = false;
        const QString active = afterOf(fields, u"active"_s, &present);
        user.insert(u"active"_s, !present || active == u"true"_s);
    }
    return user;
}

namespace {

// What a change's fields set, as attribute paths ("name.givenName") and values: only the
// attributes the service defines, with real booleans, and `externalId` when it is not empty.
QList<std::pair<QString, QJsonValue>> changedAttributes(const QList<FieldChange>& fields, const ScimService& service,
                                                        const QString& externalId)
{
    QList<std::pair<QString, QJsonValue>> attributes;
    for (const FieldChange& field : fields) {
        if (field.field == u"username"_s) {
            attributes.append({u"userName"_s, field.after});
        } else if (field.field == u"firstName"_s && service.hasUserAttribute(u"name.givenName"_s)) {
            attributes.append({u"name.givenName"_s, field.after});
        } else if (field.field == u"lastName"_s && service.hasUserAttribute(u"name.familyName"_s)) {
            attributes.append({u"name.familyName"_s, field.after});
        } else if (field.field == u"displayName"_s && service.hasUserAttribute(u"displayName"_s)) {
            attributes.append({u"displayName"_s, field.after});
        } else if (field.field == u"email"_s && service.hasUserAttribute(u"emails"_s)) {
            // The whole list: a filtered path (emails[type eq "work"].value) fails where the user has
            // no such entry yet, and some services take no filters in PATCH paths.
            attributes.append({u"emails"_s, emailsOf(field.after)});
        } else if (field.field == u"active"_s && service.hasUserAttribute(u"active"_s)) {
            attributes.append({u"active"_s, field.after == u"true"_s});
        }
    }
    if (!externalId.isEmpty()) {
        attributes.append({u"externalId"_s, externalId});
    }
    return attributes;
}

// An attribute cleared: removed, as services refuse an empty string or list as its value.
bool isCleared(const QJsonValue& value)
{
    return (value.isString() && value.toString().isEmpty()) || (value.isArray() && value.toArray().isEmpty());
}

void setOrRemove(QJsonObject& object, const QString& attribute, const QJsonValue& value)
{
    if (isCleared(value)) {
        object.remove(attribute);
    } else {
        object.insert(attribute, value);
    }
}

} // namespace

QJsonObject replacedUser(QJsonObject current, const QList<FieldChange>& fields, const ScimService& service,
                         const QString& externalId)
{
    current.remove(u"meta"_s);
    current.remove(u"groups"_s);
    for (const auto& [path, value] : changedAttributes(fields, service, externalId)) {
        if (const qsizetype dot = path.indexOf(u'.'); dot > 0) {
            const QString parent = path.left(dot);
            QJsonObject complex = current.value(parent).toObject();
            setOrRemove(complex, path.mid(dot + 1), value);
            current.insert(parent, complex);
        } else {
            setOrRemove(current, path, value);
        }
    }
    if (service.hasUserAttribute(u"active"_s) && !current.contains(u"active"_s)) {
        current.insert(u"active"_s, true); // left out, a PUT would leave it to the service's default
    }
    return current;
}

QJsonObject userPatch(const QList<FieldChange>& fields, const ScimService& service, const QString& externalId)
{
    QJsonArray operations;
    for (const auto& [path, value] : changedAttributes(fields, service, externalId)) {
        operations.append(isCleared(value)
                              ? QJsonObject{{u"op"_s, u"remove"_s}, {u"path"_s, path}}
                              : QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, path}, {u"value"_s, value}});
    }
    return operations.isEmpty() ? QJsonObject() : patchOf(operations);
}

QJsonObject activePatch(bool active)
{
    return patchOf({QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"active"_s}, {u"value"_s, active}}});
}

QJsonObject group(const QString& displayName, const QString& externalId, const ScimService& service)
{
    QJsonObject group{{u"schemas"_s, QJsonArray{ScimService::groupSchema}}, {u"displayName"_s, displayName}};
    if (!externalId.isEmpty() && service.hasGroupAttribute(u"externalId"_s)) {
        group.insert(u"externalId"_s, externalId);
    }
    return group;
}

QList<QJsonObject> addMembers(const QStringList& ids)
{
    QList<QJsonObject> patches;
    for (qsizetype from = 0; from < ids.size(); from += membersPerPatch) {
        QJsonArray members;
        for (const QString& id : ids.mid(from, membersPerPatch)) {
            members.append(QJsonObject{{u"value"_s, id}});
        }
        patches.append(patchOf({QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"members"_s}, {u"value"_s, members}}}));
    }
    return patches;
}

QList<QJsonObject> removeMembers(const QStringList& ids)
{
    QList<QJsonObject> patches;
    for (qsizetype from = 0; from < ids.size(); from += membersPerPatch) {
        QJsonArray operations;
        for (const QString& id : ids.mid(from, membersPerPatch)) {
            operations.append(QJsonObject{
                {u"op"_s, u"remove"_s}, {u"path"_s, QString(u"members[value eq "_s + ScimClient::quoted(id) + u']')}});
        }
        patches.append(patchOf(operations));
    }
    return patches;
}

QString externalIdFilter(const QString& externalId)
{
    return u"externalId eq "_s + ScimClient::quoted(externalId);
}

QString userNameFilter(const QString& userName)
{
    return u"userName eq "_s + ScimClient::quoted(userName);
}

QString displayNameFilter(const QString& displayName)
{
    return u"displayName eq "_s + ScimClient::quoted(displayName);
}

} // namespace ScimResources

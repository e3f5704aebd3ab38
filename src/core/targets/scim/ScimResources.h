#pragma once

#include "sync/ChangeSet.h"
#include "targets/scim/ScimService.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The SCIM resources and PATCH requests (RFC 7643, RFC 7644 §3.5.2) a plan's changes become, with
// only the attributes the service advertises. Pure functions, so that what is sent can be checked
// without a server.
namespace ScimResources {

inline const QString patchSchema = QStringLiteral("urn:ietf:params:scim:api:messages:2.0:PatchOp");
// AWS IAM Identity Center refuses more members than this in one PATCH; others take it too.
constexpr int membersPerPatch = 100;

// A user's attributes from the after-values of a change's fields (an Add has them all), for a
// POST. `externalId`: the source's id.
QJsonObject user(const QList<FieldChange>& fields, const ScimService& service, const QString& externalId);

// For a PUT where the service has no PATCH: the user as read, with the changed fields' after-values
// and `externalId` (when not empty) set, and its read-only attributes (meta, groups) left out.
// Whole, `active` included: RFC 7644 §3.5.1 replaces what a PUT leaves out, so what UserSync does
// not manage is sent back as it was.
QJsonObject replacedUser(QJsonObject current, const QList<FieldChange>& fields, const ScimService& service,
                         const QString& externalId);

// The PATCH that makes a user's changed fields their after-values, and its externalId `externalId`
// when that is not empty: replace operations with real booleans; empty when nothing it changes is
// kept by the service.
QJsonObject userPatch(const QList<FieldChange>& fields, const ScimService& service, const QString& externalId = {});
// The PATCH that disables or enables a user.
QJsonObject activePatch(bool active);

// A new group, without members (they follow in PATCHes of at most membersPerPatch).
QJsonObject group(const QString& displayName, const QString& externalId, const ScimService& service);

// PATCHes that add `ids` to a group, at most membersPerPatch members each.
QList<QJsonObject> addMembers(const QStringList& ids);
// PATCHes that remove `ids` from a group, one filtered remove operation per member
// (members[value eq "ID"]), at most membersPerPatch operations each. Never an unfiltered remove,
// which takes every member away.
QList<QJsonObject> removeMembers(const QStringList& ids);

// The filters a lookup before a create uses: `externalId eq "…"`, `userName eq "…"`, quoted and
// escaped.
QString externalIdFilter(const QString& externalId);
QString userNameFilter(const QString& userName);
QString displayNameFilter(const QString& displayName);

} // namespace ScimResources

#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// What a connector's sync does beyond copying: the options administrators expect from tools of
// this kind. Stored with the connector's settings ("sync" in its JSON); defaults in brackets.
struct SyncOptions
{
    Q_DECLARE_TR_FUNCTIONS(SyncOptions)

public:
    // Users gone from Keycloak, or filtered out: [disable], delete, anonymize (a reversible
    // pseudonym), or keep as they are.
    enum class Cleanup { Disable, Delete, Anonymize, Keep };
    // Local group names: [Keycloak's name], lower-case, the full path, or a regex replacement.
    enum class GroupNaming { Name, LowerCase, FullPath, Replace };

    Cleanup cleanup = Cleanup::Disable;
    // Only members of these groups are synced [none: everyone]. Each entry is a group name or
    // path, with * and ? as wildcards; membership counts through subgroups.
    QStringList requiredGroups;
    GroupNaming groupNaming = GroupNaming::Name;
    QString groupPattern; // with Replace: a regular expression matched against the group name
    QString groupReplacement; // with Replace: \1 … refer to the pattern's captures
    bool dropUnmatchedGroups = false; // with Replace: groups the pattern does not match are not synced
    bool includeAncestorGroups = false; // [direct memberships only], or also every ancestor group
    // Where each local field comes from: a Keycloak field (username, email, firstName, lastName)
    // or attr:NAME, alternatives separated by | (the first that is not empty wins).
    QString usernameSource = QStringLiteral("username");
    QString emailSource = QStringLiteral("email");
    QString firstNameSource = QStringLiteral("firstName");
    QString lastNameSource = QStringLiteral("lastName");
    // {firstName} {lastName} … with the same names as the sources; blank falls back to the username.
    QString displayNameTemplate = QStringLiteral("{firstName} {lastName}");
    QStringList customAttributes; // copied as they are into the local user's attributes
    bool matchByEmail = false; // migration: [username only], or also the email address
    int deletionLimitCount = 500;
    int deletionLimitPercent = 10;

    QStringList validate() const;
    // The Keycloak attributes the mapping reads, so that the fetch asks for them.
    QStringList attributesNeeded() const;

    QJsonObject toJson() const;
    static SyncOptions fromJson(const QJsonObject& json);

    bool operator==(const SyncOptions&) const = default;
};

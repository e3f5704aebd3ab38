#include "SyncOptions.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QStringList cleanupNames = {u"disable"_s, u"delete"_s, u"anonymize"_s, u"keep"_s};
const QStringList namingNames = {u"name"_s, u"lowercase"_s, u"path"_s, u"replace"_s};

QStringList attributesIn(const QString& expression)
{
    QStringList names;
    static const QRegularExpression attribute(u"attr:([^|}\\s]+)"_s);
    for (auto it = attribute.globalMatch(expression); it.hasNext();) {
        names << it.next().captured(1);
    }
    return names;
}

} // namespace

QStringList SyncOptions::validate() const
{
    QStringList problems;
    if (groupNaming == GroupNaming::Replace) {
        const QRegularExpression expression(groupPattern);
        if (groupPattern.isEmpty() || !expression.isValid()) {
            problems << tr("The group name pattern is not a valid regular expression: %1.")
                            .arg(groupPattern.isEmpty() ? tr("it is empty") : expression.errorString());
        }
    }
    if (usernameSource.trimmed().isEmpty()) {
        problems << tr("Choose where usernames come from (for example “username” or “attr:uid”).");
    }
    if (deletionLimitCount < 0) {
        problems << tr("The deletion limit cannot be negative.");
    }
    if (deletionLimitPercent < 0 || deletionLimitPercent > 100) {
        problems << tr("The deletion limit in percent must be between 0 and 100.");
    }
    return problems;
}

QStringList SyncOptions::attributesNeeded() const
{
    QStringList names = customAttributes;
    for (const QString& expression :
         {usernameSource, emailSource, firstNameSource, lastNameSource, displayNameTemplate}) {
        names << attributesIn(expression);
    }
    names.removeDuplicates();
    return names;
}

QJsonObject SyncOptions::toJson() const
{
    return QJsonObject{
        {u"cleanup"_s, cleanupNames.at(int(cleanup))},
        {u"requiredGroups"_s, QJsonArray::fromStringList(requiredGroups)},
        {u"groupNaming"_s, namingNames.at(int(groupNaming))},
        {u"groupPattern"_s, groupPattern},
        {u"groupReplacement"_s, groupReplacement},
        {u"dropUnmatchedGroups"_s, dropUnmatchedGroups},
        {u"includeAncestorGroups"_s, includeAncestorGroups},
        {u"usernameSource"_s, usernameSource},
        {u"emailSource"_s, emailSource},
        {u"firstNameSource"_s, firstNameSource},
        {u"lastNameSource"_s, lastNameSource},
        {u"displayNameTemplate"_s, displayNameTemplate},
        {u"customAttributes"_s, QJsonArray::fromStringList(customAttributes)},
        {u"matchByEmail"_s, matchByEmail},
        {u"deletionLimitCount"_s, deletionLimitCount},
        {u"deletionLimitPercent"_s, deletionLimitPercent},
    };
}

SyncOptions SyncOptions::fromJson(const QJsonObject& json)
{
    SyncOptions options;
    const auto strings = [&json](const QString& key) {
        QStringList list;
        for (const QJsonValue& value : json.value(key).toArray()) {
            list << value.toString();
        }
        return list;
    };
    const auto text = [&json](const QString& key, const QString& fallback) {
        return json.contains(key) ? json.value(key).toString() : fallback;
    };
    options.cleanup = Cleanup(std::max<qsizetype>(0, cleanupNames.indexOf(json.value(u"cleanup"_s).toString())));
    options.requiredGroups = strings(u"requiredGroups"_s);
    options.groupNaming =
        GroupNaming(std::max<qsizetype>(0, namingNames.indexOf(json.value(u"groupNaming"_s).toString())));
    options.groupPattern = json.value(u"groupPattern"_s).toString();
    options.groupReplacement = json.value(u"groupReplacement"_s).toString();
    options.dropUnmatchedGroups = json.value(u"dropUnmatchedGroups"_s).toBool();
    options.includeAncestorGroups = json.value(u"includeAncestorGroups"_s).toBool();
    options.usernameSource = text(u"usernameSource"_s, options.usernameSource);
    options.emailSource = text(u"emailSource"_s, options.emailSource);
    options.firstNameSource = text(u"firstNameSource"_s, options.firstNameSource);
    options.lastNameSource = text(u"lastNameSource"_s, options.lastNameSource);
    options.displayNameTemplate = text(u"displayNameTemplate"_s, options.displayNameTemplate);
    options.customAttributes = strings(u"customAttributes"_s);
    options.matchByEmail = json.value(u"matchByEmail"_s).toBool();
    options.deletionLimitCount = json.value(u"deletionLimitCount"_s).toInt(options.deletionLimitCount);
    options.deletionLimitPercent = json.value(u"deletionLimitPercent"_s).toInt(options.deletionLimitPercent);
    return options;
}

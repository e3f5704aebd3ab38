#include "TargetTest.h"

#include "targets/bitbucket/BitbucketConnectionTest.h"
#include "targets/confluence/ConfluenceConnectionTest.h"
#include "targets/jira/JiraConnectionTest.h"
#include "targets/ldap/LdapConnectionTest.h"
#include "targets/scim/ScimConnectionTest.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

QJsonObject TargetTestResult::toJson() const
{
    QJsonObject json{
        {u"ok"_s, ok},
        {u"product"_s, product},
        {u"version"_s, version},
        {u"signedInAs"_s, signedInAs},
        {u"systemAdministrator"_s, systemAdministrator},
        {u"listing"_s, listing},
        {u"userCount"_s, userCount},
        {u"groupCount"_s, groupCount},
        {u"supports"_s, QJsonArray::fromStringList(supports)},
        {u"warnings"_s, QJsonArray::fromStringList(warnings)},
    };
    json.insert(u"error"_s, error ? QJsonValue(error->toJson()) : QJsonValue(QJsonValue::Null));
    return json;
}

std::unique_ptr<TargetTest> TargetTest::create(const TargetConfig& config, const QString& credential)
{
    // TargetConfig::validate() refuses types UserSync does not know.
    if (config.type == TargetConfig::bitbucketType) {
        return std::make_unique<BitbucketConnectionTest>(config, credential);
    }
    if (config.type == TargetConfig::confluenceType) {
        return std::make_unique<ConfluenceConnectionTest>(config, credential);
    }
    if (config.type == TargetConfig::scimType) {
        return std::make_unique<ScimConnectionTest>(config, credential);
    }
    if (config.type == TargetConfig::ldapType) {
        return std::make_unique<LdapConnectionTest>(config, credential);
    }
    return std::make_unique<JiraConnectionTest>(config, credential);
}

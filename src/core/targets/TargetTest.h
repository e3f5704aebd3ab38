#pragma once

#include "connectors/ConnectorError.h"
#include "jobs/Job.h"
#include "targets/TargetConfig.h"

#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

#include <memory>
#include <optional>

// What Save and Test Connection found out about an application, for the window and
// `usersync-cli target test --json`.
struct TargetTestResult
{
    bool ok = false;
    QString product; // "Jira"
    QString version; // "10.3.24"
    QString signedInAs; // the account's username
    bool systemAdministrator = false;
    QString listing; // how users are listed: "user/list", "user/search pages", "user/search prefixes"
    qint64 userCount = -1;
    qint64 groupCount = -1;
    QStringList supports; // what the service supports, in words (SCIM: "PATCH", "ETags")
    QStringList warnings; // usable, but worth knowing
    std::optional<ConnectorError> error;

    QJsonObject toJson() const;
};
Q_DECLARE_METATYPE(TargetTestResult)

// Proves against the live application that a sync can work there: reachable and the product
// it claims, signed in, the rights a sync needs, how this version lists users, the counts.
// Stops at the first failure, with a sentence naming the screen to fix it in.
class TargetTest : public Job
{
    Q_OBJECT

public:
    using Job::Job;

    // The test for the config's type; the credential is the token or password from the keychain.
    static std::unique_ptr<TargetTest> create(const TargetConfig& config, const QString& credential);

Q_SIGNALS:
    void finished(const TargetTestResult& result);
};

#pragma once

#include "connectors/ConnectorError.h"
#include "targets/scim/ScimClient.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

// What a SCIM service says about itself (RFC 7643 §5-7): the features of /ServiceProviderConfig,
// the attributes its /Schemas define for users and groups, and where /ResourceTypes puts them.
// UserSync sends only attributes the service advertises.
struct ScimService
{
    Q_DECLARE_TR_FUNCTIONS(ScimService)

public:
    static inline const QString userSchema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User");
    static inline const QString groupSchema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:Group");
    static inline const QString enterpriseSchema =
        QStringLiteral("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");

    bool patch = false;
    bool bulk = false;
    int bulkMaxOperations = 0;
    qint64 bulkMaxPayloadSize = 0;
    bool filter = false;
    int filterMaxResults = 0; // 0: not said
    bool sort = false;
    bool etag = false;
    QString usersEndpoint = QStringLiteral("Users"); // below the base URL, without a leading '/'
    QString groupsEndpoint = QStringLiteral("Groups");
    QStringList userExtensions; // schema URNs the User resource type lists
    // Attribute paths the schemas define: "userName", "name.givenName", "emails", "members.value";
    // an extension's as "URN:attribute".
    QSet<QString> userAttributes;
    QSet<QString> groupAttributes;

    bool hasUserAttribute(const QString& path) const { return userAttributes.contains(path.toLower()); }
    bool hasGroupAttribute(const QString& path) const { return groupAttributes.contains(path.toLower()); }

    // From the three discovery answers; nullopt with `error` set when one cannot be used.
    static std::optional<ScimService> parse(const QJsonObject& config, const QJsonObject& schemas,
                                            const QJsonObject& resourceTypes, QString* error);
    // "PATCH", "Bulk (at most 1000 operations)", …: what the service supports, in words.
    QStringList supported() const;
};

// Reads the three discovery resources at once.
class ScimDiscovery final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(std::optional<ScimService> service, std::optional<ConnectorError> error)>;

    explicit ScimDiscovery(ScimClient* client, QObject* parent = nullptr)
        : QObject(parent)
        , m_client(client)
    { }

    void discover(Done done);

private:
    void answered(int which, const ScimClient::Reply& reply);

    ScimClient* m_client;
    Done m_done;
    QJsonObject m_answers[3];
    int m_left = 0;
    std::optional<ConnectorError> m_error;
};

// Sentences for what a SCIM service (or the network) answered.
class ScimErrors final
{
    Q_DECLARE_TR_FUNCTIONS(ScimErrors)

public:
    // The service in sentences: the target's name ("Atlassian Cloud"), else "the SCIM service".
    static QString service(const TargetConfig& config);
    // A request that failed after retries (`what`: "list the users", in the sentence).
    static ConnectorError of(const ScimClient::Reply& reply, const TargetConfig& config, const QString& what);
    static ConnectorError invalidResponse(const ScimClient::Reply& reply, const TargetConfig& config,
                                          const QString& what);
    // Whether an answer is a refusal for one object (the rest of a run goes on).
    static bool isPerObject(const ScimClient::Reply& reply);
};

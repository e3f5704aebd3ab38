#include "ScimService.h"

#include "net/NetworkErrors.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

// The resources of a ListResponse, or the answer itself when a service sends a bare array.
QJsonArray resourcesOf(const QJsonObject& answer)
{
    return answer.value(u"Resources"_s).toArray();
}

void collect(const QJsonArray& attributes, const QString& prefix, QSet<QString>& into)
{
    for (const QJsonValue attribute : attributes) {
        const QString name = attribute[u"name"_s].toString();
        if (name.isEmpty()) {
            continue;
        }
        const QString path = prefix + name.toLower();
        into.insert(path);
        collect(attribute[u"subAttributes"_s].toArray(), path + u'.', into);
    }
}

QString endpointOf(const QJsonObject& type, const QString& fallback)
{
    QString endpoint = type.value(u"endpoint"_s).toString(fallback);
    while (endpoint.startsWith(u'/')) {
        endpoint.remove(0, 1);
    }
    return endpoint.isEmpty() ? fallback : endpoint;
}

} // namespace

std::optional<ScimService> ScimService::parse(const QJsonObject& config, const QJsonObject& schemas,
                                              const QJsonObject& resourceTypes, QString* error)
{
    if (!config.contains(u"patch"_s) && !config.contains(u"filter"_s)) {
        *error = tr("its /ServiceProviderConfig says nothing of PATCH or filters");
        return std::nullopt;
    }
    ScimService service;
    const auto supported = [&config](const QString& feature) { return config.value(feature)[u"supported"_s].toBool(); };
    service.patch = supported(u"patch"_s);
    service.bulk = supported(u"bulk"_s);
    service.bulkMaxOperations = config.value(u"bulk"_s)[u"maxOperations"_s].toInt();
    // Whatever number a service announces: a fraction counts whole bytes; one too large for an
    // integer, or below one, is no limit.
    const double payload = config.value(u"bulk"_s)[u"maxPayloadSize"_s].toDouble();
    service.bulkMaxPayloadSize = payload >= 1 && payload < 9.0e18 ? qint64(payload) : 0;
    service.filter = supported(u"filter"_s);
    service.filterMaxResults = config.value(u"filter"_s)[u"maxResults"_s].toInt();
    service.sort = supported(u"sort"_s);
    service.etag = supported(u"etag"_s);

    for (const QJsonValue type : resourcesOf(resourceTypes)) {
        const QJsonObject object = type.toObject();
        const QString schema = object.value(u"schema"_s).toString();
        if (schema == userSchema) {
            service.usersEndpoint = endpointOf(object, service.usersEndpoint);
            for (const QJsonValue extension : object.value(u"schemaExtensions"_s).toArray()) {
                service.userExtensions << extension[u"schema"_s].toString();
            }
        } else if (schema == groupSchema) {
            service.groupsEndpoint = endpointOf(object, service.groupsEndpoint);
        }
    }
    for (const QJsonValue schema : resourcesOf(schemas)) {
        const QString id = schema[u"id"_s].toString();
        const QJsonArray attributes = schema[u"attributes"_s].toArray();
        if (id == userSchema) {
            collect(attributes, {}, service.userAttributes);
        } else if (id == groupSchema) {
            collect(attributes, {}, service.groupAttributes);
        } else if (service.userExtensions.contains(id)) {
            collect(attributes, id.toLower() + u':', service.userAttributes);
        }
    }
    if (!service.hasUserAttribute(u"userName"_s)) {
        *error = tr("its /Schemas define no User with a userName");
        return std::nullopt;
    }
    // Every resource has these (RFC 7643 §3.1), whether a schema lists them or not.
    for (QSet<QString>* attributes : {&service.userAttributes, &service.groupAttributes}) {
        attributes->insert(u"id"_s);
        attributes->insert(u"externalid"_s);
        attributes->insert(u"meta"_s);
    }
    return service;
}

QStringList ScimService::supported() const
{
    QStringList features;
    if (patch) {
        features << tr("PATCH");
    }
    if (bulk) {
        features << (bulkMaxOperations > 0 ? tr("Bulk (at most %L1 operations)").arg(bulkMaxOperations) : tr("Bulk"));
    }
    if (filter) {
        features << (filterMaxResults > 0 ? tr("filters (at most %L1 results)").arg(filterMaxResults) : tr("filters"));
    }
    if (sort) {
        features << tr("sorting");
    }
    if (etag) {
        features << tr("ETags");
    }
    if (userExtensions.contains(enterpriseSchema)) {
        features << tr("the enterprise user extension");
    }
    return features;
}

void ScimDiscovery::discover(Done done)
{
    m_done = std::move(done);
    m_left = 3;
    m_error.reset();
    const QString paths[3] = {u"ServiceProviderConfig"_s, u"Schemas"_s, u"ResourceTypes"_s};
    for (int which = 0; which < 3; ++which) {
        m_client->get(paths[which], {}, [this, which](const ScimClient::Reply& reply) { answered(which, reply); });
    }
}

void ScimDiscovery::answered(int which, const ScimClient::Reply& reply)
{
    const TargetConfig& config = m_client->config();
    if (reply.outcome.status == 404 && !reply.outcome.transportFailed()
        && (!m_error || m_error->kind != ConnectorError::Kind::WrongUrl)) {
        // Whichever of the three answers first: no discovery resource there means no SCIM there.
        m_error = ConnectorError{ConnectorError::Kind::WrongUrl,
                                 tr("%1 answers, but not as a SCIM 2.0 service (no %2 below it). Enter the SCIM base "
                                    "URL the service documents, often ending in /scim/v2 or /v2.")
                                     .arg(config.url, reply.outcome.url.path().section(u'/', -1)),
                                 reply.outcome.describe()};
        m_client->cancel();
    } else if (!m_error && !reply.ok()) {
        m_error = ScimErrors::of(reply, config,
                                 which == 0       ? tr("read its /ServiceProviderConfig")
                                     : which == 1 ? tr("read its /Schemas")
                                                  : tr("read its /ResourceTypes"));
        m_client->cancel();
    } else if (!m_error && !reply.json.isObject()) {
        m_error = ScimErrors::invalidResponse(reply, config, tr("its discovery"));
    }
    if (reply.ok()) {
        m_answers[which] = reply.json.object();
    }
    if (--m_left > 0) {
        return;
    }
    if (m_error) {
        m_done(std::nullopt, m_error);
        return;
    }
    QString error;
    std::optional<ScimService> service = ScimService::parse(m_answers[0], m_answers[1], m_answers[2], &error);
    if (!service) {
        m_done(std::nullopt,
               ConnectorError{
                   ConnectorError::Kind::InvalidResponse,
                   tr("%1 cannot be used as a SCIM 2.0 service: %2.").arg(ScimErrors::service(config), error), error});
        return;
    }
    m_done(std::move(service), std::nullopt);
}

QString ScimErrors::service(const TargetConfig& config)
{
    return config.name.trimmed().isEmpty() ? tr("the SCIM service") : config.name.trimmed();
}

ConnectorError ScimErrors::of(const ScimClient::Reply& reply, const TargetConfig& config, const QString& what)
{
    using Kind = ConnectorError::Kind;
    const HttpOutcome& outcome = reply.outcome;
    const QString name = service(config);
    if (outcome.status == 0 || outcome.transportFailed() || outcome.cancelled) {
        return NetworkErrors::transport(outcome, name, config.http.timeoutSeconds);
    }
    const QString said = ScimClient::messageOf(reply);
    switch (outcome.status) {
    case 401:
        return {Kind::Unauthorized,
                tr("%1 did not accept the bearer token (HTTP 401): it is wrong, expired or revoked. Create a new "
                   "one where the service issues its SCIM tokens (for Atlassian Cloud: Atlassian Administration → "
                   "Security → Identity providers → your directory → API key), and enter it again.")
                    .arg(name),
                outcome.describe()};
    case 403:
        return {Kind::NotAdministrator,
                tr("%1 does not let the token %2 (HTTP 403%3). Give the token the provisioning rights it needs.")
                    .arg(name, what, said.isEmpty() ? QString() : u": "_s + said),
                outcome.describe()};
    case 429:
        return {Kind::ServerError,
                tr("%1 kept asking UserSync to slow down (HTTP 429) after %2 attempts. Lower the requests in "
                   "flight, then try again.")
                    .arg(name)
                    .arg(outcome.attempts),
                outcome.describe()};
    default:
        break;
    }
    if (outcome.status >= 500) {
        return {Kind::ServerError,
                tr("%1 answered with a server error (HTTP %2) after %3 attempts while UserSync tried to %4%5.")
                    .arg(name)
                    .arg(outcome.status)
                    .arg(outcome.attempts)
                    .arg(what, said.isEmpty() ? QString() : u": "_s + said),
                outcome.describe()};
    }
    return {Kind::InvalidResponse,
            tr("%1 answered HTTP %2 when UserSync tried to %3%4.")
                .arg(name)
                .arg(outcome.status)
                .arg(what, said.isEmpty() ? QString() : u": "_s + said),
            outcome.describe()};
}

ConnectorError ScimErrors::invalidResponse(const ScimClient::Reply& reply, const TargetConfig& config,
                                           const QString& what)
{
    return {ConnectorError::Kind::InvalidResponse,
            tr("%1 sent %2 that UserSync cannot read, so it stopped; nothing was changed. Check that the URL is the "
               "service's SCIM base URL and not a proxy's page, then try again.")
                .arg(service(config), what),
            reply.outcome.describe()};
}

bool ScimErrors::isPerObject(const ScimClient::Reply& reply)
{
    const int status = reply.outcome.status;
    if (reply.outcome.transportFailed()) {
        return false;
    }
    // 400 (a value refused), 404 (gone meanwhile), 409 (taken), 412 (changed meanwhile): this object.
    return status == 400 || status == 404 || status == 409 || status == 412;
}

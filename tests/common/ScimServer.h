#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

// The test services' real SCIM server (scim2-server) and the harness around it
// (tests/scim/scim_server.py): its SCIM API with the token, and the harness's control API for
// resetting it, injecting faults and reading what clients sent.
class ScimServer
{
public:
    ScimServer();

    bool isValid() const { return m_url.isValid() && !m_token.isEmpty() && m_control.isValid(); }
    QString url() const { return m_url.toString(); } // the SCIM base URL, …/v2
    QString token() const { return m_token; }

    // An empty server; `options` changes what it announces: patch, bulk, etag, sort, filter
    // (booleans), maxResults, bulkMaxOperations.
    bool reset(const QJsonObject& options = {});
    // Rules {method?, path? (regex), query? (regex), status, count?, retryAfter?, scimType?, mode?,
    // resource?};
    // mode: answer (default), apply-then-fail, conflict-after-create, empty-list, changed-before
    // (another client sets the resource's title just before the request reaches it),
    // created-before (another client creates the rule's `resource`, a user, just before),
    // refused-in-bulk (a Bulk request's first operation refused with the rule's status).
    bool setFaults(const QJsonArray& rules);
    QJsonArray requests(); // {method, path, query, ifMatch, body, status}
    bool clearRequests();
    QJsonObject state(); // {users, groups, counters}

    // The SCIM API itself, with the token: the HTTP status, and the answer's JSON in `answer`.
    int scim(const QByteArray& method, const QString& pathAndQuery, const QJsonObject& body = {},
             QJsonObject* answer = nullptr);
    // A user as someone created it in the service by hand; its id, or empty.
    QString addUser(const QString& userName, const QString& email, bool active = true);
    // A group with these members (ids, of users or, with type Group, of groups); its id, or empty.
    QString addGroup(const QString& displayName, const QJsonArray& members = {});

private:
    QByteArray call(const QUrl& url, const QByteArray& method, const QByteArray& body, bool withToken, int* status);

    QUrl m_url;
    QString m_token;
    QUrl m_control;
    QNetworkAccessManager m_network;
};

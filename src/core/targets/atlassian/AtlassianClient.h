#pragma once

#include "net/HttpClient.h"
#include "targets/TargetConfig.h"
#include "targets/TargetReply.h"
#include "targets/atlassian/AtlassianOAuth.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QObject>

#include <functional>
#include <optional>
#include <vector>

// Talks to one Atlassian Data Center application (Jira, Confluence, Bitbucket) through its REST
// API below `restPath` ({url}/rest/api/2 for Jira): signs every request in (a personal access
// token as Bearer, Basic, or an OAuth 2.0 access token it renews itself), sends writes as JSON
// with the XSRF header, and stops sending anything once the application says the account is
// locked behind a CAPTCHA, since every further attempt would count as another failed login.
//
// With OAuth the credential is the client secret; the refresh token is read from the keychain
// when the first request needs an access token, and the one each renewal answers (they rotate)
// is written back before the new access token is used. Requests wait while a token is renewed;
// a 401 renews once and sends the request again.
class AtlassianClient final : public QObject
{
    Q_OBJECT

public:
    using Query = QList<std::pair<QString, QString>>;
    using Reply = TargetReply;
    using Done = std::function<void(const Reply& reply)>;

    // `restPath`: where the API lives below the application's URL, e.g. "rest/api/2".
    AtlassianClient(TargetConfig config, QString credential, QString restPath, QObject* parent = nullptr);

    // `path` is below the REST path, with every name in it passed through segment().
    void get(const QString& path, const Query& query, Done done);
    // A GET whose successful answer the caller parses itself from outcome.body (JiraPages).
    void getPage(const QString& path, const Query& query, Done done);
    // POST, PUT or DELETE, with a JSON body unless it is empty.
    void send(const QByteArray& method, const QString& path, const Query& query, const QJsonDocument& body, Done done);

    void cancel() { m_http.cancel(); }
    bool isCancelled() const { return m_http.isCancelled(); }
    // The application answered that the account must pass a CAPTCHA: nothing is sent after that.
    bool loginLocked() const { return m_loginLocked; }

    const TargetConfig& config() const { return m_config; }
    const std::optional<ConnectorError>& setupError() const { return m_http.setupError(); }
    HttpClient::Statistics statistics() const { return m_http.statistics(); }

    // The application's own words in an error answer, in any of the three products' shapes: Jira's
    // errorMessages and errors per field, Confluence's message (and data.errors), Bitbucket's
    // errors list.
    static QString messageOf(const Reply& reply);
    // A user or group name as one segment of a path: percent-encoded, '/' included.
    static QString segment(const QString& name);
    QUrl urlFor(const QString& path, const Query& query) const;
    // X-Seraph-LoginReason says the account is locked (AUTHENTICATION_DENIED).
    static bool isLoginDenied(const HttpOutcome& outcome);

private:
    enum class Parse { Always, ErrorsOnly };
    using TokenDone = std::function<void(const std::optional<ConnectorError>& error)>;

    void dispatch(HttpRequest request, Parse parse, Done done);
    void transmit(HttpRequest request, Parse parse, Done done);
    // OAuth 2.0
    void sendWithToken(HttpRequest request, Parse parse, bool renewed, Done done);
    void ensureToken(TokenDone done);
    void renewToken(bool rereadAfterLoss);
    void storeRefreshToken(const QString& refreshToken, const AtlassianOAuth::Grant& grant);
    void finishToken(const std::optional<ConnectorError>& error);

    TargetConfig m_config;
    QByteArray m_authorization; // Basic or personal access token
    QString m_clientSecret; // OAuth
    QString m_accessToken;
    QString m_refreshToken; // the last one read from, or written to, the keychain
    QElapsedTimer m_clock;
    qint64 m_renewAt = 0;
    bool m_tokenRunning = false;
    std::vector<TokenDone> m_tokenWaiters;
    std::optional<ConnectorError> m_signInError; // once the authorization is lost, nothing more is tried
    HttpClient m_http;
    QUrl m_base;
    QString m_restPath; // "/rest/api/2/"
    bool m_loginLocked = false;
};

#pragma once

#include "connectors/ConnectorError.h"
#include "net/HttpClient.h"
#include "targets/TargetConfig.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

// The OAuth 2.0 provider of an Atlassian Data Center application (Bitbucket's incoming
// application links): the authorization code flow with PKCE (RFC 6749, RFC 7636), and the
// refresh of an access token. Bitbucket accepts these tokens on its administration API, where it
// refuses personal access tokens. Its refresh tokens rotate: every refresh answers a new one and
// the old one stops working, so the new one must be stored before the access token is used.
class AtlassianOAuth final
{
    Q_DECLARE_TR_FUNCTIONS(AtlassianOAuth)

public:
    // What Bitbucket's user administration needs (ADMIN); a system administrator's own global
    // permission can only be changed with SYSTEM_ADMIN, which Bitbucket then answers per object.
    static inline const QString scope = QStringLiteral("ADMIN");

    struct Grant
    {
        QString accessToken;
        QString refreshToken; // empty when the answer carried none (the old one stays valid)
        int expiresInSeconds = 0;
    };

    // A PKCE verifier: 43 characters from 32 random bytes of the system's generator.
    static QByteArray newVerifier();
    // Its S256 challenge: base64url(SHA-256(verifier)), unpadded.
    static QByteArray challengeOf(const QByteArray& verifier);
    // A value for `state` that cannot be guessed.
    static QByteArray newState();

    static QUrl authorizeUrl(const TargetConfig& config, const QByteArray& state, const QByteArray& challenge);
    static QUrl tokenUrl(const TargetConfig& config);

    // The token requests, with the client secret in the form body, never in the URL.
    static HttpRequest codeRequest(const TargetConfig& config, const QString& clientSecret, const QString& code,
                                   const QByteArray& verifier);
    static HttpRequest refreshRequest(const TargetConfig& config, const QString& clientSecret,
                                      const QString& refreshToken);

    // A token endpoint's answer: the grant, or an error whose sentence says what to do.
    struct Answer
    {
        std::optional<Grant> grant;
        ConnectorError error; // when grant is not
        // invalid_grant: the code or refresh token is expired, used or revoked: authorize again.
        bool authorizationLost = false;
    };
    static Answer readAnswer(const TargetConfig& config, const HttpOutcome& outcome);

    // "usersync-cli target authorize NAME, or Authorize in the application's settings".
    static QString authorizeHint(const TargetConfig& config);
};

#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// Why a connector could not do its work. `message` is one translated sentence for the
// administrator that says what to fix and where; `detail` is for developers and logs (method,
// URL path, HTTP status) and never holds a secret or a token.
struct ConnectorError
{
    enum class Kind {
        UnknownHost,
        ConnectionRefused,
        Tls,
        Timeout,
        Network,
        WrongUrl,
        RealmNotFound,
        InvalidClient,
        ServiceAccountsDisabled,
        TokenRejected,
        RoleMissing,
        QueryUsersOnly,
        ServerError,
        InvalidResponse,
        IncompleteData,
        NoSecret,
        InvalidSettings,
        Cancelled,
        // Applications (targets)
        Unauthorized, // wrong token, username or password
        LoginLocked, // the account must pass a CAPTCHA in the browser first
        NotAdministrator,
        Unsupported, // this version of the product lacks what a sync needs
    };

    Kind kind = Kind::Network;
    QString message;
    QString detail;

    // A stable, lower-case name for scripts ("invalid-client"), used in --json output.
    QString kindName() const;
    // {"kind", "message", "detail"}, as --json output shows it.
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(ConnectorError)

#include "ConnectorError.h"

using namespace Qt::StringLiterals;

QString ConnectorError::kindName() const
{
    switch (kind) {
    case Kind::UnknownHost:
        return u"unknown-host"_s;
    case Kind::ConnectionRefused:
        return u"connection-refused"_s;
    case Kind::Tls:
        return u"tls"_s;
    case Kind::Timeout:
        return u"timeout"_s;
    case Kind::Network:
        return u"network"_s;
    case Kind::WrongUrl:
        return u"wrong-url"_s;
    case Kind::RealmNotFound:
        return u"realm-not-found"_s;
    case Kind::InvalidClient:
        return u"invalid-client"_s;
    case Kind::ServiceAccountsDisabled:
        return u"service-accounts-disabled"_s;
    case Kind::TokenRejected:
        return u"token-rejected"_s;
    case Kind::RoleMissing:
        return u"role-missing"_s;
    case Kind::QueryUsersOnly:
        return u"query-users-only"_s;
    case Kind::ServerError:
        return u"server-error"_s;
    case Kind::InvalidResponse:
        return u"invalid-response"_s;
    case Kind::IncompleteData:
        return u"incomplete-data"_s;
    case Kind::NoSecret:
        return u"no-secret"_s;
    case Kind::InvalidSettings:
        return u"invalid-settings"_s;
    case Kind::Cancelled:
        return u"cancelled"_s;
    case Kind::Unauthorized:
        return u"unauthorized"_s;
    case Kind::LoginLocked:
        return u"login-locked"_s;
    case Kind::NotAdministrator:
        return u"not-administrator"_s;
    case Kind::Unsupported:
        return u"unsupported"_s;
    }
    return u"unknown"_s;
}

QJsonObject ConnectorError::toJson() const
{
    return QJsonObject{{u"kind"_s, kindName()}, {u"message"_s, message}, {u"detail"_s, detail}};
}

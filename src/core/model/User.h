#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// A person as a source (Keycloak) describes them. Plain value; no behaviour.
struct User
{
    QString id; // the source's id: stable across renames, the key for matching
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    bool enabled = true;
    bool emailVerified = false;
    qint64 createdTimestamp = 0; // milliseconds since the epoch, as Keycloak reports it
    QHash<QString, QStringList> attributes; // only the attributes the connector asked for

    bool operator==(const User&) const = default;
};

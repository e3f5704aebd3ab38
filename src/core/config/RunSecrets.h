#pragma once

#include "config/ConnectorConfig.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QObject;

// What a run needs from the keychain: the connector's client secret and, when it synchronizes
// into an application, that application's token or password. Read in the window's thread before
// a job starts on a worker (the keychain library is not safe to use from other threads); the CLI
// reads them the same way in its only thread.
struct RunSecrets
{
    Q_DECLARE_TR_FUNCTIONS(RunSecrets)

public:
    QString clientSecret;
    std::optional<QString> targetCredential; // set when the connector has a target

    using Done = std::function<void(const std::optional<RunSecrets>& secrets, const QString& error)>;
    // Asynchronously; `done` runs in `context`'s thread, and not at all once `context` is gone.
    static void read(const ConnectorConfig& connector, const QObject* context, Done done);
    // The credential of the application `targetId` alone (a rollback needs no client secret).
    static void readTarget(const QString& targetId, const QObject* context,
                           std::function<void(const std::optional<QString>& credential, const QString& error)> done);
};

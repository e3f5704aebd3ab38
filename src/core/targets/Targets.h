#pragma once

#include "config/ConnectorConfig.h"
#include "targets/Target.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

// Where a connector's syncs go: the directory itself, or the application it names, signed in
// with `credential` (RunSecrets, read in the window's thread before a worker starts). Without
// one, it is read from the keychain here, which only the main thread may do (the CLI).
class Targets final
{
    Q_DECLARE_TR_FUNCTIONS(Targets)

public:
    static std::unique_ptr<Target> open(const ConnectorConfig& connector, QSqlDatabase db,
                                        const std::optional<QString>& credential, QString* error);
};

#pragma once

#include "config/ConnectorConfig.h"
#include "targets/Target.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

// Where a connector's syncs go: the directory itself, or the application it names, with the
// application's credential read from the keychain (in the calling thread: a worker's, or the CLI's).
class Targets final
{
    Q_DECLARE_TR_FUNCTIONS(Targets)

public:
    static std::unique_ptr<Target> open(const ConnectorConfig& connector, QSqlDatabase db, QString* error);
};

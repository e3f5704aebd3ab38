#pragma once

#include "config/SettingsTable.h"
#include "targets/TargetConfig.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <optional>

// Application targets' non-secret settings in the directory's `targets` table, beside the
// connectors, so that the window, the CLI and every administrator of a shared directory see the
// same ones. Works on a connection of the calling thread. Errors are sentences with a next step.
struct TargetTestResult;

class TargetStore final
{
    Q_DECLARE_TR_FUNCTIONS(TargetStore)

public:
    explicit TargetStore(QSqlDatabase db);

    std::optional<QList<TargetConfig>> list(QString* error) const;
    // By exact id, else by name (case-insensitive). Not found: nullopt with `error` saying so.
    std::optional<TargetConfig> find(const QString& nameOrId, QString* error) const;

    bool add(TargetConfig& config, QString* error);
    bool update(const TargetConfig& config, QString* error);
    // Refused while a connector still synchronizes into the target; its links go with it.
    bool remove(const TargetConfig& config, QString* error);

    using TestRecord = SettingsTable::TestRecord;
    bool recordTest(const QString& targetId, const TestRecord& test, QString* error);
    // The same from a test's result, now; a cancelled test says nothing and is not recorded.
    bool recordTest(const QString& targetId, const TargetTestResult& result, QString* error);
    std::optional<QHash<QString, TestRecord>> lastTests(QString* error) const;

private:
    QSqlDatabase m_db;
    SettingsTable m_table;
};

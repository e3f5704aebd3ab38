#pragma once

#include <QCoreApplication>
#include <QStringList>

class CliContext;
struct SyncRequest;
struct SyncResult;

// usersync-cli sync, history and report: the sync engine and its history on the command line.
class SyncCommands final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit SyncCommands(CliContext& context)
        : m_context(context)
    { }

    int sync(const QStringList& arguments);
    int history(const QStringList& arguments);
    int report(const QStringList& arguments);
    int rollback(const QStringList& arguments);
    int migratePreview(const QStringList& arguments);
    static QStringList summaries();

private:
    // The human-readable outcome of a sync: what it did, its counts, and the next step.
    void printOutcome(const SyncRequest& request, const SyncResult& result, const QString& name);
    // A run that completed with errors: its first refusals with their reasons.
    void printRefusals(const QString& runId);

    CliContext& m_context;
};

#include "Cli.h"

#include "AppInfo.h"
#include "CliContext.h"
#include "ConnectorCommands.h"
#include "DirectoryCommands.h"
#include "FetchCommand.h"
#include "ScheduleCommands.h"
#include "SyncCommands.h"
#include "TargetCommands.h"

using namespace Qt::StringLiterals;

QString Cli::usage() const
{
    return tr("Usage: usersync-cli COMMAND [options]\n"
              "Runs UserSync's jobs without a window, for cron, systemd and scripts.\n\n"
              "Commands:\n"
              "  %1\n"
              "  %2\n"
              "  %3\n"
              "  %4\n"
              "  %5\n"
              "  %6\n\n"
              "Every command takes --help, and --directory to choose the user directory (a SQLite file or\n"
              "postgresql://user@host/database); commands that report take --json.\n"
              "Exit codes: 0 success, 1 failed, 2 wrong usage, 3 refused for safety.\n")
        .arg(ConnectorCommands::summary(), TargetCommands::summary(), FetchCommand::summary(),
             SyncCommands::summaries().join(u"\n  "_s), DirectoryCommands::summary(),
             ScheduleCommands::summaries().join(u"\n  "_s));
}

int Cli::run(const QStringList& arguments)
{
    const QStringList commandArguments = arguments.mid(1);
    const QString command = commandArguments.value(0);
    if (command == u"connector"_s) {
        return ConnectorCommands(m_context).run(commandArguments);
    }
    if (command == u"target"_s) {
        return TargetCommands(m_context).run(commandArguments);
    }
    if (command == u"fetch"_s) {
        return FetchCommand(m_context).run(commandArguments);
    }
    if (command == u"sync"_s) {
        return SyncCommands(m_context).sync(commandArguments);
    }
    if (command == u"history"_s) {
        return SyncCommands(m_context).history(commandArguments);
    }
    if (command == u"report"_s) {
        return SyncCommands(m_context).report(commandArguments);
    }
    if (command == u"rollback"_s) {
        return SyncCommands(m_context).rollback(commandArguments);
    }
    if (command == u"migrate-preview"_s) {
        return SyncCommands(m_context).migratePreview(commandArguments);
    }
    if (command == u"directory"_s) {
        return DirectoryCommands(m_context).run(commandArguments);
    }
    if (command == u"cron"_s) {
        return ScheduleCommands(m_context).cron(commandArguments);
    }
    if (command == u"schedule"_s) {
        return ScheduleCommands(m_context).schedule(commandArguments);
    }
    if (command == u"--version"_s || command == u"-v"_s) {
        m_context.out() << "usersync-cli " << AppInfo::version() << Qt::endl;
        return CliContext::Success;
    }
    if (command == u"--help"_s || command == u"-h"_s || command == u"help"_s) {
        m_context.out() << usage();
        return CliContext::Success;
    }
    if (command.isEmpty()) {
        m_context.err() << usage();
        return CliContext::Usage;
    }
    m_context.err() << tr("Unknown command “%1”.").arg(command) << Qt::endl << Qt::endl << usage();
    return CliContext::Usage;
}

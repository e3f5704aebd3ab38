#pragma once

#include <QCoreApplication>
#include <QStringList>

class CliContext;

// usersync-cli cron EXPR: what an expression means and when it runs next.
// usersync-cli schedule run|due: the scheduled full syncs without a window, as a service that
// stays running (systemd) or once per call (crontab).
class ScheduleCommands final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit ScheduleCommands(CliContext& context)
        : m_context(context)
    { }

    int cron(const QStringList& arguments);
    int schedule(const QStringList& arguments);
    static QStringList summaries();

private:
    int runSchedules(const QStringList& arguments, bool stayRunning);

    CliContext& m_context;
};

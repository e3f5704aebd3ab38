#include "ScheduleCommands.h"

#include "CliContext.h"
#include "schedule/CronExpression.h"
#include "schedule/ScheduleService.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QSocketNotifier>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// SIGTERM and SIGINT end `schedule run` between runs, or after the running ones are done;
// the handler only writes to a pipe, which the event loop reads.
int stopPipe[2] = {-1, -1};

void requestStop(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(stopPipe[1], &byte, 1);
}

} // namespace

QStringList ScheduleCommands::summaries()
{
    return {tr("cron EXPR                                 Describe a cron expression and list its next runs"),
            tr("schedule run|due                          Run the scheduled syncs: as a service, or what is "
               "due now")};
}

int ScheduleCommands::cron(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Checks a cron expression (Quartz syntax, or a classic crontab line) before "
                                        "it is saved: what it means, and when it runs next."));
    parser.addPositionalArgument(u"EXPR"_s, tr("The expression, quoted, e.g. '0 30 6 ? * MON-FRI'."));
    const QCommandLineOption count(u"count"_s, tr("How many runs to list (default 5)."), tr("n"), u"5"_s);
    const QCommandLineOption zone(u"tz"_s, tr("The time zone, e.g. Europe/Berlin (default: the system's)."),
                                  tr("zone"));
    parser.addOptions({count, zone});
    m_context.addCommonOptions(parser, true);
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    if (parser.positionalArguments().size() != 1) {
        return m_context.usageError(parser, tr("Give the expression as one argument, in quotes."));
    }
    bool numeric = false;
    const int runs = parser.value(count).toInt(&numeric);
    if (!numeric || runs < 1 || runs > 1000) {
        return m_context.usageError(parser, tr("--count is a number from 1 to 1000."));
    }
    const QTimeZone timeZone =
        parser.isSet(zone) ? QTimeZone(parser.value(zone).toUtf8()) : QTimeZone::systemTimeZone();
    if (!timeZone.isValid()) {
        return m_context.usageError(
            parser, tr("The time zone “%1” is not known. Use a name such as Europe/Berlin.").arg(parser.value(zone)));
    }
    QString error;
    const auto expression = CronExpression::parse(parser.positionalArguments().constFirst(), &error);
    if (!expression) {
        if (m_context.json()) {
            m_context.printJson({{u"ok"_s, false}, {u"error"_s, error}});
            return CliContext::Failed;
        }
        return m_context.fail(error);
    }
    const QList<QDateTime> next = expression->nextTimes(QDateTime::currentDateTimeUtc(), timeZone, runs);
    if (m_context.json()) {
        QJsonArray times;
        for (const QDateTime& time : next) {
            times.append(time.toString(Qt::ISODate));
        }
        m_context.printJson({{u"ok"_s, true},
                             {u"expression"_s, expression->text()},
                             {u"description"_s, expression->describe()},
                             {u"timeZone"_s, QString::fromUtf8(timeZone.id())},
                             {u"next"_s, times}});
        return CliContext::Success;
    }
    m_context.out() << expression->describe() << Qt::endl;
    if (next.isEmpty()) {
        m_context.out() << tr("It never runs: no date matches it.") << Qt::endl;
    }
    for (const QDateTime& time : next) {
        m_context.out() << u"  "_s << time.toString(u"ddd yyyy-MM-dd HH:mm:ss t"_s) << Qt::endl;
    }
    return CliContext::Success;
}

int ScheduleCommands::schedule(const QStringList& arguments)
{
    const QString action = arguments.value(1);
    if (action == u"run"_s || action == u"due"_s) {
        return runSchedules(arguments.mid(1), action == u"run"_s);
    }
    m_context.err() << tr(
        "Usage: usersync-cli schedule run|due [options]\n\n"
        "  run   stay running and start each connector's scheduled full sync when it is due\n"
        "        (installed as a systemd user service: systemctl --user enable --now usersync-schedule)\n"
        "  due   start what is due now, wait for it, and exit (for a crontab line that runs\n"
        "        every few minutes)\n")
                    << Qt::flush;
    return CliContext::Usage;
}

int ScheduleCommands::runSchedules(const QStringList& arguments, bool stayRunning)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(stayRunning ? tr("Runs each connector's scheduled full sync when it is due, "
                                                      "until stopped (SIGTERM or Ctrl+C).")
                                                 : tr("Runs the scheduled full syncs that are due now, and exits."));
    m_context.addCommonOptions(parser, false);
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    const auto location = m_context.location();
    auto directory = location ? m_context.openDirectory() : nullptr;
    if (!directory) {
        return CliContext::Failed;
    }
    ScheduleService service(*location, directory->database(), ScheduleService::inThisThread());
    QString error;
    if (!service.reload(&error)) {
        return m_context.fail(error);
    }
    int failures = 0;
    int refusals = 0;
    QObject::connect(&service, &ScheduleService::runStarted, [this](const ConnectorConfig& connector) {
        m_context.out() << tr("Scheduled full sync of “%1” started.").arg(connector.name) << Qt::endl;
    });
    QObject::connect(&service, &ScheduleService::runFinished,
                     [this, &failures, &refusals](const ConnectorConfig& connector, const SyncResult& result) {
                         switch (result.status) {
                         case SyncResult::Status::Succeeded:
                             m_context.out() << tr("“%1”: applied.").arg(connector.name) << Qt::endl;
                             return;
                         case SyncResult::Status::Refused:
                             ++refusals;
                             m_context.err() << tr("“%1”: refused: %2").arg(connector.name, result.message) << Qt::endl;
                             return;
                         case SyncResult::Status::Skipped:
                             m_context.err() << tr("“%1”: skipped: %2").arg(connector.name, result.message) << Qt::endl;
                             return;
                         case SyncResult::Status::CompletedWithErrors:
                         case SyncResult::Status::Failed:
                         case SyncResult::Status::Cancelled:
                             ++failures;
                             m_context.err() << tr("“%1”: failed: %2").arg(connector.name, result.message) << Qt::endl;
                             return;
                         }
                     });
    if (!stayRunning) {
        if (service.runDue() == 0) {
            m_context.out() << tr("Nothing is due.") << Qt::endl;
            return CliContext::Success;
        }
        QEventLoop loop;
        QObject::connect(&service, &ScheduleService::idle, &loop, &QEventLoop::quit);
        loop.exec();
        return failures > 0 ? CliContext::Failed : refusals > 0 ? CliContext::Refused : CliContext::Success;
    }

    // As a service: until SIGTERM or SIGINT, letting running syncs finish first.
    if (::pipe(stopPipe) != 0) {
        return m_context.fail(tr("Cannot set up the stop signal handling."));
    }
    std::signal(SIGTERM, requestStop);
    std::signal(SIGINT, requestStop);
    QEventLoop loop;
    bool stopping = false;
    QSocketNotifier stop(stopPipe[0], QSocketNotifier::Read);
    QObject::connect(&stop, &QSocketNotifier::activated, [&] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(stopPipe[0], &byte, 1);
        stopping = true;
        service.stop();
        m_context.out() << tr("Stopping.") << Qt::endl;
        if (service.runningCount() == 0) {
            loop.quit();
        }
    });
    QObject::connect(&service, &ScheduleService::idle, &loop, [&] {
        if (stopping) {
            loop.quit();
        }
    });
    m_context.out() << (service.hasSchedules() ? tr("Waiting for scheduled runs.")
                                               : tr("No connector has a schedule yet; waiting for one."))
                    << Qt::endl;
    service.start();
    loop.exec();
    return CliContext::Success;
}

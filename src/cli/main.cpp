#include "AppInfo.h"
#include "Cli.h"
#include "CliContext.h"
#include "ProcessProtection.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: the event loop picks the byte up and cancels the job.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char* argv[])
{
    // Before anything that may read a secret: no core dump of this process, and no reading it.
    ProcessProtection::disableCoreDumps();
    ProcessProtection::makeUndumpable();
    QCoreApplication app(argc, argv);
    // A command's output is its result: progress notes stay out of it unless asked for with
    // QT_LOGGING_RULES="usersync.*.info=true" (which takes precedence over this).
    QLoggingCategory::setFilterRules(QStringLiteral("usersync.*.info=false"));
    AppInfo::applyToApplication();
    AppInfo::installTranslations();

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    CliContext context(out, err, in, ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO));

    // Ctrl+C or a stop from systemd cancels the running job, which then reports that nothing changed.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&context] {
            char byte = 0;
            [[maybe_unused]] const auto read = ::read(signalPipe[0], &byte, 1);
            context.interrupt();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    return Cli(context).run(QCoreApplication::arguments());
}

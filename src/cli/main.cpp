#include "AppInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    AppInfo::applyToApplication();
    AppInfo::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Runs UserSync's jobs without a window, for cron, systemd and scripts."));
    parser.addHelpOption();
    // Not addVersionOption(): that prints the application name, which is "usersync" so that the
    // CLI shares the window's settings and data folder.
    const QCommandLineOption versionOption({ QStringLiteral("v"), QStringLiteral("version") },
                                           QCoreApplication::translate("main", "Displays version information."));
    parser.addOption(versionOption);
    parser.process(app);

    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << "usersync-cli " << AppInfo::version() << Qt::endl;
        return 0;
    }

    parser.showHelp(0);
}

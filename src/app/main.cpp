#include "AppInfo.h"
#include "MainWindow.h"
#include "ProcessProtection.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    // Before anything that may read a secret: no core dump of this process.
    ProcessProtection::disableCoreDumps();
    QApplication app(argc, argv);
    AppInfo::applyToApplication();
    QApplication::setApplicationDisplayName(QLatin1String(AppInfo::displayName));
    QGuiApplication::setDesktopFileName(QLatin1String(AppInfo::desktopFileName));
    AppInfo::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Keeps an application's user directory in step with a Keycloak realm."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption directoryOption(
        QStringLiteral("directory"),
        QCoreApplication::translate("main", "Open the SQLite directory file at <path> instead of the default."),
        QCoreApplication::translate("main", "path"));
    parser.addOption(directoryOption);
    parser.process(app);

    // The directory given, else the one opened last, else the default SQLite file.
    const DirectoryLocation location = parser.isSet(directoryOption)
        ? DirectoryLocation::sqlite(parser.value(directoryOption))
        : MainWindow::rememberedLocation().value_or(DirectoryLocation::defaultLocation());

    MainWindow window;
    // Scheduled syncs run while the application runs, in the tray once the window is closed:
    // the window quits the application itself.
    QApplication::setQuitOnLastWindowClosed(false);
    window.enableScheduling();
    window.openLocation(location);
    window.show();
    return QApplication::exec();
}

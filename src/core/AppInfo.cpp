#include "AppInfo.h"

#include "Logging.h"
#include "UserSyncVersion.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace AppInfo {

QString version()
{
    return QStringLiteral(USERSYNC_VERSION);
}

void applyToApplication()
{
    QCoreApplication::setApplicationName(QLatin1String(applicationName));
    QCoreApplication::setOrganizationName(QLatin1String(organizationName));
    QCoreApplication::setApplicationVersion(version());
}

void installTranslations()
{
    // Qt's own strings (a wizard's Back and Next, standard dialog buttons), where the system has
    // them (Debian: qt6-translations-l10n).
    auto* qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    } else {
        delete qtTranslator;
    }
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QLocale(), QStringLiteral("usersync"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        qCDebug(lcApp) << "loaded translation" << translator->language();
    } else {
        delete translator;
    }
}

} // namespace AppInfo

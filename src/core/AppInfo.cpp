#include "AppInfo.h"

#include "Logging.h"
#include "UserSyncVersion.h"

#include <QCoreApplication>
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
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QLocale(), QStringLiteral("usersync"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        qCDebug(lcApp) << "loaded translation" << translator->language();
    } else {
        delete translator;
    }
}

} // namespace AppInfo

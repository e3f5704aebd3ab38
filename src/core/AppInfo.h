#pragma once

#include <QString>

// Names and version shared by the window, the CLI and the tests, so that settings,
// data folders and keychain entries are the same whichever of them runs.
namespace AppInfo {

inline constexpr auto applicationName = "usersync";
inline constexpr auto organizationName = "UserSync";
inline constexpr auto displayName = "UserSync";
inline constexpr auto desktopFileName = "org.usersync.UserSync";

QString version();

// Sets the application name, organisation and version on the running QCoreApplication.
void applyToApplication();

// Loads the translation for the system locale, if there is one, into the running application.
void installTranslations();

} // namespace AppInfo

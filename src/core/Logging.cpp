#include "Logging.h"

Q_LOGGING_CATEGORY(lcApp, "usersync.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "usersync.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDirectory, "usersync.directory", QtInfoMsg)

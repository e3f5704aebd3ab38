#include "Logging.h"

Q_LOGGING_CATEGORY(lcApp, "usersync.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "usersync.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDirectory, "usersync.directory", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeycloak, "usersync.keycloak", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJobs, "usersync.jobs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSchedule, "usersync.schedule", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNetwork, "usersync.network", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTargets, "usersync.targets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJira, "usersync.jira", QtInfoMsg)

#include "TestEnvironment.h"

#include <QStandardPaths>

namespace TestEnvironment {

QByteArray missingServiceMessage(const char* variable)
{
    return QByteArray(variable)
        + " is not set: this test needs the real test services. Run it through "
          "scripts/with-test-services.sh (for example: scripts/with-test-services.sh ctest --test-dir build), "
          "or run scripts/test.sh.";
}

std::optional<PostgresService> postgres()
{
    const QString host = qEnvironmentVariable("USERSYNC_TEST_PG_HOST");
    const int port = qEnvironmentVariableIntValue("USERSYNC_TEST_PG_PORT");
    const QString database = qEnvironmentVariable("USERSYNC_TEST_PG_DATABASE");
    const QString user = qEnvironmentVariable("USERSYNC_TEST_PG_USER");
    const QString password = qEnvironmentVariable("USERSYNC_TEST_PG_PASSWORD");
    if (host.isEmpty() || port == 0 || database.isEmpty() || user.isEmpty() || password.isEmpty()) {
        return std::nullopt;
    }
    return PostgresService{DirectoryLocation::postgreSql(host, port, database, user), password};
}

void isolateUserFolders()
{
    QStandardPaths::setTestModeEnabled(true);
}

} // namespace TestEnvironment

#include "TestEnvironment.h"

#include <QSqlQuery>
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

bool emptyDirectory(const QSqlDatabase& db, bool connectorsToo)
{
    QStringList tables = {QStringLiteral("sync_changes"),          QStringLiteral("sync_runs"),
                          QStringLiteral("directory_memberships"), QStringLiteral("directory_users"),
                          QStringLiteral("directory_groups"),      QStringLiteral("target_links")};
    if (connectorsToo) {
        tables << QStringLiteral("connectors") << QStringLiteral("connector_tests") << QStringLiteral("targets")
               << QStringLiteral("target_tests");
    }
    QSqlQuery query(db);
    for (const QString& table : tables) {
        if (!query.exec(QStringLiteral("DELETE FROM ") + table)) {
            return false;
        }
    }
    return true;
}

void isolateUserFolders()
{
    QStandardPaths::setTestModeEnabled(true);
}

} // namespace TestEnvironment

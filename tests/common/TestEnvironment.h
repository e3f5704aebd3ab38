#pragma once

#include "directory/DirectoryLocation.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QTest>

#include <optional>

namespace TestEnvironment {

// The message a test fails with when a variable that scripts/with-test-services.sh exports is missing.
QByteArray missingServiceMessage(const char* variable);

// The PostgreSQL server of scripts/with-test-services.sh, from its USERSYNC_TEST_PG_* variables.
struct PostgresService
{
    DirectoryLocation location;
    QString password;
};
std::optional<PostgresService> postgres();

// Deletes every user, group, membership, run and target link of a directory (connectors and
// targets too, if asked),
// so that a test starts from an empty directory on a database other tests also use.
bool emptyDirectory(const QSqlDatabase& db, bool connectorsToo = false);

// Directs QStandardPaths and QSettings at throw-away test folders (call from initTestCase).
void isolateUserFolders();

} // namespace TestEnvironment

// Reads an environment variable that the test services script sets into `var`, or fails the current
// test naming the script to run. Integration tests never pass silently without their services.
#define USERSYNC_REQUIRE_ENV(var, name)                                                                                \
    const QString var = qEnvironmentVariable(name);                                                                    \
    QVERIFY2(!var.isEmpty(), TestEnvironment::missingServiceMessage(name).constData())

// Reads the test PostgreSQL server's location and password into `var`, or fails the current test.
#define USERSYNC_REQUIRE_POSTGRES(var)                                                                                 \
    const std::optional<TestEnvironment::PostgresService> var = TestEnvironment::postgres();                           \
    QVERIFY2(var.has_value(), TestEnvironment::missingServiceMessage("USERSYNC_TEST_PG_*").constData())

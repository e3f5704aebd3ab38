#pragma once

#include <QByteArray>
#include <QString>
#include <QTest>

namespace TestEnvironment {

// The message a test fails with when a variable that scripts/with-test-services.sh exports is missing.
QByteArray missingServiceMessage(const char* variable);

// Directs QStandardPaths and QSettings at throw-away test folders (call from initTestCase).
void isolateUserFolders();

} // namespace TestEnvironment

// Reads an environment variable that the test services script sets into `var`, or fails the current
// test naming the script to run. Integration tests never pass silently without their services.
#define USERSYNC_REQUIRE_ENV(var, name)                                                                                \
    const QString var = qEnvironmentVariable(name);                                                                    \
    QVERIFY2(!var.isEmpty(), TestEnvironment::missingServiceMessage(name).constData())

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

void isolateUserFolders()
{
    QStandardPaths::setTestModeEnabled(true);
}

} // namespace TestEnvironment

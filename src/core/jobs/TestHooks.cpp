#include "TestHooks.h"

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString& killPoint()
{
    static const QString wanted = qEnvironmentVariable("USERSYNC_TEST_KILL_AT");
    return wanted;
}

} // namespace

namespace TestHooks {

void killIfAsked(const QString& point)
{
    if (!killPoint().isEmpty() && killPoint() == point) {
        std::raise(SIGKILL);
    }
}

void killAt(const QString& kind, int count)
{
    if (!killPoint().isEmpty()) {
        killIfAsked(u"%1:%2"_s.arg(kind).arg(count));
    }
}

} // namespace TestHooks

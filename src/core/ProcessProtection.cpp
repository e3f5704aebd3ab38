#include "ProcessProtection.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace ProcessProtection {

bool disableCoreDumps()
{
#ifdef Q_OS_UNIX
    const rlimit none{0, 0};
    return ::setrlimit(RLIMIT_CORE, &none) == 0;
#else
    return true;
#endif
}

bool makeUndumpable()
{
#ifdef Q_OS_LINUX
    return ::prctl(PR_SET_DUMPABLE, 0) == 0;
#else
    return true;
#endif
}

} // namespace ProcessProtection

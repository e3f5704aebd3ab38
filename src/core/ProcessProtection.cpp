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
    bool disabled = true;
#ifdef Q_OS_UNIX
    const rlimit none{0, 0};
    disabled = ::setrlimit(RLIMIT_CORE, &none) == 0;
#endif
#ifdef Q_OS_LINUX
    disabled = ::prctl(PR_SET_DUMPABLE, 0) == 0 && disabled;
#endif
    return disabled;
}

} // namespace ProcessProtection

#pragma once

#include <QtGlobal>

// The process's peak resident memory so far (VmHWM), in KiB; -1 where it cannot be read.
qint64 peakRssKiB();

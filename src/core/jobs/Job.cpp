#include "Job.h"

#include <QMetaObject>

namespace {
constexpr int progressIntervalMs = 200;
}

void Job::cancel()
{
    if (!m_cancelled.exchange(true)) {
        QMetaObject::invokeMethod(
            this, [this] { cancelled(); }, Qt::QueuedConnection);
    }
}

void Job::reportProgress(const JobProgress& progress, bool force)
{
    if (force || !m_sinceProgress.isValid() || m_sinceProgress.elapsed() >= progressIntervalMs) {
        m_sinceProgress.start();
        Q_EMIT this->progress(progress);
    }
}

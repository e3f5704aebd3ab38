#pragma once

#include <QSignalSpy>
#include <QVariant>

// Starts `job` in the calling thread and waits, in its event loop, until it emits finished.
// Returns the signal's arguments, or an empty list if it did not finish within `timeoutMs`.
template <typename JobType>
QList<QVariant> runJob(JobType& job, int timeoutMs = 120'000)
{
    QSignalSpy finished(&job, &JobType::finished);
    job.start();
    if (finished.isEmpty()) {
        finished.wait(timeoutMs);
    }
    return finished.isEmpty() ? QList<QVariant>{} : finished.takeFirst();
}

#pragma once

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>

struct JobProgress
{
    QString phase; // translated, e.g. "Reading users"
    qint64 done = 0;
    qint64 total = -1; // -1 while unknown
};
Q_DECLARE_METATYPE(JobProgress)

// A unit of work that runs in the thread it lives in, driven by that thread's event loop:
// the GUI moves jobs to a worker thread, the CLI runs them in its main thread. Results come
// through each job's own finished signal.
class Job : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // May be called from any thread: the job stops at its next step and reports the cancellation.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

public Q_SLOTS:
    virtual void start() = 0;

Q_SIGNALS:
    void progress(const JobProgress& progress);

protected:
    // Runs in the job's thread after cancel().
    virtual void cancelled() { }
    // Progress reaches the window at most every 200 ms, and always when `force` is set.
    void reportProgress(const JobProgress& progress, bool force = false);

private:
    std::atomic<bool> m_cancelled{false};
    QElapsedTimer m_sinceProgress;
};

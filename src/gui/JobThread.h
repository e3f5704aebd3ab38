#pragma once

#include "jobs/Job.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

// Runs one Job on a thread of its own, so that the window never waits on the network or the
// database, and delivers its progress and result in the window's thread. The job is made in
// its thread, so everything it creates (network access, database connections) lives there too.
// Destroying the JobThread (with its parent, e.g. a closed window) cancels the job, drops its
// result and waits for the thread.
class JobThread final : public QObject
{
    Q_OBJECT

public:
    template <typename JobType, typename Result>
    static JobThread* start(QObject* parent, std::function<std::unique_ptr<JobType>()> make,
                            void (JobType::*finished)(const Result&), std::function<void(const Result&)> onFinished)
    {
        auto* runner = new JobThread(parent);
        QMetaObject::invokeMethod(
            runner->m_anchor, [runner, make = std::move(make), finished, onFinished = std::move(onFinished)]() mutable {
                JobType* job = make().release();
                job->setParent(runner->m_anchor); // deleted with it, in this thread
                runner->m_job.store(job);
                QObject::connect(job, &Job::progress, runner, &JobThread::progress);
                QObject::connect(job, finished, runner, [runner, onFinished](const Result& result) {
                    runner->m_job.store(nullptr);
                    onFinished(result);
                    runner->finish();
                });
                job->start();
            });
        return runner;
    }

    ~JobThread() override;

    // Cancels the job; it still reports, with a cancelled result.
    void cancel();
    bool isRunning() const { return m_job.load() != nullptr; }

Q_SIGNALS:
    void progress(const JobProgress& progress);

private:
    explicit JobThread(QObject* parent);
    void finish();

    QThread m_thread;
    QObject* m_anchor; // lives in m_thread; the job is its child
    std::atomic<Job*> m_job{nullptr};
};

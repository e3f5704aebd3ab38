#include "JobThread.h"

JobThread::JobThread(QObject* parent)
    : QObject(parent)
    , m_anchor(new QObject)
{
    m_thread.setObjectName(QStringLiteral("usersync-job"));
    m_anchor->moveToThread(&m_thread);
    // The anchor and the job go as the thread ends, in the thread they live in.
    connect(&m_thread, &QThread::finished, m_anchor, &QObject::deleteLater);
    m_thread.start();
}

JobThread::~JobThread()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void JobThread::cancel()
{
    if (Job* job = m_job.load()) {
        job->cancel();
    }
}

void JobThread::finish()
{
    m_thread.quit();
    deleteLater();
}

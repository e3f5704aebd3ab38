#include "SchedulerTray.h"

#include "JobThread.h"

#include <QMenu>
#include <QSystemTrayIcon>

SchedulerTray::SchedulerTray(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_menu = new QMenu(window);
        m_menu->addAction(tr("&Open UserSync"), this, &SchedulerTray::showWindowRequested);
        m_menu->addSeparator();
        m_menu->addAction(tr("&Quit"), this, &SchedulerTray::quitRequested);
        m_tray = new QSystemTrayIcon(window->windowIcon(), this);
        m_tray->setContextMenu(m_menu);
        m_tray->setToolTip(tr("UserSync: scheduled synchronization"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                Q_EMIT showWindowRequested();
            }
        });
    }
}

SchedulerTray::~SchedulerTray() = default;

void SchedulerTray::setDirectory(const DirectoryLocation& location, QSqlDatabase db)
{
    clearDirectory();
    // Each scheduled run is a SyncJob on a worker thread of its own, like a run started by hand.
    auto runner = [](QObject* context, const DirectoryLocation& at, const ConnectorConfig& connector,
                     const RunSecrets& secrets, ScheduleService::Done done) {
        const SyncRequest request{SyncRequest::Mode::Full, QStringLiteral("scheduled"), false, nullptr,
                                  secrets.targetCredential};
        const QString secret = secrets.clientSecret;
        JobThread::start<SyncJob, SyncResult>(
            context,
            [at, connector, secret, request] { return std::make_unique<SyncJob>(at, connector, secret, request); },
            &SyncJob::finished, std::move(done));
    };
    m_service = new ScheduleService(location, std::move(db), runner, this);
    connect(m_service, &ScheduleService::runStarted, this, &SchedulerTray::runStarted);
    connect(m_service, &ScheduleService::runFinished, this, &SchedulerTray::runFinished);
    connect(m_service, &ScheduleService::runFinished, this, &SchedulerTray::notify);
    m_service->start();
    updateTray();
}

void SchedulerTray::clearDirectory()
{
    delete m_service; // its running jobs are cancelled and waited for with their JobThreads, its children
    updateTray();
}

void SchedulerTray::reload()
{
    if (m_service) {
        m_service->start(); // reads the connectors again and sets the timer for the next run
    }
    updateTray();
}

bool SchedulerTray::keepsRunning() const
{
    return m_tray && m_service && m_service->hasSchedules();
}

void SchedulerTray::announceHidden()
{
    if (m_tray && !m_announced) {
        m_announced = true;
        m_tray->showMessage(tr("UserSync keeps running"),
                            tr("Scheduled syncs go on while UserSync is in the system tray. Quit from its menu."),
                            QSystemTrayIcon::Information);
    }
}

void SchedulerTray::updateTray()
{
    if (m_tray) {
        m_tray->setVisible(keepsRunning());
    }
}

void SchedulerTray::notify(const ConnectorConfig& connector, const SyncResult& result)
{
    if (result.status == SyncResult::Status::Succeeded || !m_tray || !m_tray->isVisible()) {
        return; // without a tray, the window's list and the history show the outcome
    }
    const QString title = result.status == SyncResult::Status::Refused ? tr("Scheduled sync of “%1” refused")
        : result.status == SyncResult::Status::Skipped                 ? tr("Scheduled sync of “%1” skipped")
        : result.status == SyncResult::Status::CompletedWithErrors ? tr("Scheduled sync of “%1” completed with errors")
                                                                   : tr("Scheduled sync of “%1” failed");
    m_tray->showMessage(title.arg(connector.name), result.message, QSystemTrayIcon::Warning);
}

#pragma once

#include "directory/DirectoryLocation.h"
#include "schedule/ScheduleService.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

class QMenu;
class QSystemTrayIcon;

// The in-app scheduler: while the application runs, the open directory's scheduled full syncs
// run on worker threads, and with schedules on, the application stays in the system tray when
// its window is closed. Failed, refused and skipped runs are reported as notifications.
class SchedulerTray final : public QObject
{
    Q_OBJECT

public:
    explicit SchedulerTray(QWidget* window);
    ~SchedulerTray() override;

    // Starts checking the schedules of the directory at `location` (`db` is this thread's
    // connection to it); a second call moves to another directory.
    void setDirectory(const DirectoryLocation& location, QSqlDatabase db);
    void clearDirectory();
    // Connectors were added, changed or removed: their next runs are worked out again.
    void reload();

    // With schedules on and a tray to show, closing the window hides it instead of quitting.
    bool keepsRunning() const;
    ScheduleService* service() const { return m_service; }
    // Tells, once, that the application went on running in the tray.
    void announceHidden();

Q_SIGNALS:
    void runStarted(const ConnectorConfig& connector);
    void runFinished(const ConnectorConfig& connector, const SyncResult& result);
    void showWindowRequested();
    void quitRequested();

private:
    void updateTray();
    void notify(const ConnectorConfig& connector, const SyncResult& result);

    QWidget* m_window;
    QPointer<ScheduleService> m_service;
    QSystemTrayIcon* m_tray = nullptr;
    QMenu* m_menu = nullptr;
    bool m_announced = false;
};

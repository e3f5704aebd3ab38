#pragma once

#include "directory/DatabaseConnection.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the directory at `location` and shows what happened; returns whether it is open.
    bool openDirectory(const DirectoryLocation& location);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void showAbout();
    void restoreWindowState();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<DatabaseConnection> m_directory;
};

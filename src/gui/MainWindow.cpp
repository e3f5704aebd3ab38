#include "MainWindow.h"

#include "AppInfo.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QSettings>

namespace {
const auto geometryKey = QStringLiteral("MainWindow/geometry");
const auto stateKey = QStringLiteral("MainWindow/state");
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/usersync.svg")));
    m_ui->quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openDirectory(const DirectoryLocation& location)
{
    m_directory.reset();
    m_ui->directoryLocationLabel->setText(location.displayName());

    // Only SQLite opens from the window for now: it is a local file and opens at once.
    QString error;
    m_directory = DatabaseConnection::open(location, QString(), &error);
    if (!m_directory) {
        m_ui->directoryStatusLabel->setText(error);
        statusBar()->showMessage(tr("The user directory could not be opened."));
        return false;
    }
    m_ui->directoryStatusLabel->setText(tr("Open"));
    statusBar()->showMessage(tr("Ready"));
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    event->accept();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About UserSync"),
                       tr("<h3>UserSync %1</h3><p>Keeps an application's user directory in step with a "
                          "Keycloak realm.</p>")
                           .arg(AppInfo::version()));
}

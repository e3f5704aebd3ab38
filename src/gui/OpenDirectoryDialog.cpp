#include "OpenDirectoryDialog.h"

#include "ui_OpenDirectoryDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>

OpenDirectoryDialog::OpenDirectoryDialog(const std::optional<DirectoryLocation>& current, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::OpenDirectoryDialog>())
{
    m_ui->setupUi(this);
    m_ui->problemLabel->hide();
    const DirectoryLocation shown = current.value_or(DirectoryLocation::defaultLocation());
    if (shown.kind() == DirectoryLocation::Kind::PostgreSql) {
        m_ui->postgresRadioButton->setChecked(true);
        m_ui->hostLineEdit->setText(shown.host());
        m_ui->portSpinBox->setValue(shown.port());
        m_ui->databaseLineEdit->setText(shown.database());
        m_ui->userLineEdit->setText(shown.user());
        m_ui->sqlitePathLineEdit->setText(DirectoryLocation::defaultLocation().filePath());
    } else {
        m_ui->sqlitePathLineEdit->setText(shown.filePath());
    }
    connect(m_ui->sqliteRadioButton, &QRadioButton::toggled, this, &OpenDirectoryDialog::updateEnabled);
    connect(m_ui->sqliteBrowseButton, &QPushButton::clicked, this, &OpenDirectoryDialog::browse);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &OpenDirectoryDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateEnabled();
}

OpenDirectoryDialog::~OpenDirectoryDialog() = default;

QString OpenDirectoryDialog::typedPassword() const
{
    return m_ui->postgresRadioButton->isChecked() ? m_ui->passwordLineEdit->text() : QString();
}

void OpenDirectoryDialog::updateEnabled()
{
    const bool sqlite = m_ui->sqliteRadioButton->isChecked();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_ui->sqlitePathLabel, m_ui->sqlitePathLineEdit,
                                                           m_ui->sqliteBrowseButton, m_ui->sqliteHintLabel}) {
        widget->setEnabled(sqlite);
    }
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_ui->hostLabel, m_ui->hostLineEdit, m_ui->portLabel, m_ui->portSpinBox, m_ui->databaseLabel,
             m_ui->databaseLineEdit, m_ui->userLabel, m_ui->userLineEdit, m_ui->passwordLabel, m_ui->passwordLineEdit,
             m_ui->postgresHintLabel}) {
        widget->setEnabled(!sqlite);
    }
}

void OpenDirectoryDialog::browse()
{
    // A save dialog, so that a new file can be named as well as an existing one chosen.
    const QString path = QFileDialog::getSaveFileName(
        this, tr("SQLite Directory File"), m_ui->sqlitePathLineEdit->text(),
        tr("SQLite databases (*.sqlite *.db);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        m_ui->sqlitePathLineEdit->setText(path);
    }
}

void OpenDirectoryDialog::accept()
{
    QString problem;
    QWidget* where = nullptr;
    if (m_ui->sqliteRadioButton->isChecked()) {
        const QString path = m_ui->sqlitePathLineEdit->text().trimmed();
        if (path.isEmpty()) {
            problem = tr("Enter the path of the SQLite file, or choose one with Browse.");
            where = m_ui->sqlitePathLineEdit;
        } else if (QFileInfo(path).isDir()) {
            problem = tr("“%1” is a folder. Enter the path of a file in it, such as %1/directory.sqlite.").arg(path);
            where = m_ui->sqlitePathLineEdit;
        } else {
            m_location = DirectoryLocation::sqlite(QFileInfo(path).absoluteFilePath());
        }
    } else if (m_ui->hostLineEdit->text().trimmed().isEmpty()) {
        problem = tr("Enter the host name of the PostgreSQL server.");
        where = m_ui->hostLineEdit;
    } else if (m_ui->databaseLineEdit->text().trimmed().isEmpty()) {
        problem = tr("Enter the name of the database.");
        where = m_ui->databaseLineEdit;
    } else if (m_ui->userLineEdit->text().trimmed().isEmpty()) {
        problem = tr("Enter the database user UserSync signs in as.");
        where = m_ui->userLineEdit;
    } else {
        m_location = DirectoryLocation::postgreSql(m_ui->hostLineEdit->text().trimmed(), m_ui->portSpinBox->value(),
                                                   m_ui->databaseLineEdit->text().trimmed(),
                                                   m_ui->userLineEdit->text().trimmed());
    }
    m_ui->problemLabel->setText(problem);
    m_ui->problemLabel->setVisible(!problem.isEmpty());
    if (where) {
        where->setFocus();
        return;
    }
    QDialog::accept();
}

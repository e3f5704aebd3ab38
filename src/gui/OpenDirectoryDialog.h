#pragma once

#include "directory/DirectoryLocation.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class OpenDirectoryDialog;
}

// Chooses the user directory: a SQLite file, or a PostgreSQL database with its password (kept
// in the keychain, never in the settings).
class OpenDirectoryDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit OpenDirectoryDialog(const std::optional<DirectoryLocation>& current, QWidget* parent = nullptr);
    ~OpenDirectoryDialog() override;

    // Set once accepted.
    std::optional<DirectoryLocation> location() const { return m_location; }
    // Empty: use the password in the keychain.
    QString typedPassword() const;

    void accept() override;

private:
    void updateEnabled();
    void browse();

    std::unique_ptr<Ui::OpenDirectoryDialog> m_ui;
    std::optional<DirectoryLocation> m_location;
};

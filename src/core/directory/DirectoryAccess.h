#pragma once

#include "directory/DatabaseConnection.h"

#include <QCoreApplication>

#include <memory>

// Opening the directory as every part of UserSync does: the PostgreSQL password from the
// keychain, then the schema brought up to date. Blocks; call it from a worker thread or the CLI.
class DirectoryAccess final
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryAccess)

public:
    // The keychain key of a PostgreSQL directory's password.
    static QString passwordKey(const DirectoryLocation& location);

    static std::unique_ptr<DatabaseConnection> open(const DirectoryLocation& location, QString* error);
    // The same with the PostgreSQL password at hand (the window reads it from the keychain
    // asynchronously); it does not touch the keychain.
    static std::unique_ptr<DatabaseConnection> open(const DirectoryLocation& location, const QString& password,
                                                    QString* error);
    // "No password is stored…": the sentence for a PostgreSQL directory without one.
    static QString noPasswordMessage(const DirectoryLocation& location);
};

#pragma once

#include "directory/DirectoryLocation.h"

#include <QObject>
#include <QPointer>

class JobThread;

// Gets a PostgreSQL directory ready for the window without making it wait: the password is read
// from the keychain asynchronously (or a typed one is tried), the server is reached and the
// schema brought up to date on a worker, and a typed password goes to the keychain once it has
// worked. The window then opens its own connection, which the server answers at once.
class DirectoryOpener final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // `typedPassword` empty: the one in the keychain.
    void open(const DirectoryLocation& location, const QString& typedPassword);
    bool isOpening() const { return m_opening; }

Q_SIGNALS:
    void ready(const DirectoryLocation& location, const QString& password);
    void failed(const DirectoryLocation& location, const QString& error);
    // The directory works, but its password could not be kept for schedules and the CLI.
    void passwordNotStored(const QString& error);

private:
    void check(const DirectoryLocation& location, const QString& password, bool store);

    QPointer<JobThread> m_check;
    bool m_opening = false;
};

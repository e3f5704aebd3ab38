#pragma once

#include <QCoreApplication>
#include <QStringList>

class CliContext;

// usersync-cli directory set-password: the PostgreSQL directory's password, into the keychain.
class DirectoryCommands final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit DirectoryCommands(CliContext& context)
        : m_context(context)
    { }

    int run(const QStringList& arguments);
    static QString summary();

private:
    int setPassword(const QStringList& arguments);

    CliContext& m_context;
};

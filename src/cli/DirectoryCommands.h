#pragma once

#include <QCoreApplication>
#include <QStringList>

class CliContext;

// usersync-cli directory users|groups|set-password: look at the directory; store its PostgreSQL password.
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
    int list(const QStringList& arguments, bool users);

    CliContext& m_context;
};

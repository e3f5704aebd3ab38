#pragma once

#include <QCoreApplication>
#include <QStringList>

class CliContext;

// usersync-cli fetch NAME --output FILE: reads the whole realm into a snapshot file.
class FetchCommand final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit FetchCommand(CliContext& context)
        : m_context(context)
    { }

    int run(const QStringList& arguments);
    static QString summary();

private:
    CliContext& m_context;
};

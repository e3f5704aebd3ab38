#pragma once

#include <QCoreApplication>
#include <QStringList>

class CliContext;

// usersync-cli connector add|edit|list|show|remove|test
class ConnectorCommands final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit ConnectorCommands(CliContext& context)
        : m_context(context)
    { }

    // `arguments` starts with "connector".
    int run(const QStringList& arguments);
    static QString summary();

private:
    int add(const QStringList& arguments);
    int edit(const QStringList& arguments);
    int list(const QStringList& arguments);
    int show(const QStringList& arguments);
    int remove(const QStringList& arguments);
    int test(const QStringList& arguments);

    CliContext& m_context;
};

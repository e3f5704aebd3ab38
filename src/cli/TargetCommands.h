#pragma once

#include <QCoreApplication>
#include <QStringList>

class CliContext;

// usersync-cli target add|edit|list|show|remove|test|authorize: the applications a connector can
// synchronize into (Jira Data Center so far), beside the directory itself.
class TargetCommands final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit TargetCommands(CliContext& context)
        : m_context(context)
    { }

    // `arguments` starts with "target".
    int run(const QStringList& arguments);
    static QString summary();

private:
    int add(const QStringList& arguments);
    int edit(const QStringList& arguments);
    int list(const QStringList& arguments);
    int show(const QStringList& arguments);
    int remove(const QStringList& arguments);
    int test(const QStringList& arguments);
    int authorize(const QStringList& arguments);

    CliContext& m_context;
};

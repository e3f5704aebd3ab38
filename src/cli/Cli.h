#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

class CliContext;

// One invocation of usersync-cli: picks the command and runs it. Streams are passed in so
// that tests can run commands in-process.
class Cli final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    explicit Cli(CliContext& context)
        : m_context(context)
    { }

    // `arguments` as main() got them, the program's name first.
    int run(const QStringList& arguments);

private:
    QString usage() const;

    CliContext& m_context;
};

#include "DirectoryCommands.h"

#include "CliContext.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryLocation.h"

using namespace Qt::StringLiterals;

QString DirectoryCommands::summary()
{
    return tr("directory set-password                    Store a PostgreSQL directory's password in the keychain");
}

int DirectoryCommands::run(const QStringList& arguments)
{
    const QString action = arguments.value(1);
    if (action == u"set-password"_s) {
        return setPassword(arguments.mid(1));
    }
    const bool askedForHelp = action == u"--help"_s || action == u"-h"_s;
    (askedForHelp ? m_context.out() : m_context.err())
        << tr("Usage: usersync-cli directory set-password --directory postgresql://USER@HOST/DB --password-stdin\n");
    return askedForHelp ? CliContext::Success : CliContext::Usage;
}

int DirectoryCommands::setPassword(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Stores the password of the PostgreSQL directory given with --directory in "
                                        "the system keychain, then checks that it opens."));
    m_context.addCommonOptions(parser, true);
    const QCommandLineOption passwordStdin(u"password-stdin"_s,
                                           tr("Read the password from the first line of standard input."));
    const QCommandLineOption passwordEnv(u"password-env"_s, tr("Read the password from the environment variable NAME."),
                                         tr("NAME"));
    parser.addOptions({passwordStdin, passwordEnv});
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    QString error;
    const auto location = DirectoryLocation::parse(parser.value(u"directory"_s), &error);
    if (!location || location->kind() != DirectoryLocation::Kind::PostgreSql) {
        return m_context.usageError(parser, location ? tr("Only a PostgreSQL directory has a password.") : error);
    }
    const auto password = m_context.readSecret(parser, passwordStdin, passwordEnv, tr("Password: "));
    if (!password) {
        return CliContext::Usage;
    }
    const SecretResult stored = SecretStore().writeNow(DirectoryAccess::passwordKey(*location), *password);
    if (!stored.ok()) {
        return m_context.fail(stored.message);
    }
    if (!m_context.openDirectory()) {
        return CliContext::Failed;
    }
    if (m_context.json()) {
        m_context.printJson({{u"ok"_s, true}, {u"directory"_s, location->toString()}});
    } else {
        m_context.out() << tr("Password stored; the directory %1 opens.").arg(location->displayName()) << Qt::endl;
    }
    return CliContext::Success;
}

#include "DirectoryCommands.h"

#include "CliContext.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryLocation.h"
#include "directory/DirectoryStore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

QString DirectoryCommands::summary()
{
    return tr("directory users|groups                    Show the directory's users or groups\n"
              "  directory set-password                    Store a PostgreSQL directory's password in the keychain");
}

int DirectoryCommands::run(const QStringList& arguments)
{
    const QString action = arguments.value(1);
    if (action == u"set-password"_s) {
        return setPassword(arguments.mid(1));
    }
    if (action == u"users"_s || action == u"groups"_s) {
        return list(arguments.mid(1), action == u"users"_s);
    }
    const bool askedForHelp = action == u"--help"_s || action == u"-h"_s;
    (askedForHelp ? m_context.out() : m_context.err())
        << tr("Usage: usersync-cli directory users|groups [--json]\n"
              "       usersync-cli directory set-password --directory postgresql://USER@HOST/DB --password-stdin\n");
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

int DirectoryCommands::list(const QStringList& arguments, bool users)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(users ? tr("Lists the directory's users.") : tr("Lists the directory's groups."));
    m_context.addCommonOptions(parser, true);
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    auto directory = m_context.openDirectory();
    if (!directory) {
        return CliContext::Failed;
    }
    QString error;
    std::optional<DirectoryState> state = DirectoryStore(directory->database()).load(&error);
    if (!state) {
        return m_context.fail(error);
    }
    QHash<QString, QString> connectorNames;
    if (const auto connectors = ConnectorStore(directory->database()).list(&error)) {
        for (const ConnectorConfig& config : *connectors) {
            connectorNames.insert(config.id, config.name);
        }
    }
    const auto origin = [&connectorNames](const QString& id) {
        return id.isEmpty() ? QString() : connectorNames.value(id, id);
    };
    QJsonArray array;
    if (users) {
        std::sort(state->users.begin(), state->users.end(),
                  [](const LocalUser& a, const LocalUser& b) { return a.username < b.username; });
        for (const LocalUser& user : std::as_const(state->users)) {
            if (m_context.json()) {
                array.append(QJsonObject{{u"id"_s, user.id},
                                         {u"username"_s, user.username},
                                         {u"email"_s, user.email},
                                         {u"firstName"_s, user.firstName},
                                         {u"lastName"_s, user.lastName},
                                         {u"displayName"_s, user.displayName},
                                         {u"active"_s, user.active},
                                         {u"attributes"_s, user.attributes},
                                         {u"origin"_s, origin(user.originConnector)},
                                         {u"externalId"_s, user.externalId},
                                         {u"createdAt"_s, user.createdAt}});
            } else {
                m_context.out() << user.username << u"\t"_s << user.displayName << u"\t"_s << user.email << u"\t"_s
                                << (user.active ? tr("active") : tr("inactive")) << u"\t"_s
                                << origin(user.originConnector) << Qt::endl;
            }
        }
    } else {
        QHash<QString, int> members; // by group id: counted before the groups are sorted
        for (const LocalMembership& membership : std::as_const(state->memberships)) {
            ++members[state->groups.at(membership.group).id];
        }
        std::sort(state->groups.begin(), state->groups.end(),
                  [](const LocalGroup& a, const LocalGroup& b) { return a.name < b.name; });
        for (const LocalGroup& group : std::as_const(state->groups)) {
            if (m_context.json()) {
                array.append(QJsonObject{{u"id"_s, group.id},
                                         {u"name"_s, group.name},
                                         {u"path"_s, group.path},
                                         {u"members"_s, members.value(group.id)},
                                         {u"origin"_s, origin(group.originConnector)},
                                         {u"externalId"_s, group.externalId}});
            } else {
                m_context.out() << group.name << u"\t"_s << group.path << u"\t"_s
                                << tr("%n member(s)", nullptr, members.value(group.id)) << u"\t"_s
                                << origin(group.originConnector) << Qt::endl;
            }
        }
    }
    if (m_context.json()) {
        m_context.printJson({{u"ok"_s, true}, {users ? u"users"_s : u"groups"_s, array}});
    }
    return CliContext::Success;
}

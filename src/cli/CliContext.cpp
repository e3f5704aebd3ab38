#include "CliContext.h"

#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryLocation.h"

#include <QJsonDocument>
#include <QMetaObject>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QCommandLineOption& directoryOption()
{
    static const QCommandLineOption option(
        u"directory"_s,
        CliContext::tr("The user directory: a SQLite file or postgresql://user@host[:port]/database. "
                       "Default: the same file the window uses."),
        CliContext::tr("location"));
    return option;
}

const QCommandLineOption& jsonOption()
{
    static const QCommandLineOption option(u"json"_s,
                                           CliContext::tr("Print the result as JSON, for scripts (see the README)."));
    return option;
}

// Reads a line from the terminal with echo off, so that the secret is not shown.
QString promptHidden(QTextStream& err, QTextStream& in, const QString& prompt)
{
    err << prompt << Qt::flush;
    termios saved{};
    const bool haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerminal) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    const QString line = in.readLine();
    if (haveTerminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    }
    err << Qt::endl;
    return line;
}

} // namespace

CliContext::CliContext(QTextStream& out, QTextStream& err, QTextStream& in, bool interactive)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_interactive(interactive)
{ }

void CliContext::addCommonOptions(QCommandLineParser& parser, bool reports)
{
    parser.addHelpOption();
    parser.addOption(directoryOption());
    if (reports) {
        parser.addOption(jsonOption());
    }
}

std::optional<int> CliContext::parse(QCommandLineParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments)) {
        return usageError(parser, parser.errorText());
    }
    const QStringList given = parser.optionNames();
    if (given.contains(u"help"_s) || given.contains(u"h"_s)) {
        m_out << parser.helpText();
        return Success;
    }
    m_json = given.contains(jsonOption().names().first());
    m_directory = parser.value(directoryOption());
    return std::nullopt;
}

std::optional<DirectoryLocation> CliContext::location()
{
    if (m_directory.isEmpty()) {
        return DirectoryLocation::defaultLocation();
    }
    QString error;
    std::optional<DirectoryLocation> location = DirectoryLocation::parse(m_directory, &error);
    if (!location) {
        fail(error, Usage);
    }
    return location;
}

std::unique_ptr<DatabaseConnection> CliContext::openDirectory()
{
    const std::optional<DirectoryLocation> where = location();
    if (!where) {
        return nullptr;
    }
    QString error;
    auto connection = DirectoryAccess::open(*where, &error);
    if (!connection) {
        fail(error);
    }
    return connection;
}

std::optional<int> CliContext::openConnector(QCommandLineParser& parser, const QStringList& arguments,
                                             ConnectorTarget& target)
{
    parser.addPositionalArgument(u"NAME"_s, tr("The connector's name or id."));
    if (const auto exit = parse(parser, arguments)) {
        return exit;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(parser, tr("Give exactly one connector NAME."));
    }
    target.directory = openDirectory();
    if (!target.directory) {
        return Failed;
    }
    QString error;
    std::optional<ConnectorConfig> config =
        ConnectorStore(target.directory->database()).find(parser.positionalArguments().first(), &error);
    if (!config) {
        return fail(error);
    }
    target.config = std::move(*config);
    return std::nullopt;
}

std::optional<QString> CliContext::connectorSecret(const ConnectorConfig& config)
{
    const SecretResult secret = SecretStore().readNow(config.secretKey());
    if (!secret.ok()) {
        fail(secret.message);
        return std::nullopt;
    }
    return secret.secret;
}

std::optional<QString> CliContext::readSecret(const QCommandLineParser& parser, const QCommandLineOption& stdinOption,
                                              const QCommandLineOption& envOption, const QString& prompt)
{
    if (parser.isSet(stdinOption)) {
        const QString line = m_in.readLine();
        if (line.isEmpty()) {
            fail(tr("Standard input held no secret. Pipe it in, e.g. from your password manager."), Usage);
            return std::nullopt;
        }
        return line;
    }
    if (parser.isSet(envOption)) {
        const QString name = parser.value(envOption);
        const QString value = qEnvironmentVariable(name.toLocal8Bit().constData());
        if (value.isEmpty()) {
            fail(tr("The environment variable %1 is not set or empty.").arg(name), Usage);
            return std::nullopt;
        }
        return value;
    }
    if (m_interactive) {
        const QString secret = promptHidden(m_err, m_in, prompt);
        if (!secret.isEmpty()) {
            return secret;
        }
    }
    fail(tr("No secret was given. Pass --%1 and pipe it in, or --%2 NAME with it in the environment variable "
            "NAME; secrets are never accepted as arguments.")
             .arg(stdinOption.names().first(), envOption.names().first()),
         Usage);
    return std::nullopt;
}

bool CliContext::readNumbers(const QCommandLineParser& parser, std::initializer_list<NumberOption> options,
                             QString* error)
{
    for (const auto& [option, target] : options) {
        if (parser.isSet(*option)) {
            bool isNumber = false;
            *target = parser.value(*option).toInt(&isNumber);
            if (!isNumber) {
                *error = tr("--%1 takes a whole number, not “%2”.").arg(option->names().first(), parser.value(*option));
                return false;
            }
        }
    }
    return true;
}

QString CliContext::secretState(const SecretResult& secret)
{
    return secret.ok()                                    ? QStringLiteral("stored")
        : secret.status == SecretResult::Status::NotFound ? QStringLiteral("missing")
                                                          : QStringLiteral("unavailable");
}

QString CliContext::secretText(const SecretResult& secret)
{
    return secret.ok()                                    ? tr("stored in the system keychain")
        : secret.status == SecretResult::Status::NotFound ? tr("missing")
                                                          : secret.message;
}

int CliContext::fail(const QString& message, int code)
{
    if (m_json) {
        printJson({{u"ok"_s, false}, {u"error"_s, QJsonObject{{u"message"_s, message}}}});
    } else {
        m_err << message << Qt::endl;
    }
    return code;
}

int CliContext::usageError(const QCommandLineParser& parser, const QString& message)
{
    m_err << message << Qt::endl << Qt::endl << parser.helpText();
    return Usage;
}

void CliContext::printJson(const QJsonObject& object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)) << Qt::flush;
}

void CliContext::startJob(Job& job)
{
    m_currentJob = &job;
    m_progressShown = false;
    if (m_interactive && !m_json) {
        QObject::connect(&job, &Job::progress, &job, [this](const JobProgress& progress) { showProgress(progress); });
    }
    QMetaObject::invokeMethod(&job, &Job::start, Qt::QueuedConnection);
}

void CliContext::endJob()
{
    m_currentJob.clear();
    if (m_progressShown) {
        m_err << "\r\033[K" << Qt::flush;
    }
}

void CliContext::showProgress(const JobProgress& progress)
{
    m_progressShown = true;
    m_err << "\r\033[K" << progress.phase;
    if (progress.total > 0) {
        m_err << u": %1/%2"_s.arg(progress.done).arg(progress.total);
    }
    m_err << Qt::flush;
}

void CliContext::interrupt()
{
    if (m_currentJob) {
        m_currentJob->cancel();
    }
}

#pragma once

#include "config/ConnectorConfig.h"
#include "config/SecretStore.h"
#include "directory/DatabaseConnection.h"
#include "jobs/Job.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>
#include <QPointer>
#include <QTextStream>

#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>

// What every command shares: the streams, the common options (--directory, --json), opening
// the directory, reading a secret without it ever being an argument, and running a job with
// progress on the terminal and Ctrl+C as cancel.
class CliContext final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    enum ExitCode {
        Success = 0,
        Failed = 1, // the operation ran and failed (e.g. Test Connection found a problem)
        Usage = 2, // the command line is wrong
        Refused = 3, // refused for safety (e.g. the deletion guard)
    };

    CliContext(QTextStream& out, QTextStream& err, QTextStream& in, bool interactive);

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    // Adds --directory, and --json where the command reports something.
    void addCommonOptions(QCommandLineParser& parser, bool reports);
    // Parses `arguments` (the command's own, its name first). Returns an exit code when the
    // command should stop here: after --help, or on a usage error (which it prints).
    std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments);
    bool json() const { return m_json; }

    std::unique_ptr<DatabaseConnection> openDirectory();
    // The directory --directory names (or the default); nullopt after printing why not.
    std::optional<DirectoryLocation> location();

    struct ConnectorTarget
    {
        std::unique_ptr<DatabaseConnection> directory;
        ConnectorConfig config;
    };
    // For commands about one connector, named by the only positional argument: parses, opens the
    // directory and finds the connector. Returns an exit code when the command should stop.
    std::optional<int> openConnector(QCommandLineParser& parser, const QStringList& arguments, ConnectorTarget& target);
    // The connector's client secret from the keychain; nullopt after printing why not.
    std::optional<QString> connectorSecret(const ConnectorConfig& config);

    // The secret from standard input (--*-stdin), an environment variable (--*-env NAME), or, on a
    // terminal, a prompt that does not echo. Never from an argument. nullopt after printing why.
    std::optional<QString> readSecret(const QCommandLineParser& parser, const QCommandLineOption& stdinOption,
                                      const QCommandLineOption& envOption, const QString& prompt);

    // Each option given sets its number; false, with `error` naming the option, for one that is
    // not a whole number.
    using NumberOption = std::pair<const QCommandLineOption*, int*>;
    static bool readNumbers(const QCommandLineParser& parser, std::initializer_list<NumberOption> options,
                            QString* error);

    // What `show` says of a stored secret: "stored", "missing" or "unavailable" for --json, and in words.
    static QString secretState(const SecretResult& secret);
    static QString secretText(const SecretResult& secret);

    int fail(const QString& message, int code = Failed);
    int usageError(const QCommandLineParser& parser, const QString& message);
    void printJson(const QJsonObject& object);

    // Runs `job` in this thread until it emits finished, and returns what it finished with.
    template <typename JobType, typename Result>
    Result run(JobType& job, void (JobType::*finished)(const Result&))
    {
        Result result;
        QEventLoop loop;
        QObject::connect(&job, finished, &loop, [&result, &loop](const Result& r) {
            result = r;
            loop.quit();
        });
        startJob(job);
        loop.exec();
        endJob();
        return result;
    }

    // Ctrl+C: the running job, if any, is cancelled (and reports so); otherwise nothing happens.
    void interrupt();

private:
    void startJob(Job& job);
    void endJob();
    void showProgress(const JobProgress& progress);

    QTextStream& m_out;
    QTextStream& m_err;
    QTextStream& m_in;
    bool m_interactive;
    bool m_json = false;
    QString m_directory;
    QPointer<Job> m_currentJob;
    bool m_progressShown = false;
};

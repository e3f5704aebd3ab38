#include "SyncCommands.h"

#include "CliContext.h"
#include "config/ConnectorStore.h"
#include "connectors/keycloak/KeycloakFetcher.h"
#include "directory/DirectoryStore.h"
#include "sync/MigrationPreviewJob.h"
#include "sync/Planner.h"
#include "sync/Report.h"
#include "sync/RollbackJob.h"
#include "sync/SyncJob.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonArray>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

QString countsLine(const QJsonObject& counts)
{
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        parts << u"%1 %2"_s.arg(it.value().toInt()).arg(it.key());
    }
    return parts.isEmpty() ? SyncCommands::tr("nothing") : parts.join(u", "_s);
}

// One history row's counts: "users: 614 add · groups: 12 add, 2 skip · memberships: 640 add".
QString historyCounts(const QJsonObject& counts)
{
    if (counts.isEmpty()) {
        return SyncCommands::tr("nothing"); // the run planned nothing, e.g. its fetch failed
    }
    const std::pair<QString, QString> objects[] = {{u"users"_s, SyncCommands::tr("users: %1")},
                                                   {u"groups"_s, SyncCommands::tr("groups: %1")},
                                                   {u"memberships"_s, SyncCommands::tr("memberships: %1")}};
    QStringList parts;
    for (const auto& [key, label] : objects) {
        parts << label.arg(countsLine(counts.value(key).toObject()));
    }
    return parts.join(u" · "_s);
}

// "  Users:       12 add, 3 modify" and so on, one line per object.
void printCounts(QTextStream& out, const QJsonObject& counts)
{
    out << SyncCommands::tr("  Users:       %1").arg(countsLine(counts.value(u"users"_s).toObject())) << Qt::endl
        << SyncCommands::tr("  Groups:      %1").arg(countsLine(counts.value(u"groups"_s).toObject())) << Qt::endl
        << SyncCommands::tr("  Memberships: %1").arg(countsLine(counts.value(u"memberships"_s).toObject())) << Qt::endl;
}

QString runJsonStatus(const SyncResult& result)
{
    return result.run.status.isEmpty() ? (result.status == SyncResult::Status::Refused ? u"refused"_s : u"failed"_s)
                                       : result.run.status;
}

// The report's first line: what the run did. A full sync into the directory applies in one
// transaction, so one that did not succeed changed nothing; into an application, what was done
// before it stopped stays done.
QString outcomeHeading(SyncRequest::Mode mode, SyncResult::Status status, const QString& name, bool intoApplication)
{
    if (mode == SyncRequest::Mode::Simulate) {
        return status == SyncResult::Status::Succeeded
            ? SyncCommands::tr("Simulated for “%1” (nothing changed):").arg(name)
            : SyncCommands::tr("Simulation for “%1” failed (nothing changed):").arg(name);
    }
    switch (status) {
    case SyncResult::Status::Succeeded:
        return SyncCommands::tr("Applied to “%1”:").arg(name);
    case SyncResult::Status::CompletedWithErrors:
        return SyncCommands::tr("Applied to “%1”, with errors:").arg(name);
    case SyncResult::Status::Refused:
        return SyncCommands::tr("Full sync of “%1” refused (nothing changed):").arg(name);
    case SyncResult::Status::Cancelled:
        return intoApplication
            ? SyncCommands::tr("Full sync of “%1” cancelled (the history shows what was changed):").arg(name)
            : SyncCommands::tr("Full sync of “%1” cancelled (nothing changed):").arg(name);
    case SyncResult::Status::Failed:
    case SyncResult::Status::Skipped:
        break;
    }
    return intoApplication
        ? SyncCommands::tr("Full sync of “%1” stopped (the history shows what was changed):").arg(name)
        : SyncCommands::tr("Full sync of “%1” failed (nothing changed):").arg(name);
}

bool writeReport(const QString& file, const RunRecord& run, const ChangeSet& changes, QString* error)
{
    const auto format = Report::formatForFile(file);
    if (!format) {
        *error = SyncCommands::tr("The report file must end in .csv or .json: %1").arg(file);
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || !Report::write(&out, *format, run, changes) || !out.commit()) {
        *error = SyncCommands::tr("The report cannot be written to %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

} // namespace

QStringList SyncCommands::summaries()
{
    return {tr("sync NAME --simulate|--full                Show, or apply, what a sync changes"),
            tr("history [NAME]                            List the recorded runs"),
            tr("report RUN                                The changes of one run, as CSV or JSON"),
            tr("rollback RUN [--simulate]                 Revert a full run (shown first with --simulate; past the "
               "deletion limit only with --allow-deletions)"),
            tr("migrate-preview NAME                      Which existing users a first sync links, creates or "
               "collides with")};
}

int SyncCommands::sync(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Reads the connector's realm and compares it with the directory. --simulate shows every change and writes "
           "nothing but the run record; --full applies the changes in one transaction. Exit code 0 when done, 1 when "
           "it failed, 3 when it was refused for safety (deletion limit, another sync running)."));
    m_context.addCommonOptions(parser, true);
    const QCommandLineOption simulate(u"simulate"_s, tr("Change nothing; show what a full sync would do."));
    const QCommandLineOption full(u"full"_s, tr("Apply the changes."));
    const QCommandLineOption allowDeletions(
        u"allow-deletions"_s, tr("Let this one full sync past the deletion limit. Review a simulation first."));
    const QCommandLineOption reportFile(u"report"_s, tr("Write every change to FILE (.csv or .json)."), tr("file"));
    parser.addOptions({simulate, full, allowDeletions, reportFile});
    CliContext::ConnectorTarget target;
    if (const auto exit = m_context.openConnector(parser, arguments, target)) {
        return *exit;
    }
    if (parser.isSet(simulate) == parser.isSet(full)) {
        return m_context.usageError(parser, tr("Choose --simulate or --full."));
    }
    if (parser.isSet(reportFile) && !Report::formatForFile(parser.value(reportFile))) {
        return m_context.usageError(parser, tr("The report file must end in .csv or .json."));
    }
    const std::optional<QString> secret = m_context.connectorSecret(target.config);
    const std::optional<DirectoryLocation> location = m_context.location();
    if (!secret || !location) {
        return CliContext::Failed;
    }
    target.directory.reset(); // the job opens its own connection

    SyncRequest request;
    request.mode = parser.isSet(full) ? SyncRequest::Mode::Full : SyncRequest::Mode::Simulate;
    request.trigger = u"cli"_s;
    request.allowDeletions = parser.isSet(allowDeletions);
    SyncJob job(*location, target.config, *secret, request);
    const SyncResult result = m_context.run(job, &SyncJob::finished);

    if (result.plan && parser.isSet(reportFile)) {
        QString error;
        if (!writeReport(parser.value(reportFile), result.run, *result.plan, &error)) {
            m_context.err() << error << Qt::endl;
        }
    }
    const int exitCode = result.status == SyncResult::Status::Succeeded ? CliContext::Success
        : result.status == SyncResult::Status::Refused                  ? CliContext::Refused
                                                                        : CliContext::Failed;
    if (m_context.json()) {
        m_context.printJson({{u"ok"_s, exitCode == CliContext::Success},
                             {u"run"_s, result.run.id},
                             {u"mode"_s, request.mode == SyncRequest::Mode::Full ? u"full"_s : u"simulate"_s},
                             {u"status"_s, runJsonStatus(result)},
                             {u"message"_s, result.message},
                             {u"counts"_s, result.plan ? result.plan->countsJson() : QJsonObject()},
                             {u"deletionGuardTripped"_s, result.plan && result.plan->deletionGuardTripped},
                             {u"fetchMs"_s, result.fetchMs},
                             {u"planMs"_s, result.planMs},
                             {u"applyMs"_s, result.applyMs}});
        return exitCode;
    }
    printOutcome(request, result, target.config.name);
    return exitCode;
}

void SyncCommands::printOutcome(const SyncRequest& request, const SyncResult& result, const QString& name)
{
    QTextStream& out = m_context.out();
    const bool guardTripped = result.plan && result.plan->deletionGuardTripped;
    const bool refusedByGuard = result.status == SyncResult::Status::Refused && guardTripped && !request.allowDeletions;
    if (result.plan) {
        out << outcomeHeading(request.mode, result.status, name, !result.run.targetId.isEmpty()) << Qt::endl;
        printCounts(out, result.plan->countsJson());
        if (guardTripped && !refusedByGuard) { // a refusal says why on standard error
            out << tr("  Deletion limit: %1").arg(result.plan->deletionGuardReason) << Qt::endl;
        }
    }
    if (!result.run.id.isEmpty()) {
        out << tr("Run %1 recorded (%2).").arg(result.run.id.left(8), result.run.status) << Qt::endl;
    }
    if (result.status != SyncResult::Status::Succeeded) {
        m_context.err() << result.message << Qt::endl;
        if (result.status == SyncResult::Status::CompletedWithErrors) {
            printRefusals(result.run.id);
        }
        if (refusedByGuard) {
            m_context.err() << tr("Re-run with --allow-deletions to allow it once.") << Qt::endl;
        }
        return;
    }
    if (request.mode == SyncRequest::Mode::Simulate && result.plan && result.plan->hasChanges()) {
        out << (guardTripped ? tr("It passes the deletion limit. Once the removals are reviewed, apply it with: "
                                  "usersync-cli sync \"%1\" --full --allow-deletions")
                             : tr("Apply it with: usersync-cli sync \"%1\" --full"))
                   .arg(name)
            << Qt::endl;
    }
}

// The first refusals of a run that completed with errors, each with the target's reason, and
// where to read them all.
void SyncCommands::printRefusals(const QString& runId)
{
    const auto directory = m_context.openDirectory();
    QString error;
    const auto changes = directory ? DirectoryStore(directory->database()).changes(runId, &error) : std::nullopt;
    if (!changes) {
        return; // the message above still says what happened
    }
    constexpr int shown = 10;
    int refused = 0;
    QTextStream& err = m_context.err();
    for (qsizetype i = 0; i < changes->size(); ++i) {
        const Change change = changes->at(i);
        if (change.outcome != ChangeOutcome::Failed) {
            continue;
        }
        if (++refused <= shown) {
            err << u"  ✗ "_s << change.key << u": "_s << (change.error.isEmpty() ? change.reason : change.error)
                << Qt::endl;
        }
    }
    if (refused > shown) {
        err << tr("  … and %n more.", nullptr, refused - shown) << Qt::endl;
    }
    err << tr("Every change and its outcome: usersync-cli report %1").arg(runId.left(8)) << Qt::endl;
}

int SyncCommands::history(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the recorded runs, newest first, of one connector or of all."));
    m_context.addCommonOptions(parser, true);
    parser.addPositionalArgument(u"NAME"_s, tr("Only this connector's runs."), u"[NAME]"_s);
    const QCommandLineOption limit(u"limit"_s, tr("At most N runs (default 50)."), tr("n"), u"50"_s);
    parser.addOption(limit);
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    auto directory = m_context.openDirectory();
    if (!directory) {
        return CliContext::Failed;
    }
    QString error;
    QString connectorId;
    if (!parser.positionalArguments().isEmpty()) {
        const auto config = ConnectorStore(directory->database()).find(parser.positionalArguments().first(), &error);
        if (!config) {
            return m_context.fail(error);
        }
        connectorId = config->id;
    }
    const auto runs = DirectoryStore(directory->database()).runs(connectorId, parser.value(limit).toInt(), &error);
    if (!runs) {
        return m_context.fail(error);
    }
    if (m_context.json()) {
        QJsonArray array;
        for (const RunRecord& run : *runs) {
            array.append(QJsonObject{
                {u"id"_s, run.id},
                {u"connector"_s, run.connectorName},
                {u"mode"_s, run.mode},
                {u"trigger"_s, run.trigger},
                {u"startedAt"_s, QDateTime::fromMSecsSinceEpoch(run.startedAt, Qt::UTC).toString(Qt::ISODateWithMs)},
                {u"durationMs"_s, run.finishedAt - run.startedAt},
                {u"status"_s, run.status},
                {u"counts"_s, run.counts},
                {u"message"_s, run.message}});
        }
        m_context.printJson({{u"ok"_s, true}, {u"runs"_s, array}});
        return CliContext::Success;
    }
    if (runs->isEmpty()) {
        m_context.out() << tr("No runs yet.") << Qt::endl;
    }
    for (const RunRecord& run : *runs) {
        m_context.out() << run.id.left(8) << u"  "_s
                        << QDateTime::fromMSecsSinceEpoch(run.startedAt).toString(u"yyyy-MM-dd HH:mm:ss"_s) << u"  "_s
                        << run.connectorName << u"  "_s << run.mode << u"  "_s << run.trigger << u"  "_s << run.status
                        << u"  "_s << historyCounts(run.counts) << Qt::endl;
    }
    return CliContext::Success;
}

int SyncCommands::report(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Prints, or writes to a file, every change a recorded run made or would make "
                                        "(unchanged users are counted, not listed)."));
    m_context.addCommonOptions(parser, false);
    parser.addPositionalArgument(u"RUN"_s, tr("The run's id, or the start of it as history shows it."));
    const QCommandLineOption format(u"format"_s, tr("csv or json (default csv)."), tr("format"), u"csv"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, tr("Write to FILE instead of standard output."), tr("file"));
    parser.addOptions({format, output});
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    if (parser.positionalArguments().size() != 1) {
        return m_context.usageError(parser, tr("Give exactly one RUN."));
    }
    const QString formatName = parser.value(format).toLower();
    if (formatName != u"csv"_s && formatName != u"json"_s) {
        return m_context.usageError(parser, tr("--format is csv or json."));
    }
    auto directory = m_context.openDirectory();
    if (!directory) {
        return CliContext::Failed;
    }
    const DirectoryStore store(directory->database());
    QString error;
    const auto run = store.findRun(parser.positionalArguments().first(), &error);
    if (!run) {
        return m_context.fail(error);
    }
    const auto changes = store.changes(run->id, &error);
    if (!changes) {
        return m_context.fail(error);
    }
    const Report::Format chosen = formatName == u"json"_s ? Report::Format::Json : Report::Format::Csv;
    if (parser.isSet(output)) {
        QSaveFile file(parser.value(output));
        if (!file.open(QIODevice::WriteOnly) || !Report::write(&file, chosen, *run, *changes) || !file.commit()) {
            return m_context.fail(
                tr("The report cannot be written to %1: %2").arg(file.fileName(), file.errorString()));
        }
        return CliContext::Success;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Report::write(&buffer, chosen, *run, *changes);
    m_context.out() << QString::fromUtf8(buffer.data()) << Qt::flush;
    return CliContext::Success;
}

int SyncCommands::rollback(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Reverts a full run from its recorded changes. With --simulate, shows what would be reverted and changes "
           "nothing. Changes that a later run or a person has since overwritten are left alone and reported."));
    m_context.addCommonOptions(parser, true);
    parser.addPositionalArgument(u"RUN"_s, tr("The full run to revert: its id, or the start of it."));
    const QCommandLineOption simulate(u"simulate"_s, tr("Show the rollback; change nothing."));
    const QCommandLineOption reportFile(u"report"_s, tr("Write the rollback's changes to FILE (.csv or .json)."),
                                        tr("file"));
    const QCommandLineOption allowDeletions(
        u"allow-deletions"_s, tr("Let this one rollback past the deletion limit. Review it with --simulate first."));
    const QCommandLineOption deleteAdded(u"delete-added"_s,
                                         tr("Delete the users the run added, instead of disabling them."));
    const QCommandLineOption disableAdded(
        u"disable-added"_s, tr("Disable the users the run added, even if the connector's cleanup deletes users."));
    parser.addOptions({simulate, reportFile, allowDeletions, deleteAdded, disableAdded});
    if (const auto exit = m_context.parse(parser, arguments)) {
        return *exit;
    }
    if (parser.positionalArguments().size() != 1) {
        return m_context.usageError(parser, tr("Give exactly one RUN."));
    }
    const std::optional<DirectoryLocation> location = m_context.location();
    if (!location) {
        return CliContext::Failed;
    }
    if (parser.isSet(deleteAdded) && parser.isSet(disableAdded)) {
        return m_context.usageError(parser, tr("Give --delete-added or --disable-added, not both."));
    }
    RollbackRequest request;
    request.runId = parser.positionalArguments().first();
    request.simulate = parser.isSet(simulate);
    request.trigger = u"cli"_s;
    request.allowDeletions = parser.isSet(allowDeletions);
    if (parser.isSet(deleteAdded) || parser.isSet(disableAdded)) {
        request.added = parser.isSet(deleteAdded) ? Rollback::Added::Delete : Rollback::Added::Disable;
    }
    RollbackJob job(*location, request);
    const RollbackResult result = m_context.run(job, &RollbackJob::finished);
    switch (result.status) {
    case RollbackResult::Status::Succeeded:
    case RollbackResult::Status::CompletedWithErrors:
        break;
    case RollbackResult::Status::NotAFullRun:
        return m_context.fail(result.message, CliContext::Usage);
    case RollbackResult::Status::Refused:
        if (result.plan && result.plan->deletionGuardTripped) {
            if (!m_context.json()) {
                m_context.out() << tr("Rollback of run %1 refused (nothing changed):").arg(result.rolledBack.id.left(8))
                                << Qt::endl;
                printCounts(m_context.out(), result.plan->countsJson());
            }
            m_context.err() << result.message << Qt::endl
                            << tr("Re-run with --allow-deletions to allow it once.") << Qt::endl;
            return CliContext::Refused;
        }
        return m_context.fail(result.message, CliContext::Refused);
    case RollbackResult::Status::Failed:
        return m_context.fail(result.message);
    }
    const RunRecord& record = result.record;
    const RunRecord* run = &result.rolledBack;
    const ChangeSet& plan = *result.plan;
    QString error;
    if (parser.isSet(reportFile) && !writeReport(parser.value(reportFile), record, plan, &error)) {
        m_context.err() << error << Qt::endl;
    }
    const bool withErrors = result.status == RollbackResult::Status::CompletedWithErrors;
    if (m_context.json()) {
        m_context.printJson({{u"ok"_s, !withErrors},
                             {u"status"_s, record.status},
                             {u"message"_s, result.message},
                             {u"run"_s, record.id},
                             {u"rollbackOf"_s, run->id},
                             {u"mode"_s, record.mode},
                             {u"added"_s, result.added == Rollback::Added::Delete ? u"delete"_s : u"disable"_s},
                             {u"deletionGuardTripped"_s, plan.deletionGuardTripped},
                             {u"counts"_s, plan.countsJson()}});
        return withErrors ? CliContext::Failed : CliContext::Success;
    }
    const QJsonObject counts = plan.countsJson();
    m_context.out() << (parser.isSet(simulate) ? tr("Rolling back run %1 would change (nothing changed yet):")
                                               : tr("Rolled back run %1:"))
                           .arg(run->id.left(8))
                    << Qt::endl;
    printCounts(m_context.out(), counts);
    m_context.out() << tr("Run %1 recorded.").arg(record.id.left(8)) << Qt::endl;
    if (withErrors) {
        m_context.err() << result.message << Qt::endl;
        return CliContext::Failed;
    }
    if (parser.isSet(simulate)) {
        // The command that applies what was shown: the same choice for the added users, said in words.
        QString command = u"usersync-cli rollback %1"_s.arg(run->id.left(8));
        if (parser.isSet(deleteAdded) || parser.isSet(disableAdded)) {
            command += parser.isSet(deleteAdded) ? u" --delete-added"_s : u" --disable-added"_s;
        }
        if (run->counts.value(u"users"_s).toObject().value(u"add"_s).toInt() > 0) {
            m_context.out() << (result.added == Rollback::Added::Delete
                                    ? tr("The users that run added would be deleted.")
                                    : tr("The users that run added would be disabled, not deleted."))
                            << Qt::endl;
        }
        if (plan.deletionGuardTripped) {
            m_context.out() << tr("Deletion limit: %1").arg(plan.deletionGuardReason) << Qt::endl
                            << tr("Once reviewed, apply it with: %1").arg(command + u" --allow-deletions"_s)
                            << Qt::endl;
        } else {
            m_context.out() << tr("Apply it with: %1").arg(command) << Qt::endl;
        }
    }
    return CliContext::Success;
}

int SyncCommands::migratePreview(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Before a first sync: reads the realm and shows, for every Keycloak user, whether an existing local user "
           "will be linked (keeping its id and history), a new one created, or a collision needs a decision. "
           "Changes nothing."));
    m_context.addCommonOptions(parser, true);
    CliContext::ConnectorTarget target;
    if (const auto exit = m_context.openConnector(parser, arguments, target)) {
        return *exit;
    }
    const std::optional<QString> secret = m_context.connectorSecret(target.config);
    if (!secret) {
        return CliContext::Failed;
    }
    const std::optional<DirectoryLocation> location = m_context.location();
    if (!location) {
        return CliContext::Failed;
    }
    MigrationPreviewJob job(*location, target.config, *secret);
    const MigrationPreviewResult result = m_context.run(job, &MigrationPreviewJob::finished);
    if (!result.error.isEmpty()) {
        return m_context.fail(result.error);
    }
    const QList<Planner::MatchPreview>& preview = result.entries;
    static const QStringList outcomes = {u"link"_s, u"create"_s, u"collision"_s};
    if (m_context.json()) {
        QJsonArray array;
        for (const Planner::MatchPreview& entry : preview) {
            array.append(QJsonObject{{u"outcome"_s, outcomes.at(int(entry.outcome))},
                                     {u"username"_s, entry.username},
                                     {u"email"_s, entry.email},
                                     {u"localUsername"_s, entry.localUsername},
                                     {u"reason"_s, entry.reason}});
        }
        m_context.printJson({{u"ok"_s, true}, {u"users"_s, array}});
        return CliContext::Success;
    }
    if (preview.isEmpty()) {
        m_context.out() << tr("Nothing left to migrate: every user “%1” reads from Keycloak is linked already.")
                               .arg(target.config.name)
                        << Qt::endl;
        return CliContext::Success;
    }
    int counts[3] = {0, 0, 0};
    for (const Planner::MatchPreview& entry : preview) {
        ++counts[int(entry.outcome)];
        if (entry.outcome != Planner::MatchPreview::Outcome::Create) {
            m_context.out() << outcomes.at(int(entry.outcome)) << u"\t"_s << entry.username << u"\t"_s
                            << entry.localUsername << u"\t"_s << entry.reason << Qt::endl;
        }
    }
    m_context.out() << tr("%1 to link, %2 to create, %3 collisions.").arg(counts[0]).arg(counts[1]).arg(counts[2])
                    << Qt::endl;
    return CliContext::Success;
}

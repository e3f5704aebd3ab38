#include "FetchCommand.h"

#include "CliContext.h"
#include "CliJson.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "connectors/keycloak/KeycloakFetcher.h"
#include "model/SnapshotJson.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

QString FetchCommand::summary()
{
    return tr("fetch NAME --output FILE                  Read a whole realm into a snapshot file (JSON)");
}

int FetchCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Reads every user, group and membership of the connector's realm and "
                                        "writes them to FILE as JSON, for inspection and benchmarks. Nothing in "
                                        "the directory changes. The file is written only if the whole realm was "
                                        "read."));
    m_context.addCommonOptions(parser, true);
    const QCommandLineOption output({u"o"_s, u"output"_s}, tr("Where to write the snapshot."), tr("file"));
    parser.addOption(output);
    CliContext::ConnectorTarget target;
    if (const auto exit = m_context.openConnector(parser, arguments, target)) {
        return *exit;
    }
    if (!parser.isSet(output)) {
        return m_context.usageError(parser, tr("Give the file to write with --output FILE."));
    }
    const ConnectorConfig* config = &target.config;
    const std::optional<QString> secret = m_context.connectorSecret(*config);
    if (!secret) {
        return CliContext::Failed;
    }

    KeycloakFetcher job(config->keycloak, *secret);
    const FetchResult result = m_context.run(job, &KeycloakFetcher::finished);
    if (result.error) {
        if (m_context.json()) {
            m_context.printJson(CliJson::fetch(*config, result, {}));
            return CliContext::Failed;
        }
        return m_context.fail(tr("The fetch failed: %1\n  (%2)").arg(result.error->message, result.error->detail));
    }

    // Written whole or not at all: a half-written snapshot must never be mistaken for the realm.
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly) || !SnapshotJson::write(*result.snapshot, &file) || !file.commit()) {
        return m_context.fail(
            tr("The snapshot cannot be written to %1: %2.").arg(parser.value(output), file.errorString()));
    }
    if (m_context.json()) {
        m_context.printJson(CliJson::fetch(*config, result, parser.value(output)));
    } else {
        m_context.out() << tr("Read %1 users, %2 groups and %3 memberships in %4 s (%5 requests, %6 retries); "
                              "written to %7.")
                               .arg(result.snapshot->users.size())
                               .arg(result.snapshot->groups.size())
                               .arg(result.snapshot->memberships.size())
                               .arg(double(result.elapsedMs) / 1000.0, 0, 'f', 1)
                               .arg(result.statistics.requests)
                               .arg(result.statistics.retries)
                               .arg(parser.value(output))
                        << Qt::endl;
    }
    return CliContext::Success;
}

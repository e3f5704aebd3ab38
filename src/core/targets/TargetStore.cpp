#include "TargetStore.h"

#include "config/ConnectorStore.h"
#include "targets/TargetTest.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

TargetConfig fromRow(const SettingsTable::Row& row)
{
    TargetConfig config;
    config.id = row.id;
    config.name = row.name;
    config.type = row.type;
    TargetConfig::readSettingsJson(row.settings, config);
    return config;
}

} // namespace

TargetStore::TargetStore(QSqlDatabase db)
    : m_db(db)
    , m_table(std::move(db), u"targets"_s, u"target_tests"_s, u"target_id"_s,
              {
                  tr("The applications cannot be read from the directory: %1."),
                  tr("There is no application named “%1”. List them with: usersync-cli target list."),
                  tr("An application named “%1” already exists. Choose another name, or edit that one."),
                  tr("The application cannot be saved in the directory: %1."),
                  tr("The application cannot be saved: %1. Another application may already have the name “%2”."),
                  tr("The application “%1” no longer exists; it may have been removed meanwhile."),
                  tr("The application cannot be removed: %1."),
                  tr("The result of the connection test cannot be stored: %1."),
                  tr("The connection tests cannot be read: %1."),
              })
{ }

std::optional<QList<TargetConfig>> TargetStore::list(QString* error) const
{
    const auto rows = m_table.list(error);
    if (!rows) {
        return std::nullopt;
    }
    QList<TargetConfig> targets;
    for (const SettingsTable::Row& row : *rows) {
        targets.append(fromRow(row));
    }
    return targets;
}

std::optional<TargetConfig> TargetStore::find(const QString& nameOrId, QString* error) const
{
    const auto row = m_table.find(nameOrId, error);
    return row ? std::optional(fromRow(*row)) : std::nullopt;
}

bool TargetStore::add(TargetConfig& config, QString* error)
{
    const auto id = m_table.add({{}, config.name, config.type, config.settingsJson()}, error);
    if (!id) {
        return false;
    }
    config.id = *id;
    config.name = config.name.trimmed();
    return true;
}

bool TargetStore::update(const TargetConfig& config, QString* error)
{
    return m_table.update({config.id, config.name, config.type, config.settingsJson()}, error);
}

bool TargetStore::remove(const TargetConfig& config, QString* error)
{
    const auto connectors = ConnectorStore(m_db).list(error);
    if (!connectors) {
        return false;
    }
    QStringList users;
    for (const ConnectorConfig& connector : *connectors) {
        if (connector.targetId == config.id) {
            users << connector.name;
        }
    }
    if (!users.isEmpty()) {
        *error = tr("The application “%1” cannot be removed while connectors synchronize into it: %2. Point them at "
                    "another target first (usersync-cli connector edit NAME --target …).")
                     .arg(config.name, users.join(u", "_s));
        return false;
    }
    if (!m_table.remove(config.id, error)) {
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM target_links WHERE target_id = ?"_s);
    query.addBindValue(config.id);
    if (!query.exec()) {
        *error = tr("The application was removed, but its links could not be: %1.").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool TargetStore::recordTest(const QString& targetId, const TestRecord& test, QString* error)
{
    return m_table.recordTest(targetId, test, error);
}

bool TargetStore::recordTest(const QString& targetId, const TargetTestResult& result, QString* error)
{
    if (result.error && result.error->kind == ConnectorError::Kind::Cancelled) {
        return true;
    }
    return recordTest(
        targetId, {QDateTime::currentMSecsSinceEpoch(), result.ok, result.error ? result.error->message : QString()},
        error);
}

std::optional<QHash<QString, TargetStore::TestRecord>> TargetStore::lastTests(QString* error) const
{
    return m_table.lastTests(error);
}

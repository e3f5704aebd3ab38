#include "ConnectorStore.h"

#include "connectors/keycloak/ConnectionTest.h"
#include "model/NameKey.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

ConnectorConfig fromRow(const QSqlQuery& query)
{
    ConnectorConfig config;
    config.id = query.value(0).toString();
    config.name = query.value(1).toString();
    config.type = query.value(2).toString();
    ConnectorConfig::readSettingsJson(QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object(), config);
    return config;
}

QString settingsText(const ConnectorConfig& config)
{
    return QString::fromUtf8(QJsonDocument(config.settingsJson()).toJson(QJsonDocument::Compact));
}

const auto selectColumns = u"SELECT id, name, type, settings FROM connectors"_s;

} // namespace

ConnectorStore::ConnectorStore(QSqlDatabase db)
    : m_db(std::move(db))
{ }

std::optional<QList<ConnectorConfig>> ConnectorStore::list(QString* error) const
{
    QSqlQuery query(m_db);
    if (!query.exec(selectColumns + u" ORDER BY name_key"_s)) {
        *error = tr("The connectors cannot be read from the directory: %1.").arg(query.lastError().text());
        return std::nullopt;
    }
    QList<ConnectorConfig> connectors;
    while (query.next()) {
        connectors.append(fromRow(query));
    }
    return connectors;
}

std::optional<ConnectorConfig> ConnectorStore::find(const QString& nameOrId, QString* error) const
{
    QSqlQuery query(m_db);
    query.prepare(selectColumns + u" WHERE id = ? OR name_key = ? ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END"_s);
    query.addBindValue(nameOrId);
    query.addBindValue(nameKey(nameOrId));
    query.addBindValue(nameOrId);
    if (!query.exec()) {
        *error = tr("The connectors cannot be read from the directory: %1.").arg(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = tr("There is no connector named “%1”. List the connectors with: usersync-cli connector list.")
                     .arg(nameOrId);
        return std::nullopt;
    }
    return fromRow(query);
}

bool ConnectorStore::add(ConnectorConfig& config, QString* error)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO connectors (id, name, name_key, type, settings, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(id);
    query.addBindValue(config.name.trimmed());
    query.addBindValue(nameKey(config.name.trimmed()));
    query.addBindValue(config.type);
    query.addBindValue(settingsText(config));
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec()) {
        QString ignored;
        *error = find(config.name.trimmed(), &ignored)
            ? tr("A connector named “%1” already exists. Choose another name, or edit that connector.")
                  .arg(config.name.trimmed())
            : tr("The connector cannot be saved in the directory: %1.").arg(query.lastError().text());
        return false;
    }
    config.id = id;
    config.name = config.name.trimmed();
    return true;
}

bool ConnectorStore::update(const ConnectorConfig& config, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE connectors SET name = ?, name_key = ?, type = ?, settings = ?, updated_at = ? "
                  "WHERE id = ?"_s);
    query.addBindValue(config.name.trimmed());
    query.addBindValue(nameKey(config.name.trimmed()));
    query.addBindValue(config.type);
    query.addBindValue(settingsText(config));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(config.id);
    if (!query.exec()) {
        *error = tr("The connector cannot be saved: %1. Another connector may already have the name “%2”.")
                     .arg(query.lastError().text(), config.name.trimmed());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        *error = tr("The connector “%1” no longer exists; it may have been removed meanwhile.").arg(config.name);
        return false;
    }
    return true;
}

bool ConnectorStore::remove(const QString& id, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM connectors WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        *error = tr("The connector cannot be removed: %1.").arg(query.lastError().text());
        return false;
    }
    query.prepare(u"DELETE FROM connector_tests WHERE connector_id = ?"_s);
    query.addBindValue(id);
    query.exec(); // a test record left behind names nothing the list shows
    return true;
}

bool ConnectorStore::recordTest(const QString& connectorId, const TestRecord& test, QString* error)
{
    // Delete and insert, not an upsert: the two databases spell that differently.
    QSqlQuery query(m_db);
    const bool transaction = m_db.transaction();
    query.prepare(u"DELETE FROM connector_tests WHERE connector_id = ?"_s);
    query.addBindValue(connectorId);
    bool ok = query.exec();
    if (ok) {
        query.prepare(u"INSERT INTO connector_tests (connector_id, tested_at, ok, message) VALUES (?, ?, ?, ?)"_s);
        query.addBindValue(connectorId);
        query.addBindValue(test.testedAt);
        query.addBindValue(test.ok ? 1 : 0);
        query.addBindValue(test.message.isEmpty() ? QStringLiteral("") : test.message); // never NULL
        ok = query.exec();
    }
    if (!ok) {
        *error = tr("The result of the connection test cannot be stored: %1.").arg(query.lastError().text());
        if (transaction) {
            m_db.rollback();
        }
        return false;
    }
    if (transaction && !m_db.commit()) {
        *error = tr("The result of the connection test cannot be stored: %1.").arg(m_db.lastError().text());
        m_db.rollback();
        return false;
    }
    return true;
}

bool ConnectorStore::recordTest(const QString& connectorId, const ConnectionTestResult& result, QString* error)
{
    if (result.error && result.error->kind == ConnectorError::Kind::Cancelled) {
        return true;
    }
    return recordTest(
        connectorId, {QDateTime::currentMSecsSinceEpoch(), result.ok, result.error ? result.error->message : QString()},
        error);
}

std::optional<QHash<QString, ConnectorStore::TestRecord>> ConnectorStore::lastTests(QString* error) const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT connector_id, tested_at, ok, message FROM connector_tests"_s)) {
        *error = tr("The connection tests cannot be read: %1.").arg(query.lastError().text());
        return std::nullopt;
    }
    QHash<QString, TestRecord> tests;
    while (query.next()) {
        tests.insert(query.value(0).toString(),
                     {query.value(1).toLongLong(), query.value(2).toInt() != 0, query.value(3).toString()});
    }
    return tests;
}

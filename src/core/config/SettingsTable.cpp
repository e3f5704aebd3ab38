#include "SettingsTable.h"

#include "model/NameKey.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

SettingsTable::Row fromRow(const QSqlQuery& query)
{
    return {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object()};
}

QString settingsText(const QJsonObject& settings)
{
    return QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact));
}

} // namespace

SettingsTable::SettingsTable(QSqlDatabase db, QString table, QString testTable, QString testKey, Texts texts)
    : m_db(std::move(db))
    , m_table(std::move(table))
    , m_testTable(std::move(testTable))
    , m_testKey(std::move(testKey))
    , m_texts(std::move(texts))
{ }

std::optional<QList<SettingsTable::Row>> SettingsTable::list(QString* error) const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT id, name, type, settings FROM %1 ORDER BY name_key"_s.arg(m_table))) {
        *error = m_texts.cannotRead.arg(query.lastError().text());
        return std::nullopt;
    }
    QList<Row> rows;
    while (query.next()) {
        rows.append(fromRow(query));
    }
    return rows;
}

std::optional<SettingsTable::Row> SettingsTable::find(const QString& nameOrId, QString* error) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, name, type, settings FROM %1 WHERE id = ? OR name_key = ? "
                  "ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END"_s.arg(m_table));
    query.addBindValue(nameOrId);
    query.addBindValue(nameKey(nameOrId));
    query.addBindValue(nameOrId);
    if (!query.exec()) {
        *error = m_texts.cannotRead.arg(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = m_texts.notFound.arg(nameOrId);
        return std::nullopt;
    }
    return fromRow(query);
}

std::optional<QString> SettingsTable::add(const Row& row, QString* error)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO %1 (id, name, name_key, type, settings, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)"_s.arg(m_table));
    query.addBindValue(id);
    query.addBindValue(row.name.trimmed());
    query.addBindValue(nameKey(row.name.trimmed()));
    query.addBindValue(row.type);
    query.addBindValue(settingsText(row.settings));
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec()) {
        QString ignored;
        *error = find(row.name.trimmed(), &ignored) ? m_texts.nameTaken.arg(row.name.trimmed())
                                                    : m_texts.cannotSave.arg(query.lastError().text());
        return std::nullopt;
    }
    return id;
}

bool SettingsTable::update(const Row& row, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(
        u"UPDATE %1 SET name = ?, name_key = ?, type = ?, settings = ?, updated_at = ? WHERE id = ?"_s.arg(m_table));
    query.addBindValue(row.name.trimmed());
    query.addBindValue(nameKey(row.name.trimmed()));
    query.addBindValue(row.type);
    query.addBindValue(settingsText(row.settings));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(row.id);
    if (!query.exec()) {
        *error = m_texts.cannotUpdate.arg(query.lastError().text(), row.name.trimmed());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        *error = m_texts.gone.arg(row.name);
        return false;
    }
    return true;
}

bool SettingsTable::remove(const QString& id, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM %1 WHERE id = ?"_s.arg(m_table));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = m_texts.cannotRemove.arg(query.lastError().text());
        return false;
    }
    query.prepare(u"DELETE FROM %1 WHERE %2 = ?"_s.arg(m_testTable, m_testKey));
    query.addBindValue(id);
    query.exec(); // a test record left behind names nothing the list shows
    return true;
}

bool SettingsTable::recordTest(const QString& id, const TestRecord& test, QString* error)
{
    // Delete and insert, not an upsert: the two databases spell that differently.
    QSqlQuery query(m_db);
    const bool transaction = m_db.transaction();
    query.prepare(u"DELETE FROM %1 WHERE %2 = ?"_s.arg(m_testTable, m_testKey));
    query.addBindValue(id);
    bool ok = query.exec();
    if (ok) {
        query.prepare(u"INSERT INTO %1 (%2, tested_at, ok, message) VALUES (?, ?, ?, ?)"_s.arg(m_testTable, m_testKey));
        query.addBindValue(id);
        query.addBindValue(test.testedAt);
        query.addBindValue(test.ok ? 1 : 0);
        query.addBindValue(test.message.isEmpty() ? QStringLiteral("") : test.message); // never NULL
        ok = query.exec();
    }
    if (!ok) {
        *error = m_texts.cannotStoreTest.arg(query.lastError().text());
        if (transaction) {
            m_db.rollback();
        }
        return false;
    }
    if (transaction && !m_db.commit()) {
        *error = m_texts.cannotStoreTest.arg(m_db.lastError().text());
        m_db.rollback();
        return false;
    }
    return true;
}

std::optional<QHash<QString, SettingsTable::TestRecord>> SettingsTable::lastTests(QString* error) const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT %1, tested_at, ok, message FROM %2"_s.arg(m_testKey, m_testTable))) {
        *error = m_texts.cannotReadTests.arg(query.lastError().text());
        return std::nullopt;
    }
    QHash<QString, TestRecord> tests;
    while (query.next()) {
        tests.insert(query.value(0).toString(),
                     {query.value(1).toLongLong(), query.value(2).toInt() != 0, query.value(3).toString()});
    }
    return tests;
}

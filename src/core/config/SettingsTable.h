#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// The rows behind ConnectorStore and TargetStore: named settings (id, name unique
// case-insensitively, type, JSON settings that never hold a secret) in one table, and the last
// connection test of each in another. The sentences come from the typed store, so that each
// names its own kind of thing.
class SettingsTable final
{
public:
    struct Texts
    {
        QString cannotRead; // %1: database error
        QString notFound; // %1: the name asked for
        QString nameTaken; // %1: the name
        QString cannotSave; // %1: database error
        QString cannotUpdate; // %1: database error, %2: the name
        QString gone; // %1: the name
        QString cannotRemove; // %1: database error
        QString cannotStoreTest; // %1: database error
        QString cannotReadTests; // %1: database error
    };
    struct Row
    {
        QString id;
        QString name;
        QString type;
        QJsonObject settings;
    };
    struct TestRecord
    {
        qint64 testedAt = 0; // ms since the epoch
        bool ok = false;
        QString message; // the sentence the test failed with
    };

    // `table` and `testTable` are fixed names from the schema, never input.
    SettingsTable(QSqlDatabase db, QString table, QString testTable, QString testKey, Texts texts);

    std::optional<QList<Row>> list(QString* error) const;
    // By exact id, else by name (case-insensitive).
    std::optional<Row> find(const QString& nameOrId, QString* error) const;
    // Stores a new row with a fresh id, which it returns.
    std::optional<QString> add(const Row& row, QString* error);
    bool update(const Row& row, QString* error);
    bool remove(const QString& id, QString* error);

    bool recordTest(const QString& id, const TestRecord& test, QString* error);
    std::optional<QHash<QString, TestRecord>> lastTests(QString* error) const;

private:
    QSqlDatabase m_db;
    QString m_table;
    QString m_testTable;
    QString m_testKey;
    Texts m_texts;
};

#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <initializer_list>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

// A statement prepared once and run many times with positional values, in the caller's
// transaction. On SQLite through SQLite's own interface on Qt's connection handle (the library
// Qt's driver links): binding each value through QSqlQuery's QVariants cost as much as SQLite's
// whole work for the hundreds of thousands of rows a large run records. Through QSqlQuery on
// any other database. Text is never bound as NULL: the directory's text columns are NOT NULL,
// with '' for none.
class SqlStatement final
{
public:
    // One value: text or a number, referring to the caller's string while exec() runs, so that
    // passing it costs no allocation.
    class Value
    {
    public:
        Value(const QString& text)
            : m_text(&text)
        { }
        Value(qint64 number)
            : m_number(number)
        { }
        Value(int number)
            : m_number(number)
        { }
        const QString* text() const { return m_text; }
        qint64 number() const { return m_number; }

    private:
        const QString* m_text = nullptr;
        qint64 m_number = 0;
    };

    explicit SqlStatement(QSqlDatabase db);
    ~SqlStatement();
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    // SQLite's handle of a connection of Qt's SQLite driver, or nullptr.
    static sqlite3* sqliteHandle(const QSqlDatabase& db);

    bool prepare(const QString& sql, QString* error);
    bool isPrepared() const { return m_native || m_query; }
    bool exec(std::initializer_list<Value> values, QString* error);

private:
    QSqlDatabase m_db;
    sqlite3* m_sqlite = nullptr;
    sqlite3_stmt* m_native = nullptr;
    QList<QByteArray> m_utf8; // the current values' text, bound without a copy
    std::optional<QSqlQuery> m_query;
};

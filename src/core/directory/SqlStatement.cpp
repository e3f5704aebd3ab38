#include "SqlStatement.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

SqlStatement::SqlStatement(QSqlDatabase db)
    : m_db(std::move(db))
    , m_sqlite(sqliteHandle(m_db))
{ }

SqlStatement::~SqlStatement()
{
    if (m_native) {
        sqlite3_finalize(m_native);
    }
}

sqlite3* SqlStatement::sqliteHandle(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (db.driverName() == u"QSQLITE"_s && handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        return *static_cast<sqlite3* const*>(handle.constData());
    }
    return nullptr;
}

bool SqlStatement::prepare(const QString& sql, QString* error)
{
    if (m_sqlite) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(m_sqlite, utf8.constData(), int(utf8.size()), &m_native, nullptr) != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
            return false;
        }
        return true;
    }
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    m_query = std::move(query);
    return true;
}

bool SqlStatement::exec(std::initializer_list<Value> values, QString* error)
{
    Q_ASSERT(isPrepared());
    if (!m_native) {
        for (const Value& value : values) {
            if (const QString* text = value.text()) {
                m_query->addBindValue(text->isNull() ? u""_s : *text);
            } else {
                m_query->addBindValue(value.number());
            }
        }
        if (!m_query->exec()) {
            *error = m_query->lastError().text();
            return false;
        }
        return true;
    }
    m_utf8.resize(qsizetype(values.size()));
    int column = 0;
    for (const Value& value : values) {
        int status = SQLITE_OK;
        if (const QString* text = value.text()) {
            // UTF-8 as the file stores it, converted by Qt's fast path; kept until the next exec().
            QByteArray& utf8 = m_utf8[column];
            utf8 = text->toUtf8();
            status = sqlite3_bind_text(m_native, column + 1, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                                       SQLITE_STATIC);
        } else {
            status = sqlite3_bind_int64(m_native, column + 1, value.number());
        }
        if (status != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
            return false;
        }
        ++column;
    }
    const int stepped = sqlite3_step(m_native);
    const bool ok = stepped == SQLITE_DONE || stepped == SQLITE_ROW;
    if (!ok) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
    }
    sqlite3_reset(m_native);
    return ok;
}

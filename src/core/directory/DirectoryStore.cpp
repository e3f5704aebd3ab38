#include "DirectoryStore.h"

#include "Logging.h"
#include "directory/SqlStatement.h"
#include "jobs/TestHooks.h"
#include "model/JsonText.h"
#include "model/NameKey.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <iterator>
#include <libpq-fe.h>
#include <map>
#include <numeric>

using namespace Qt::StringLiterals;
using Action = Change::Action;
using Object = Change::Object;

namespace {

// Local field names (as in FieldChange) and the columns that hold them; names also set a key column.
struct Column
{
    QString field;
    QString column;
    QString keyColumn;
};

const QList<Column> userColumns = {
    {u"username"_s, u"username"_s, u"username_key"_s},
    {u"email"_s, u"email"_s, u"email_key"_s},
    {u"firstName"_s, u"first_name"_s, {}},
    {u"lastName"_s, u"last_name"_s, {}},
    {u"displayName"_s, u"display_name"_s, {}},
    {u"active"_s, u"active"_s, {}},
    {u"attributes"_s, u"attributes"_s, {}},
    {u"externalId"_s, u"external_id"_s, {}},
    {u"origin"_s, u"origin_connector"_s, {}},
};

const QList<Column> groupColumns = {
    {u"name"_s, u"name"_s, u"name_key"_s},
    {u"path"_s, u"path"_s, {}},
    {u"externalId"_s, u"external_id"_s, {}},
    {u"origin"_s, u"origin_connector"_s, {}},
};

QVariant columnValue(const QString& field, const QString& text)
{
    if (field == u"active"_s) {
        return text == u"true"_s ? 1 : 0;
    }
    return text;
}

// [{"field": …, "before": …, "after": …}], written by hand: a run records hundreds of thousands
// of these, and going through QJsonDocument for each costs as much as the directory writes.
QString fieldsJson(const QList<FieldChange>& fields)
{
    QString out = u"["_s;
    for (const FieldChange& field : fields) {
        if (out.size() > 1) {
            out += u',';
        }
        out += u"{\"field\":"_s;
        JsonText::appendString(out, field.field);
        out += u",\"before\":"_s;
        JsonText::appendString(out, field.before);
        out += u",\"after\":"_s;
        JsonText::appendString(out, field.after);
        out += u'}';
    }
    out += u']';
    return out;
}

QList<FieldChange> fieldsFromJson(const QString& json)
{
    QList<FieldChange> fields;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        fields.append({value[u"field"_s].toString(), value[u"before"_s].toString(), value[u"after"_s].toString()});
    }
    return fields;
}

// A run's membership changes are recorded one row per user and action, the groups listed in the
// row's fields as {"groups":[{"id": …, "name": …, "origin": …}]}: five rows of history per user
// synced for the first time cost more than the sync's own writes.
QString membershipGroupsJson(const ChangeSet& plan, const MembershipChange* first, const MembershipChange* last)
{
    QString out = u"{\"groups\":["_s;
    for (const MembershipChange* m = first; m != last; ++m) {
        const MemberRef& group = plan.memberGroups.at(m->group);
        if (m != first) {
            out += u',';
        }
        out += u"{\"id\":"_s;
        JsonText::appendString(out, group.id);
        out += u",\"name\":"_s;
        JsonText::appendString(out, group.name);
        out += u",\"origin\":"_s;
        JsonText::appendString(out, m->origin);
        out += u'}';
    }
    out += u"]}"_s;
    return out;
}

// Qt binds a null QString as SQL NULL; the directory's text columns are NOT NULL, with '' for none.
void bindAll(QSqlQuery& query, const QVariantList& values)
{
    for (const QVariant& value : values) {
        if (value.typeId() == QMetaType::QString && value.toString().isNull()) {
            query.addBindValue(QString(u""_s));
        } else {
            query.addBindValue(value);
        }
    }
}

// Crash-safety tests: USERSYNC_TEST_KILL_AT=row:N kills the process after N row changes of an
// apply, =applied once all are made, =commit once the run is recorded too, just before the
// commit, and =committed just after it.
void killAfterRows(int rows)
{
    TestHooks::killAt(u"row"_s, rows);
}

bool fail(const QSqlQuery& query, QString* error)
{
    *error = query.lastError().text();
    return false;
}

// One UPDATE of the columns `change` sets, prepared once per combination of columns.
class RowUpdater
{
public:
    RowUpdater(QSqlDatabase db, QString table, const QList<Column>& columns)
        : m_db(std::move(db))
        , m_table(std::move(table))
        , m_columns(columns)
    { }

    bool update(const QString& id, const QList<FieldChange>& fields, qint64 now, QString* error)
    {
        QStringList signature;
        QVariantList values;
        for (const FieldChange& change : fields) {
            const auto column = std::find_if(m_columns.cbegin(), m_columns.cend(),
                                             [&change](const Column& c) { return c.field == change.field; });
            if (column == m_columns.cend()) {
                continue;
            }
            signature << column->column;
            values << columnValue(change.field, change.after);
            if (!column->keyColumn.isEmpty()) {
                signature << column->keyColumn;
                values << nameKey(change.after);
            }
        }
        const QString key = signature.join(u',');
        auto it = m_statements.find(key);
        if (it == m_statements.end()) {
            QStringList assignments;
            for (const QString& column : signature) {
                assignments << column + u" = ?"_s;
            }
            assignments << u"updated_at = ?"_s;
            QSqlQuery query(m_db);
            if (!query.prepare(u"UPDATE %1 SET %2 WHERE id = ?"_s.arg(m_table, assignments.join(u", "_s)))) {
                return fail(query, error);
            }
            it = m_statements.emplace(key, std::move(query)).first;
        }
        QSqlQuery& query = it->second;
        bindAll(query, values);
        query.addBindValue(now);
        query.addBindValue(id);
        return query.exec() || fail(query, error);
    }

private:
    QSqlDatabase m_db;
    QString m_table;
    const QList<Column>& m_columns;
    std::map<QString, QSqlQuery> m_statements; // QSqlQuery moves but does not copy
};

// Inserts rows many at a time, through the database's own fast path on Qt's connection handle
// (the same client library Qt's driver links, in the same transaction), because binding every
// value through QSqlQuery costs more than the database's whole insert: on PostgreSQL a COPY per
// few thousand rows, on SQLite its own prepared statement. Other drivers get multi-row INSERTs.
class BatchInserter
{
public:
    using Value = SqlStatement::Value;
    using Row = std::initializer_list<Value>;

    BatchInserter(QSqlDatabase db, QString table, QStringList columns, int rowsPerBatch = 200)
        : m_db(std::move(db))
        , m_table(std::move(table))
        , m_columns(std::move(columns))
        , m_rowsPerBatch(rowsPerBatch)
    {
        const QVariant handle = m_db.driver()->handle();
        if (SqlStatement::sqliteHandle(m_db)) {
            m_native.emplace(m_db);
        } else if (m_db.driverName() == u"QPSQL"_s && handle.isValid()
                   && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0)) {
            // Qt registers the handle under the struct's own name, pg_conn*, which PGconn names.
            m_postgres = *static_cast<PGconn* const*>(handle.constData());
        }
    }

    BatchInserter(const BatchInserter&) = delete;
    BatchInserter& operator=(const BatchInserter&) = delete;

    bool add(Row row, QString* error)
    {
        Q_ASSERT(row.size() == std::size_t(m_columns.size()));
        if (m_native) {
            if (!m_native->isPrepared()
                && !m_native->prepare(
                    u"INSERT INTO %1 (%2) VALUES %3"_s.arg(m_table, m_columns.join(u", "_s), placeholders()), error)) {
                return false;
            }
            return m_native->exec(row, error);
        }
        if (m_postgres) {
            appendCopyLine(row);
            return ++m_copyRows < copyRowsPerStatement || flush(error);
        }
        for (const Value& value : row) {
            m_pending.append(value.text() ? QVariant(*value.text()) : QVariant(value.number()));
        }
        return m_pending.size() < qsizetype(m_columns.size()) * m_rowsPerBatch || flush(error);
    }

    bool flush(QString* error)
    {
        if (m_postgres) {
            return copy(error);
        }
        if (m_pending.isEmpty()) {
            return true;
        }
        const int rows = int(m_pending.size() / m_columns.size());
        auto it = m_statements.find(rows);
        if (it == m_statements.end()) {
            QSqlQuery query(m_db);
            if (!query.prepare(u"INSERT INTO %1 (%2) VALUES %3"_s.arg(
                    m_table, m_columns.join(u", "_s), QStringList(rows, placeholders()).join(u", "_s)))) {
                return fail(query, error);
            }
            it = m_statements.emplace(rows, std::move(query)).first;
        }
        QSqlQuery& query = it->second;
        bindAll(query, m_pending);
        m_pending.clear();
        return query.exec() || fail(query, error);
    }

private:
    QString placeholders() const { return u"("_s + QStringList(m_columns.size(), u"?"_s).join(u", "_s) + u")"_s; }

    // COPY's text format: tab-separated, one row a line, with \\ \\t \\n \\r escaped.
    void appendCopyLine(Row row)
    {
        bool first = true;
        for (const Value& value : row) {
            if (!std::exchange(first, false)) {
                m_copy += '\t';
            }
            const QString* text = value.text();
            if (!text) {
                m_copy += QByteArray::number(value.number());
                continue;
            }
            const QByteArray utf8 = text->toUtf8();
            const bool plain = std::none_of(utf8.cbegin(), utf8.cend(),
                                            [](char c) { return c == '\\' || c == '\t' || c == '\n' || c == '\r'; });
            if (plain) {
                m_copy += utf8;
                continue;
            }
            for (const char c : utf8) {
                switch (c) {
                case '\\':
                    m_copy += "\\\\";
                    break;
                case '\t':
                    m_copy += "\\t";
                    break;
                case '\n':
                    m_copy += "\\n";
                    break;
                case '\r':
                    m_copy += "\\r";
                    break;
                default:
                    m_copy += c;
                }
            }
        }
        m_copy += '\n';
    }

    bool copy(QString* error)
    {
        if (m_copyRows == 0) {
            return true;
        }
        const QByteArray command = u"COPY %1 (%2) FROM STDIN"_s.arg(m_table, m_columns.join(u", "_s)).toUtf8();
        PGresult* started = PQexec(m_postgres, command.constData());
        const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
        PQclear(started);
        bool ok = copying && PQputCopyData(m_postgres, m_copy.constData(), int(m_copy.size())) == 1;
        if (copying) {
            ok = PQputCopyEnd(m_postgres, ok ? nullptr : "UserSync stopped the copy") == 1 && ok;
            while (PGresult* result = PQgetResult(m_postgres)) {
                ok = ok && PQresultStatus(result) == PGRES_COMMAND_OK;
                PQclear(result);
            }
        }
        m_copy.clear();
        m_copyRows = 0;
        if (!ok) {
            *error = QString::fromUtf8(PQerrorMessage(m_postgres)).trimmed();
        }
        return ok;
    }

    static constexpr int copyRowsPerStatement = 5000;

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerBatch;
    QVariantList m_pending;
    std::map<int, QSqlQuery> m_statements;
    std::optional<SqlStatement> m_native; // on SQLite
    PGconn* m_postgres = nullptr;
    QByteArray m_copy;
    int m_copyRows = 0;
};

// The rows of sync_changes, a run's history.
class ChangeInserter : public BatchInserter
{
public:
    explicit ChangeInserter(QSqlDatabase db)
        : BatchInserter(std::move(db), u"sync_changes"_s,
                        {u"run_id"_s, u"seq"_s, u"object"_s, u"action"_s, u"item_key"_s, u"display_name"_s, u"email"_s,
                         u"local_id"_s, u"external_id"_s, u"group_local_id"_s, u"fields"_s, u"reason"_s, u"path"_s,
                         u"outcome"_s})
    { }
};

// One row for a user's memberships [first, last), all with the same action and reason.
bool addMembershipRow(ChangeInserter& change, const QString& runId, int seq, const ChangeSet& plan,
                      const MembershipChange* first, const MembershipChange* last, const QString& outcome,
                      QString* error)
{
    const MemberRef& user = plan.memberUsers.at(first->user);
    return change.add({runId, seq, Change::objectName(Change::Object::Membership), Change::actionName(first->action),
                       user.name, QString(), QString(), user.id, QString(), QString(),
                       membershipGroupsJson(plan, first, last), first->reason, QString(), outcome},
                      error);
}

// From this many added memberships on, PostgreSQL checks their keys once after the batch
// instead of once per row (see applyChanges).
constexpr std::size_t bulkMembershipRows = 20'000;

// The plan's membership changes in the order of the table's key (user id, then group id): the database then appends to
// its indexes instead of writing all over them, which took a fifth off adding half a million memberships. Ids are
// ranked once, so that sorting compares numbers.
std::vector<qint32> membershipsInKeyOrder(const ChangeSet& plan)
{
    const auto ranks = [](const QList<MemberRef>& refs) {
        std::vector<qint32> order(static_cast<std::size_t>(refs.size()));
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&refs](qint32 a, qint32 b) { return refs.at(a).id < refs.at(b).id; });
        std::vector<qint32> rank(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            rank[order[i]] = qint32(i);
        }
        return rank;
    };
    std::vector<qint32> chosen(static_cast<std::size_t>(plan.memberships.size()));
    std::iota(chosen.begin(), chosen.end(), 0);
    if (chosen.size() < 2) {
        return chosen;
    }
    const std::vector<qint32> userRank = ranks(plan.memberUsers);
    const std::vector<qint32> groupRank = ranks(plan.memberGroups);
    const auto key = [&](qint32 i) {
        const MembershipChange& m = plan.memberships.at(i);
        return (quint64(quint32(userRank[m.user])) << 32) | quint32(groupRank[m.group]);
    };
    std::sort(chosen.begin(), chosen.end(), [&key](qint32 a, qint32 b) { return key(a) < key(b); });
    return chosen;
}

// The values a change sets, looked up by field name: a linear scan of at most a dozen fields
// beats building a hash for each of hundreds of thousands of changes.
class AfterValues
{
public:
    explicit AfterValues(const Change& change)
        : m_fields(change.fields)
    { }
    QString value(const QString& field, const QString& fallback = {}) const
    {
        for (const FieldChange& change : m_fields) {
            if (change.field == field) {
                return change.after;
            }
        }
        return fallback;
    }
    bool contains(const QString& field) const
    {
        return std::any_of(m_fields.cbegin(), m_fields.cend(),
                           [&field](const FieldChange& f) { return f.field == field; });
    }

private:
    const QList<FieldChange>& m_fields;
};

AfterValues afterValues(const Change& change)
{
    return AfterValues(change);
}

} // namespace

DirectoryStore::DirectoryStore(QSqlDatabase db)
    : m_db(std::move(db))
{ }

namespace {

// Rows are hashed in the order the database returns them, sorted by a unique key in byte order
// (SQLite's default; PostgreSQL is told to use the "C" collation), so that loading the directory
// and checking it later hash the same sequence. Users come by name key: roughly the order in which
// Keycloak lists them, which lets the planner walk both lists with few cache misses (a third of
// the time to plan 100,000 unchanged users went to jumping around a directory sorted by id).
class Fingerprint
{
public:
    void add(const LocalUser& user)
    {
        for (const QString* text : {&user.id, &user.username, &user.email, &user.firstName, &user.lastName,
                                    &user.displayName, &user.originConnector, &user.externalId}) {
            addText(*text);
        }
        m_hash.addData(user.active ? QByteArrayView("1") : QByteArrayView("0"));
        addText(QString::fromUtf8(QJsonDocument(user.attributes).toJson(QJsonDocument::Compact)));
    }
    void add(const LocalGroup& group)
    {
        for (const QString* text : {&group.id, &group.name, &group.path, &group.originConnector, &group.externalId}) {
            addText(*text);
        }
    }
    void add(const DirectoryStore::MembershipRow& membership)
    {
        for (const QString* text : {&membership.userId, &membership.groupId, &membership.originConnector}) {
            addText(*text);
        }
    }
    void separate() { m_hash.addData(QByteArrayView("\x1e", 1)); }
    QByteArray result() const { return m_hash.result().toHex(); }

private:
    void addText(const QString& text)
    {
        m_hash.addData(QByteArrayView(reinterpret_cast<const char*>(text.constData()), text.size() * 2));
        m_hash.addData(QByteArrayView("\x1f", 1));
    }

    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

// Feeds each row to the fingerprint, with a separator between the three tables.
class FingerprintingSink
{
public:
    explicit FingerprintingSink(Fingerprint& fingerprint)
        : m_fingerprint(fingerprint)
    { }
    void user(const LocalUser& user) { m_fingerprint.add(user); }
    void group(const LocalGroup& group)
    {
        if (!std::exchange(m_groupsStarted, true)) {
            m_fingerprint.separate();
        }
        m_fingerprint.add(group);
    }
    void membership(const DirectoryStore::MembershipRow& membership)
    {
        if (!std::exchange(m_membershipsStarted, true)) {
            m_fingerprint.separate();
        }
        m_fingerprint.add(membership);
    }

private:
    Fingerprint& m_fingerprint;
    bool m_groupsStarted = false;
    bool m_membershipsStarted = false;
};

} // namespace

bool DirectoryStore::scan(const std::function<void(LocalUser&&)>& onUser,
                          const std::function<void(LocalGroup&&)>& onGroup,
                          const std::function<void(MembershipRow&&)>& onMembership, QString* error) const
{
    const QString byteOrder = m_db.driverName() == u"QPSQL"_s ? u" COLLATE \"C\""_s : QString();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, username, email, first_name, last_name, display_name, active, attributes, "
                    "origin_connector, external_id, created_at, updated_at, last_synced_at FROM directory_users "
                    "ORDER BY username_key"_s
                    + byteOrder)) {
        return fail(query, error);
    }
    // Connector ids repeat in every row: one shared copy of each.
    QHash<QString, QString> pool;
    const auto shared = [&pool](const QString& text) {
        const auto it = pool.constFind(text);
        return it != pool.cend() ? it.value() : *pool.insert(text, text);
    };
    while (query.next()) {
        LocalUser user;
        user.id = query.value(0).toString();
        user.username = query.value(1).toString();
        user.email = query.value(2).toString();
        user.firstName = query.value(3).toString();
        user.lastName = query.value(4).toString();
        user.displayName = query.value(5).toString();
        user.active = query.value(6).toInt() != 0;
        const QString attributes = query.value(7).toString();
        if (!attributes.isEmpty()) {
            user.attributes = QJsonDocument::fromJson(attributes.toUtf8()).object();
        }
        user.originConnector = shared(query.value(8).toString());
        user.externalId = query.value(9).toString();
        user.createdAt = query.value(10).toLongLong();
        user.updatedAt = query.value(11).toLongLong();
        user.lastSyncedAt = query.value(12).toLongLong();
        onUser(std::move(user));
    }
    if (!query.exec(u"SELECT id, name, path, origin_connector, external_id, created_at, updated_at "
                    "FROM directory_groups ORDER BY id"_s
                    + byteOrder)) {
        return fail(query, error);
    }
    while (query.next()) {
        onGroup(LocalGroup{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                           shared(query.value(3).toString()), query.value(4).toString(), query.value(5).toLongLong(),
                           query.value(6).toLongLong()});
    }
    if (!query.exec(u"SELECT user_id, group_id, origin_connector FROM directory_memberships ORDER BY user_id"_s
                    + byteOrder + u", group_id"_s + byteOrder)) {
        return fail(query, error);
    }
    while (query.next()) {
        onMembership(
            MembershipRow{query.value(0).toString(), query.value(1).toString(), shared(query.value(2).toString())});
    }
    return true;
}

std::optional<DirectoryState> DirectoryStore::load(QString* error) const
{
    DirectoryState state;
    Fingerprint fingerprint;
    FingerprintingSink sink(fingerprint);
    QHash<QString, qint32> userIndex;
    QHash<QString, qint32> groupIndex;
    bool consistent = true;
    const bool ok = scan(
        [&](LocalUser&& user) {
            sink.user(user);
            userIndex.insert(user.id, qint32(state.users.size()));
            state.users.append(std::move(user));
        },
        [&](LocalGroup&& group) {
            sink.group(group);
            groupIndex.insert(group.id, qint32(state.groups.size()));
            state.groups.append(std::move(group));
        },
        [&](MembershipRow&& row) {
            sink.membership(row);
            const qint32 user = userIndex.value(row.userId, -1);
            const qint32 group = groupIndex.value(row.groupId, -1);
            consistent = consistent && user >= 0 && group >= 0; // the foreign keys make sure of it
            state.memberships.append(LocalMembership{user, group, std::move(row.originConnector)});
        },
        error);
    if (ok && !consistent) {
        *error = tr("The directory has memberships of users or groups it does not have. Restore it from a backup.");
        return std::nullopt;
    }
    if (!ok) {
        return std::nullopt;
    }
    state.fingerprint = fingerprint.result();
    return state;
}

std::optional<QByteArray> DirectoryStore::currentFingerprint(QString* error) const
{
    Fingerprint fingerprint;
    FingerprintingSink sink(fingerprint);
    const bool ok = scan([&](LocalUser&& user) { sink.user(user); }, [&](LocalGroup&& group) { sink.group(group); },
                         [&](MembershipRow&& membership) { sink.membership(membership); }, error);
    return ok ? std::optional(fingerprint.result()) : std::nullopt;
}

bool DirectoryStore::apply(const ChangeSet& plan, const RunRecord& run, QString* error, bool* changedSince)
{
    if (changedSince) {
        *changedSince = false;
    }
    const bool sqlite = m_db.driverName() == u"QSQLITE"_s;
    QSqlQuery begin(m_db);
    // SQLite: take the write lock now, so that nobody changes the directory between the check and the writes.
    const bool begun = sqlite ? begin.exec(u"BEGIN IMMEDIATE"_s) : m_db.transaction();
    if (!begun) {
        *error = tr("The directory cannot be changed now: %1.")
                     .arg(sqlite ? begin.lastError().text() : m_db.lastError().text());
        return false;
    }
    const auto rollback = [this, sqlite] {
        if (sqlite) {
            QSqlQuery(m_db).exec(u"ROLLBACK"_s);
        } else {
            m_db.rollback();
        }
    };
    if (!sqlite) {
        // One writer at a time on a shared directory, for the whole check-and-apply.
        QSqlQuery(m_db).exec(
            u"LOCK TABLE directory_users, directory_groups, directory_memberships IN EXCLUSIVE MODE"_s);
    }

    QString reason;
    const std::optional<QByteArray> current = currentFingerprint(&reason);
    if (!current) {
        rollback();
        *error = tr("The directory cannot be read: %1. Nothing was changed.").arg(reason);
        return false;
    }
    if (*current != plan.directoryFingerprint) {
        rollback();
        if (changedSince) {
            *changedSince = true;
        }
        *error = tr("The directory has changed since this plan was made, so it was not applied and nothing was "
                    "changed. Run a new simulation and review it.");
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const bool applied = applyChanges(plan, &reason);
    qCDebug(lcDirectory) << "applying" << plan.size() << "changes took" << timer.restart() << "ms";
    TestHooks::killIfAsked(u"applied"_s);
    const bool recorded = applied && insertRun(run, &plan, &reason);
    qCDebug(lcDirectory) << "recording the run took" << timer.restart() << "ms";
    if (!applied || !recorded) {
        rollback();
        *error = tr("Applying the changes failed, so none of them were kept: %1.").arg(reason);
        qCWarning(lcDirectory) << "apply failed, rolled back:" << reason;
        return false;
    }
    TestHooks::killIfAsked(u"commit"_s);
    const bool committed = sqlite ? QSqlQuery(m_db).exec(u"COMMIT"_s) : m_db.commit();
    if (!committed) {
        rollback();
        *error = tr("The changes could not be committed, so none of them were kept: %1.").arg(m_db.lastError().text());
        return false;
    }
    TestHooks::killIfAsked(u"committed"_s);
    return true;
}

bool DirectoryStore::applyChanges(const ChangeSet& plan, QString* error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    RowUpdater users(m_db, u"directory_users"_s, userColumns);
    RowUpdater groups(m_db, u"directory_groups"_s, groupColumns);
    BatchInserter insertUser(m_db, u"directory_users"_s,
                             {u"id"_s, u"username"_s, u"username_key"_s, u"email"_s, u"email_key"_s, u"first_name"_s,
                              u"last_name"_s, u"display_name"_s, u"active"_s, u"attributes"_s, u"origin_connector"_s,
                              u"external_id"_s, u"created_at"_s, u"updated_at"_s, u"last_synced_at"_s});
    BatchInserter insertGroup(m_db, u"directory_groups"_s,
                              {u"id"_s, u"name"_s, u"name_key"_s, u"path"_s, u"origin_connector"_s, u"external_id"_s,
                               u"created_at"_s, u"updated_at"_s});
    BatchInserter insertMembership(m_db, u"directory_memberships"_s,
                                   {u"user_id"_s, u"group_id"_s, u"origin_connector"_s, u"created_at"_s});
    QSqlQuery removeMembership(m_db);
    QSqlQuery deleteUser(m_db);
    QSqlQuery deleteGroup(m_db);
    if (!removeMembership.prepare(u"DELETE FROM directory_memberships WHERE user_id = ? AND group_id = ?"_s)
        || !deleteUser.prepare(u"DELETE FROM directory_users WHERE id = ?"_s)
        || !deleteGroup.prepare(u"DELETE FROM directory_groups WHERE id = ?"_s)) {
        *error = m_db.lastError().text();
        return false;
    }

    // Order matters: groups before the memberships that need them, memberships out before their
    // users and groups go.
    enum Stage { SaveGroups, SaveUsers, AddMemberships, RemoveMemberships, DeleteUsers, DeleteGroups };
    const auto stageOf = [](const Change& change) {
        const bool removal = change.action == Action::Delete;
        return change.object == Object::Group ? (removal ? DeleteGroups : SaveGroups)
                                              : (removal ? DeleteUsers : SaveUsers);
    };
    int rows = 0;
    QElapsedTimer timer; // stage timings in the debug log (QT_LOGGING_RULES="usersync.directory.debug=true")
    timer.start();
    const auto failed = [](const QString& what, QString* error) {
        *error = tr("%1: %2").arg(what, *error);
        return false;
    };
    const std::vector<qint32> keyOrder = membershipsInKeyOrder(plan);
    for (const Stage current : {SaveGroups, SaveUsers, AddMemberships, RemoveMemberships, DeleteUsers, DeleteGroups}) {
        if (current == AddMemberships || current == RemoveMemberships) {
            const Action wanted = current == AddMemberships ? Action::Add : Action::Remove;
            std::vector<qint32> order;
            std::copy_if(keyOrder.cbegin(), keyOrder.cend(), std::back_inserter(order),
                         [&plan, wanted](qint32 i) { return plan.memberships.at(i).action == wanted; });
            // PostgreSQL checks a foreign key with a query per inserted row. For a large batch the
            // two keys are dropped and added back after it, inside this transaction, which checks
            // every row in one join (as pg_restore does) and fails the whole apply if one is wrong.
            // Until the commit, other sessions then wait to read the memberships. A role that may
            // write rows but not alter the table keeps the per-row checks (through a savepoint,
            // since a failed statement would end the transaction).
            bool checkAfterwards =
                m_db.driverName() == u"QPSQL"_s && wanted == Action::Add && order.size() >= bulkMembershipRows;
            QSqlQuery keys(m_db);
            const auto alterKeys = [&keys, error](const QString& statement) {
                return keys.exec(statement) || fail(keys, error);
            };
            if (checkAfterwards) {
                if (!alterKeys(u"SAVEPOINT usersync_keys"_s)) {
                    return failed(tr("adding memberships"), error);
                }
                if (!keys.exec(u"ALTER TABLE directory_memberships DROP CONSTRAINT directory_memberships_user_id_fkey, "
                               "DROP CONSTRAINT directory_memberships_group_id_fkey"_s)) {
                    qCInfo(lcDirectory) << "the memberships' keys stay, checked row by row:" << keys.lastError().text();
                    if (!alterKeys(u"ROLLBACK TO SAVEPOINT usersync_keys"_s)) {
                        return failed(tr("adding memberships"), error);
                    }
                    checkAfterwards = false;
                }
            }
            for (const qint32 index : order) {
                const MembershipChange& m = plan.memberships.at(index);
                const QString& userId = plan.memberUsers.at(m.user).id;
                const QString& groupId = plan.memberGroups.at(m.group).id;
                bool ok = true;
                if (wanted == Action::Add) {
                    ok = insertMembership.add({userId, groupId, m.origin, now}, error);
                } else {
                    removeMembership.addBindValue(userId);
                    removeMembership.addBindValue(groupId);
                    ok = removeMembership.exec() || fail(removeMembership, error);
                }
                killAfterRows(++rows);
                if (!ok) {
                    const Change change = plan.toChange(m);
                    return failed(tr("%1 membership “%2”").arg(Change::actionName(change.action), change.key), error);
                }
            }
            if (checkAfterwards
                && (!insertMembership.flush(error)
                    || !alterKeys(u"ALTER TABLE directory_memberships "
                                  "ADD CONSTRAINT directory_memberships_user_id_fkey FOREIGN KEY (user_id) "
                                  "REFERENCES directory_users (id), "
                                  "ADD CONSTRAINT directory_memberships_group_id_fkey FOREIGN KEY (group_id) "
                                  "REFERENCES directory_groups (id)"_s))) {
                return failed(tr("adding memberships"), error);
            }
        }
        for (const Change& change : plan.changes) {
            if (stageOf(change) != current || change.action == Action::Unchanged || change.action == Action::Skip) {
                continue;
            }
            bool ok = true;
            if (change.object == Object::User) {
                if (change.action == Action::Add) {
                    const AfterValues v = afterValues(change);
                    ok = insertUser.add(
                        {change.localId, v.value(u"username"_s), nameKey(v.value(u"username"_s)), v.value(u"email"_s),
                         nameKey(v.value(u"email"_s)), v.value(u"firstName"_s), v.value(u"lastName"_s),
                         v.value(u"displayName"_s), v.value(u"active"_s) == u"true"_s ? 1 : 0, v.value(u"attributes"_s),
                         plan.connectorId, change.externalId,
                         v.contains(u"createdAt"_s) ? v.value(u"createdAt"_s).toLongLong() : now, now, now},
                        error);
                } else if (change.action == Action::Delete) {
                    deleteUser.addBindValue(change.localId);
                    ok = deleteUser.exec() || fail(deleteUser, error);
                } else {
                    ok = users.update(change.localId, change.fields, now, error);
                }
            } else if (change.action == Action::Add) {
                const AfterValues v = afterValues(change);
                ok = insertGroup.add({change.localId, v.value(u"name"_s), nameKey(v.value(u"name"_s)),
                                      v.value(u"path"_s), plan.connectorId, change.externalId, now, now},
                                     error);
            } else if (change.action == Action::Delete) {
                deleteGroup.addBindValue(change.localId);
                ok = deleteGroup.exec() || fail(deleteGroup, error);
            } else {
                ok = groups.update(change.localId, change.fields, now, error);
            }
            killAfterRows(++rows);
            if (!ok) {
                return failed(
                    tr("%1 %2 “%3”")
                        .arg(Change::actionName(change.action), Change::objectName(change.object), change.key),
                    error);
            }
        }
        // A stage's rows are all written before the next stage needs them.
        if (!insertGroup.flush(error) || !insertUser.flush(error) || !insertMembership.flush(error)) {
            return failed(tr("writing the changes"), error);
        }
        qCDebug(lcDirectory) << "apply stage" << current << "took" << timer.restart() << "ms";
    }
    QSqlQuery synced(m_db);
    // Rows this apply inserted carry the time already.
    synced.prepare(
        u"UPDATE directory_users SET last_synced_at = ? WHERE origin_connector = ? AND last_synced_at <> ?"_s);
    synced.addBindValue(now);
    synced.addBindValue(plan.connectorId);
    synced.addBindValue(now);
    const bool ok = synced.exec() || fail(synced, error);
    qCDebug(lcDirectory) << "marking synced users took" << timer.elapsed() << "ms";
    return ok;
}

bool DirectoryStore::record(const RunRecord& run, const ChangeSet* plan, QString* error)
{
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    if (!insertRun(run, plan, error)) {
        m_db.rollback();
        return false;
    }
    return m_db.commit() || (*error = m_db.lastError().text(), false);
}

bool DirectoryStore::insertRun(const RunRecord& run, const ChangeSet* plan, QString* error,
                               const QList<qsizetype>* order, QList<int>* seqs)
{
    const bool pending = seqs != nullptr;
    QJsonObject counts = run.counts;
    if (plan) {
        counts = plan->countsJson(); // the plan's own counts, whatever the caller put in the record
    }
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO sync_runs (id, connector_id, connector_name, mode, run_trigger, started_at, "
                  "finished_at, status, counts, message, rollback_of, target_id) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindAll(query,
            QVariantList{run.id, run.connectorId, run.connectorName, run.mode, run.trigger, run.startedAt,
                         run.finishedAt, run.status,
                         QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact)), run.message,
                         run.rollbackOf, run.targetId});
    if (!query.exec()) {
        return fail(query, error);
    }
    if (!plan) {
        return true;
    }
    ChangeInserter change(m_db);
    // A run into an application settles each change on its own: every one starts pending, a
    // membership a row.
    const QString outcome = pending ? Change::outcomeName(ChangeOutcome::Pending) : QString();
    int seq = 0;
    if (seqs) {
        seqs->clear();
        seqs->reserve(plan->size());
    }
    for (const Change& c : plan->changes) {
        if (seqs) {
            seqs->append(c.action == Action::Unchanged ? -1 : seq);
        }
        // Unchanged rows are counted, not kept: a history of every untouched user would dwarf the directory.
        if (c.action == Action::Unchanged) {
            continue;
        }
        const bool settles = pending && c.action != Action::Skip;
        if (!change.add({run.id, seq++, Change::objectName(c.object), Change::actionName(c.action), c.key,
                         c.displayName, c.email, c.localId, c.externalId, c.groupLocalId, fieldsJson(c.fields),
                         c.reason, c.path, settles ? outcome : QString()},
                        error)) {
            return false;
        }
    }
    if (seqs) {
        // The memberships' rows are written by recordPendingMemberships(), under these seqs.
        Q_ASSERT(order && order->size() == plan->memberships.size());
        seqs->resize(plan->size());
        for (const qsizetype i : *order) {
            (*seqs)[plan->changes.size() + i] = seq++;
        }
        return change.flush(error);
    }
    // A row for each user's consecutive memberships with the same action and reason.
    const MembershipChange* const end = plan->memberships.constData() + plan->memberships.size();
    for (const MembershipChange* first = plan->memberships.constData(); first != end;) {
        const MembershipChange* last = std::find_if(first, end, [first](const MembershipChange& m) {
            return m.user != first->user || m.action != first->action || m.reason != first->reason;
        });
        if (!addMembershipRow(change, run.id, seq++, *plan, first, last, QString(), error)) {
            return false;
        }
        first = last;
    }
    return change.flush(error);
}

bool DirectoryStore::recordPending(const RunRecord& run, const ChangeSet& plan, const QList<qsizetype>& order,
                                   QList<int>* seq, QString* error)
{
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    if (!insertRun(run, &plan, error, &order, seq)) {
        m_db.rollback();
        return false;
    }
    return m_db.commit() || (*error = m_db.lastError().text(), false);
}

bool DirectoryStore::recordPendingMemberships(const QString& runId, const ChangeSet& plan,
                                              const QList<qsizetype>& order, int firstSeq, QString* error)
{
    ChangeInserter change(m_db);
    const QString pending = Change::outcomeName(ChangeOutcome::Pending);
    int seq = firstSeq;
    for (const qsizetype i : order) {
        const MembershipChange* one = plan.memberships.constData() + i;
        if (!addMembershipRow(change, runId, seq++, plan, one, one + 1,
                              one->action == Action::Skip ? QString() : pending, error)) {
            return false;
        }
    }
    return change.flush(error);
}

bool DirectoryStore::settle(const QString& runId, const QList<Settled>& outcomes, QString* error)
{
    SqlStatement update(m_db);
    if (!update.prepare(u"UPDATE sync_changes SET outcome = ?, error = ?, "
                        "local_id = CASE WHEN ? = '' THEN local_id ELSE ? END WHERE run_id = ? AND seq = ?"_s,
                        error)) {
        return false;
    }
    for (const Settled& settled : outcomes) {
        if (!update.exec({Change::outcomeName(settled.outcome), settled.error, settled.localId, settled.localId, runId,
                          settled.seq},
                         error)) {
            return false;
        }
    }
    return true;
}

std::optional<QHash<QString, QString>> DirectoryStore::removedAccess(const QString& targetId, QString* error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT c.local_id, c.fields FROM sync_changes c JOIN sync_runs r ON r.id = c.run_id "
                  "WHERE r.target_id = ? AND c.object = 'user' AND c.action IN ('disable', 'anonymize') "
                  "AND c.outcome = 'done' ORDER BY r.started_at, c.seq"_s);
    query.addBindValue(targetId);
    if (!query.exec()) {
        fail(query, error);
        return std::nullopt;
    }
    QHash<QString, QString> removed;
    while (query.next()) {
        for (const FieldChange& field : fieldsFromJson(query.value(1).toString())) {
            if (field.field == u"access"_s && !field.before.isEmpty()) {
                removed.insert(query.value(0).toString(), field.before); // the latest run wins
            }
        }
    }
    return removed;
}

bool DirectoryStore::finishRun(const RunRecord& run, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE sync_runs SET status = ?, message = ?, finished_at = ?, counts = ? WHERE id = ?"_s);
    bindAll(query,
            {run.status, run.message, run.finishedAt,
             QString::fromUtf8(QJsonDocument(run.counts).toJson(QJsonDocument::Compact)), run.id});
    return query.exec() || fail(query, error);
}

bool DirectoryStore::markInterrupted(const QString& connectorId, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE sync_runs SET status = 'interrupted', message = ? WHERE connector_id = ? AND status = "
                  "'running'"_s);
    bindAll(query,
            {tr("The run ended unexpectedly (the program was stopped). The changes marked done were made; the "
                "next sync reads the application again and plans only what is left."),
             connectorId});
    return query.exec() || fail(query, error);
}

std::optional<QList<RunRecord>> DirectoryStore::runs(const QString& connectorId, int limit, QString* error,
                                                     const QStringList& modes) const
{
    QSqlQuery query(m_db);
    QStringList placeholders(modes.size(), u"?"_s);
    query.prepare(u"SELECT id, connector_id, connector_name, mode, run_trigger, started_at, finished_at, status, "
                  "counts, message, rollback_of, target_id, "
                  "(SELECT t.name FROM targets t WHERE t.id = sync_runs.target_id) "
                  "FROM sync_runs WHERE (? = '' OR connector_id = ?) %1"
                  "ORDER BY started_at DESC LIMIT ?"_s.arg(
                      modes.isEmpty() ? QString() : u"AND mode IN (%1) "_s.arg(placeholders.join(u", "_s))));
    QVariantList values = {connectorId, connectorId};
    for (const QString& mode : modes) {
        values << mode;
    }
    values << limit;
    bindAll(query, values);
    if (!query.exec()) {
        fail(query, error);
        return std::nullopt;
    }
    QList<RunRecord> runs;
    while (query.next()) {
        runs.append(RunRecord{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                              query.value(3).toString(), query.value(4).toString(), query.value(5).toLongLong(),
                              query.value(6).toLongLong(), query.value(7).toString(),
                              QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object(),
                              query.value(9).toString(), query.value(10).toString(), query.value(11).toString(),
                              query.value(12).toString()});
    }
    return runs;
}

std::optional<QHash<QString, qint64>> DirectoryStore::scheduleBaselines(QString* error) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT c.id, c.updated_at, (SELECT MAX(r.started_at) FROM sync_runs r "
                  "WHERE r.connector_id = c.id AND r.run_trigger = 'scheduled') FROM connectors c"_s);
    if (!query.exec()) {
        fail(query, error);
        return std::nullopt;
    }
    QHash<QString, qint64> baselines;
    while (query.next()) {
        baselines.insert(query.value(0).toString(), std::max(query.value(1).toLongLong(), query.value(2).toLongLong()));
    }
    return baselines;
}

std::optional<RunRecord> DirectoryStore::findRun(const QString& idOrPrefix, QString* error) const
{
    const auto all = runs(QString(), 1'000'000, error);
    if (!all) {
        return std::nullopt;
    }
    QList<RunRecord> matches;
    for (const RunRecord& run : *all) {
        if (run.id == idOrPrefix) {
            return run;
        }
        if (idOrPrefix.size() >= 4 && run.id.startsWith(idOrPrefix)) {
            matches.append(run);
        }
    }
    if (matches.size() == 1) {
        return matches.first();
    }
    *error = matches.isEmpty()
        ? tr("There is no run “%1”. List the runs with: usersync-cli history").arg(idOrPrefix)
        : tr("“%1” is the start of %2 run ids; give more of it.").arg(idOrPrefix).arg(matches.size());
    return std::nullopt;
}

std::optional<ChangeSet> DirectoryStore::changes(const QString& runId, QString* error) const
{
    ChangeSet recorded;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT connector_id FROM sync_runs WHERE id = ?"_s);
    query.addBindValue(runId);
    if (!query.exec()) {
        fail(query, error);
        return std::nullopt;
    }
    if (query.next()) {
        recorded.connectorId = query.value(0).toString();
    }
    query.finish();
    query.setForwardOnly(true);
    query.prepare(u"SELECT object, action, item_key, display_name, email, local_id, external_id, group_local_id, "
                  "fields, reason, path, outcome, error FROM sync_changes WHERE run_id = ? ORDER BY seq"_s);
    query.addBindValue(runId);
    if (!query.exec()) {
        fail(query, error);
        return std::nullopt;
    }
    while (query.next()) {
        Change change;
        change.object = Change::objectFromName(query.value(0).toString()).value_or(Object::User);
        change.action = Change::actionFromName(query.value(1).toString()).value_or(Action::Unchanged);
        if (change.object == Object::Membership) {
            const QString reason = query.value(9).toString();
            const QString groupId = query.value(7).toString();
            if (!groupId.isEmpty()) {
                // One membership a row, as the first releases recorded them: "user → group", origin in the fields.
                const QStringList names = query.value(2).toString().split(u" → "_s);
                const QList<FieldChange> fields = fieldsFromJson(query.value(8).toString());
                const QString origin = fields.isEmpty() ? recorded.connectorId
                    : change.action == Action::Remove   ? fields.first().before
                                                        : fields.first().after;
                recorded.addMembership(change.action, {query.value(5).toString(), names.value(0)},
                                       {groupId, names.value(1)}, origin, reason);
                continue;
            }
            const MemberRef user{query.value(5).toString(), query.value(2).toString()};
            const QJsonObject groups = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object();
            const ChangeOutcome outcome = Change::outcomeFromName(query.value(11).toString());
            const QString failure = query.value(12).toString();
            for (const QJsonValue group : groups.value(u"groups"_s).toArray()) {
                recorded.addMembership(change.action, user, {group[u"id"_s].toString(), group[u"name"_s].toString()},
                                       group[u"origin"_s].toString(),
                                       outcome == ChangeOutcome::Failed ? failure : reason);
                recorded.memberships.last().outcome = outcome;
            }
            continue;
        }
        change.key = query.value(2).toString();
        change.displayName = query.value(3).toString();
        change.email = query.value(4).toString();
        change.localId = query.value(5).toString();
        change.externalId = query.value(6).toString();
        change.groupLocalId = query.value(7).toString();
        change.fields = fieldsFromJson(query.value(8).toString());
        change.reason = query.value(9).toString();
        change.path = query.value(10).toString();
        change.outcome = Change::outcomeFromName(query.value(11).toString());
        change.error = query.value(12).toString();
        recorded.changes.append(std::move(change));
    }
    return recorded;
}

bool DirectoryStore::addLocalUser(const LocalUser& user, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO directory_users (id, username, username_key, email, email_key, first_name, last_name, "
                  "display_name, active, attributes, origin_connector, external_id, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindAll(query,
            QVariantList{user.id, user.username, nameKey(user.username), user.email, nameKey(user.email),
                         user.firstName, user.lastName, user.displayName, user.active ? 1 : 0,
                         user.attributes.isEmpty()
                             ? QString()
                             : QString::fromUtf8(QJsonDocument(user.attributes).toJson(QJsonDocument::Compact)),
                         user.originConnector, user.externalId, user.createdAt, user.updatedAt});
    return query.exec() || fail(query, error);
}

bool DirectoryStore::addLocalGroup(const LocalGroup& group, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO directory_groups (id, name, name_key, path, origin_connector, external_id, "
                  "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindAll(query,
            QVariantList{group.id, group.name, nameKey(group.name), group.path, group.originConnector, group.externalId,
                         group.createdAt, group.updatedAt});
    return query.exec() || fail(query, error);
}

bool DirectoryStore::addLocalMembership(const QString& userId, const QString& groupId, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO directory_memberships (user_id, group_id, origin_connector, created_at) "
                  "VALUES (?, ?, ?, ?)"_s);
    bindAll(query, QVariantList{userId, groupId, QString(), QDateTime::currentMSecsSinceEpoch()});
    return query.exec() || fail(query, error);
}

#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// Where the user directory lives: an embedded SQLite file (the default) or a PostgreSQL
// database shared by several administrators. A location never carries a password; that
// lives in the keychain.
class DirectoryLocation final
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryLocation)

public:
    enum class Kind { Sqlite, PostgreSql };

    static constexpr int defaultPostgreSqlPort = 5432;

    static DirectoryLocation sqlite(const QString& filePath);
    static DirectoryLocation postgreSql(const QString& host, int port, const QString& database, const QString& user);

    // The SQLite file in the user's data folder, used when nothing else is chosen.
    static DirectoryLocation defaultLocation();

    // Accepts a file path (SQLite) or "postgresql://user@host[:port]/database". On failure
    // returns nothing and sets `error` to a sentence saying what to type instead.
    static std::optional<DirectoryLocation> parse(const QString& text, QString* error = nullptr);

    Kind kind() const { return m_kind; }
    QString filePath() const { return m_filePath; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString database() const { return m_database; }
    QString user() const { return m_user; }

    // The form parse() accepts, e.g. for a --directory option or a setting.
    QString toString() const;
    // For people: "SQLite file /home/me/.local/share/usersync/directory.sqlite".
    QString displayName() const;

    bool operator==(const DirectoryLocation&) const = default;

private:
    DirectoryLocation() = default;

    Kind m_kind = Kind::Sqlite;
    QString m_filePath;
    QString m_host;
    int m_port = defaultPostgreSqlPort;
    QString m_database;
    QString m_user;
};

#include "DirectoryLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace {

bool looksLikeUrl(const QString& text)
{
    return text.contains(QLatin1String("://"));
}

void setError(QString* error, const QString& message)
{
    if (error) {
        *error = message;
    }
}

} // namespace

DirectoryLocation DirectoryLocation::sqlite(const QString& filePath)
{
    DirectoryLocation location;
    location.m_kind = Kind::Sqlite;
    // A path that starts with ':' is a file in the current folder: Qt would take it for one of the
    // program's resources.
    const QString path = filePath.startsWith(u':') ? QDir::currentPath() + u'/' + filePath : filePath;
    location.m_filePath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return location;
}

DirectoryLocation DirectoryLocation::postgreSql(const QString& host, int port, const QString& database,
                                                const QString& user)
{
    DirectoryLocation location;
    location.m_kind = Kind::PostgreSql;
    location.m_host = host;
    location.m_port = port;
    location.m_database = database;
    location.m_user = user;
    return location;
}

DirectoryLocation DirectoryLocation::defaultLocation()
{
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return sqlite(dataFolder + QStringLiteral("/directory.sqlite"));
}

std::optional<DirectoryLocation> DirectoryLocation::parse(const QString& text, QString* error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        setError(error,
                 tr("No directory was given. Type the path of a SQLite file or a URL such as "
                    "postgresql://usersync@db.example.com/usersync."));
        return std::nullopt;
    }
    if (trimmed.contains(QChar::Null)) {
        setError(error, tr("The directory's location contains a NUL character, which no file or URL can hold."));
        return std::nullopt;
    }
    if (!looksLikeUrl(trimmed)) {
        return sqlite(trimmed);
    }

    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("file") && url.isLocalFile()) {
        if (url.toLocalFile().contains(QChar::Null)) {
            setError(error, tr("The directory's location contains a NUL character, which no file or URL can hold."));
            return std::nullopt;
        }
        return sqlite(url.toLocalFile());
    }
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres")) {
        setError(error,
                 tr("“%1” is not a directory UserSync can open. Use the path of a SQLite file or a URL "
                    "that starts with postgresql://.")
                     .arg(url.scheme()));
        return std::nullopt;
    }
    if (!url.isValid()) {
        setError(error,
                 tr("The PostgreSQL URL is not valid: %1. Use the form postgresql://user@host:port/database.")
                     .arg(url.errorString()));
        return std::nullopt;
    }
    if (!url.password().isEmpty()) {
        setError(error,
                 tr("The PostgreSQL URL contains a password. Remove it from the URL: UserSync keeps the "
                    "password in the system keychain and asks for it when needed."));
        return std::nullopt;
    }
    const QString database = url.path().mid(1);
    if (url.host().isEmpty() || url.userName().isEmpty() || database.isEmpty() || database.contains(u'/')) {
        setError(error,
                 tr("The PostgreSQL URL needs a user, a host and a database name, as in "
                    "postgresql://usersync@db.example.com:5432/usersync."));
        return std::nullopt;
    }
    return postgreSql(url.host(), url.port(defaultPostgreSqlPort), database, url.userName());
}

QString DirectoryLocation::toString() const
{
    if (m_kind == Kind::Sqlite) {
        // A path with spaces (or other white space) at either end would lose them in parse(): as
        // a file URL instead, which keeps them.
        if (m_filePath != m_filePath.trimmed()) {
            // Written out: QUrl::fromLocalFile() loses the path of some ("/tmp/: " gave "file::%20").
            return QStringLiteral("file://") + QString::fromLatin1(QUrl::toPercentEncoding(m_filePath, "/"));
        }
        return m_filePath;
    }
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user);
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(QLatin1Char('/') + m_database);
    return url.toString();
}

QString DirectoryLocation::displayName() const
{
    if (m_kind == Kind::Sqlite) {
        return tr("SQLite file %1").arg(QDir::toNativeSeparators(m_filePath));
    }
    return tr("PostgreSQL database %1 on %2:%3 (user %4)").arg(m_database, m_host).arg(m_port).arg(m_user);
}

#include "DirectoryAccess.h"

#include "config/SecretStore.h"
#include "directory/Schema.h"

QString DirectoryAccess::passwordKey(const DirectoryLocation& location)
{
    return QStringLiteral("directory/%1").arg(location.toString());
}

std::unique_ptr<DatabaseConnection> DirectoryAccess::open(const DirectoryLocation& location, QString* error)
{
    QString password;
    if (location.kind() == DirectoryLocation::Kind::PostgreSql) {
        const SecretResult secret = SecretStore().readNow(passwordKey(location));
        if (secret.status == SecretResult::Status::NotFound) {
            *error = noPasswordMessage(location);
            return nullptr;
        }
        if (!secret.ok()) {
            *error = secret.message;
            return nullptr;
        }
        password = secret.secret;
    }
    return open(location, password, error);
}

QString DirectoryAccess::noPasswordMessage(const DirectoryLocation& location)
{
    return tr("No password for the PostgreSQL directory %1 is stored in the system keychain. Type it in Open "
              "Directory, or store it with: usersync-cli directory set-password --directory %2 --password-stdin")
        .arg(location.displayName(), location.toString());
}

std::unique_ptr<DatabaseConnection> DirectoryAccess::open(const DirectoryLocation& location, const QString& password,
                                                          QString* error)
{
    auto connection = DatabaseConnection::open(location, password, error);
    if (!connection) {
        return nullptr;
    }
    QSqlDatabase db = connection->database();
    QString reason;
    if (!Schema::migrate(db, &reason)) {
        //: %1 is where the directory is ("SQLite file /home/me/directory.sqlite"), %2 why it cannot be used.
        *error = tr("%1: %2").arg(location.displayName(), reason);
        return nullptr;
    }
    return connection;
}

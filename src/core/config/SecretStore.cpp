#include "SecretStore.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QObject>
#include <QThread>
#include <QtGlobal>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#define USERSYNC_KEYCHAIN_ON_DBUS
#endif
#include <qt6keychain/keychain.h>

#include <memory>

namespace {

enum class Operation { Read, Write, Remove };

// libsecret reports an unreachable Secret Service as a generic error. Tell that case apart, so that
// the administrator reads "no keychain" rather than a D-Bus message.
bool keychainServiceReachable()
{
#ifdef USERSYNC_KEYCHAIN_ON_DBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        return false;
    }
    const QStringList services = {QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
                                  QStringLiteral("org.kde.kwalletd5")};
    const QDBusReply<QStringList> activatable = bus.interface()->call(QStringLiteral("ListActivatableNames"));
    for (const QString& service : services) {
        if (bus.interface()->isServiceRegistered(service) || activatable.value().contains(service)) {
            return true;
        }
    }
    return false;
#else
    return true;
#endif
}

SecretResult resultOf(const QKeychain::Job& job, Operation operation)
{
    SecretResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = SecretResult::Status::Ok;
        if (operation == Operation::Read) {
            result.secret = static_cast<const QKeychain::ReadPasswordJob&>(job).textData();
        }
        return result;
    case QKeychain::EntryNotFound:
        // Removing what is not there leaves the keychain as the caller wanted it.
        result.status = operation == Operation::Remove ? SecretResult::Status::Ok : SecretResult::Status::NotFound;
        if (operation != Operation::Remove) {
            result.message = SecretStore::tr("No secret is stored in the system keychain under “%1”. "
                                             "Enter the secret again to store it.")
                                 .arg(job.key());
        }
        return result;
    case QKeychain::OtherError:
        if (keychainServiceReachable()) {
            result.status = SecretResult::Status::Failed;
            result.message = SecretStore::tr("The system keychain reported an error: %1. Check that it is running "
                                             "and unlocked, then try again.")
                                 .arg(job.errorString());
            break;
        }
        [[fallthrough]];
    case QKeychain::NoBackendAvailable:
        result.status = SecretResult::Status::NoKeychain;
        result.message = SecretStore::tr("No system keychain is available. UserSync keeps secrets only in the "
                                         "keychain (on Linux a Secret Service such as GNOME Keyring or KWallet): "
                                         "start and unlock it, then try again.");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = SecretResult::Status::AccessDenied;
        result.message = SecretStore::tr("Access to the system keychain was denied. Unlock the keychain and allow "
                                         "UserSync to use it, then try again.");
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
        result.status = SecretResult::Status::Failed;
        result.message = SecretStore::tr("The system keychain reported an error: %1. Check that it is running and "
                                         "unlocked, then try again.")
                             .arg(job.errorString());
        break;
    }
    qCWarning(lcSecrets) << "keychain operation on" << job.key() << "failed:" << job.error() << job.errorString();
    return result;
}

std::unique_ptr<QKeychain::Job> makeJob(const QString& service, const QString& key, Operation operation,
                                        const QString& secret)
{
    std::unique_ptr<QKeychain::Job> job;
    switch (operation) {
    case Operation::Read:
        job = std::make_unique<QKeychain::ReadPasswordJob>(service);
        break;
    case Operation::Write: {
        auto write = std::make_unique<QKeychain::WritePasswordJob>(service);
        write->setTextData(secret);
        job = std::move(write);
        break;
    }
    case Operation::Remove:
        job = std::make_unique<QKeychain::DeletePasswordJob>(service);
        break;
    }
    job->setKey(key);
    job->setInsecureFallback(false);
    return job;
}

// QtKeychain runs its jobs one at a time through an executor that lives in the thread which first
// used it (the main thread), and a job living in another thread races it (a crash, seen when a
// sync job renewed an OAuth token on its worker thread). So a job always runs in the main thread:
// made here, with its connections, then moved there and started there; its answer comes back to
// the caller's thread through the queued connection.
bool inMainThread()
{
    const QCoreApplication* app = QCoreApplication::instance();
    return !app || QThread::currentThread() == app->thread();
}

void startInMainThread(QKeychain::Job* job)
{
    if (inMainThread()) {
        job->start();
        return;
    }
    job->moveToThread(QCoreApplication::instance()->thread());
    QMetaObject::invokeMethod(job, &QKeychain::Job::start, Qt::QueuedConnection);
}

void startAsync(const QString& service, const QString& key, Operation operation, const QString& secret,
                const QObject* context, SecretStore::Callback done)
{
    auto* job = makeJob(service, key, operation, secret).release();
    job->setAutoDelete(true);
    QObject::connect(
        job, &QKeychain::Job::finished, context,
        [operation, done = std::move(done)](QKeychain::Job* finished) { done(resultOf(*finished, operation)); });
    startInMainThread(job);
}

SecretResult runBlocking(const QString& service, const QString& key, Operation operation, const QString& secret)
{
    QKeychain::Job* job = makeJob(service, key, operation, secret).release();
    job->setAutoDelete(false);
    QEventLoop loop;
    SecretResult result;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&result, &loop, operation](QKeychain::Job* finished) {
        result = resultOf(*finished, operation);
        loop.quit();
    });
    startInMainThread(job);
    loop.exec();
    if (inMainThread()) {
        delete job;
    } else {
        job->deleteLater(); // in the thread it now lives in
    }
    return result;
}

} // namespace

QString SecretStore::defaultService()
{
    return QStringLiteral("UserSync");
}

QString SecretStore::connectorKey(const QString& connectorId, const QString& name)
{
    return QStringLiteral("connector/%1/%2").arg(connectorId, name);
}

QString SecretStore::targetKey(const QString& targetId, const QString& name)
{
    return QStringLiteral("target/%1/%2").arg(targetId, name);
}

SecretStore::SecretStore(QString service)
    : m_service(std::move(service))
{ }

void SecretStore::read(const QString& key, const QObject* context, Callback done) const
{
    startAsync(m_service, key, Operation::Read, {}, context, std::move(done));
}

void SecretStore::write(const QString& key, const QString& secret, const QObject* context, Callback done) const
{
    startAsync(m_service, key, Operation::Write, secret, context, std::move(done));
}

void SecretStore::remove(const QString& key, const QObject* context, Callback done) const
{
    startAsync(m_service, key, Operation::Remove, {}, context, std::move(done));
}

SecretResult SecretStore::readNow(const QString& key) const
{
    return runBlocking(m_service, key, Operation::Read, {});
}

SecretResult SecretStore::writeNow(const QString& key, const QString& secret) const
{
    return runBlocking(m_service, key, Operation::Write, secret);
}

SecretResult SecretStore::removeNow(const QString& key) const
{
    return runBlocking(m_service, key, Operation::Remove, {});
}

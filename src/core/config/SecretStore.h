#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;

// The outcome of one keychain operation. `message` is a sentence an administrator can act on;
// it never contains the secret.
struct SecretResult
{
    enum class Status {
        Ok,
        NotFound,
        NoKeychain,
        AccessDenied,
        Failed,
    };

    Status status = Status::Failed;
    QString secret; // set by a successful read only
    QString message; // empty on success

    bool ok() const { return status == Status::Ok; }
};

// The only place that touches the operating system's keychain (QtKeychain: Secret Service on
// Linux, Keychain on macOS, Credential Manager on Windows). There is deliberately no insecure
// fallback: without a keychain, operations fail with SecretResult::Status::NoKeychain.
class SecretStore final
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    using Callback = std::function<void(const SecretResult&)>;

    static QString defaultService();

    // The key of a secret that belongs to a connector, e.g. "connector/<id>/client-secret".
    static QString connectorKey(const QString& connectorId, const QString& name);
    // The key of a secret that belongs to an application target, e.g. "target/<id>/credential".
    static QString targetKey(const QString& targetId, const QString& name);

    explicit SecretStore(QString service = defaultService());

    QString service() const { return m_service; }

    // Asynchronous forms: `done` runs in `context`'s thread, and not at all once `context` is gone.
    void read(const QString& key, const QObject* context, Callback done) const;
    void write(const QString& key, const QString& secret, const QObject* context, Callback done) const;
    void remove(const QString& key, const QObject* context, Callback done) const;

    // Blocking forms for worker threads and the CLI. They run a local event loop, so the GUI
    // thread must use the asynchronous forms instead.
    SecretResult readNow(const QString& key) const;
    SecretResult writeNow(const QString& key, const QString& secret) const;
    SecretResult removeNow(const QString& key) const;

private:
    QString m_service;
};

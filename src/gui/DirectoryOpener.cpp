#include "DirectoryOpener.h"

#include "JobThread.h"
#include "config/SecretStore.h"
#include "directory/DirectoryAccess.h"
#include "directory/DirectoryCheckJob.h"

void DirectoryOpener::open(const DirectoryLocation& location, const QString& typedPassword)
{
    m_opening = true;
    if (!typedPassword.isEmpty()) {
        // Tried first: a mistyped password must not replace the one schedules and the CLI use.
        check(location, typedPassword, true);
        return;
    }
    SecretStore().read(DirectoryAccess::passwordKey(location), this, [this, location](const SecretResult& secret) {
        if (!secret.ok()) {
            m_opening = false;
            Q_EMIT failed(location,
                          secret.status == SecretResult::Status::NotFound ? DirectoryAccess::noPasswordMessage(location)
                                                                          : secret.message);
            return;
        }
        check(location, secret.secret, false);
    });
}

void DirectoryOpener::check(const DirectoryLocation& location, const QString& password, bool store)
{
    m_check = JobThread::start<DirectoryCheckJob, QString>(
        this, [location, password] { return std::make_unique<DirectoryCheckJob>(location, password); },
        &DirectoryCheckJob::finished,
        [this, location, password, store](const QString& error) {
            m_check.clear();
            m_opening = false;
            if (!error.isEmpty()) {
                Q_EMIT failed(location, error);
                return;
            }
            if (store) {
                SecretStore().write(DirectoryAccess::passwordKey(location), password, this,
                                    [this](const SecretResult& stored) {
                                        if (!stored.ok()) {
                                            Q_EMIT passwordNotStored(stored.message);
                                        }
                                    });
            }
            Q_EMIT ready(location, password);
        });
}

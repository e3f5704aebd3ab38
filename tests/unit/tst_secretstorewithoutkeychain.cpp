#include "TestEnvironment.h"
#include "config/SecretStore.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

// Runs with DBUS_SESSION_BUS_ADDRESS pointing at nothing (see tests/unit/CMakeLists.txt).
class TestSecretStoreWithoutKeychain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        TestEnvironment::isolateUserFolders();
        const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QDir(config).removeRecursively();
    }

    void writeFailsInWordsWithoutFallback()
    {
        const SecretStore store(u"UserSync-test-nokeychain"_s);
        const SecretResult result = store.writeNow(u"connector/x/client-secret"_s, u"s3cret-value"_s);
        QVERIFY(!result.ok());
        QVERIFY2(result.status == SecretResult::Status::NoKeychain, qPrintable(result.message));
        QVERIFY2(result.message.contains(u"keychain"_s), qPrintable(result.message));
        QVERIFY(!result.message.contains(u"s3cret-value"_s));

        // An insecure fallback would have written the secret to a settings file instead.
        const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QVERIFY2(!QDir(config).exists() || QDir(config).isEmpty(), qPrintable(config));
    }

    void readFailsInWords()
    {
        const SecretStore store(u"UserSync-test-nokeychain"_s);
        const SecretResult result = store.readNow(u"connector/x/client-secret"_s);
        QCOMPARE(result.status, SecretResult::Status::NoKeychain);
        QVERIFY(result.secret.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreWithoutKeychain)
#include "tst_secretstorewithoutkeychain.moc"

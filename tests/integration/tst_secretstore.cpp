#include "TestEnvironment.h"
#include "config/SecretStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

// Against the real Secret Service (gnome-keyring on a private D-Bus session).
class TestSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(secretService, "USERSYNC_TEST_SECRET_SERVICE");
        TestEnvironment::isolateUserFolders();
    }

    void writtenSecretReadsBack_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("ascii") << u"7f3c9a1e-client-secret"_s;
        QTest::newRow("non-ascii") << u"Pässwörd–秘密–🔑"_s;
        QTest::newRow("long") << QString(4096, u'x');
        QTest::newRow("spaces and quotes") << u"  a \"quoted\" 'secret' with spaces  "_s;
    }

    void writtenSecretReadsBack()
    {
        QFETCH(QString, secret);
        const QString key = SecretStore::connectorKey(u"round-trip"_s, u"client-secret"_s);
        QVERIFY(m_store.writeNow(key, secret).ok());
        const SecretResult read = m_store.readNow(key);
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.secret, secret);
    }

    void secretLivesInTheSecretService()
    {
        // Looked up with libsecret's own tool, so the secret is known to be in the keychain
        // and not in some file of ours.
        const QString key = SecretStore::connectorKey(u"visible"_s, u"client-secret"_s);
        QVERIFY(m_store.writeNow(key, u"seen-by-secret-tool"_s).ok());
        QProcess lookup;
        lookup.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, m_store.service(), u"user"_s, key});
        QVERIFY(lookup.waitForFinished(10'000));
        QCOMPARE(lookup.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), u"seen-by-secret-tool"_s);
    }

    void overwriteReplacesTheSecret()
    {
        const QString key = SecretStore::connectorKey(u"overwrite"_s, u"client-secret"_s);
        QVERIFY(m_store.writeNow(key, u"first"_s).ok());
        QVERIFY(m_store.writeNow(key, u"second"_s).ok());
        QCOMPARE(m_store.readNow(key).secret, u"second"_s);
    }

    void removedSecretIsNotFound()
    {
        const QString key = SecretStore::connectorKey(u"removed"_s, u"client-secret"_s);
        QVERIFY(m_store.writeNow(key, u"short-lived"_s).ok());
        QVERIFY(m_store.removeNow(key).ok());
        const SecretResult read = m_store.readNow(key);
        QCOMPARE(read.status, SecretResult::Status::NotFound);
        QVERIFY(read.secret.isEmpty());
        QVERIFY2(read.message.contains(key), qPrintable(read.message));
        // Removing again is not an error: the keychain is already as asked.
        QVERIFY(m_store.removeNow(key).ok());
    }

    void connectorsHaveSeparateSecrets()
    {
        const QString first = SecretStore::connectorKey(u"first-connector"_s, u"client-secret"_s);
        const QString second = SecretStore::connectorKey(u"second-connector"_s, u"client-secret"_s);
        QVERIFY(m_store.writeNow(first, u"one"_s).ok());
        QVERIFY(m_store.writeNow(second, u"two"_s).ok());
        QVERIFY(m_store.removeNow(first).ok());
        QCOMPARE(m_store.readNow(second).secret, u"two"_s);
        QCOMPARE(m_store.readNow(first).status, SecretResult::Status::NotFound);
    }

    void asynchronousFormsDeliverToTheirContext()
    {
        const QString key = SecretStore::connectorKey(u"async"_s, u"client-secret"_s);
        QObject context;
        std::optional<SecretResult> written;
        m_store.write(key, u"async-secret"_s, &context, [&](const SecretResult& result) { written = result; });
        QTRY_VERIFY(written.has_value());
        QVERIFY(written->ok());

        std::optional<SecretResult> read;
        m_store.read(key, &context, [&](const SecretResult& result) { read = result; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->secret, u"async-secret"_s);
    }

    // A job's worker thread (a sync renewing an OAuth token) uses the keychain too, many times over
    // while the main thread uses it as well: every answer arrives, in the worker's thread.
    void workerThreadsUseTheKeychainToo()
    {
        const QString key = SecretStore::connectorKey(u"worker"_s, u"client-secret"_s);
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        constexpr int rounds = 20;
        std::atomic<int> answered{0};
        std::atomic<bool> inWorker{true};
        QMetaObject::invokeMethod(&context, [&] {
            for (int round = 0; round < rounds; ++round) {
                m_store.write(key, u"secret-%1"_s.arg(round), &context, [&](const SecretResult& result) {
                    inWorker = inWorker && QThread::currentThread() == &worker && result.ok();
                    ++answered;
                });
            }
            const SecretResult blocking = m_store.readNow(key); // waits in the worker, runs in the main thread
            inWorker = inWorker && blocking.ok();
        });
        for (int round = 0; round < rounds; ++round) {
            QVERIFY(m_store.writeNow(SecretStore::connectorKey(u"worker"_s, u"main"_s), u"main"_s).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered.load(), rounds, 30'000);
        QVERIFY(inWorker);
        QCOMPARE(m_store.readNow(key).secret, u"secret-%1"_s.arg(rounds - 1));
        QMetaObject::invokeMethod(
            &context, [&] { context.moveToThread(QCoreApplication::instance()->thread()); },
            Qt::BlockingQueuedConnection);
        worker.quit();
        worker.wait();
        m_store.removeNow(SecretStore::connectorKey(u"worker"_s, u"main"_s));
    }

    void cleanupTestCase()
    {
        for (const QString& id :
             {u"round-trip"_s, u"visible"_s, u"overwrite"_s, u"second-connector"_s, u"async"_s, u"worker"_s}) {
            m_store.removeNow(SecretStore::connectorKey(id, u"client-secret"_s));
        }
    }

private:
    const SecretStore m_store{u"UserSync-test-%1"_s.arg(QCoreApplication::applicationPid())};
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"

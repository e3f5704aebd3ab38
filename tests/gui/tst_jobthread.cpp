#include "JobThread.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "connectors/keycloak/KeycloakFetcher.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

// Jobs on a thread of their own, against the real test Keycloak: the window's thread keeps
// running while a realm is read, results arrive in it, and a closed window drops them.
class TestJobThread final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        m_settings.baseUrl = url;
        m_settings.realm = m_realm.name();
        m_settings.clientId = u"usersync-sync"_s;
        m_settings.pageSize = 50; // many pages: a long fetch to watch the main thread through
    }

    // The design's rule: the window never freezes. A timer on the main thread measures the
    // longest time it was kept waiting while the whole test realm was read.
    void mainThreadKeepsRunningDuringAFetch()
    {
        QObject window;
        std::optional<FetchResult> result;
        QThread* deliveredIn = nullptr;
        int progressReports = 0;
        JobThread* runner = JobThread::start<KeycloakFetcher, FetchResult>(
            &window, [this] { return std::make_unique<KeycloakFetcher>(m_settings, secret()); },
            &KeycloakFetcher::finished,
            [&](const FetchResult& finished) {
                result = finished;
                deliveredIn = QThread::currentThread();
            });
        connect(runner, &JobThread::progress, this, [&progressReports] { ++progressReports; });

        QElapsedTimer sinceTick;
        qint64 longestStall = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { longestStall = std::max(longestStall, sinceTick.restart()); });
        sinceTick.start();
        ticker.start();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60'000);
        ticker.stop();

        QVERIFY2(!result->error, qPrintable(result->error ? result->error->detail : QString()));
        QCOMPARE(result->snapshot->users.size(), m_realm.users().size());
        QCOMPARE(deliveredIn, QThread::currentThread());
        QVERIFY(progressReports > 0);
        qInfo("longest main-thread stall during the fetch: %lld ms", longestStall);
        QVERIFY2(longestStall < 200, qPrintable(u"the main thread stalled for %1 ms"_s.arg(longestStall)));
    }

    void cancelEndsTheJobWithACancelledResult()
    {
        QObject window;
        std::optional<FetchResult> result;
        JobThread* runner = JobThread::start<KeycloakFetcher, FetchResult>(
            &window, [this] { return std::make_unique<KeycloakFetcher>(m_settings, secret()); },
            &KeycloakFetcher::finished, [&result](const FetchResult& finished) { result = finished; });
        runner->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30'000);
        // Cancelled before the job was even made, or while it ran: either way no snapshot.
        if (result->error) {
            QCOMPARE(result->error->kind, ConnectorError::Kind::Cancelled);
        }
    }

    void aClosedWindowDropsTheResult()
    {
        auto window = std::make_unique<QObject>();
        bool delivered = false;
        QPointer<JobThread> runner = JobThread::start<KeycloakFetcher, FetchResult>(
            window.get(), [this] { return std::make_unique<KeycloakFetcher>(m_settings, secret()); },
            &KeycloakFetcher::finished, [&delivered](const FetchResult&) { delivered = true; });
        QSignalSpy underWay(runner.data(), &JobThread::progress);
        QVERIFY(underWay.wait(30'000)); // the fetch has started
        window.reset(); // cancels, waits for the thread, and takes the runner along
        QVERIFY(runner.isNull());
        QCoreApplication::sendPostedEvents(); // whatever the job still sent
        QVERIFY(!delivered);
    }

private:
    QString secret() const { return m_realm.clientSecret(u"usersync-sync"_s); }

    TestRealm m_realm;
    KeycloakSettings m_settings;
};

QTEST_MAIN(TestJobThread)
#include "tst_jobthread.moc"

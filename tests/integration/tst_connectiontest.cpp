#include "JobRunner.h"
#include "TestEnvironment.h"
#include "TestRealm.h"
#include "connectors/keycloak/ConnectionTest.h"

#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using Kind = ConnectorError::Kind;

// Every Test Connection outcome a real Keycloak can produce, against the test realm.
class TestConnectionTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        USERSYNC_REQUIRE_ENV(url, "USERSYNC_TEST_KEYCLOAK_URL");
        QVERIFY2(m_realm.isValid(), qPrintable(m_realm.errorString()));
        m_url = url;
    }

    void goodClientPassesEveryStep_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("typedUrl");
        QTest::newRow("manage-users") << u"usersync-sync"_s << m_url;
        QTest::newRow("view-users is enough") << u"usersync-view"_s << m_url;
        QTest::newRow("trailing slash") << u"usersync-sync"_s << m_url + u"/"_s;
        // Keycloak 17+ serves without /auth; an administrator used to older servers types it anyway.
        QTest::newRow("typed with /auth") << u"usersync-sync"_s << m_url + u"/auth"_s;
    }

    void goodClientPassesEveryStep()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, typedUrl);
        const ConnectionTestResult result = run(settings(clientId, typedUrl), m_realm.clientSecret(clientId));
        QVERIFY2(result.ok,
                 qPrintable(result.error ? result.error->message + u" / "_s + result.error->detail : QString()));
        QVERIFY(!result.error);
        QCOMPARE(result.baseUrl, QUrl(m_url));
        QVERIFY(!result.withAuthPath);
        QCOMPARE(result.issuer, m_url + u"/realms/"_s + m_realm.name());
        QVERIFY(result.realmFound && result.tokenObtained && result.usersReadable && result.groupsReadable);
        QCOMPARE(result.userCount, m_realm.users().size());
        QCOMPARE(result.topLevelGroupCount, m_realm.topLevelGroupNames().size());
        QCOMPARE(result.groupCount, m_realm.groupPaths().size());
        QVERIFY(result.warnings.isEmpty()); // plain http, but on loopback
    }

    void failuresSayWhatToFix_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("realm");
        QTest::addColumn<QString>("typedUrl");
        QTest::addColumn<ConnectorError::Kind>("kind");
        QTest::addColumn<QString>("words");
        QTest::addColumn<bool>("realmFound");
        QTest::addColumn<bool>("tokenObtained");

        const QString realm = m_realm.name();
        QTest::newRow("wrong secret") << u"usersync-sync"_s << u"not-the-secret"_s << realm << m_url
                                      << Kind::InvalidClient << u"Credentials"_s << true << false;
        QTest::newRow("unknown client") << u"no-such-client"_s << u"whatever"_s << realm << m_url << Kind::InvalidClient
                                        << u"Clients"_s << true << false;
        QTest::newRow("service accounts off")
            << u"usersync-no-service-account"_s << m_realm.clientSecret(u"usersync-no-service-account"_s) << realm
            << m_url << Kind::ServiceAccountsDisabled << u"Service accounts roles"_s << true << false;
        QTest::newRow("query-users only") << u"usersync-query-only"_s << m_realm.clientSecret(u"usersync-query-only"_s)
                                          << realm << m_url << Kind::QueryUsersOnly << u"view-users"_s << true << true;
        QTest::newRow("no roles") << u"usersync-no-roles"_s << m_realm.clientSecret(u"usersync-no-roles"_s) << realm
                                  << m_url << Kind::RoleMissing << u"Service account roles"_s << true << true;
        QTest::newRow("unknown realm") << u"usersync-sync"_s << m_realm.clientSecret(u"usersync-sync"_s)
                                       << u"no-such-realm"_s << m_url << Kind::RealmNotFound << u"realm list"_s << false
                                       << false;
        QTest::newRow("wrong path") << u"usersync-sync"_s << m_realm.clientSecret(u"usersync-sync"_s) << realm
                                    << m_url + u"/not-keycloak"_s << Kind::WrongUrl << u"/not-keycloak/auth"_s << false
                                    << false;
        QTest::newRow("nothing listening")
            << u"usersync-sync"_s << m_realm.clientSecret(u"usersync-sync"_s) << realm << freePortUrl()
            << Kind::ConnectionRefused << u"Keycloak is running"_s << false << false;
    }

    void failuresSayWhatToFix()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, secret);
        QFETCH(QString, realm);
        QFETCH(QString, typedUrl);
        QFETCH(ConnectorError::Kind, kind);
        QFETCH(QString, words);
        QFETCH(bool, realmFound);
        QFETCH(bool, tokenObtained);

        KeycloakSettings keycloak = settings(clientId, typedUrl);
        keycloak.realm = realm;
        const ConnectionTestResult result = run(keycloak, secret);
        QVERIFY(!result.ok);
        QVERIFY(result.error);
        QVERIFY2(result.error->kind == kind, qPrintable(result.error->kindName() + u": "_s + result.error->message));
        QVERIFY2(result.error->message.contains(words), qPrintable(result.error->message));
        QCOMPARE(result.realmFound, realmFound);
        QCOMPARE(result.tokenObtained, tokenObtained);
        QVERIFY(!result.usersReadable || kind == Kind::RoleMissing);
        // Neither the secret nor anything token-like is repeated back.
        QVERIFY(!result.error->message.contains(secret));
        QVERIFY(!result.error->detail.contains(secret));
        QVERIFY(!result.error->detail.contains(u"eyJ"_s));
    }

    void tlsWithoutTheCaNamesTheCertificateProblem()
    {
        USERSYNC_REQUIRE_ENV(httpsUrl, "USERSYNC_TEST_KEYCLOAK_HTTPS_URL");
        const ConnectionTestResult result =
            run(settings(u"usersync-sync"_s, httpsUrl), m_realm.clientSecret(u"usersync-sync"_s));
        QVERIFY(!result.ok);
        QCOMPARE(result.error->kind, Kind::Tls);
        QVERIFY2(result.error->message.contains(u"certificate"_s) && result.error->message.contains(u"CA file"_s),
                 qPrintable(result.error->message));
    }

    void tlsWithThePrivateCaPasses()
    {
        USERSYNC_REQUIRE_ENV(httpsUrl, "USERSYNC_TEST_KEYCLOAK_HTTPS_URL");
        USERSYNC_REQUIRE_ENV(caFile, "USERSYNC_TEST_CA_FILE");
        KeycloakSettings keycloak = settings(u"usersync-sync"_s, httpsUrl);
        keycloak.caFile = caFile;
        const ConnectionTestResult result = run(keycloak, m_realm.clientSecret(u"usersync-sync"_s));
        QVERIFY2(result.ok, qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.baseUrl, QUrl(httpsUrl));
        QCOMPARE(result.userCount, m_realm.users().size());
    }

    void unreadableCaFileIsReported()
    {
        USERSYNC_REQUIRE_ENV(httpsUrl, "USERSYNC_TEST_KEYCLOAK_HTTPS_URL");
        KeycloakSettings keycloak = settings(u"usersync-sync"_s, httpsUrl);
        keycloak.caFile = QStringLiteral(USERSYNC_TEST_FIXTURES_DIR "/usersync-test-realm.json");
        const ConnectionTestResult result = run(keycloak, m_realm.clientSecret(u"usersync-sync"_s));
        QVERIFY(!result.ok);
        QCOMPARE(result.error->kind, Kind::Tls);
        QVERIFY2(result.error->message.contains(u"holds no PEM certificate"_s), qPrintable(result.error->message));
    }

    void cancelledTestSaysSo()
    {
        ConnectionTest test(settings(u"usersync-sync"_s, m_url), m_realm.clientSecret(u"usersync-sync"_s));
        QSignalSpy finished(&test, &ConnectionTest::finished);
        test.start();
        test.cancel();
        QVERIFY(finished.wait(30'000));
        const auto result = finished.first().first().value<ConnectionTestResult>();
        QVERIFY(!result.ok);
        QCOMPARE(result.error->kind, Kind::Cancelled);
    }

private:
    KeycloakSettings settings(const QString& clientId, const QString& url) const
    {
        KeycloakSettings keycloak;
        keycloak.baseUrl = url;
        keycloak.realm = m_realm.name();
        keycloak.clientId = clientId;
        keycloak.timeoutSeconds = 20;
        return keycloak;
    }

    static ConnectionTestResult run(const KeycloakSettings& keycloak, const QString& secret)
    {
        ConnectionTest test(keycloak, secret);
        const QList<QVariant> arguments = runJob(test);
        if (arguments.isEmpty()) {
            qWarning("Test Connection did not finish");
            return {};
        }
        return arguments.first().value<ConnectionTestResult>();
    }

    static QString freePortUrl()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        return u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
    }

    TestRealm m_realm;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"

#include "connectors/keycloak/KeycloakErrors.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Kind = ConnectorError::Kind;

// How answers become errors, for the cases the real Keycloak tests cannot reach (a name that
// does not resolve would need DNS, a proxy's 502 a proxy).
class TestKeycloakErrors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesByStatusAndNetworkError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("networkError");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<ConnectorError::Kind>("kind");
        QTest::addColumn<QString>("words");

        QTest::newRow("unknown host") << 0 << int(QNetworkReply::HostNotFoundError) << QByteArray() << false
                                      << Kind::UnknownHost << u"“sso.example.com” is not known"_s;
        QTest::newRow("refused") << 0 << int(QNetworkReply::ConnectionRefusedError) << QByteArray() << false
                                 << Kind::ConnectionRefused << u"Keycloak is running"_s;
        QTest::newRow("tls") << 0 << int(QNetworkReply::SslHandshakeFailedError) << QByteArray() << false << Kind::Tls
                             << u"CA file"_s;
        QTest::newRow("transfer timeout") << 0 << int(QNetworkReply::OperationCanceledError) << QByteArray() << true
                                          << Kind::Timeout << u"within 30 seconds"_s;
        QTest::newRow("truncated 200") << 200 << int(QNetworkReply::RemoteHostClosedError) << QByteArray("[{") << false
                                       << Kind::Network << u"connection"_s;
        QTest::newRow("bad gateway") << 502 << int(QNetworkReply::UnknownServerError) << QByteArray() << false
                                     << Kind::ServerError << u"HTTP 502"_s;
        QTest::newRow("forbidden") << 403 << int(QNetworkReply::ContentAccessDenied) << QByteArray() << false
                                   << Kind::RoleMissing << u"view-users"_s;
        QTest::newRow("token rejected") << 401 << int(QNetworkReply::AuthenticationRequiredError) << QByteArray()
                                        << false << Kind::TokenRejected << u"host name"_s;
        QTest::newRow("too many requests") << 429 << int(QNetworkReply::UnknownContentError) << QByteArray() << false
                                           << Kind::ServerError << u"HTTP 429"_s;
        QTest::newRow("teapot") << 418 << int(QNetworkReply::UnknownContentError) << QByteArray() << false
                                << Kind::InvalidResponse << u"HTTP 418"_s;
    }

    void classifiesByStatusAndNetworkError()
    {
        QFETCH(int, status);
        QFETCH(int, networkError);
        QFETCH(QByteArray, body);
        QFETCH(bool, timedOut);
        QFETCH(ConnectorError::Kind, kind);
        QFETCH(QString, words);

        HttpOutcome outcome;
        outcome.method = "GET";
        outcome.url = QUrl(u"https://sso.example.com/admin/realms/corp/users"_s);
        outcome.status = status;
        outcome.networkError = QNetworkReply::NetworkError(networkError);
        outcome.networkErrorString = u"connection closed"_s;
        outcome.body = body;
        outcome.timedOut = timedOut;
        outcome.attempts = 3;
        const ConnectorError error = KeycloakErrors::admin(outcome, u"usersync"_s, 30);
        QVERIFY2(error.kind == kind, qPrintable(error.kindName() + u": "_s + error.message));
        QVERIFY2(error.message.contains(words), qPrintable(error.message));
        QVERIFY(error.detail.startsWith(u"GET /admin/realms/corp/users"_s));
    }

    void tokenEndpointTellsServiceAccountsFromCredentials()
    {
        HttpOutcome outcome;
        outcome.method = "POST";
        outcome.url = QUrl(u"https://sso.example.com/realms/corp/protocol/openid-connect/token"_s);
        outcome.status = 401;
        outcome.networkError = QNetworkReply::AuthenticationRequiredError;
        outcome.body =
            R"({"error":"unauthorized_client","error_description":"Client not enabled to retrieve service account"})";
        QCOMPARE(KeycloakErrors::token(outcome, u"usersync"_s, u"corp"_s, 30).kind, Kind::ServiceAccountsDisabled);
        outcome.body =
            R"({"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"})";
        QCOMPARE(KeycloakErrors::token(outcome, u"usersync"_s, u"corp"_s, 30).kind, Kind::InvalidClient);
        outcome.status = 404;
        outcome.body = R"({"error":"Realm does not exist"})";
        QCOMPARE(KeycloakErrors::token(outcome, u"usersync"_s, u"corp"_s, 30).kind, Kind::RealmNotFound);
    }

    void everyKindHasAStableName()
    {
        QSet<QString> names;
        for (int kind = int(Kind::UnknownHost); kind <= int(Kind::Cancelled); ++kind) {
            const QString name = ConnectorError{Kind(kind), {}, {}}.kindName();
            QVERIFY(!name.isEmpty() && name != u"unknown"_s);
            names.insert(name);
        }
        QCOMPARE(names.size(), int(Kind::Cancelled) + 1);
    }
};

QTEST_GUILESS_MAIN(TestKeycloakErrors)
#include "tst_keycloakerrors.moc"

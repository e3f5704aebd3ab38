#include "NetworkErrors.h"

using namespace Qt::StringLiterals;

namespace {

ConnectorError make(ConnectorError::Kind kind, const QString& message, const HttpOutcome& outcome)
{
    return ConnectorError{kind, message, outcome.describe()};
}

} // namespace

QString NetworkErrors::serverOf(const HttpOutcome& outcome)
{
    return outcome.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString();
}

ConnectorError NetworkErrors::cancelled()
{
    return ConnectorError{ConnectorError::Kind::Cancelled, tr("Cancelled; nothing was changed."), {}};
}

ConnectorError NetworkErrors::transport(const HttpOutcome& outcome, const QString& product, int timeoutSeconds)
{
    using Kind = ConnectorError::Kind;
    if (outcome.cancelled) {
        return make(Kind::Cancelled, tr("Cancelled; nothing was changed."), outcome);
    }
    if (outcome.timedOut) {
        return make(Kind::Timeout,
                    tr("%1 at %2 did not answer within %3 seconds. Check that the URL points to %1 and that no "
                       "firewall or proxy holds the connection, or raise the timeout under Advanced Settings.")
                        .arg(product, serverOf(outcome))
                        .arg(timeoutSeconds),
                    outcome);
    }
    switch (outcome.networkError) {
    case QNetworkReply::HostNotFoundError:
        return make(Kind::UnknownHost,
                    tr("The host “%1” is not known. Check the %2 URL for typing errors, and that this computer can "
                       "resolve the name (DNS, VPN).")
                        .arg(outcome.url.host(), product),
                    outcome);
    case QNetworkReply::ConnectionRefusedError:
        return make(Kind::ConnectionRefused,
                    tr("Nothing accepts connections at %1. Check the port in the %2 URL and that %2 is running.")
                        .arg(serverOf(outcome), product),
                    outcome);
    case QNetworkReply::SslHandshakeFailedError:
        switch (outcome.certificateProblem) {
        case HttpOutcome::CertificateProblem::Expired:
            return make(Kind::Tls,
                        tr("The certificate of %1 has expired, so UserSync does not trust it: %2. Renew the "
                           "certificate on %3; no CA file makes an expired certificate valid.")
                            .arg(serverOf(outcome), outcome.networkErrorString, product),
                        outcome);
        case HttpOutcome::CertificateProblem::NotYetValid:
            return make(Kind::Tls,
                        tr("The certificate of %1 is not valid yet: %2. Check the date and time of this computer "
                           "and of %3.")
                            .arg(serverOf(outcome), outcome.networkErrorString, product),
                        outcome);
        case HttpOutcome::CertificateProblem::OtherHost:
            return make(Kind::Tls,
                        tr("The certificate of %1 is made out for another host name than “%2”: %3. Use a host "
                           "name the certificate names in the %4 URL, or have the certificate reissued for this "
                           "one; UserSync always checks the name.")
                            .arg(serverOf(outcome), outcome.url.host(), outcome.networkErrorString, product),
                        outcome);
        default:
            break;
        }
        return make(Kind::Tls,
                    tr("The secure connection to %1 failed: %2. If %3's certificate comes from a private "
                       "certificate authority, add that authority's certificate file under Advanced Settings → CA "
                       "file; UserSync always verifies certificates.")
                        .arg(serverOf(outcome),
                             outcome.sslErrors.isEmpty() ? outcome.networkErrorString : outcome.sslErrors.join(u"; "_s),
                             product),
                    outcome);
    case QNetworkReply::TimeoutError:
        return make(Kind::Timeout,
                    tr("The connection to %1 timed out. Check that the host and port are right and that no firewall "
                       "blocks them.")
                        .arg(serverOf(outcome)),
                    outcome);
    default:
        return make(Kind::Network,
                    tr("The connection to %1 failed: %2. Check the network and the %3 URL, then try again.")
                        .arg(serverOf(outcome), outcome.networkErrorString, product),
                    outcome);
    }
}

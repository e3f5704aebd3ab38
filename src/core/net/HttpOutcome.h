#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

// One HTTP exchange as it finally ended, after any retries.
struct HttpOutcome
{
    QByteArray method;
    QUrl url; // never carries a secret: credentials travel in the body or a header
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers; // of the answer
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;
    QStringList sslErrors;
    // Why the server's certificate was not accepted, when that is what failed.
    enum class CertificateProblem { None, UnknownAuthority, Expired, NotYetValid, OtherHost, Other };
    CertificateProblem certificateProblem = CertificateProblem::None;
    bool timedOut = false;
    bool cancelled = false;
    int attempts = 0;

    // The connection failed before a whole answer arrived: nothing, or a truncated body behind a
    // status line that looked fine. Qt numbers these errors below its HTTP-level ones.
    bool transportFailed() const
    {
        return networkError != QNetworkReply::NoError && networkError < QNetworkReply::ContentAccessDenied;
    }
    bool isHttpSuccess() const { return !transportFailed() && status >= 200 && status < 300; }
    // An answer header, case-insensitively; empty when absent.
    QByteArray header(const QByteArray& name) const;
    // "GET /admin/realms/x/users → HTTP 503 after 5 attempts", for logs and error details.
    QString describe() const;
};

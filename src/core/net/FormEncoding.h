#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

// Name-value pairs as a query string or a form body (application/x-www-form-urlencoded), every
// name and value percent-encoded. Encoded by hand: QUrlQuery leaves '+' alone, which a servlet
// (Jira, a token endpoint) reads as a space.
inline QByteArray formEncoded(const QList<std::pair<QString, QString>>& pairs)
{
    QByteArray encoded;
    for (const auto& [name, value] : pairs) {
        if (!encoded.isEmpty()) {
            encoded += '&';
        }
        encoded += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return encoded;
}

// `url` with `pairs` as its query (none: left without one).
inline QUrl withQuery(QUrl url, const QList<std::pair<QString, QString>>& pairs)
{
    if (const QByteArray encoded = formEncoded(pairs); !encoded.isEmpty()) {
        url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    }
    return url;
}

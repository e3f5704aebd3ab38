#include "AtlassianEmulator.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace {

QString variable(const QString& name)
{
    return qEnvironmentVariable(name.toUtf8().constData());
}

} // namespace

AtlassianEmulator::AtlassianEmulator(const QString& product, const QString& secondTag, const QString& defaultVersion)
    : m_prefix(u"USERSYNC_TEST_"_s + product)
    , m_defaultVersion(defaultVersion)
    , m_control(variable(m_prefix + u"_DIRECT_URL"_s))
    , m_url(variable(m_prefix + u"_URL"_s))
    , m_secondUrl(variable(m_prefix + u'_' + secondTag + u"_URL"_s))
    , m_token(variable(m_prefix + u"_TOKEN"_s))
    , m_adminUser(variable(m_prefix + u"_ADMIN_USER"_s))
    , m_adminPassword(variable(m_prefix + u"_ADMIN_PASSWORD"_s))
{ }

QByteArray AtlassianEmulator::callRaw(const QByteArray& method, const QString& path, const QByteArray& body,
                                      int* status)
{
    QUrl url = m_control;
    url.setPath(u"/_emulator/"_s + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    if (*status < 200 || *status >= 300) {
        qWarning("%s emulator: %s %s -> %d %s", qPrintable(m_prefix), method.constData(), qPrintable(path), *status,
                 answer.constData());
    }
    reply->deleteLater();
    return answer;
}

QJsonObject AtlassianEmulator::call(const QByteArray& method, const QString& path, const QJsonObject& body, bool* ok)
{
    int status = 0;
    const QByteArray answer = callRaw(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), &status);
    if (ok) {
        *ok = status >= 200 && status < 300;
    }
    return QJsonDocument::fromJson(answer).object();
}

bool AtlassianEmulator::reset(const QString& version, const QJsonObject& options)
{
    QJsonObject body = options;
    body.insert(u"version"_s, version.isEmpty() ? m_defaultVersion : version);
    bool ok = false;
    call("POST", u"reset"_s, body, &ok);
    return ok && clearRequests();
}

bool AtlassianEmulator::seed(const QJsonObject& seed)
{
    bool ok = false;
    call("POST", u"seed"_s, seed, &ok);
    return ok;
}

bool AtlassianEmulator::configure(const QJsonObject& config)
{
    bool ok = false;
    call("POST", u"config"_s, config, &ok);
    return ok;
}

bool AtlassianEmulator::setFaults(const QJsonArray& rules)
{
    bool ok = false;
    if (rules.isEmpty()) {
        call("DELETE", u"faults"_s, {}, &ok);
    } else {
        call("POST", u"faults"_s, QJsonObject{{u"rules"_s, rules}}, &ok);
    }
    return ok;
}

bool AtlassianEmulator::setUserFlags(const QString& name, const QJsonObject& flags)
{
    QJsonObject body = flags;
    body.insert(u"name"_s, name);
    bool ok = false;
    call("POST", u"user-flags"_s, body, &ok);
    return ok;
}

int AtlassianEmulator::rest(const QByteArray& method, const QString& pathAndQuery, const QJsonObject& body)
{
    QNetworkRequest request(m_control.resolved(QUrl(pathAndQuery)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Basic " + (m_adminUser + u':' + m_adminPassword).toUtf8().toBase64());
    request.setRawHeader("X-Atlassian-Token", "no-check");
    QNetworkReply* reply = m_network.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

std::optional<AtlassianEmulator::IncomingLink> AtlassianEmulator::addIncomingLink()
{
    QTcpServer probe; // a port free now, for UserSync to listen on while it is authorized
    if (!probe.listen(QHostAddress::LocalHost)) {
        return std::nullopt;
    }
    const QString redirect = u"http://127.0.0.1:%1/usersync"_s.arg(probe.serverPort());
    probe.close();
    bool ok = false;
    const QJsonObject link = call("POST", u"oauth/clients"_s, {{u"redirectUri"_s, redirect}}, &ok);
    if (!ok) {
        return std::nullopt;
    }
    return IncomingLink{link[u"clientId"_s].toString(), link[u"clientSecret"_s].toString(), redirect};
}

std::pair<int, QString> AtlassianEmulator::authorizeInBrowser(const QUrl& authorizeUrl)
{
    // The browser's visit goes to the emulator itself: Prism's proxy would follow the redirect.
    QUrl direct = m_control;
    direct.setPath(authorizeUrl.path());
    direct.setQuery(authorizeUrl.query(QUrl::FullyEncoded), QUrl::StrictMode);
    const auto get = [this](const QUrl& url, bool signIn) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (signIn) {
            request.setRawHeader("Authorization",
                                 "Basic " + (m_adminUser + u':' + m_adminPassword).toUtf8().toBase64());
        }
        QNetworkReply* reply = m_network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return std::tuple{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                          QUrl(QString::fromLatin1(reply->rawHeader("Location"))), QString::fromUtf8(reply->readAll())};
    };
    const auto [status, location, text] = get(direct, true);
    if (status != 302 || !location.isValid()) {
        return {status, text};
    }
    const auto [pageStatus, ignored, page] = get(location, false);
    return {pageStatus, page};
}

QJsonObject AtlassianEmulator::state()
{
    return call("GET", u"state"_s);
}

QJsonArray AtlassianEmulator::requests()
{
    int status = 0;
    const QJsonDocument answer = QJsonDocument::fromJson(callRaw("GET", u"requests"_s, {}, &status));
    return answer.isArray() ? answer.array() : answer.object().value(u"requests"_s).toArray();
}

bool AtlassianEmulator::clearRequests()
{
    bool ok = false;
    call("DELETE", u"requests"_s, {}, &ok);
    return ok;
}

QJsonObject AtlassianEmulator::user(const QJsonObject& state, const QString& name)
{
    for (const QJsonValue user : state.value(u"users"_s).toArray()) {
        if (user[u"name"_s].toString().compare(name, Qt::CaseInsensitive) == 0) {
            return user.toObject();
        }
    }
    return {};
}

QStringList AtlassianEmulator::groupsOf(const QJsonObject& state, const QString& name)
{
    QStringList groups;
    for (const QJsonValue membership : state.value(u"memberships"_s).toArray()) {
        if (membership[0].toString().compare(name, Qt::CaseInsensitive) == 0) {
            groups << membership[1].toString();
        }
    }
    groups.sort(Qt::CaseInsensitive);
    return groups;
}

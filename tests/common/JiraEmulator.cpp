#include "JiraEmulator.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

JiraEmulator::JiraEmulator()
    : m_control(qEnvironmentVariable("USERSYNC_TEST_JIRA_DIRECT_URL"))
    , m_jiraUrl(qEnvironmentVariable("USERSYNC_TEST_JIRA_URL"))
    , m_jira10Url(qEnvironmentVariable("USERSYNC_TEST_JIRA_10_URL"))
    , m_token(qEnvironmentVariable("USERSYNC_TEST_JIRA_TOKEN"))
    , m_adminUser(qEnvironmentVariable("USERSYNC_TEST_JIRA_ADMIN_USER"))
    , m_adminPassword(qEnvironmentVariable("USERSYNC_TEST_JIRA_ADMIN_PASSWORD"))
{ }

QByteArray JiraEmulator::callRaw(const QByteArray& method, const QString& path, const QByteArray& body, int* status)
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
        qWarning("Jira emulator: %s %s -> %d %s", method.constData(), qPrintable(path), *status, answer.constData());
    }
    reply->deleteLater();
    return answer;
}

QJsonObject JiraEmulator::call(const QByteArray& method, const QString& path, const QJsonObject& body, bool* ok)
{
    int status = 0;
    const QByteArray answer = callRaw(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), &status);
    if (ok) {
        *ok = status >= 200 && status < 300;
    }
    return QJsonDocument::fromJson(answer).object();
}

bool JiraEmulator::reset(const QString& version, const QJsonObject& options)
{
    QJsonObject body = options;
    body.insert(u"version"_s, version);
    bool ok = false;
    call("POST", u"reset"_s, body, &ok);
    return ok && clearRequests();
}

bool JiraEmulator::seed(const QJsonObject& seed)
{
    bool ok = false;
    call("POST", u"seed"_s, seed, &ok);
    return ok;
}

bool JiraEmulator::configure(const QJsonObject& config)
{
    bool ok = false;
    call("POST", u"config"_s, config, &ok);
    return ok;
}

bool JiraEmulator::setFaults(const QJsonArray& rules)
{
    bool ok = false;
    if (rules.isEmpty()) {
        call("DELETE", u"faults"_s, {}, &ok);
    } else {
        call("POST", u"faults"_s, QJsonObject{{u"rules"_s, rules}}, &ok);
    }
    return ok;
}

bool JiraEmulator::setUserFlags(const QString& name, const QJsonObject& flags)
{
    QJsonObject body = flags;
    body.insert(u"name"_s, name);
    bool ok = false;
    call("POST", u"user-flags"_s, body, &ok);
    return ok;
}

QJsonObject JiraEmulator::state()
{
    return call("GET", u"state"_s);
}

QJsonArray JiraEmulator::requests()
{
    int status = 0;
    const QJsonDocument answer = QJsonDocument::fromJson(callRaw("GET", u"requests"_s, {}, &status));
    return answer.isArray() ? answer.array() : answer.object().value(u"requests"_s).toArray();
}

bool JiraEmulator::clearRequests()
{
    bool ok = false;
    call("DELETE", u"requests"_s, {}, &ok);
    return ok;
}

QJsonObject JiraEmulator::user(const QJsonObject& state, const QString& name)
{
    for (const QJsonValue user : state.value(u"users"_s).toArray()) {
        if (user[u"name"_s].toString().compare(name, Qt::CaseInsensitive) == 0) {
            return user.toObject();
        }
    }
    return {};
}

QStringList JiraEmulator::groupsOf(const QJsonObject& state, const QString& name)
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

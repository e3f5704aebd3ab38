#include "CurlTransport.h"

#include "net/HttpClient.h"

#include <QFile>
#include <QPointer>
#include <QSocketNotifier>

#include <algorithm>
#include <limits>
#include <mutex>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// OpenSSL's verify result (X509_V_ERR_*, stable numbers) as what went wrong with the certificate.
// libcurl (with OpenSSL, as Debian builds it) checks the host name itself once OpenSSL accepted
// the chain, and then leaves 0 or 1 (X509_V_ERR_UNSPECIFIED) there: its message says which.
HttpOutcome::CertificateProblem certificateProblemOf(long verifyResult, const QString& detail)
{
    using Problem = HttpOutcome::CertificateProblem;
    switch (verifyResult) {
    case 0: // X509_V_OK
    case 1: // X509_V_ERR_UNSPECIFIED
        // "no alternative certificate subject name matches target host name" (or "hostname",
        // "ipv4 address" in later versions), "certificate subject name 'x' does not match".
        return detail.contains(u"subject name"_s, Qt::CaseInsensitive) ? Problem::OtherHost : Problem::Other;
    case 62: // X509_V_ERR_HOSTNAME_MISMATCH
    case 64: // X509_V_ERR_IP_ADDRESS_MISMATCH
        return Problem::OtherHost;
    case 10: // X509_V_ERR_CERT_HAS_EXPIRED
        return Problem::Expired;
    case 9: // X509_V_ERR_CERT_NOT_YET_VALID
        return Problem::NotYetValid;
    case 2: // X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
    case 18: // X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
    case 19: // X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN
    case 20: // X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY
    case 21: // X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE
        return Problem::UnknownAuthority;
    default:
        return Problem::Other;
    }
}

constexpr long maxRedirects = 10;
constexpr curl_off_t maxReservedBody = 64 * 1024 * 1024; // a larger announced length grows as it arrives

void initialiseCurlOnce()
{
    // Thread-safe in libcurl 7.84 and later; once per process all the same.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The error QNetworkReply would give for an HTTP status, so that callers keep one vocabulary.
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        if (status >= 500) {
            return QNetworkReply::UnknownServerError;
        }
        return status >= 400 ? QNetworkReply::UnknownContentError : QNetworkReply::NoError;
    }
}

// What went wrong below HTTP, in the terms HttpOutcome::transportFailed() and NetworkErrors know.
QNetworkReply::NetworkError errorForCode(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return QNetworkReply::HostNotFoundError;
    case CURLE_COULDNT_CONNECT:
        return QNetworkReply::ConnectionRefusedError;
    case CURLE_OPERATION_TIMEDOUT:
        return QNetworkReply::TimeoutError;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return QNetworkReply::SslHandshakeFailedError;
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
        return QNetworkReply::RemoteHostClosedError;
    case CURLE_TOO_MANY_REDIRECTS:
        return QNetworkReply::TooManyRedirectsError;
    case CURLE_UNSUPPORTED_PROTOCOL:
        return QNetworkReply::InsecureRedirectError; // the only protocol refused is a redirect away from https
    case CURLE_URL_MALFORMAT:
        return QNetworkReply::ProtocolUnknownError;
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
        return QNetworkReply::ProtocolFailure;
    case CURLE_ABORTED_BY_CALLBACK:
        return QNetworkReply::OperationCanceledError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

} // namespace

struct CurlTransport::Transfer
{
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    QByteArray requestBody; // libcurl reads it in place until the transfer ends
    HttpOutcome outcome;
    Finished finished;
    char errorText[CURL_ERROR_SIZE] = {};
};

struct CurlTransport::Watch
{
    std::unique_ptr<QSocketNotifier> read;
    std::unique_ptr<QSocketNotifier> write;
};

namespace {

size_t onBody(char* data, size_t size, size_t count, void* transfer)
{
    auto* self = static_cast<CurlTransport::Transfer*>(transfer);
    QByteArray& body = self->outcome.body;
    if (body.capacity() == 0) {
        // One allocation for the whole answer when its length is announced (pages run to megabytes).
        curl_off_t length = -1;
        curl_easy_getinfo(self->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
        body.reserve(qsizetype(std::clamp<curl_off_t>(length, 0, maxReservedBody)));
    }
    body.append(data, qsizetype(size * count));
    return size * count;
}

size_t onHeader(char* data, size_t size, size_t count, void* outcome)
{
    auto* answer = static_cast<HttpOutcome*>(outcome);
    const QByteArrayView line = QByteArrayView(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new answer begins (after a redirect or an interim 100): only its headers count.
        answer->headers.clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        answer->headers.append(
            {line.first(colon).trimmed().toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    }
    return size * count;
}

} // namespace

CurlTransport::CurlTransport(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_timer(this)
{
    initialiseCurlOnce();
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlTransport::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlTransport::onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
}

CurlTransport::~CurlTransport()
{
    for (auto& [easy, transfer] : m_transfers) {
        release(*transfer);
    }
    m_transfers.clear();
    curl_multi_cleanup(m_multi);
    m_watches.clear();
}

void CurlTransport::start(const HttpRequest& request, Finished finished)
{
    auto transfer = std::make_unique<Transfer>();
    transfer->finished = std::move(finished);
    transfer->outcome.method = request.method;
    transfer->outcome.url = request.url;
    transfer->requestBody = request.body;
    CURL* easy = curl_easy_init();
    transfer->easy = easy;

    const QByteArray url = request.url.toEncoded();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->errorText);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    // Redirects are followed, never from https to plain http (and libcurl drops Authorization on
    // a redirect to another host).
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, maxRedirects);
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, request.url.scheme() == u"https"_s ? "https" : "http,https");
    // As QNetworkAccessManager did: no proxy unless one is configured, whatever the environment says.
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "UserSync");
    // Certificates and host names are always verified (libcurl's defaults, said out loud).
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_options.caFile.isEmpty()) {
        // The file joins the system's authorities, which libcurl keeps reading from its CA path.
        curl_easy_setopt(easy, CURLOPT_CAINFO, QFile::encodeName(m_options.caFile).constData());
    }
    const long timeout = std::max(1, m_options.timeoutSeconds);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, timeout);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, timeout);

    if (request.method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
        if (request.method != "POST") {
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.constData());
        }
        if (request.method != "DELETE" || !transfer->requestBody.isEmpty()) {
            // A body, if only an empty one with its Content-Length: 0.
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, transfer->requestBody.constData());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(transfer->requestBody.size()));
        }
    }
    curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
    headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip for larger bodies
    for (const auto& [name, value] : request.headers) {
        headers = curl_slist_append(headers, QByteArray(name + ": " + value).constData());
    }
    if (!request.contentType.isEmpty()) {
        headers = curl_slist_append(headers, QByteArray("Content-Type: " + request.contentType).constData());
    }
    transfer->headers = headers;
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer->outcome);

    m_transfers.emplace(easy, std::move(transfer));
    // libcurl asks for a timer through onTimer and starts the transfer when it fires.
    curl_multi_add_handle(m_multi, easy);
}

void CurlTransport::abortAll()
{
    std::vector<std::unique_ptr<Transfer>> aborted;
    for (auto& [easy, transfer] : m_transfers) {
        aborted.push_back(std::move(transfer));
    }
    m_transfers.clear();
    QPointer<CurlTransport> self(this);
    for (auto& transfer : aborted) {
        release(*transfer);
    }
    for (auto& transfer : aborted) {
        transfer->outcome.networkError = QNetworkReply::OperationCanceledError;
        transfer->outcome.networkErrorString = tr("Operation canceled");
        transfer->finished(std::move(transfer->outcome));
        if (!self) {
            return;
        }
    }
}

void CurlTransport::release(Transfer& transfer)
{
    curl_multi_remove_handle(m_multi, transfer.easy);
    curl_easy_cleanup(transfer.easy);
    curl_slist_free_all(transfer.headers);
    transfer.easy = nullptr;
    transfer.headers = nullptr;
}

int CurlTransport::onSocket(CURL* /*easy*/, curl_socket_t socket, int what, void* self, void* /*socketData*/)
{
    static_cast<CurlTransport*>(self)->watch(socket, what);
    return 0;
}

void CurlTransport::watch(curl_socket_t socket, int what)
{
    if (what == CURL_POLL_REMOVE) {
        if (auto found = m_watches.find(socket); found != m_watches.end()) {
            // Called from inside a notifier's own signal, possibly: disarm now, delete later.
            for (auto* notifier : {found->second->read.release(), found->second->write.release()}) {
                if (notifier) {
                    notifier->setEnabled(false);
                    notifier->deleteLater();
                }
            }
            m_watches.erase(found);
        }
        return;
    }
    std::unique_ptr<Watch>& slot = m_watches[socket];
    if (!slot) {
        slot = std::make_unique<Watch>();
        slot->read = std::make_unique<QSocketNotifier>(socket, QSocketNotifier::Read);
        slot->write = std::make_unique<QSocketNotifier>(socket, QSocketNotifier::Write);
        connect(slot->read.get(), &QSocketNotifier::activated, this, [this, socket] { act(socket, CURL_CSELECT_IN); });
        connect(slot->write.get(), &QSocketNotifier::activated, this,
                [this, socket] { act(socket, CURL_CSELECT_OUT); });
    }
    slot->read->setEnabled(what == CURL_POLL_IN || what == CURL_POLL_INOUT);
    slot->write->setEnabled(what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
}

int CurlTransport::onTimer(CURLM* /*multi*/, long timeoutMs, void* self)
{
    auto* transport = static_cast<CurlTransport*>(self);
    if (timeoutMs < 0) {
        transport->m_timer.stop();
    } else {
        // Never act from inside libcurl's callback: the timer fires on the next turn of the loop.
        transport->m_timer.start(int(std::min<long>(timeoutMs, std::numeric_limits<int>::max())));
    }
    return 0;
}

void CurlTransport::act(curl_socket_t socket, int events)
{
    int running = 0;
    curl_multi_socket_action(m_multi, socket, events, &running);
    reportFinished();
}

void CurlTransport::reportFinished()
{
    std::vector<std::unique_ptr<Transfer>> finished;
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(m_multi, &queued)) {
        if (message->msg != CURLMSG_DONE) {
            continue;
        }
        auto found = m_transfers.find(message->easy_handle);
        if (found == m_transfers.end()) {
            continue;
        }
        std::unique_ptr<Transfer> transfer = std::move(found->second);
        m_transfers.erase(found);
        const CURLcode code = message->data.result;
        HttpOutcome& outcome = transfer->outcome;
        long status = 0;
        curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
        outcome.status = int(status);
        if (code == CURLE_OK) {
            outcome.networkError = errorForStatus(outcome.status);
            if (outcome.networkError != QNetworkReply::NoError) {
                outcome.networkErrorString = tr("The server answered HTTP %1").arg(outcome.status);
            }
        } else {
            outcome.networkError = errorForCode(code);
            outcome.timedOut = code == CURLE_OPERATION_TIMEDOUT;
            const QString detail = QString::fromUtf8(transfer->errorText).trimmed();
            outcome.networkErrorString = detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : detail;
            if (outcome.networkError == QNetworkReply::SslHandshakeFailedError) {
                outcome.sslErrors = {outcome.networkErrorString};
                if (code == CURLE_PEER_FAILED_VERIFICATION) {
                    long verified = 0;
                    curl_easy_getinfo(transfer->easy, CURLINFO_SSL_VERIFYRESULT, &verified);
                    outcome.certificateProblem = certificateProblemOf(verified, outcome.networkErrorString);
                }
            }
        }
        release(*transfer);
        finished.push_back(std::move(transfer));
    }
    // Callbacks may start transfers, abort, or delete this transport: nothing of it is used after.
    QPointer<CurlTransport> self(this);
    for (auto& transfer : finished) {
        transfer->finished(std::move(transfer->outcome));
        if (!self) {
            return;
        }
    }
}

#pragma once

#include "net/HttpOutcome.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <curl/curl.h>
#include <functional>
#include <memory>
#include <unordered_map>

class QSocketNotifier;
struct HttpRequest;

// HTTP on libcurl's multi interface, driven by the event loop of the thread the transport lives
// in: libcurl says which sockets to watch and when to wake it, Qt's socket notifiers and one timer
// do the watching, and every answer is reported in this thread. No thread of its own and no
// signal per reply, which is what made QNetworkAccessManager cost several times the CPU of the
// transfer itself (docs/PERFORMANCE.md). One attempt per start(); retries belong to HttpClient.
class CurlTransport final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int timeoutSeconds = 30; // to connect, and without any data arriving afterwards
        QString caFile; // PEM authorities trusted besides the system's; verification stays on
    };
    // The outcome of one attempt: status, body and headers, or what went wrong on the way.
    using Finished = std::function<void(HttpOutcome&& outcome)>;

    explicit CurlTransport(Options options, QObject* parent = nullptr);
    ~CurlTransport() override; // drops what is in flight without reporting it

    void start(const HttpRequest& request, Finished finished);
    // Stops every transfer in flight; each reports OperationCanceledError before this returns.
    void abortAll();

    struct Transfer; // one request on its way, with what has arrived of its answer

private:
    struct Watch;

    static int onSocket(CURL* easy, curl_socket_t socket, int what, void* self, void* socketData);
    static int onTimer(CURLM* multi, long timeoutMs, void* self);
    void watch(curl_socket_t socket, int what);
    void act(curl_socket_t socket, int events);
    void reportFinished();
    void release(Transfer& transfer);

    Options m_options;
    CURLM* m_multi = nullptr;
    QTimer m_timer;
    std::unordered_map<curl_socket_t, std::unique_ptr<Watch>> m_watches;
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> m_transfers;
};

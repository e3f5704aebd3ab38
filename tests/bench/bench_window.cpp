// Window responsiveness benchmark: the longest the main thread stops while the window runs a
// Simulated Sync of a large realm from the real Keycloak, from pressing Simulate Sync until the
// report is shown and painted. A 1 ms timer on the main thread records every gap between its
// ticks; a gap is a stall. Runs RUNS simulations after one warm-up and writes the figures.
//
//   bench_window URL REALM CLIENT_ID RUNS OUTPUT.json      (the client secret on standard input)

#include "MainWindow.h"
#include "MessageBox.h"
#include "config/ConnectorStore.h"
#include "config/SecretStore.h"
#include "directory/DatabaseConnection.h"
#include "directory/Schema.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Measurement
{
    qint64 longestStallMs = 0;
    int stallsOver50Ms = 0;
    qint64 totalMs = 0;
    int reportRows = 0;
};

// One Simulated Sync through the window, measured from the click to the report's first paint.
Measurement simulate(MainWindow& window)
{
    Measurement result;
    QElapsedTimer clock;
    qint64 lastTick = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const qint64 gap = now - lastTick;
        result.longestStallMs = std::max(result.longestStallMs, gap);
        result.stallsOver50Ms += gap > 50 ? 1 : 0;
        lastTick = now;
    });
    QPointer<QWidget> before = window.lastReport();
    clock.start();
    ticker.start();
    QMetaObject::invokeMethod(window.findChild<QAction*>(u"simulateAction"_s), &QAction::trigger, Qt::QueuedConnection);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (window.lastReport() && window.lastReport() != before) {
            poll.stop();
            // Its first paint happens on the next passes of the event loop: measured as well.
            window.lastReport()->window()->repaint();
            QTimer::singleShot(300, &loop, &QEventLoop::quit);
        }
    });
    poll.start(5);
    loop.exec();
    result.totalMs = clock.elapsed();
    if (auto* table = window.lastReport()->findChild<QTableView*>(u"changesTableView"_s)) {
        result.reportRows = table->model()->rowCount();
    }
    window.lastReport()->window()->close();
    return result;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        QTextStream(stderr) << "usage: bench_window URL REALM CLIENT_ID RUNS OUTPUT.json  (secret on stdin)\n";
        return 2;
    }
    const QString secret = QTextStream(stdin).readLine();
    MessageBox::setTestMode(true);
    QTemporaryDir folder;
    const DirectoryLocation location = DirectoryLocation::sqlite(folder.filePath(u"directory.sqlite"_s));
    QString error;
    {
        auto connection = DatabaseConnection::open(location, {}, &error);
        QSqlDatabase db = connection ? connection->database() : QSqlDatabase();
        ConnectorConfig connector;
        connector.name = u"bench"_s;
        connector.keycloak.baseUrl = args[1];
        connector.keycloak.realm = args[2];
        connector.keycloak.clientId = args[3];
        if (!connection || !Schema::migrate(db, &error) || !ConnectorStore(db).add(connector, &error)) {
            QTextStream(stderr) << error << '\n';
            return 1;
        }
        if (const SecretResult stored = SecretStore().writeNow(connector.secretKey(), secret); !stored.ok()) {
            QTextStream(stderr) << stored.message << '\n';
            return 1;
        }
    }
    MainWindow window;
    if (!window.openDirectory(location)) {
        return 1;
    }
    window.show();
    window.findChild<QTableView*>(u"connectorsTableView"_s)->selectRow(0);

    simulate(window); // warm-up: Keycloak's first answers are slow
    QJsonArray runs;
    QList<qint64> stalls;
    for (int run = 0; run < args[4].toInt(); ++run) {
        const Measurement m = simulate(window);
        stalls << m.longestStallMs;
        runs.append(QJsonObject{{u"longestStallMs"_s, m.longestStallMs},
                                {u"stallsOver50Ms"_s, m.stallsOver50Ms},
                                {u"clickToReportMs"_s, m.totalMs},
                                {u"reportRows"_s, m.reportRows}});
        QTextStream(stderr) << "bench_window: run " << run + 1 << ": longest stall " << m.longestStallMs << " ms, "
                            << m.reportRows << " rows, " << m.totalMs << " ms\n";
    }
    std::sort(stalls.begin(), stalls.end());
    const QJsonObject figures{{u"runs"_s, runs}, {u"medianLongestStallMs"_s, stalls.at(stalls.size() / 2)}};
    const QByteArray json = QJsonDocument(figures).toJson(QJsonDocument::Indented);
    QFile out(args[5]);
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()) {
        QTextStream(stderr) << "cannot write " << args[5] << '\n';
        return 1;
    }
    QTextStream(stdout) << json;
    return 0;
}

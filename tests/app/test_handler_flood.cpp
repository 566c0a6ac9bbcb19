// Anyone on the machine can connect to the handler's loopback port. The real latchkey --serve,
// limited to 1,024 descriptors as a desktop session often is, gets 1,500 connections from
// loopback that never finish: 1,000 uploads without the secret that stop halfway through their
// body and 500 whose headers stop halfway. Meanwhile the browser that holds the secret (the
// cookie of the one-time link) keeps asking for pages. Measured on the server process: its
// peak memory (VmHWM) against its memory before, its open descriptors, how fast the secret's
// requests answer, and how soon the flood's sockets are closed. Figures are printed.
#include "child_process.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace latchkey::app::testing;

namespace {

constexpr int kUploads = 1000;
constexpr int kSlowHeads = 500;

// A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or -1.
qint64 statusKb(qint64 pid, const QByteArray& field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

int openDescriptors(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                   .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)
                   .size());
}

// Milliseconds for one GET with the cookie, or -1 when it did not answer 200; landedOn gets
// the URL after redirects.
qint64 timedGet(QNetworkAccessManager& browser, const QUrl& url, QUrl* landedOn = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = browser.get(QNetworkRequest(url));
    const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (landedOn)
        *landedOn = reply->url();
    return finished && status == 200 ? timer.elapsed() : -1;
}

} // namespace

class TestHandlerFlood : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void floodLeavesMemoryBoundedAndTheSecretsRequestsPrompt();
    void cleanupTestCase() { m_server.stop(5000); }

private:
    QTemporaryDir m_scratch;
    ChildProcess m_server;
    QUrl m_homeUrl;
    QNetworkAccessManager m_browser;
};

void TestHandlerFlood::initTestCase()
{
    // This test holds 1,500 sockets itself.
    rlimit limit{};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
    limit.rlim_cur = std::max<rlim_t>(limit.rlim_cur, std::min<rlim_t>(limit.rlim_max, 8192));
    QVERIFY(::setrlimit(RLIMIT_NOFILE, &limit) == 0);
    QVERIFY2(limit.rlim_cur > kUploads + kSlowHeads + 200, "the test needs 1,700 descriptors");

    m_server.start(QStringLiteral("prlimit"),
                   {QStringLiteral("--nofile=1024:1024"), QStringLiteral(LATCHKEY_BINARY),
                    QStringLiteral("--serve"), QStringLiteral("--data-dir"),
                    m_scratch.filePath(QStringLiteral("data"))},
                   latchkeyEnvironment(m_scratch.path()));
    QVERIFY(m_server.process().waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_server.process().canReadLine(), 15000);
    const QUrl oneTimeUrl(QString::fromUtf8(m_server.process().readLine()).trimmed());
    QVERIFY2(oneTimeUrl.isValid(), qPrintable(oneTimeUrl.toString()));
    m_browser.setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    // The link leads to the home page, under the pages' path prefix.
    QVERIFY(timedGet(m_browser, oneTimeUrl, &m_homeUrl) >= 0);
}

void TestHandlerFlood::floodLeavesMemoryBoundedAndTheSecretsRequestsPrompt()
{
    const qint64 pid = m_server.process().processId();
    for (int i = 0; i < 5; ++i)
        QVERIFY(timedGet(m_browser, m_homeUrl) >= 0);
    const qint64 before = statusKb(pid, "VmRSS");
    QVERIFY(before > 0);

    const QByteArray host = "localhost:" + QByteArray::number(m_homeUrl.port());
    const QByteArray upload = "POST /register HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" +
                              host +
                              "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                              "Content-Length: 65536\r\n\r\n" +
                              QByteArray(32 * 1024, 'a');
    const QByteArray slowHead = "POST /register HTTP/1.1\r\nHost: " + host + "\r\nContent-Le";
    std::vector<std::unique_ptr<QTcpSocket>> flood;
    QElapsedTimer sending;
    sending.start();
    int maxDescriptors = 0;
    for (int i = 0; i < kUploads + kSlowHeads; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        const QByteArray bytes = i % 3 == 2 ? slowHead : upload;
        QTcpSocket* raw = socket.get();
        connect(raw, &QTcpSocket::connected, raw, [raw, bytes] { raw->write(bytes); });
        raw->connectToHost(QHostAddress::LocalHost, quint16(m_homeUrl.port()));
        flood.push_back(std::move(socket));
        if (i % 50 == 49) {
            QTest::qWait(5);
            maxDescriptors = std::max(maxDescriptors, openDescriptors(pid));
        }
    }
    QTest::qWait(200);
    qInfo("flood of %d connections sent in %lld ms", int(flood.size()), sending.elapsed());

    // The secret's own requests while the flood is on.
    std::vector<qint64> latencies;
    for (int i = 0; i < 20; ++i) {
        latencies.push_back(timedGet(m_browser, m_homeUrl));
        maxDescriptors = std::max(maxDescriptors, openDescriptors(pid));
    }
    std::sort(latencies.begin(), latencies.end());
    const qint64 peak = statusKb(pid, "VmHWM");
    qInfo("server: %lld kB before, peak %lld kB (+%lld kB); at most %d descriptors open", before,
          peak, peak - before, maxDescriptors);
    qInfo("GET / with the secret during the flood: median %lld ms, slowest %lld ms",
          latencies[latencies.size() / 2], latencies.back());
    QVERIFY2(latencies.front() >= 0, "a request with the secret got no 200 answer");
    QVERIFY2(latencies[latencies.size() / 2] < 500, "the secret's requests were slow");
    QVERIFY2(latencies.back() < 3000, "a request with the secret waited for seconds");
    QVERIFY2(peak - before < 32 * 1024, "the flood made the server hold more than 32 MB");
    QVERIFY2(maxDescriptors < 400, "the flood's connections were all kept open");

    // Nothing of the flood is kept: refused uploads go after a short drain, slow heads at the
    // head timeout (10 s).
    QElapsedTimer closing;
    closing.start();
    const auto stillOpen = [&flood] {
        return std::count_if(flood.begin(), flood.end(), [](const auto& socket) {
            return socket->state() == QAbstractSocket::ConnectedState;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(stillOpen() == 0, 20000);
    qInfo("every flood socket closed by the server %lld ms after the flood", closing.elapsed());
    QVERIFY(timedGet(m_browser, m_homeUrl) >= 0);
}

QTEST_GUILESS_MAIN(TestHandlerFlood)
#include "test_handler_flood.moc"

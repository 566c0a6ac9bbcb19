// What any local program can make the handler hold (ConnectionLimits), over real loopback
// TCP: a body sent without the secret is refused before it arrives, slow heads, slow bodies
// and idle connections are closed in time, connections without the secret are capped per
// peer and in total (the oldest go first), unanswered bytes are bounded all together, and a
// connection that showed the secret keeps working through all of it. Short limits keep the
// test quick; the defaults are exercised by tests/app/test_handler_flood.
#include "server_fixture.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <algorithm>
#include <memory>
#include <vector>

using namespace latchkey::server;
using namespace latchkey::server::testing;
using namespace std::chrono_literals;

namespace {

ConnectionLimits shortLimits()
{
    ConnectionLimits limits;
    limits.maxConnections = 24;
    limits.maxUntrustedPerPeer = 8;
    limits.maxBufferedBytes = 256 * 1024;
    limits.headTimeout = 400ms;
    limits.requestTimeout = 600ms;
    limits.untrustedIdleTimeout = 400ms;
    limits.idleTimeout = 5000ms;
    return limits;
}

std::unique_ptr<QTcpSocket> connectTo(quint16 port, const QByteArray& bytes = {})
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(3000))
        return nullptr;
    if (!bytes.isEmpty()) {
        socket->write(bytes);
        socket->flush();
    }
    return socket;
}

// Without waiting: the server lives on this thread and must accept while the flood goes on.
std::unique_ptr<QTcpSocket> startConnecting(quint16 port, const QByteArray& bytes)
{
    auto socket = std::make_unique<QTcpSocket>();
    QTcpSocket* raw = socket.get();
    QObject::connect(raw, &QTcpSocket::connected, raw, [raw, bytes] { raw->write(bytes); });
    raw->connectToHost(QHostAddress::LocalHost, port);
    return socket;
}

bool closedWithin(QTcpSocket& socket, int ms)
{
    return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, ms);
}

// What arrived on socket until the server closed it (or timeoutMs passed).
QByteArray readUntilClosed(QTcpSocket& socket, int timeoutMs)
{
    QByteArray data;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && socket.state() != QAbstractSocket::UnconnectedState) {
        QTest::qWait(5);
        data += socket.readAll();
    }
    return data + socket.readAll();
}

int statusOf(const QByteArray& response)
{
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

} // namespace

class TestConnectionLimits : public QObject {
    Q_OBJECT

private slots:
    void init();
    void bodyWithoutTheSecretIsRefusedBeforeItArrives_data();
    void bodyWithoutTheSecretIsRefusedBeforeItArrives();
    void requestWithoutBodyOrSecretStillGetsThePage();
    void slowHeadIsClosedAtTheHeadTimeout();
    void connectionThatSendsNothingIsClosed();
    void slowBodyWithTheSecretIsClosedAtTheRequestTimeout();
    void untrustedConnectionsPerPeerAreCappedOldestFirst();
    void trustedConnectionKeepsWorkingThroughAFlood();
    void unansweredBytesAreBoundedAllTogether();

private:
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestConnectionLimits::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QVERIFY2(m_fixture->startWith(shortLimits()), qPrintable(m_fixture->errorString()));
}

void TestConnectionLimits::bodyWithoutTheSecretIsRefusedBeforeItArrives_data()
{
    QTest::addColumn<QByteArray>("framing");
    QTest::newRow("content-length") << QByteArray("Content-Length: 60000\r\n");
    QTest::newRow("chunked") << QByteArray("Transfer-Encoding: chunked\r\n");
    QTest::newRow("unreadable length") << QByteArray("Content-Length: lots\r\n");
}

// The head alone is sent; the answer comes at once, nothing was waited for or stored.
void TestConnectionLimits::bodyWithoutTheSecretIsRefusedBeforeItArrives()
{
    QFETCH(QByteArray, framing);
    QElapsedTimer timer;
    timer.start();
    auto socket =
        connectTo(m_fixture->port(), "POST /register HTTP/1.1\r\nHost: " + m_fixture->host() +
                                         "\r\nOrigin: " + m_fixture->origin() +
                                         "\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                                         framing + "\r\n");
    QVERIFY(socket);
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += socket->readAll();
            return answer.contains("\r\n\r\n");
        },
        2000));
    QCOMPARE(statusOf(answer), 403);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(answer.contains("Connection: close"));
    QVERIFY(closedWithin(*socket, 4000));
    QCOMPARE(m_fixture->userCount(), 0);
}

void TestConnectionLimits::requestWithoutBodyOrSecretStillGetsThePage()
{
    const WireResponse answer = m_fixture->send("GET", "/", {{"Host", m_fixture->host()}});
    QCOMPARE(answer.status, 403);
    QVERIFY(answer.body.contains("Only the Latchkey app"));
}

void TestConnectionLimits::slowHeadIsClosedAtTheHeadTimeout()
{
    auto socket = connectTo(m_fixture->port(), "GET / HTTP/1.1\r\nHost: " + m_fixture->host());
    QVERIFY(socket);
    QTest::qWait(150);
    socket->write("\r\nX-Slow: 1");
    QVERIFY(closedWithin(*socket, 2000));
}

void TestConnectionLimits::connectionThatSendsNothingIsClosed()
{
    auto socket = connectTo(m_fixture->port());
    QVERIFY(socket);
    QVERIFY(closedWithin(*socket, 2000));
}

void TestConnectionLimits::slowBodyWithTheSecretIsClosedAtTheRequestTimeout()
{
    auto socket = connectTo(m_fixture->port(),
                            "POST /register HTTP/1.1\r\nHost: " + m_fixture->host() +
                                "\r\nOrigin: " + m_fixture->origin() + "\r\n" +
                                LocalServer::secretHeaderName() + ": " + m_fixture->secret() +
                                "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                "Content-Length: 1000\r\n\r\nusername=ad");
    QVERIFY(socket);
    QVERIFY(closedWithin(*socket, 3000));
    QCOMPARE(m_fixture->userCount(), 0);
}

void TestConnectionLimits::untrustedConnectionsPerPeerAreCappedOldestFirst()
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 20; ++i) {
        // A head that never ends, each a moment after the previous one.
        sockets.push_back(startConnecting(m_fixture->port(), "GET / HTTP/1.1\r\n"));
        QTest::qWait(10);
    }
    QTest::qWait(100);
    int open = 0;
    for (const auto& socket : sockets)
        open += socket->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    QVERIFY2(open <= shortLimits().maxUntrustedPerPeer, qPrintable(QString::number(open)));
    QCOMPARE(sockets.front()->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(sockets.back()->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_fixture->sendGood("GET", "/").status, 200);
}

void TestConnectionLimits::trustedConnectionKeepsWorkingThroughAFlood()
{
    const QByteArray get = "GET / HTTP/1.1\r\nHost: " + m_fixture->host() + "\r\n" +
                           LocalServer::secretHeaderName() + ": " + m_fixture->secret() +
                           "\r\n\r\n";
    auto app = connectTo(m_fixture->port(), get);
    QVERIFY(app);
    QByteArray first;
    QVERIFY(QTest::qWaitFor(
        [&] {
            first += app->readAll();
            return first.contains("</html>");
        },
        3000));
    QCOMPARE(statusOf(first), 200);
    std::vector<std::unique_ptr<QTcpSocket>> flood;
    for (int i = 0; i < 60; ++i)
        flood.push_back(startConnecting(m_fixture->port(), "POST /register HTTP/1.1\r\n"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(flood.begin(), flood.end(), [](const auto& socket) {
                return socket->state() == QAbstractSocket::ConnectedState ||
                       socket->state() == QAbstractSocket::UnconnectedState;
            });
        },
        3000));
    // The same kept-alive connection, after the flood filled every untrusted place.
    app->write(get);
    QByteArray second;
    QVERIFY(QTest::qWaitFor(
        [&] {
            second += app->readAll();
            return second.contains("</html>");
        },
        3000));
    QCOMPARE(statusOf(second), 200);
}

// Each connection below has shown the secret and sends an unfinished 60 KiB body: together they
// pass the 256 KiB budget, and those beyond it are answered 503 instead of being buffered.
void TestConnectionLimits::unansweredBytesAreBoundedAllTogether()
{
    const QByteArray head = "POST /register HTTP/1.1\r\nHost: " + m_fixture->host() +
                            "\r\nOrigin: " + m_fixture->origin() + "\r\n" +
                            LocalServer::secretHeaderName() + ": " + m_fixture->secret() +
                            "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            "Content-Length: 65000\r\n\r\n";
    std::vector<std::unique_ptr<QTcpSocket>> uploads;
    for (int i = 0; i < 8; ++i) {
        uploads.push_back(connectTo(m_fixture->port(), head + QByteArray(60000, 'a')));
        QVERIFY(uploads.back());
        QTest::qWait(30);
    }
    int busy = 0;
    for (const auto& upload : uploads) {
        const QByteArray answer = readUntilClosed(*upload, 150);
        busy += statusOf(answer) == 503 ? 1 : 0;
    }
    QVERIFY2(busy >= 4, qPrintable(QString::number(busy)));
    QCOMPARE(m_fixture->userCount(), 0);
}

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "test_connection_limits.moc"

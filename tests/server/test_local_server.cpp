// Listening: loopback only, 127.0.0.1 and ::1 on one port, a taken explicit port is a clear
// error, and the server refuses to start without a usable launch secret.
#include "server_fixture.h"

#include <QNetworkInterface>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace latchkey;
using namespace latchkey::server;
using namespace latchkey::server::testing;

namespace {

const QByteArray kSecret = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I";

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestLocalServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void secretHeaderNameIsFixed();
    void listensOnBothLoopbackAddressesWithOnePort();
    void homeUrlIsLocalhostWithThePort();
    void explicitFreePortIsUsed();
    void explicitPortTakenOnIpv4IsAClearError();
    void explicitPortTakenOnIpv6IsAClearError();
    void unusableSecretRefusesToListen_data();
    void unusableSecretRefusesToListen();
    void listeningTwiceIsRefused();
    void notReachableFromOtherInterfaces();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_database;
};

void TestLocalServer::initTestCase()
{
    auto opened = store::Database::open(m_dir.filePath(QStringLiteral("db.sqlite")));
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    m_database = std::move(opened.value());
}

void TestLocalServer::secretHeaderNameIsFixed()
{
    QCOMPARE(LocalServer::secretHeaderName(), QByteArray("X-Latchkey-Secret"));
}

void TestLocalServer::listensOnBothLoopbackAddressesWithOnePort()
{
    LocalServer server(*m_database, {0, kSecret, true, {}, {}, {}, {}});
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    QVERIFY(server.port() != 0);
    const Headers headers{{"Host", "localhost:" + QByteArray::number(server.port())},
                          {LocalServer::secretHeaderName(), kSecret}};
    QCOMPARE(
        exchange(QHostAddress::LocalHost, server.port(), buildRequest("GET", "/", headers)).status,
        200);
    QCOMPARE(exchange(QHostAddress::LocalHostIPv6, server.port(), buildRequest("GET", "/", headers))
                 .status,
             200);
}

void TestLocalServer::homeUrlIsLocalhostWithThePort()
{
    LocalServer server(*m_database, {0, kSecret, true, {}, {}, {}, {}});
    QVERIFY(server.listen());
    QCOMPARE(server.homeUrl(), QUrl(QStringLiteral("http://localhost:%1/").arg(server.port())));
}

void TestLocalServer::explicitFreePortIsUsed()
{
    const quint16 port = freePort();
    LocalServer server(*m_database, {port, kSecret, true, {}, {}, {}, {}});
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    QCOMPARE(server.port(), port);
}

void TestLocalServer::explicitPortTakenOnIpv4IsAClearError()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    LocalServer server(*m_database, {squatter.serverPort(), kSecret, true, {}, {}, {}, {}});
    QVERIFY(!server.listen());
    QVERIFY2(
        server.errorString().contains(
            QStringLiteral("Port %1 on localhost is already in use").arg(squatter.serverPort())),
        qPrintable(server.errorString()));
    QVERIFY(server.errorString().contains(QStringLiteral("--port")));
}

void TestLocalServer::explicitPortTakenOnIpv6IsAClearError()
{
    QTcpServer squatter;
    if (!squatter.listen(QHostAddress::LocalHostIPv6, 0))
        QSKIP("no IPv6 loopback on this machine");
    LocalServer server(*m_database, {squatter.serverPort(), kSecret, true, {}, {}, {}, {}});
    QVERIFY(!server.listen());
    QVERIFY2(
        server.errorString().contains(
            QStringLiteral("Port %1 on localhost is already in use").arg(squatter.serverPort())),
        qPrintable(server.errorString()));
    // The IPv4 half was released again: nothing is left listening.
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, squatter.serverPort()));
}

void TestLocalServer::unusableSecretRefusesToListen_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("abc");
    QTest::newRow("cookie-breaking") << QByteArray("abcdefghijklmnopqrstuvwxyz; Path=/x");
    QTest::newRow("padding") << QByteArray("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNl==");
}

void TestLocalServer::unusableSecretRefusesToListen()
{
    QFETCH(QByteArray, secret);
    LocalServer server(*m_database, {0, secret, true, {}, {}, {}, {}});
    QVERIFY(!server.listen());
    QVERIFY(server.errorString().contains(QStringLiteral("launch secret")));
    QCOMPARE(server.port(), quint16(0));
}

void TestLocalServer::listeningTwiceIsRefused()
{
    LocalServer server(*m_database, {0, kSecret, true, {}, {}, {}, {}});
    QVERIFY(server.listen());
    const quint16 port = server.port();
    QVERIFY(!server.listen());
    QCOMPARE(server.port(), port);
}

void TestLocalServer::notReachableFromOtherInterfaces()
{
    LocalServer server(*m_database, {0, kSecret, true, {}, {}, {}, {}});
    QVERIFY(server.listen());
    QHostAddress outside;
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol)
            outside = address;
    }
    if (outside.isNull())
        QSKIP("no non-loopback IPv4 address on this machine");
    QTcpSocket socket;
    socket.connectToHost(outside, server.port());
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(socket.error() == QAbstractSocket::ConnectionRefusedError);
}

QTEST_GUILESS_MAIN(TestLocalServer)
#include "test_local_server.moc"

// Browsers send localhost cookies to every localhost port. A real Chromium (headless, Debian's)
// opens latchkey --serve's one-time link, creates a profile and registers a passkey (its
// virtual authenticator) - then it is sent to another localhost port, played here by a
// listener that records every request and redirects once to a path of its choosing. Whatever
// cookies that port received, replayed from this test against latchkey at any path (even
// under the pages' own path, as if the other port knew it), read nothing and change nothing.
#include "child_process.h"
#include "headless_chromium.h"
#include "server_fixture.h"
#include "store/database.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace latchkey;
using namespace latchkey::app::testing;
using namespace latchkey::server::testing;

namespace {

// The other port: records each request's head; "/" answers with a redirect to a deeper path
// of its own, everything else with a short page.
class OtherPort : public QObject {
public:
    bool listen()
    {
        if (!m_ipv4.listen(QHostAddress::LocalHost, 0))
            return false;
        m_ipv6.listen(QHostAddress::LocalHostIPv6, m_ipv4.serverPort()); // none without IPv6
        for (QTcpServer* server : {&m_ipv4, &m_ipv6})
            connect(server, &QTcpServer::newConnection, this, [this, server] { accept(*server); });
        return true;
    }
    quint16 port() const { return m_ipv4.serverPort(); }

    QList<QByteArray> heads;

    // Every cookie of every request received, as "name=value".
    QList<QByteArray> cookies() const
    {
        QList<QByteArray> all;
        for (const QByteArray& head : heads) {
            for (const QByteArray& line : head.split('\n')) {
                if (line.toLower().startsWith("cookie:")) {
                    for (const QByteArray& pair : line.mid(7).trimmed().split(';'))
                        all.append(pair.trimmed());
                }
            }
        }
        return all;
    }

private:
    void accept(QTcpServer& server)
    {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                heads.append(head);
                const bool root = head.startsWith("GET / ");
                socket->write(root ? QByteArray("HTTP/1.1 302 Found\r\nLocation: "
                                                "/latchkey/profile?next=%2Fregister\r\n"
                                                "Content-Length: 0\r\n\r\n")
                                   : QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                                "Content-Length: 8\r\n\r\nthank you"));
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    QTcpServer m_ipv4;
    QTcpServer m_ipv6;
};

bool isLatchkeyCookie(const QByteArray& pair)
{
    return pair.startsWith("latchkey_");
}

} // namespace

class TestServeCookiePorts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void anotherPortGetsNoCookieThatOpensAnything();
    void cleanupTestCase();

private:
    qint64 count(bool users);
    QString pageText()
    {
        return m_chromium.evaluate(QStringLiteral("document.body.innerText")).toString();
    }

    QTemporaryDir m_scratch;
    ChildProcess m_server;
    HeadlessChromium m_chromium;
    quint16 m_port = 0;
    QString m_root;
};

void TestServeCookiePorts::initTestCase()
{
    QVERIFY2(!HeadlessChromium::executable().isEmpty(), "chromium is not installed");
    m_server.start(QStringLiteral(LATCHKEY_BINARY),
                   {QStringLiteral("--serve"), QStringLiteral("--data-dir"),
                    m_scratch.filePath(QStringLiteral("data"))},
                   latchkeyEnvironment(m_scratch.path()));
    QVERIFY(m_server.process().waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_server.process().canReadLine(), 15000);
    const QUrl oneTimeUrl(QString::fromUtf8(m_server.process().readLine()).trimmed());
    QVERIFY2(oneTimeUrl.isValid(), qPrintable(oneTimeUrl.toString()));
    m_port = quint16(oneTimeUrl.port());
    QVERIFY2(m_chromium.start(oneTimeUrl), qPrintable(m_chromium.errorString()));
    QVERIFY(m_chromium.waitFor(QStringLiteral("document.readyState === 'complete' && "
                                              "!!document.querySelector('.brand')"),
                               15000));
    m_root = m_chromium.evaluate(QStringLiteral("document.documentElement.dataset.root || ''"))
                 .toString();
    qInfo("pages live under \"%s/\"", qPrintable(m_root));
}

// Rows of users (or credentials), read through a connection of this test's own.
qint64 TestServeCookiePorts::count(bool users)
{
    auto database =
        store::Database::open(m_scratch.filePath(QStringLiteral("data/latchkey.sqlite")));
    if (!database)
        return -1;
    QSqlQuery query((*database)->connection());
    if (!query.exec(users ? QStringLiteral("SELECT count(*) FROM users")
                          : QStringLiteral("SELECT count(*) FROM credentials")) ||
        !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestServeCookiePorts::anotherPortGetsNoCookieThatOpensAnything()
{
    // The person's own use: a profile with a passkey, signed in.
    m_chromium.evaluate(
        QStringLiteral("location.assign((document.documentElement.dataset.root || '') + "
                       "'/register')"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('#username') && "
                                              "document.documentElement.classList.contains('js')"),
                               15000));
    m_chromium.evaluate(fillScript(QStringLiteral("#username"), QStringLiteral("ada")));
    m_chromium.evaluate(fillScript(QStringLiteral("#email"), QStringLiteral("ada@example.com")));
    m_chromium.evaluate(QStringLiteral("document.querySelector('form').requestSubmit()"));
    QVERIFY(
        m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-passkey-register]')")));
    QVERIFY(!m_chromium.call(QStringLiteral("WebAuthn.enable"), {{"enableUI", false}})
                 .contains("error"));
    const QJsonObject authenticator =
        m_chromium.call(QStringLiteral("WebAuthn.addVirtualAuthenticator"),
                        {{"options", QJsonObject{{"protocol", "ctap2"},
                                                 {"transport", "internal"},
                                                 {"hasResidentKey", true},
                                                 {"hasUserVerification", true},
                                                 {"isUserVerified", true},
                                                 {"automaticPresenceSimulation", true}}}});
    QVERIFY(authenticator.contains("result"));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('[data-passkey-register]').click()"));
    QVERIFY2(m_chromium.waitFor(QStringLiteral("location.pathname.endsWith('/profile') && "
                                               "!!document.querySelector('li.passkey')"),
                                15000),
             qPrintable(pageText()));
    QCOMPARE(count(true), 1);
    QCOMPARE(count(false), 1);

    // The same browser is sent to another localhost port, which redirects it once more.
    OtherPort other;
    QVERIFY(other.listen());
    m_chromium.call(QStringLiteral("Page.navigate"),
                    {{"url", QStringLiteral("http://localhost:%1/").arg(other.port())}});
    QTRY_VERIFY_WITH_TIMEOUT(other.heads.size() >= 2, 10000);
    const QList<QByteArray> stolen = other.cookies();
    qInfo("the other port received %d request(s) with the cookies: %s", int(other.heads.size()),
          stolen.join("; ").constData());

    // Replayed from here, at any path, even under the pages' own prefix.
    const QByteArray host = "localhost:" + QByteArray::number(m_port);
    const QByteArray origin = "http://" + host;
    const QByteArray root = m_root.toLatin1();
    Headers headers{{"Host", host}};
    if (!stolen.isEmpty())
        headers.append({"Cookie", stolen.join("; ")});
    for (const QByteArray& path :
         {QByteArray("/"), QByteArray("/profile"), root + "/", root + "/profile"}) {
        const WireResponse page =
            exchange(QHostAddress::LocalHost, m_port, buildRequest("GET", path, headers));
        QVERIFY2(page.status == 403 || page.status == 404, path.constData());
        QVERIFY(!page.body.contains("ada@example.com"));
    }
    Headers post = headers;
    post.append(qMakePair(QByteArray("Origin"), QByteArray(origin)));
    post.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    const WireResponse registered =
        exchange(QHostAddress::LocalHost, m_port,
                 buildRequest("POST", root + "/register", post,
                              "username=mallory&email=mallory%40example.com"));
    QCOMPARE(registered.status, 403);
    Headers api = headers;
    api.append(qMakePair(QByteArray("Origin"), QByteArray(origin)));
    api.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    api.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    const WireResponse options =
        exchange(QHostAddress::LocalHost, m_port,
                 buildRequest("POST", root + "/api/passkeys/registration/options", api, "{}"));
    QCOMPARE(options.status, 403);
    QCOMPARE(count(true), 1);
    QCOMPARE(count(false), 1);
    // None of Latchkey's cookies went there at all.
    QVERIFY2(std::none_of(stolen.begin(), stolen.end(), isLatchkeyCookie),
             stolen.join("; ").constData());

    // The person's browser itself still has its way in.
    m_chromium.call(QStringLiteral("Page.navigate"),
                    {{"url", QString::fromLatin1(origin + root + "/profile")}});
    QVERIFY2(m_chromium.waitFor(QStringLiteral("!!document.querySelector('li.passkey')"), 15000),
             qPrintable(pageText()));
    m_chromium.screenshot(QStringLiteral("serve_cookie_ports_profile"));
}

void TestServeCookiePorts::cleanupTestCase()
{
    m_server.stop(5000);
}

QTEST_GUILESS_MAIN(TestServeCookiePorts)
#include "test_serve_cookie_ports.moc"

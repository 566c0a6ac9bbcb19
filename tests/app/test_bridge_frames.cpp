// The real window (AppWindow, qml/Main.qml, the injected client, the bridge) on a private Xvfb
// display, showing a page of the handler's origin served by this test over loopback. The page
// embeds a frame of the same origin whose script calls navigator.credentials.create/get and
// looks for qt.webChannelTransport, then an about:blank frame made by the page is called
// through contentWindow: both frames are refused, and the bridge hears nothing of them, while
// the main frame's own call, made afterwards, does reach the prompt.
#include "app/app_window.h"
#include "app/qml_user_verifier.h"
#include "app/webauthn_bridge.h"
#include "xvfb_display.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>
#include <functional>
#include <memory>
#include <unistd.h>

using latchkey::app::AppWindow;
using latchkey::app::QmlUserVerifier;
using latchkey::app::WebAuthnBridge;

namespace {

// Options a page would pass; the same for the frame and for the main frame.
const char kOptionsScript[] = R"(
const challenge = new Uint8Array(32).fill(7);
const createOptions = {publicKey: {rp: {name: "Latchkey"},
  user: {id: new Uint8Array(8).fill(1), name: "mallory", displayName: "Mallory"},
  challenge, pubKeyCredParams: [{type: "public-key", alg: -7}]}};
const getOptions = {publicKey: {challenge}};
function settled(call) {
  let promise;
  try { promise = Promise.resolve(call()); } catch (e) { return Promise.resolve("threw " + e.name); }
  const late = new Promise((resolve) => setTimeout(() => resolve("pending"), 3000));
  return Promise.race([promise.then((v) => "resolved " + v, (e) => "rejected " + e.name), late]);
}
)";

QByteArray mainPage()
{
    return QByteArrayLiteral("<!doctype html><title>main</title><iframe src=\"/frame\"></iframe>"
                             "<script>") +
           kOptionsScript + QByteArrayLiteral(R"(
window.addEventListener("message", (event) => {
  if (event.origin !== location.origin || event.data !== "frame-done") return;
  // A frame without a document of its own (no injected script), reached through contentWindow.
  const blank = document.createElement("iframe");
  document.body.appendChild(blank);
  settled(() => blank.contentWindow.navigator.credentials.create(createOptions))
    .then((outcome) => fetch("/report?blank=" + encodeURIComponent(outcome)))
    .then(() => settled(() => navigator.credentials.create(createOptions)))
    .then((outcome) => fetch("/report?main=" + encodeURIComponent(outcome)));
});
</script>)");
}

QByteArray framePage()
{
    return QByteArrayLiteral("<!doctype html><title>frame</title><script>") + kOptionsScript +
           QByteArrayLiteral(R"(
const report = {transport: typeof qt === "undefined" ? "absent"
                             : (qt.webChannelTransport ? "present" : "qt without transport")};
Promise.all([
  settled(() => navigator.credentials.create(createOptions)),
  settled(() => navigator.credentials.get(getOptions)),
  settled(() => PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()),
]).then(([create, get, uvpaa]) => {
  Object.assign(report, {create, get, uvpaa});
  return fetch("/report?frame=" + encodeURIComponent(JSON.stringify(report)));
}).then(() => parent.postMessage("frame-done", location.origin));
</script>)");
}

// HTTP/1.1 on loopback: the two pages, and /report?frame=...|main=... to hear the outcomes.
class PageServer : public QObject {
public:
    PageServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QString frameReport() const { return m_frameReport; }
    QString mainReport() const { return m_mainReport; }
    QString blankReport() const { return m_blankReport; }
    // Called as the last frame's report arrives: the main frame calls once it is answered.
    std::function<void()> onFramesDone;

private:
    void serve(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QUrl target(QString::fromLatin1(requestLine.value(1)));
        QByteArray body;
        QByteArray status = "200 OK";
        if (target.path() == QLatin1String("/")) {
            body = mainPage();
        } else if (target.path() == QLatin1String("/frame")) {
            body = framePage();
        } else if (target.path() == QLatin1String("/report")) {
            const QUrlQuery query(target);
            if (query.hasQueryItem(QStringLiteral("frame")))
                m_frameReport = query.queryItemValue(QStringLiteral("frame"), QUrl::FullyDecoded);
            if (query.hasQueryItem(QStringLiteral("blank"))) {
                m_blankReport = query.queryItemValue(QStringLiteral("blank"), QUrl::FullyDecoded);
                if (onFramesDone)
                    onFramesDone();
            }
            if (query.hasQueryItem(QStringLiteral("main")))
                m_mainReport = query.queryItemValue(QStringLiteral("main"), QUrl::FullyDecoded);
        } else {
            status = "404 Not Found";
        }
        socket->write("HTTP/1.1 " + status +
                      "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                      "Connection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QString m_frameReport;
    QString m_mainReport;
    QString m_blankReport;
};

} // namespace

class TestBridgeFrames : public QObject {
    Q_OBJECT

private slots:
    void frameOfTheHandlersOriginNeverReachesTheBridge();
};

void TestBridgeFrames::frameOfTheHandlersOriginNeverReachesTheBridge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PageServer server;
    QVERIFY(server.listen());

    AppWindow::Setup setup;
    setup.settingsFile = dir.filePath(QStringLiteral("window.ini"));
    AppWindow window(setup);
    const auto prepared = window.prepare();
    QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().message));
    AppWindow::Handler handler;
    handler.homeUrl = QUrl(QStringLiteral("http://localhost:%1/").arg(server.port()));
    handler.secretHeaderName = "X-Latchkey-Test";
    handler.launchSecret = "secret";
    handler.dataFolder = dir.filePath(QStringLiteral("data"));
    handler.dataFolderRequested = true;
    auto* bridge = window.findChild<WebAuthnBridge*>();
    QVERIFY(!bridge); // made by open(): watched from here on
    const auto opened = window.open(handler);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    bridge = window.findChild<WebAuthnBridge*>();
    QVERIFY(bridge);
    auto* verifier = qobject_cast<QmlUserVerifier*>(bridge->verifierObject());
    QVERIFY(verifier);
    QSignalSpy prompts(verifier, &QmlUserVerifier::promptRequested);
    QSignalSpy notices(verifier, &QmlUserVerifier::noticeRequested);
    QSignalSpy answers(bridge->channelObject(), SIGNAL(answered(int, QString)));
    // What the bridge had heard when both frames were done (before the main frame's own call).
    qsizetype promptsByThen = -1, noticesByThen = -1, answersByThen = -1;
    bool pendingByThen = true;
    server.onFramesDone = [&] {
        promptsByThen = prompts.count();
        noticesByThen = notices.count();
        answersByThen = answers.count();
        pendingByThen = verifier->pending();
    };

    QTRY_VERIFY_WITH_TIMEOUT(!server.frameReport().isEmpty(), 30000);
    const QJsonObject frame = QJsonDocument::fromJson(server.frameReport().toUtf8()).object();
    qInfo("the frame saw: %s", qPrintable(server.frameReport()));
    QCOMPARE(frame.value(QStringLiteral("transport")).toString(), QStringLiteral("absent"));
    QCOMPARE(frame.value(QStringLiteral("create")).toString(),
             QStringLiteral("rejected NotAllowedError"));
    QCOMPARE(frame.value(QStringLiteral("get")).toString(),
             QStringLiteral("rejected NotAllowedError"));
    QCOMPARE(frame.value(QStringLiteral("uvpaa")).toString(), QStringLiteral("resolved false"));
    // The about:blank frame the main page made and reached through contentWindow.
    QTRY_VERIFY_WITH_TIMEOUT(!server.blankReport().isEmpty(), 15000);
    QCOMPARE(server.blankReport(), QStringLiteral("rejected NotAllowedError"));
    // Nobody was asked, and the channel answered nothing.
    QCOMPARE(promptsByThen, 0);
    QCOMPARE(noticesByThen, 0);
    QCOMPARE(answersByThen, 0);
    QVERIFY(!pendingByThen);

    // The same page's main frame, right after: its call does reach the bridge and the prompt,
    // so the silence above is the frame's refusal, not a bridge that was never wired.
    QTRY_VERIFY_WITH_TIMEOUT(prompts.count() == 1, 15000);
    QCOMPARE(prompts.at(0).at(2).toString(), QStringLiteral("mallory"));
    verifier->decline();
    QTRY_VERIFY_WITH_TIMEOUT(!server.mainReport().isEmpty(), 15000);
    QCOMPARE(server.mainReport(), QStringLiteral("rejected NotAllowedError"));
    QCOMPARE(answers.count(), 1);
}

int main(int argc, char** argv)
{
    // A private X server first: the application below connects to it.
    latchkey::app::testing::XvfbDisplay display;
    QString whyNot;
    if (!display.start(QStringLiteral("1024x768x24"), &whyNot)) {
        qCritical("%s", qPrintable(whyNot));
        return 1;
    }
    qputenv("DISPLAY", display.name().toLocal8Bit());
    qputenv("QT_QPA_PLATFORM", "xcb");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu");
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QtWebEngineQuick::initialize();
    QGuiApplication application(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    TestBridgeFrames test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_bridge_frames.moc"

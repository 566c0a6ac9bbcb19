// The real window (AppWindow, qml/Main.qml, a WebEngine profile) on a private Xvfb display,
// pointed at a local TCP server that misbehaves on purpose: the start-up pane waits for
// startupPaneDelay before it covers a slow first page, and a failed first page shows the
// failure pane at once.
#include "app/app_window.h"
#include "xvfb_display.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>
#include <memory>
#include <unistd.h>

using latchkey::app::AppWindow;

namespace {

constexpr int kStartupPaneDelayMs = 400; // Main.qml's startupPaneDelay

// Accepts connections and then either holds them unanswered or closes them at once.
class MisbehavingServer : public QObject {
public:
    enum class Mode { NeverAnswer, CloseAtOnce };

    explicit MisbehavingServer(Mode mode) : m_mode(mode)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { take(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }

private:
    void take()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            ++m_connections;
            if (m_mode == Mode::CloseAtOnce)
                socket->abort();
            else
                m_held.append(socket); // read nothing, answer nothing
        }
    }

    Mode m_mode;
    QTcpServer m_server;
    QList<QTcpSocket*> m_held;
    int m_connections = 0;
};

// A port nobody listens on: one the system just gave out, closed again.
quint16 refusingPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void slowFirstPageShowsThePaneOnlyAfterTheDelay();
    void failedFirstPageShowsTheFailurePaneAtOnce_data();
    void failedFirstPageShowsTheFailurePaneAtOnce();

private:
    bool openWindow(quint16 port);
    QQuickItem* pane() const;
    bool paneVisible() const;
    void saveArtifact(const QString& fileName) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppWindow> m_window;
    QElapsedTimer m_sinceOpen;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

bool TestMainWindow::openWindow(quint16 port)
{
    AppWindow::Setup setup;
    setup.settingsFile = m_dir->filePath(QStringLiteral("window.ini"));
    m_window = std::make_unique<AppWindow>(setup);
    if (const auto prepared = m_window->prepare(); !prepared) {
        qWarning("%s", qPrintable(prepared.error().message));
        return false;
    }
    AppWindow::Handler handler;
    handler.homeUrl = QUrl(QStringLiteral("http://localhost:%1/").arg(port));
    handler.secretHeaderName = "X-Latchkey-Test";
    handler.launchSecret = "secret";
    handler.dataFolder = m_dir->filePath(QStringLiteral("data"));
    handler.dataFolderRequested = true;
    m_sinceOpen.start();
    if (const auto opened = m_window->open(handler); !opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return false;
    }
    return true;
}

QQuickItem* TestMainWindow::pane() const
{
    return m_window->window()->findChild<QQuickItem*>(QStringLiteral("statusPane"));
}

bool TestMainWindow::paneVisible() const
{
    return pane() && pane()->isVisible();
}

// What the window shows, for a person to look at ($LATCHKEY_ARTIFACTS_DIR, when set).
void TestMainWindow::saveArtifact(const QString& fileName) const
{
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QTest::qWait(100); // the frame with the pane
    m_window->window()->grabWindow().save(QDir(folder).filePath(fileName));
}

// The server takes the connection and never answers: the page neither loads nor fails.
void TestMainWindow::slowFirstPageShowsThePaneOnlyAfterTheDelay()
{
    MisbehavingServer server(MisbehavingServer::Mode::NeverAnswer);
    QVERIFY(server.listen());
    QVERIFY(openWindow(server.port()));
    QVERIFY(pane());
    QVERIFY2(!paneVisible(), "the pane was up as soon as the window opened");
    QVERIFY(QTest::qWaitForWindowExposed(m_window->window()));
    qint64 shownAt = -1;
    while (m_sinceOpen.elapsed() < 10000 && shownAt < 0) {
        if (paneVisible())
            shownAt = m_sinceOpen.elapsed();
        QTest::qWait(5);
    }
    QVERIFY2(shownAt >= 0, "the start-up pane never appeared while the page hung");
    qInfo("the start-up pane appeared after %lld ms", shownAt);
    saveArtifact(QStringLiteral("main-window-startup-pane.png"));
    QVERIFY2(shownAt >= kStartupPaneDelayMs,
             qPrintable(QStringLiteral("the pane appeared after %1 ms").arg(shownAt)));
    QVERIFY(server.connections() > 0); // the view really was waiting on the server
    QCOMPARE(m_window->window()->property("failure").toString(), QString());
    QCOMPARE(pane()->property("failure").toString(), QString());
    QVERIFY(!m_window->window()->property("everLoaded").toBool());
}

void TestMainWindow::failedFirstPageShowsTheFailurePaneAtOnce_data()
{
    QTest::addColumn<bool>("refuse");
    QTest::newRow("server closes the connection") << false;
    QTest::newRow("connection refused") << true;
}

// The failure pane does not wait for the start-up delay: it is up as soon as the load fails.
void TestMainWindow::failedFirstPageShowsTheFailurePaneAtOnce()
{
    QFETCH(bool, refuse);
    MisbehavingServer server(MisbehavingServer::Mode::CloseAtOnce);
    QVERIFY(server.listen());
    QVERIFY(openWindow(refuse ? refusingPort() : server.port()));
    QObject* window = m_window->window();
    qint64 failedAt = -1;
    bool slowWhenFailed = false;
    bool paneWhenFailed = false;
    while (m_sinceOpen.elapsed() < 15000 && failedAt < 0) {
        if (!window->property("failure").toString().isEmpty()) {
            failedAt = m_sinceOpen.elapsed();
            slowWhenFailed = window->property("startIsSlow").toBool();
            paneWhenFailed = paneVisible();
        }
        QTest::qWait(2);
    }
    QVERIFY2(failedAt >= 0, "the first page never failed");
    // Checked in the same turn of the event loop as the failure: no timer in between.
    QVERIFY2(paneWhenFailed, "the failure pane was not up when the page failed");
    QVERIFY(!pane()->property("failure").toString().isEmpty());
    saveArtifact(QStringLiteral("main-window-failure-%1.png")
                     .arg(refuse ? QStringLiteral("refused") : QStringLiteral("closed")));
    qInfo("failed after %lld ms; start-up delay passed already: %s", failedAt,
          slowWhenFailed ? "yes" : "no");
    if (!refuse)
        QVERIFY(server.connections() > 0);
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
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_main_window.moc"

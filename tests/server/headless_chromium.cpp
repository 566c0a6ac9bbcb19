#include "headless_chromium.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace latchkey::server::testing {

HeadlessChromium::~HeadlessChromium()
{
    m_socket.close();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString HeadlessChromium::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("chromium"));
}

bool HeadlessChromium::start(const QUrl& url, const QStringList& extraFlags)
{
    QStringList flags{QStringLiteral("--headless"),
                      QStringLiteral("--no-sandbox"),
                      QStringLiteral("--disable-gpu"),
                      QStringLiteral("--no-first-run"),
                      QStringLiteral("--disable-background-networking"),
                      QStringLiteral("--disable-component-update"),
                      QStringLiteral("--disable-sync"),
                      QStringLiteral("--remote-debugging-port=0"),
                      QStringLiteral("--user-data-dir=") + m_profile.path(),
                      QStringLiteral("--window-size=1200,900")};
    flags += extraFlags;
    flags.append(url.toString());
    m_process.start(executable(), flags);
    // "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>" on stderr.
    static const QRegularExpression listening(QStringLiteral("ws://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray err;
    QDeadlineTimer deadline(30000);
    QRegularExpressionMatch match;
    while (!deadline.hasExpired() && !match.hasMatch()) {
        QTest::qWait(20);
        err += m_process.readAllStandardError();
        match = listening.match(QString::fromUtf8(err));
    }
    if (!match.hasMatch()) {
        m_error = QStringLiteral("chromium did not open DevTools: ") + QString::fromUtf8(err);
        return false;
    }
    return connectToPage(match.captured(1));
}

bool HeadlessChromium::connectToPage(const QString& devToolsPort)
{
    QNetworkAccessManager http;
    QJsonArray targets;
    QDeadlineTimer deadline(15000);
    while (targets.isEmpty() && !deadline.hasExpired()) {
        QNetworkReply* reply = http.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(devToolsPort))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(5000);
        for (const QJsonValue target : QJsonDocument::fromJson(reply->readAll()).array()) {
            if (target.toObject().value("type").toString() == QLatin1String("page"))
                targets.append(target);
        }
        reply->deleteLater();
    }
    if (targets.isEmpty()) {
        m_error = QStringLiteral("chromium has no page target");
        return false;
    }
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived,
                     [this](const QString& text) { received(text); });
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(QUrl(targets.first().toObject().value("webSocketDebuggerUrl").toString()));
    if (!connected.wait(10000)) {
        m_error = QStringLiteral("could not connect to the page's DevTools socket");
        return false;
    }
    return true;
}

void HeadlessChromium::received(const QString& text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.contains("id"))
        m_replies.insert(message.value("id").toInt(), message);
}

QJsonObject HeadlessChromium::call(const QString& method, const QJsonObject& params)
{
    const int id = ++m_nextId;
    m_socket.sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{"id", id}, {"method", method}, {"params", params}})
            .toJson(QJsonDocument::Compact)));
    QDeadlineTimer deadline(15000);
    while (!m_replies.contains(id) && !deadline.hasExpired())
        QTest::qWait(5);
    return m_replies.take(id);
}

QJsonValue HeadlessChromium::evaluate(const QString& expression)
{
    const QJsonObject reply =
        call(QStringLiteral("Runtime.evaluate"),
             {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}});
    return reply.value("result").toObject().value("result").toObject().value("value");
}

bool HeadlessChromium::waitFor(const QString& expression, int milliseconds)
{
    QDeadlineTimer deadline(milliseconds);
    while (!deadline.hasExpired()) {
        if (evaluate(expression).toBool())
            return true;
        QTest::qWait(50);
    }
    return false;
}

void HeadlessChromium::pressKey(const QString& key, int code)
{
    for (const char* type : {"keyDown", "keyUp"})
        call(QStringLiteral("Input.dispatchKeyEvent"),
             {{"type", type}, {"key", key}, {"code", key}, {"windowsVirtualKeyCode", code}});
}

QString HeadlessChromium::screenshot(const QString& name)
{
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR");
    if (folder.isEmpty())
        return {};
    const QJsonObject reply = call(QStringLiteral("Page.captureScreenshot"), {{"format", "png"}});
    const QByteArray png = QByteArray::fromBase64(
        reply.value("result").toObject().value("data").toString().toLatin1());
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(name + QStringLiteral(".png"));
    QFile file(path);
    if (png.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(png) != png.size())
        return {};
    return path;
}

QString fillScript(const QString& selector, const QString& value)
{
    return QStringLiteral("document.querySelector('%1').value = %2")
        .arg(selector,
             QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                 .mid(1)
                 .chopped(1));
}

} // namespace latchkey::server::testing

#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <QWebSocket>

namespace latchkey::server::testing {

// Debian's chromium, headless, with a fresh profile, driven over the DevTools protocol:
// just enough of it for tests (one page, commands answered by id, no events).
class HeadlessChromium {
public:
    HeadlessChromium() = default;
    ~HeadlessChromium();
    HeadlessChromium(const HeadlessChromium&) = delete;
    HeadlessChromium& operator=(const HeadlessChromium&) = delete;

    // The chromium executable, or empty when it is not installed.
    static QString executable();

    // Starts the browser on url and connects to its page. False with errorString() when the
    // browser or its DevTools endpoint did not come up.
    bool start(const QUrl& url, const QStringList& extraFlags = {});
    QString errorString() const { return m_error; }

    QJsonObject call(const QString& method, const QJsonObject& params = {});
    // Runtime.evaluate (promises awaited); the value returned by the expression.
    QJsonValue evaluate(const QString& expression);
    // Polls an expression until it is true (the page answers asynchronously).
    bool waitFor(const QString& expression, int milliseconds = 8000);
    void pressKey(const QString& key, int code);
    // Page.captureScreenshot into $LATCHKEY_ARTIFACTS_DIR/<name>.png; the file path, or
    // empty when the folder is not set or the capture failed.
    QString screenshot(const QString& name);

private:
    bool connectToPage(const QString& devToolsPort);
    void received(const QString& text);

    QProcess m_process;
    QTemporaryDir m_profile;
    QWebSocket m_socket;
    int m_nextId = 0;
    QHash<int, QJsonObject> m_replies;
    QString m_error;
};

// A JavaScript statement that sets an input's value (the value JSON-quoted).
QString fillScript(const QString& selector, const QString& value);

} // namespace latchkey::server::testing

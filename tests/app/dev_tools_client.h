#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QWebSocket>
#include <optional>

namespace latchkey::app::testing {

// Drives a page of a WebEngine process through the Chrome DevTools protocol
// (QTWEBENGINE_REMOTE_DEBUGGING): find the page, send commands, wait for their answers.
class DevToolsClient : public QObject {
    Q_OBJECT

public:
    // Polls http://127.0.0.1:<port>/json/list until a page whose URL starts with urlPrefix
    // appears; returns its webSocketDebuggerUrl, or an empty URL after the timeout.
    static QUrl findPage(quint16 port, const QString& urlPrefix, int timeoutMs);

    bool open(const QUrl& webSocketUrl, int timeoutMs = 10000);

    // Sends a command and waits for its answer: the "result" object, or nullopt with
    // lastError() set on a protocol error or a timeout.
    std::optional<QJsonObject> call(const QString& method, const QJsonObject& params = {},
                                    int timeoutMs = 15000);

    // Runtime.evaluate with the value returned by value (promises awaited).
    std::optional<QJsonValue> evaluate(const QString& expression, int timeoutMs = 15000);

    // Evaluates a JavaScript condition until it is true or the time is up.
    bool waitUntil(const QString& condition, int timeoutMs = 20000);

    // A real mouse click through Chromium's input pipeline at the centre of the first element
    // matching selector (scrolled into view); false with lastError() set otherwise.
    bool clickElement(const QString& selector);

    QString lastError() const { return m_lastError; }

private:
    void onMessage(const QString& message);

    QWebSocket m_socket;
    int m_nextId = 1;
    QHash<int, QJsonObject> m_answers;
    QString m_lastError;
};

// text as a JavaScript string literal (JSON quoting), for building expressions to evaluate.
QString jsString(const QString& text);

} // namespace latchkey::app::testing

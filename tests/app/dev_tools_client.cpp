#include "dev_tools_client.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace latchkey::app::testing {

namespace {

QJsonArray fetchTargets(QNetworkAccessManager& network, quint16 port)
{
    QNetworkReply* reply = network.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(port))));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).array();
}

} // namespace

QUrl DevToolsClient::findPage(quint16 port, const QString& urlPrefix, int timeoutMs)
{
    QNetworkAccessManager network;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (const QJsonValue& target : fetchTargets(network, port)) {
            const QJsonObject object = target.toObject();
            if (object.value(QStringLiteral("type")).toString() == QLatin1String("page") &&
                object.value(QStringLiteral("url")).toString().startsWith(urlPrefix))
                return QUrl(object.value(QStringLiteral("webSocketDebuggerUrl")).toString());
        }
        QTest::qWait(200);
    }
    return {};
}

bool DevToolsClient::open(const QUrl& webSocketUrl, int timeoutMs)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &DevToolsClient::onMessage);
    m_socket.open(webSocketUrl);
    const bool connected = QTest::qWaitFor(
        [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
    if (!connected)
        m_lastError = QStringLiteral("cannot connect to %1: %2")
                          .arg(webSocketUrl.toString(), m_socket.errorString());
    return connected;
}

std::optional<QJsonObject> DevToolsClient::call(const QString& method, const QJsonObject& params,
                                                int timeoutMs)
{
    const int id = m_nextId++;
    const QJsonObject command{{QStringLiteral("id"), id},
                              {QStringLiteral("method"), method},
                              {QStringLiteral("params"), params}};
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(command).toJson(QJsonDocument::Compact)));
    if (!QTest::qWaitFor([&] { return m_answers.contains(id); }, timeoutMs)) {
        m_lastError = method + QStringLiteral(": no answer within %1 ms").arg(timeoutMs);
        return std::nullopt;
    }
    const QJsonObject answer = m_answers.take(id);
    if (answer.contains(QStringLiteral("error"))) {
        m_lastError =
            method + QStringLiteral(": ") +
            QString::fromUtf8(QJsonDocument(answer.value(QStringLiteral("error")).toObject())
                                  .toJson(QJsonDocument::Compact));
        return std::nullopt;
    }
    return answer.value(QStringLiteral("result")).toObject();
}

std::optional<QJsonValue> DevToolsClient::evaluate(const QString& expression, int timeoutMs)
{
    const auto result = call(QStringLiteral("Runtime.evaluate"),
                             {{QStringLiteral("expression"), expression},
                              {QStringLiteral("returnByValue"), true},
                              {QStringLiteral("awaitPromise"), true}},
                             timeoutMs);
    if (!result)
        return std::nullopt;
    if (result->contains(QStringLiteral("exceptionDetails"))) {
        m_lastError =
            QStringLiteral("script threw: ") +
            QString::fromUtf8(
                QJsonDocument(result->value(QStringLiteral("exceptionDetails")).toObject())
                    .toJson(QJsonDocument::Compact));
        return std::nullopt;
    }
    return result->value(QStringLiteral("result")).toObject().value(QStringLiteral("value"));
}

bool DevToolsClient::waitUntil(const QString& condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        // A navigation in progress may swallow an evaluation; that is just "not yet".
        const auto value = evaluate(QStringLiteral("!!(%1)").arg(condition), 5000);
        if (value && value->toBool())
            return true;
        QTest::qWait(100);
    }
    m_lastError = QStringLiteral("still false after %1 ms: %2").arg(timeoutMs).arg(condition);
    return false;
}

void DevToolsClient::onMessage(const QString& message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    // Events (no id) are not needed: the test asks the page directly.
    if (object.contains(QStringLiteral("id")))
        m_answers.insert(object.value(QStringLiteral("id")).toInt(), object);
}

bool DevToolsClient::clickElement(const QString& selector)
{
    const auto point = evaluate(QStringLiteral(R"js((() => {
        const element = document.querySelector(%1);
        if (!element) throw new Error('no element ' + %1);
        element.scrollIntoView({block: 'center'});
        const box = element.getBoundingClientRect();
        return {x: box.x + box.width / 2, y: box.y + box.height / 2};
    })())js")
                                    .arg(jsString(selector)));
    if (!point) {
        return false;
    }
    for (const char* type : {"mousePressed", "mouseReleased"}) {
        const auto sent = call(QStringLiteral("Input.dispatchMouseEvent"),
                               {{QStringLiteral("type"), QString::fromLatin1(type)},
                                {QStringLiteral("x"), point->toObject().value(QStringLiteral("x"))},
                                {QStringLiteral("y"), point->toObject().value(QStringLiteral("y"))},
                                {QStringLiteral("button"), QStringLiteral("left")},
                                {QStringLiteral("clickCount"), 1}});
        if (!sent) {
            return false;
        }
    }
    return true;
}

QString jsString(const QString& text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace latchkey::app::testing

#include "http_connection.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpSocket>

namespace latchkey::soak {

namespace {

// The head, or nothing yet; bodyStart is where the body begins.
bool parseHead(const QByteArray& data, HttpAnswer& answer, qsizetype& bodyStart,
               qint64& contentLength)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = data.left(end).split('\n');
    answer.status = lines.value(0).trimmed().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            answer.headers.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    bodyStart = end + 4;
    contentLength = answer.header("content-length").toLongLong();
    return true;
}

} // namespace

QByteArray HttpAnswer::header(const QByteArray& name) const
{
    const QList<QByteArray> values = headerValues(name);
    return values.isEmpty() ? QByteArray() : values.first();
}

QList<QByteArray> HttpAnswer::headerValues(const QByteArray& name) const
{
    QList<QByteArray> values;
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

HttpConnection::HttpConnection(quint16 port, int timeoutMs) : m_port(port), m_timeoutMs(timeoutMs)
{}

HttpConnection::~HttpConnection() = default;

void HttpConnection::setPort(quint16 port)
{
    if (port != m_port)
        close();
    m_port = port;
}

void HttpConnection::close()
{
    if (m_socket)
        m_socket->abort();
    m_socket.reset();
}

bool HttpConnection::ensureConnected()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_reused = true;
        return true;
    }
    m_socket = std::make_unique<QTcpSocket>();
    m_reused = false;
    m_socket->connectToHost(QHostAddress::LocalHost, m_port);
    return m_socket->waitForConnected(m_timeoutMs);
}

HttpAnswer HttpConnection::send(const QByteArray& method, const QByteArray& target,
                                const Headers& headers, const QByteArray& body)
{
    QByteArray request = method + ' ' + target +
                         " HTTP/1.1\r\nHost: localhost:" + QByteArray::number(m_port) + "\r\n";
    for (const auto& [name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    bool retry = false;
    HttpAnswer answer = exchangeOnce(request, retry);
    // A kept connection the server closed meanwhile: nothing of this request was read.
    if (retry)
        answer = exchangeOnce(request, retry);
    return answer;
}

HttpAnswer HttpConnection::exchangeOnce(const QByteArray& request, bool& retry)
{
    retry = false;
    if (!ensureConnected()) {
        close();
        return {};
    }
    const bool reused = m_reused;
    m_socket->write(request);
    QByteArray data;
    HttpAnswer answer;
    qsizetype bodyStart = -1;
    qint64 length = 0;
    const QDeadlineTimer deadline(m_timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        data += m_socket->readAll();
        if (bodyStart < 0 && !parseHead(data, answer, bodyStart, length))
            continue;
        if (data.size() - bodyStart >= length) {
            answer.body = data.mid(bodyStart, length);
            if (answer.header("connection").compare("close", Qt::CaseInsensitive) == 0)
                close();
            return answer;
        }
    }
    close();
    retry = reused && data.isEmpty();
    return {};
}

} // namespace latchkey::soak

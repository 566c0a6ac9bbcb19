#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>

class QTcpSocket;

namespace latchkey::soak {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// One HTTP/1.1 answer as it came off the wire. status 0: no answer (refused, reset, closed
// before a whole response, timed out).
struct HttpAnswer {
    int status = 0;
    Headers headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const;
    QList<QByteArray> headerValues(const QByteArray& name) const;
};

// A blocking keep-alive HTTP/1.1 connection to localhost:port, for one thread (no event loop
// needed). Reconnects once when the server closed the connection it kept; a request that
// fails after that answers status 0, as a browser's network error.
class HttpConnection {
public:
    explicit HttpConnection(quint16 port, int timeoutMs = 15000);
    ~HttpConnection();
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    void setPort(quint16 port);
    quint16 port() const { return m_port; }
    HttpAnswer send(const QByteArray& method, const QByteArray& target, const Headers& headers,
                    const QByteArray& body = {});
    // Closes the socket (the next request connects again).
    void close();

private:
    bool ensureConnected();
    HttpAnswer exchangeOnce(const QByteArray& request, bool& retry);

    quint16 m_port;
    int m_timeoutMs;
    std::unique_ptr<QTcpSocket> m_socket;
    bool m_reused = false;
};

} // namespace latchkey::soak

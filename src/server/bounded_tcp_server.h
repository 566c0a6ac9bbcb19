#pragma once

#include "server/connection_limits.h"
#include "server/http_message.h"

#include <QByteArray>
#include <QHash>
#include <QTcpServer>
#include <chrono>
#include <functional>

class QTcpSocket;
class QTimer;

namespace latchkey::server {

// What the handler says about a request head, before any body is read.
enum class HeadVerdict {
    Trusted,   // carries the launch secret: the connection is the app's (or --serve's browser's)
    Untrusted, // no secret: a body is refused unread; a bodiless request goes to the handler,
               // which answers it (a refusal, or the one-time link)
};

// A QTcpServer whose connections cannot make the process buffer or keep without bound.
// Qt 6.4's QHttpServer keeps reading a request body until it is complete, before any handler
// or guard sees it, and keeps idle connections forever. Here, before Qt reads anything:
// - each socket's read buffer is capped, and a connection that sends more than
//   kMaxUnansweredBytes without getting an answer is answered with the 413 refusal;
// - the head of every request on a connection that has not shown the secret is read first and
//   judged (HeadVerdict): a body announced without the secret is refused (403) before any of
//   it is read, and the connection closed;
// - connections are counted per peer and in total, and timed (ConnectionLimits).
class BoundedTcpServer : public QTcpServer {
    Q_OBJECT

public:
    // Room for a 64 KiB body and generous headers; the handler still applies the exact
    // 64 KiB body limit to everything below this.
    static constexpr qint64 kMaxUnansweredBytes = 96 * 1024;

    struct Answers {
        std::function<QByteArray()> tooLarge;                   // 413, a complete HTTP response
        std::function<QByteArray(const HttpRequest&)> noSecret; // 403: a body without the secret
        std::function<QByteArray()> busy; // 503 when the buffer budget is spent
        std::function<HeadVerdict(const HttpRequest&)> judgeHead; // headers only, no body
    };

    BoundedTcpServer(Answers answers, ConnectionLimits limits, QObject* parent = nullptr);
    ~BoundedTcpServer() override;

    // Open connections as counted here (tests and diagnostics).
    int connectionCount() const { return int(m_connections.size()); }
    qint64 bufferedBytes() const { return m_buffered; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    struct Connection;

    void onReadyRead(QTcpSocket* socket);
    void onAnswerWritten(QTcpSocket* socket);
    void readHeads(Connection& connection, const QByteArray& arrived);
    void refuse(Connection& connection, const QByteArray& answer);
    void forget(QTcpSocket* socket);
    void makeRoomFor(const QHostAddress& peer);
    void armTimer(Connection& connection, std::chrono::milliseconds timeout);

    Answers m_answers;
    ConnectionLimits m_limits;
    QHash<QTcpSocket*, Connection*> m_connections;
    qint64 m_buffered = 0;
    quint64 m_accepted = 0;
};

} // namespace latchkey::server

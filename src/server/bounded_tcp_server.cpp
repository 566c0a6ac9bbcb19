#include "server/bounded_tcp_server.h"

#include "server/request_head.h"

#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

namespace latchkey::server {

namespace {

constexpr int kDrainMilliseconds = 2000;

// Nothing of a refused request reaches the HTTP parser. The parser's read transaction, if
// one is open, would otherwise keep every discarded byte.
void discardInput(QTcpSocket& socket)
{
    if (socket.isTransactionStarted())
        socket.commitTransaction();
    socket.readAll();
}

} // namespace

struct BoundedTcpServer::Connection {
    QTcpSocket* socket = nullptr;
    QHostAddress peer;
    quint64 order = 0;    // accept order: the oldest is closed first
    bool trusted = false; // a head on it carried the secret
    bool refused = false; // answered with a refusal, closing
    bool inRequest = false;
    QByteArray head;       // the current head so far, until the connection is trusted
    qint64 unanswered = 0; // bytes received since the last answer
    QTimer* timer = nullptr;
};

BoundedTcpServer::BoundedTcpServer(Answers answers, ConnectionLimits limits, QObject* parent)
    : QTcpServer(parent), m_answers(std::move(answers)), m_limits(limits)
{}

BoundedTcpServer::~BoundedTcpServer()
{
    qDeleteAll(m_connections);
    m_connections.clear();
}

void BoundedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    makeRoomFor(socket->peerAddress());
    if (m_connections.size() >= m_limits.maxConnections) {
        // Every connection has shown the secret: the newcomer waits for none of them.
        socket->abort();
        delete socket;
        return;
    }
    // Once this much is buffered the socket stops reading from the kernel, so memory stays
    // bounded even before a refusal goes out.
    socket->setReadBufferSize(kMaxUnansweredBytes);
    auto* connection = new Connection;
    connection->socket = socket;
    connection->peer = socket->peerAddress();
    connection->order = ++m_accepted;
    connection->timer = new QTimer(socket);
    connection->timer->setSingleShot(true);
    connect(connection->timer, &QTimer::timeout, socket, &QTcpSocket::abort);
    m_connections.insert(socket, connection);
    armTimer(*connection, m_limits.untrustedIdleTimeout);
    // Connected before QHttpServer's own readyRead slot (it connects when it takes the
    // socket from the pending queue), so this sees each arriving chunk before Qt reads it.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { onAnswerWritten(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    addPendingConnection(socket);
}

// Before a connection is added: the peer's oldest connection without the secret goes when the
// peer has its share of them, and the oldest of all such connections when the total is
// reached. A connection that has shown the secret is never closed for a newcomer.
void BoundedTcpServer::makeRoomFor(const QHostAddress& peer)
{
    int fromPeer = 0;
    Connection* oldestFromPeer = nullptr;
    Connection* oldest = nullptr;
    for (Connection* connection : std::as_const(m_connections)) {
        if (connection->trusted)
            continue;
        if (!oldest || connection->order < oldest->order)
            oldest = connection;
        if (connection->peer.isEqual(peer)) {
            ++fromPeer;
            if (!oldestFromPeer || connection->order < oldestFromPeer->order)
                oldestFromPeer = connection;
        }
    }
    if (oldestFromPeer && fromPeer >= m_limits.maxUntrustedPerPeer) {
        if (oldest == oldestFromPeer)
            oldest = nullptr;
        oldestFromPeer->socket->abort();
    }
    if (oldest && m_connections.size() >= m_limits.maxConnections)
        oldest->socket->abort();
}

void BoundedTcpServer::armTimer(Connection& connection, std::chrono::milliseconds timeout)
{
    connection.timer->start(timeout);
}

void BoundedTcpServer::onReadyRead(QTcpSocket* socket)
{
    Connection* connection = m_connections.value(socket);
    if (!connection)
        return;
    if (connection->refused) {
        discardInput(*socket);
        return;
    }
    const qint64 arrived = socket->bytesAvailable();
    connection->unanswered += arrived;
    m_buffered += arrived;
    if (!connection->inRequest) {
        connection->inRequest = true;
        armTimer(*connection, connection->trusted ? m_limits.requestTimeout : m_limits.headTimeout);
    }
    if (connection->unanswered >= kMaxUnansweredBytes)
        return refuse(*connection, m_answers.tooLarge());
    if (m_buffered > m_limits.maxBufferedBytes)
        return refuse(*connection, m_answers.busy());
    if (!connection->trusted)
        readHeads(*connection, socket->peek(arrived));
}

// Heads of a connection that has not shown the secret, judged as they complete. Such a
// connection never gets to send a body, so each head ends its request and the next head (if
// the client pipelines) starts right after it.
void BoundedTcpServer::readHeads(Connection& connection, const QByteArray& arrived)
{
    connection.head += arrived;
    while (!connection.trusted && !connection.refused) {
        const qsizetype end = connection.head.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const HttpRequest head = parseRequestHead(connection.head.left(end));
        switch (m_answers.judgeHead(head)) {
        case HeadVerdict::Trusted:
            connection.trusted = true;
            connection.head.clear();
            armTimer(connection, m_limits.requestTimeout);
            return;
        case HeadVerdict::Untrusted:
            if (announcesBody(head))
                return refuse(connection, m_answers.noSecret(head));
            connection.head.remove(0, end + 4);
            break;
        }
    }
    if (!connection.trusted && connection.head.size() > m_limits.maxHeadBytes)
        refuse(connection, m_answers.noSecret(HttpRequest{}));
}

void BoundedTcpServer::refuse(Connection& connection, const QByteArray& answer)
{
    connection.refused = true;
    connection.head.clear();
    QTcpSocket* socket = connection.socket;
    discardInput(*socket);
    socket->write(answer);
    // Draining for a moment before closing lets the client read the answer instead of a
    // connection reset.
    armTimer(connection, std::chrono::milliseconds(kDrainMilliseconds));
}

void BoundedTcpServer::onAnswerWritten(QTcpSocket* socket)
{
    Connection* connection = m_connections.value(socket);
    if (!connection || connection->refused || socket->bytesToWrite() > 0)
        return;
    m_buffered -= connection->unanswered;
    connection->unanswered = 0;
    connection->inRequest = false;
    armTimer(*connection,
             connection->trusted ? m_limits.idleTimeout : m_limits.untrustedIdleTimeout);
}

void BoundedTcpServer::forget(QTcpSocket* socket)
{
    Connection* connection = m_connections.take(socket);
    if (!connection)
        return;
    m_buffered -= connection->unanswered;
    delete connection;
}

} // namespace latchkey::server

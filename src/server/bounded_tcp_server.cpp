#include "server/bounded_tcp_server.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

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

BoundedTcpServer::BoundedTcpServer(Refusal tooLarge, QObject* parent)
    : QTcpServer(parent), m_tooLarge(std::move(tooLarge))
{}

void BoundedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // Once this much is buffered the socket stops reading from the kernel, so memory stays
    // bounded even before the refusal below goes out.
    socket->setReadBufferSize(kMaxUnansweredBytes);
    // Connected before QHttpServer's own readyRead slot (it connects when it takes the
    // socket from the pending queue), so this sees each arriving chunk before Qt reads it.
    auto unanswered = std::make_shared<qint64>(0);
    auto refused = std::make_shared<bool>(false);
    connect(socket, &QTcpSocket::bytesWritten, socket, [unanswered] { *unanswered = 0; });
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, unanswered, refused] {
        if (!*refused) {
            *unanswered += socket->bytesAvailable();
            if (*unanswered < kMaxUnansweredBytes)
                return;
            *refused = true;
            socket->write(m_tooLarge());
            // Draining for a moment before closing lets the client read the answer instead
            // of a connection reset.
            QTimer::singleShot(kDrainMilliseconds, socket, &QTcpSocket::disconnectFromHost);
        }
        discardInput(*socket);
    });
    addPendingConnection(socket);
}

} // namespace latchkey::server

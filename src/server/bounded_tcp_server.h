#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <functional>

namespace latchkey::server {

// A QTcpServer whose connections cannot make the process buffer an unbounded request.
// Qt 6.4's QHttpServer keeps reading a request body until it is complete, before any
// handler or guard sees it; here each socket's read buffer is capped and a connection that
// sends more than kMaxUnansweredBytes without getting an answer is answered with the
// given refusal (413), drained for a moment and closed. Memory per connection stays about
// kMaxUnansweredBytes whatever the client sends.
class BoundedTcpServer : public QTcpServer {
    Q_OBJECT

public:
    // Room for a 64 KiB body and generous headers; the handler still applies the exact
    // 64 KiB body limit to everything below this.
    static constexpr qint64 kMaxUnansweredBytes = 96 * 1024;

    using Refusal = std::function<QByteArray()>; // a complete HTTP response
    explicit BoundedTcpServer(Refusal tooLarge, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Refusal m_tooLarge;
};

} // namespace latchkey::server

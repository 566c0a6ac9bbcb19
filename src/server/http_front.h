#pragma once

#include <QtHttpServer/QAbstractHttpServer>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>

namespace latchkey::server {

class RequestHandler;
struct HttpRequest;
struct HttpResponse;

// The QHttpServer layer: every parsed request, known route or not, goes to the
// RequestHandler so the guards run first. (QHttpServer's own router would answer unknown
// paths before any guard could.) Qt 6.5 changed the virtuals to take a responder
// (the missing handler by rvalue until 6.8); only 6.4 is built here.
class HttpFront : public QAbstractHttpServer {
    Q_OBJECT

public:
    explicit HttpFront(RequestHandler& handler, QObject* parent = nullptr);

    static HttpRequest toRequest(const QHttpServerRequest& request);

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest& request, QHttpServerResponder& responder) override;
    void missingHandler(const QHttpServerRequest& request,
                        QHttpServerResponder& responder) override;
#elif QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest& request, QHttpServerResponder& responder) override;
    void missingHandler(const QHttpServerRequest& request,
                        QHttpServerResponder&& responder) override;
#else
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;
#endif

private:
    static void send(const HttpResponse& response, QHttpServerResponder& responder);

    RequestHandler& m_handler;
};

} // namespace latchkey::server

#include "server/http_front.h"

#include "server/request_handler.h"

namespace latchkey::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

HttpFront::HttpFront(RequestHandler& handler, QObject* parent)
    : QAbstractHttpServer(parent), m_handler(handler)
{}

HttpRequest HttpFront::toRequest(const QHttpServerRequest& request)
{
    HttpRequest converted;
    converted.method = methodName(request.method());
    converted.path = request.url().path();
    converted.query = request.query();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const auto headers = request.headers().toListOfPairs();
#else
    const auto headers = request.headers();
#endif
    for (const auto& header : headers)
        converted.headers.append({header.first, header.second});
    converted.body = request.body();
    return converted;
}

void HttpFront::send(const HttpResponse& response, QHttpServerResponder& responder)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto& [name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
bool HttpFront::handleRequest(const QHttpServerRequest& request, QHttpServerResponder& responder)
{
    send(m_handler.handle(toRequest(request)), responder);
    return true;
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
void HttpFront::missingHandler(const QHttpServerRequest& request, QHttpServerResponder& responder)
#else
void HttpFront::missingHandler(const QHttpServerRequest& request, QHttpServerResponder&& responder)
#endif
{
    send(m_handler.handle(toRequest(request)), responder);
}
#else
bool HttpFront::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    send(m_handler.handle(toRequest(request)), responder);
    return true;
}

// Never reached (handleRequest answers everything); answered the same way for safety.
void HttpFront::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    send(m_handler.handle(toRequest(request)), responder);
}
#endif

} // namespace latchkey::server

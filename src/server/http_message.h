#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace latchkey::server {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as the handler sees it, independent of the QHttpServer version underneath.
struct HttpRequest {
    QByteArray method; // upper case: GET, POST, ...
    QString path;      // decoded path, e.g. "/register"
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;

    // First value of a header, compared case-insensitively; empty when absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    // The value of one cookie from the Cookie header(s); empty when absent.
    QByteArray cookie(const QByteArray& name) const;
    // True when the client asked for JSON (Accept: application/json).
    bool wantsJson() const;
    // The media type of the body without parameters, lower case.
    QByteArray contentType() const;
};

// A complete response: status, headers and body. Content-Length is added when written.
struct HttpResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;

    void setHeader(const QByteArray& name, const QByteArray& value);
    // Another header of the same name (Set-Cookie may appear several times).
    void addHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(const QByteArray& name) const;

    static HttpResponse html(int status, const QByteArray& body);
    static HttpResponse json(int status, const QByteArray& body);
    static HttpResponse text(int status, const QString& body);
    static HttpResponse redirect(const QByteArray& location, int status = 303);
};

// The response as bytes on the wire (status line, headers, Content-Length, body), for the
// few answers written before QHttpServer has a request to respond to.
QByteArray serialize(const HttpResponse& response);

} // namespace latchkey::server

#include "server/http_message.h"

namespace latchkey::server {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 413:
        return "Payload Too Large";
    case 421:
        return "Misdirected Request";
    default:
        return "Error";
    }
}

} // namespace

QByteArray HttpRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    for (const auto& entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray HttpRequest::cookie(const QByteArray& name) const
{
    // Several Cookie headers may arrive (HTTP/2 style); each holds "a=b; c=d".
    for (const auto& [key, value] : headers) {
        if (key.compare("cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray& pair : value.split(';')) {
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && pair.left(eq).trimmed() == name)
                return pair.mid(eq + 1).trimmed();
        }
    }
    return {};
}

bool HttpRequest::wantsJson() const
{
    return header("accept").toLower().contains("application/json");
}

QByteArray HttpRequest::contentType() const
{
    QByteArray type = header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0) {
            entry.second = value;
            return;
        }
    }
    headers.append({name, value});
}

void HttpResponse::addHeader(const QByteArray& name, const QByteArray& value)
{
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::html(int status, const QByteArray& body)
{
    return {status, {{"Content-Type", "text/html; charset=utf-8"}}, body};
}

HttpResponse HttpResponse::json(int status, const QByteArray& body)
{
    return {status, {{"Content-Type", "application/json; charset=utf-8"}}, body};
}

HttpResponse HttpResponse::text(int status, const QString& body)
{
    return {status, {{"Content-Type", "text/plain; charset=utf-8"}}, body.toUtf8()};
}

HttpResponse HttpResponse::redirect(const QByteArray& location, int status)
{
    return {status, {{"Location", location}}, {}};
}

QByteArray serialize(const HttpResponse& response)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                       reasonPhrase(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    return bytes + response.body;
}

} // namespace latchkey::server

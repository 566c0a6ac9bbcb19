#include "server/request_head.h"

#include <QList>

namespace latchkey::server {

HttpRequest parseRequestHead(const QByteArray& head)
{
    HttpRequest request;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = QString::fromLatin1(requestLine.value(1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    return request;
}

bool announcesBody(const HttpRequest& head)
{
    if (head.hasHeader("transfer-encoding"))
        return true;
    if (!head.hasHeader("content-length"))
        return false;
    bool isNumber = false;
    const qlonglong length = head.header("content-length").toLongLong(&isNumber);
    return !isNumber || length != 0;
}

} // namespace latchkey::server

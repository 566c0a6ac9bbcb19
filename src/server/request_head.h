#pragma once

#include "server/http_message.h"

#include <QByteArray>

namespace latchkey::server {

// The request line and header fields of one head (without its blank line), enough to judge
// it before any body is read; QHttpServer parses the request again, fully, when it is let
// through. `path` is the request target as sent (query included, not decoded).
HttpRequest parseRequestHead(const QByteArray& head);

// Whether the request says a body follows: any Transfer-Encoding, or a Content-Length that is
// not plainly zero.
bool announcesBody(const HttpRequest& head);

} // namespace latchkey::server

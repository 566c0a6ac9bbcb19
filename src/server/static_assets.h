#pragma once

#include "server/http_message.h"

#include <optional>

namespace latchkey::server {

// The pages' CSS, scripts and images, compiled into the binary (qrc :/latchkey/static).
// Only flat file names with a known extension are served; anything else is not found.
std::optional<HttpResponse> staticAsset(const QString& path);

// Content-Type (with charset for text) for a file name; empty for unknown extensions.
QByteArray contentTypeFor(const QString& fileName);

} // namespace latchkey::server

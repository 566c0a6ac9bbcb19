#pragma once

#include "server/http_message.h"

namespace latchkey::server {

// The Content-Security-Policy of every answer: our own scripts, styles and images only,
// nothing inline, nothing remote, no framing.
QByteArray contentSecurityPolicy();

// Adds the security headers every answer carries. Dynamic answers get Cache-Control:
// no-store unless the handler already chose a cache policy (static assets).
void applySecurityHeaders(HttpResponse& response);

} // namespace latchkey::server

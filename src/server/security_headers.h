#pragma once

#include "server/http_message.h"

namespace latchkey::server {

// The Content-Security-Policy of every answer: our own scripts, styles and images only,
// nothing inline, nothing remote, no framing.
QByteArray contentSecurityPolicy();

// Who reads an answer: the app's own view (the request carried the secret header) or an
// ordinary browser (--serve's cookie, or a request that was refused).
enum class Audience { AppView, Browser };

// Adds the security headers every answer carries. Dynamic answers get Cache-Control:
// no-store unless the handler already chose a cache policy (static assets).
// Cross-Origin-Opener-Policy goes to browsers only. In the app's view no other origin can
// ever open, frame or be opened by our pages (the window admits only its own origin), and
// in Chromium the header on the first navigation swaps the browsing instance: a second
// renderer process at start-up, measured at +45 ms to the first paint (bench/startup).
void applySecurityHeaders(HttpResponse& response, Audience audience);

} // namespace latchkey::server

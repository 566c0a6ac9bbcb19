#pragma once

#include <QUrl>

class QHttpServer;

namespace latchkey::bench {

// What the bare baselines serve: a one-line static page, or with "--site DIR" on the command
// line a saved copy of the app's own pages (DIR/index.html, DIR/static/*), to tell the page's
// weight from the app's own overhead. Listens on an ephemeral loopback port and returns the
// page's http://localhost URL, or an empty URL when it cannot listen.
QUrl serveBarePage(QHttpServer& server);

// Chromium refuses its sandbox as root (CI, containers), as the app does.
void allowRootWithoutSandbox();

} // namespace latchkey::bench

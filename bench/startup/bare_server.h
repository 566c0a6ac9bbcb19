#pragma once

#include <QString>
#include <QStringList>

class QHttpServer;

namespace latchkey::bench {

// What the bare baselines serve: a one-line static page, or with "--site DIR" a saved copy
// of the app's own pages (DIR/index.html, DIR/static/*), to tell the page's weight from the
// app's own overhead.
QString siteFolder(const QStringList& arguments);
void addBareRoutes(QHttpServer& server, const QString& site);

// Chromium refuses its sandbox as root (CI, containers), as the app does.
void allowRootWithoutSandbox();

} // namespace latchkey::bench

#pragma once

#include "child_process.h"
#include "dev_tools_client.h"
#include "xvfb_display.h"

#include <QString>

namespace latchkey::app::testing {

struct AppWindowLaunch {
    QString homeUrl; // http://localhost:<port>/
    QString dataDir; // the launch's --data-dir
};

// Starts the real latchkey binary in its window on display, with a fresh data folder and
// HOME under scratchFolder and the DevTools protocol on a free port, and opens DevTools on
// the window's page. False, with whyNot set, when any step fails.
bool launchAppWindow(const QString& binary, const QString& scratchFolder,
                     const XvfbDisplay& display, ChildProcess& app, DevToolsClient& devTools,
                     AppWindowLaunch& launch, QString* whyNot);

} // namespace latchkey::app::testing

#include "app_window_launch.h"

#include <QDir>

namespace latchkey::app::testing {

bool launchAppWindow(const QString& binary, const QString& scratchFolder,
                     const XvfbDisplay& display, ChildProcess& app, DevToolsClient& devTools,
                     AppWindowLaunch& launch, QString* whyNot)
{
    const QDir scratch(scratchFolder);
    const quint16 port = freeLoopbackPort();
    const quint16 debugPort = freeLoopbackPort();
    if (port == 0 || debugPort == 0 || port == debugPort) {
        *whyNot = QStringLiteral("no two free loopback ports for the app and DevTools");
        return false;
    }
    launch.dataDir = scratch.filePath(QStringLiteral("data"));
    launch.homeUrl = QStringLiteral("http://localhost:%1/").arg(port);

    QProcessEnvironment environment = latchkeyEnvironment(scratch.filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("DISPLAY"), display.name());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("QTWEBENGINE_REMOTE_DEBUGGING"), QString::number(debugPort));
    app.process().setProcessChannelMode(QProcess::ForwardedChannels);
    app.start(binary,
              {QStringLiteral("--data-dir"), launch.dataDir, QStringLiteral("--port"),
               QString::number(port)},
              environment);
    if (!app.process().waitForStarted(10000)) {
        *whyNot = app.process().errorString();
        return false;
    }

    const QUrl page = DevToolsClient::findPage(debugPort, launch.homeUrl, 60000);
    if (!page.isValid()) {
        *whyNot = QStringLiteral("the window's page never appeared in the DevTools target list");
        return false;
    }
    if (!devTools.open(page)) {
        *whyNot = devTools.lastError();
        return false;
    }
    return true;
}

} // namespace latchkey::app::testing

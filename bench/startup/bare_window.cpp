// A baseline for bench/startup: the least a Qt program can do to show a page from a local
// HTTP server in a QML WebEngineView, measured exactly like the app (FirstPaintReporter:
// first frame after the page finished loading).
#include "app/first_paint.h"
#include "bare_server.h"

#include <QGuiApplication>
#include <QHttpServer>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

namespace {

const char* const kQml = R"qml(
import QtQuick
import QtWebEngine
Window {
    id: root
    required property url pageUrl
    signal loaded()
    width: 1100; height: 760; visible: true
    WebEngineView {
        anchors.fill: parent
        url: pageUrl
        onLoadingChanged: function(info) {
            if (info.status === WebEngineLoadingInfo.LoadSucceededStatus) root.loaded()
        }
    }
}
)qml";

} // namespace

int main(int argc, char** argv)
{
    latchkey::bench::allowRootWithoutSandbox();
    latchkey::app::FirstPaintReporter::markStage("main");
    QtWebEngineQuick::initialize();
    QGuiApplication application(argc, argv);
    latchkey::app::FirstPaintReporter::markStage("application");

    QHttpServer server;
    const QUrl pageUrl = latchkey::bench::serveBarePage(server);
    if (pageUrl.isEmpty())
        return 1;

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("pageUrl"), pageUrl}});
    engine.loadData(kQml);
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!window)
        return 1;
    latchkey::app::FirstPaintReporter::markStage("window-loaded");
    latchkey::app::FirstPaintReporter reporter(window);
    QObject::connect(window, SIGNAL(loaded()), &reporter, SLOT(pageLoaded()));
    return QGuiApplication::exec();
}

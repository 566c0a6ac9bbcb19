// The baseline for bench/startup: the least a Qt program can do to show a page from a
// local HTTP server in a QML WebEngineView, measured exactly like the app
// (FirstPaintReporter: first frame after the page finished loading).
#include "app/first_paint.h"

#include <QDir>
#include <QGuiApplication>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>
#include <unistd.h>

namespace {

const char* const kPage = R"html(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare</title>
<style>body{font-family:sans-serif;margin:2rem;background:#f4f5f7;color:#1f2328}</style></head>
<body><h1>Bare window</h1><p>A static page served by QHttpServer on localhost.</p></body></html>
)html";

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

// "--site DIR" serves a saved copy of the app's own pages (DIR/index.html, DIR/static/*)
// instead of the one-line page, to tell the page's weight from the app's own overhead.
QString siteFolder(const QStringList& arguments)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("--site"));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
}

void addRoutes(QHttpServer& server, const QString& site)
{
    if (site.isEmpty()) {
        server.route(QStringLiteral("/"), [] { return QByteArray(kPage); });
        return;
    }
    server.route(QStringLiteral("/"), [site] {
        return QHttpServerResponse::fromFile(QDir(site).filePath(QStringLiteral("index.html")));
    });
    server.route(QStringLiteral("/static/<arg>"), [site](const QString& name) {
        return QHttpServerResponse::fromFile(QDir(site).filePath(QStringLiteral("static/") + name));
    });
}

} // namespace

int main(int argc, char** argv)
{
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    latchkey::app::FirstPaintReporter::markStage("main");
    QtWebEngineQuick::initialize();
    QGuiApplication application(argc, argv);
    latchkey::app::FirstPaintReporter::markStage("application");

    QHttpServer server;
    addRoutes(server, siteFolder(QCoreApplication::arguments()));
    const quint16 port = server.listen(QHostAddress::LocalHost);
    if (port == 0)
        return 1;

    QQmlApplicationEngine engine;
    engine.setInitialProperties(
        {{QStringLiteral("pageUrl"), QUrl(QStringLiteral("http://localhost:%1/").arg(port))}});
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

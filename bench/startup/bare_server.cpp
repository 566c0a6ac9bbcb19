#include "bare_server.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <unistd.h>

namespace latchkey::bench {

namespace {

const char* const kPage = R"html(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare</title>
<style>body{font-family:sans-serif;margin:2rem;background:#f4f5f7;color:#1f2328}</style></head>
<body><h1>Bare window</h1><p>A static page served by QHttpServer on localhost.</p></body></html>
)html";

QString siteFolder(const QStringList& arguments)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("--site"));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
}

void addBareRoutes(QHttpServer& server, const QString& site)
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

QUrl serveBarePage(QHttpServer& server)
{
    addBareRoutes(server, siteFolder(QCoreApplication::arguments()));
    const quint16 port = server.listen(QHostAddress::LocalHost);
    return port == 0 ? QUrl() : QUrl(QStringLiteral("http://localhost:%1/").arg(port));
}

void allowRootWithoutSandbox()
{
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
}

} // namespace latchkey::bench

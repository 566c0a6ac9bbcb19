#include "server/static_assets.h"

#include <QFile>
#include <QRegularExpression>

namespace latchkey::server {

namespace {

const QString kPrefix = QStringLiteral("/static/");

bool isPlainFileName(const QString& name)
{
    // No slashes, no "..", no hidden files: qrc paths can not be escaped from.
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]*\\.[a-z0-9]+$"));
    return pattern.match(name).hasMatch();
}

} // namespace

QByteArray contentTypeFor(const QString& fileName)
{
    if (fileName.endsWith(QLatin1String(".css")))
        return "text/css; charset=utf-8";
    if (fileName.endsWith(QLatin1String(".js")))
        return "text/javascript; charset=utf-8";
    if (fileName.endsWith(QLatin1String(".svg")))
        return "image/svg+xml; charset=utf-8";
    if (fileName.endsWith(QLatin1String(".png")))
        return "image/png";
    if (fileName.endsWith(QLatin1String(".woff2")))
        return "font/woff2";
    return {};
}

std::optional<HttpResponse> staticAsset(const QString& path)
{
    if (!path.startsWith(kPrefix))
        return std::nullopt;
    const QString name = path.mid(kPrefix.size());
    const QByteArray type = contentTypeFor(name);
    if (!isPlainFileName(name) || type.isEmpty())
        return std::nullopt;
    QFile file(QStringLiteral(":/latchkey/static/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // Assets change only with the binary; a short private cache keeps reloads quick.
    return HttpResponse{
        200, {{"Content-Type", type}, {"Cache-Control", "private, max-age=600"}}, file.readAll()};
}

} // namespace latchkey::server

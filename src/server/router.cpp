#include "server/router.h"

namespace latchkey::server {

bool Router::Route::matches(const QString& requestPath) const
{
    return prefix ? requestPath.startsWith(path) : requestPath == path;
}

void Router::add(const QByteArray& method, const QString& path, Handler handler)
{
    m_routes.append(Route{method, path, false, std::move(handler)});
}

void Router::addPrefix(const QByteArray& method, const QString& prefix, Handler handler)
{
    m_routes.append(Route{method, prefix, true, std::move(handler)});
}

std::optional<Handler> Router::find(const HttpRequest& request) const
{
    for (const Route& route : m_routes) {
        if (route.method == request.method && route.matches(request.path))
            return route.handler;
    }
    return std::nullopt;
}

QList<QByteArray> Router::allowedMethods(const QString& path) const
{
    QList<QByteArray> methods;
    for (const Route& route : m_routes) {
        if (route.matches(path) && !methods.contains(route.method))
            methods.append(route.method);
    }
    return methods;
}

} // namespace latchkey::server

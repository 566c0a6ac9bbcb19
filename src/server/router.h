#pragma once

#include "server/http_message.h"

#include <QList>
#include <functional>
#include <optional>

namespace latchkey::server {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

// A small table of method + path -> handler. A path ending in '/' with prefix=true matches
// everything below it (static assets).
class Router {
public:
    void add(const QByteArray& method, const QString& path, Handler handler);
    void addPrefix(const QByteArray& method, const QString& prefix, Handler handler);

    // The handler for the request, or nothing when no route has its path.
    std::optional<Handler> find(const HttpRequest& request) const;
    // Methods accepted on a path, for 405's Allow header; empty for an unknown path.
    QList<QByteArray> allowedMethods(const QString& path) const;

private:
    struct Route {
        QByteArray method;
        QString path;
        bool prefix = false;
        Handler handler;
        bool matches(const QString& requestPath) const;
    };
    QList<Route> m_routes;
};

} // namespace latchkey::server

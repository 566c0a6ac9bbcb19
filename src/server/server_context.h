#pragma once

#include <QDateTime>
#include <QString>
#include <functional>

namespace latchkey::server {

// "Now" for sessions and challenges; tests replace it to reach expiry without waiting.
using Clock = std::function<QDateTime()>;

inline QDateTime systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

// What every part of the handler needs to know about the running server. Owned by
// RequestHandler; the port is only known once listen() succeeded, so it is read late.
struct ServerContext {
    quint16 port = 0;
    Clock clock = systemNow;
    // Empty or "/<random>": the path every page, link and cookie of this server lives under
    // (ServerConfig::pathPrefix). Routes are matched with it removed.
    QString pathPrefix;

    QDateTime now() const { return clock().toUTC(); }
    // The relying party's origin and ID (DESIGN.md, Ceremonies).
    QString origin() const { return QStringLiteral("http://localhost:%1").arg(port); }
    static QString rpId() { return QStringLiteral("localhost"); }
    static QString rpName() { return QStringLiteral("Latchkey"); }
};

} // namespace latchkey::server

#pragma once

#include "server/connection_limits.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>

namespace latchkey::store {
class Database;
}

namespace latchkey::server {

struct ServerConfig {
    quint16 port = 0;        // 0 = pick a free (ephemeral) port
    QByteArray launchSecret; // random per launch, made by the app (32 bytes, base64url)
    // Whether the client in front of the pages can verify the person (the app's own
    // UserVerificationChoice found PAM or polkit; a browser's authenticator can). False: the
    // pages say that a passkey is confirmed by a click alone.
    bool userVerificationAvailable = true;
    ConnectionLimits limits; // what any local program can make the handler hold
    // Empty, or "/<random>" (--serve): every page lives under it and every cookie is scoped to
    // it, so a browser never sends the cookies to another localhost port (cookies ignore
    // ports). Only the one-time link stays outside it.
    QByteArray pathPrefix;
    // The app's own settings file (INI, the same for every profile) where the settings page
    // keeps the language, and the languages this build has a catalogue for (LanguageSetting).
    // Empty file: the page offers the choice but cannot keep it.
    QString settingsFile;
    QStringList languages;
};

class RequestHandler;
class HttpFront;

// The local HTTP handler behind the app's window: loopback only (127.0.0.1 and ::1 on one
// port), every request guarded (Host, per-launch secret, Origin, body size) before routing.
class LocalServer : public QObject {
    Q_OBJECT

public:
    LocalServer(store::Database& db, ServerConfig config, QObject* parent = nullptr);
    ~LocalServer() override;

    // Binds 127.0.0.1 and ::1 on one port. False with errorString() when it cannot (the
    // explicit port is taken, no launch secret was given, ...).
    bool listen();
    QString errorString() const;
    quint16 port() const;
    QUrl homeUrl() const;   // http://localhost:<port><pathPrefix>/
    QUrl originUrl() const; // http://localhost:<port>/, without the path prefix

    // The header the app's WebEngine profile adds to every request to the handler.
    static QByteArray secretHeaderName(); // "X-Latchkey-Secret"

    // For --serve: a URL that, opened once in any browser, sets the HttpOnly secret cookie
    // and redirects home. The token is spent by its first use.
    QUrl createOneTimeUrl();
    // The same, landing on nextPath (a path on this server, e.g. "/register") instead of home.
    QUrl createOneTimeUrl(const QString& nextPath);

    // What "now" is for sessions and challenges (UTC). The system clock unless a test moves
    // time forward to reach an expiry.
    void setClock(std::function<QDateTime()> clock);

private:
    ServerConfig m_config;
    QString m_errorString;
    std::unique_ptr<RequestHandler> m_handler;
    HttpFront* m_front = nullptr;
};

} // namespace latchkey::server

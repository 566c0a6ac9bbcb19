#pragma once

#include "app/app_error.h"
#include "app/command_line.h"

#include <QByteArray>
#include <QUrl>
#include <memory>

namespace latchkey::store {
class Database;
}
namespace latchkey::server {
class LocalServer;
}

namespace latchkey::app {

// The part of the app behind the window: the profile database and the local handler
// listening on localhost. Started before the window so its URL is known when QML loads.
class Backend {
public:
    // Prepares the data folder, opens (and migrates) the database and starts listening.
    // userVerificationAvailable: whether the client in front of the pages can verify the
    // person (server::ServerConfig).
    static AppResult<std::unique_ptr<Backend>>
    start(const LaunchOptions& options, QByteArray launchSecret, bool userVerificationAvailable);
    ~Backend();
    Backend(const Backend&) = delete;
    Backend& operator=(const Backend&) = delete;

    server::LocalServer& server() { return *m_server; }
    QUrl homeUrl() const;
    QString databasePath() const;
    const QByteArray& launchSecret() const { return m_secret; }

private:
    Backend() = default;

    QByteArray m_secret;
    // The server refers to the database: it is declared after it so it is destroyed first.
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<server::LocalServer> m_server;
};

} // namespace latchkey::app

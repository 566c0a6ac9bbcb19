#pragma once

#include "server/local_server.h"
#include "store/database.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QTemporaryDir>
#include <memory>

namespace latchkey::server::testing {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// A response as it came off the wire.
struct WireResponse {
    int status = 0;
    Headers headers;
    QByteArray body;
    bool complete = false;

    QByteArray header(const QByteArray& name) const;
    QList<QByteArray> headerValues(const QByteArray& name) const;
};

// Sends raw bytes to host:port over TCP and reads one HTTP/1.1 response, running the event
// loop meanwhile (the server lives on the same thread).
WireResponse exchange(const QHostAddress& address, quint16 port, const QByteArray& request);

QByteArray buildRequest(const QByteArray& method, const QByteArray& target, const Headers& headers,
                        const QByteArray& body = {});

// A LocalServer on an ephemeral port over a real SQLite file in a temporary folder.
class ServerFixture {
public:
    // userVerificationAvailable: ServerConfig's (false: the pages say a click alone confirms).
    bool start(bool userVerificationAvailable = true);
    // With the connection limits and path prefix given (ServerConfig's; the prefix as --serve
    // gives it, empty as in the app window).
    bool startWith(ConnectionLimits limits, QByteArray pathPrefix = {});
    // With the app's settings file elsewhere than settingsFile() (e.g. one that cannot be
    // written).
    bool startWithSettingsFile(QString settingsFile);
    QString errorString() const { return m_error; }
    // The app's own settings file (ServerConfig::settingsFile), beside the database.
    QString settingsFile() const;

    quint16 port() const { return m_server->port(); }
    LocalServer& server() { return *m_server; }
    const QByteArray& secret() const { return m_secret; }
    QString databasePath() const;
    store::Database& database() { return *m_database; }

    // Host, the secret header and (for POST/PUT/PATCH/DELETE) Origin, all correct.
    Headers goodHeaders(const QByteArray& method) const;
    QByteArray origin() const;
    QByteArray host() const;

    WireResponse send(const QByteArray& method, const QByteArray& target, const Headers& headers,
                      const QByteArray& body = {});
    // With goodHeaders(method) plus extra ones.
    WireResponse sendGood(const QByteArray& method, const QByteArray& target,
                          const Headers& extra = {}, const QByteArray& body = {});

    // Rows in the users table, read through a second connection to the same file.
    qint64 userCount() const;

private:
    bool startServer(ServerConfig config);

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<LocalServer> m_server;
    QByteArray m_secret;
    QString m_error;
};

// Headers with one name replaced (value set) or removed (value null).
Headers withHeader(Headers headers, const QByteArray& name, const QByteArray& value);

} // namespace latchkey::server::testing

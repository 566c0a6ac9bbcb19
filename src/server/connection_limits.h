#pragma once

#include <QtGlobal>
#include <chrono>

namespace latchkey::server {

// How much any local program can make the handler hold. Anyone on the machine can connect to
// a loopback port, so these bound what a flood of connections costs (memory, descriptors,
// time) and keep room for the app's own requests.
struct ConnectionLimits {
    // Connections in total; one over the limit first closes the oldest one that has not shown
    // the secret (the app's own view shows it in its first request).
    int maxConnections = 128;
    // Connections from one peer address that have not shown the secret yet.
    int maxUntrustedPerPeer = 32;
    // A request's head (request line and headers).
    qint64 maxHeadBytes = 16 * 1024;
    // Bytes received and not yet answered, all connections together.
    qint64 maxBufferedBytes = 4 * 1024 * 1024;
    // From a connection's first byte (or its previous answer) to the end of a head that has
    // not shown the secret; a slow head is closed then.
    std::chrono::milliseconds headTimeout{10000};
    // From a request's first byte to its answer on a connection that has shown the secret
    // (body included).
    std::chrono::milliseconds requestTimeout{30000};
    // A connection without a request in progress: nothing sent yet, or kept alive after an
    // answer. Shorter until the secret was shown.
    std::chrono::milliseconds untrustedIdleTimeout{10000};
    std::chrono::milliseconds idleTimeout{120000};
};

} // namespace latchkey::server

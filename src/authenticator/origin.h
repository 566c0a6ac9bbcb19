#pragma once

#include "authenticator/error.h"

#include <QString>
#include <QUrl>
#include <optional>

namespace latchkey::authenticator {

// The ASCII serialization of the page's origin (scheme://host[:port], default port left out),
// when it is a secure context this client serves: https with a domain host, or
// http://localhost:<port> (the app's own handler). Anything else, including an IP address host
// (Chromium refuses those as "invalid domain" too), is a SecurityError.
ClientResult<QString> secureOrigin(const QUrl& pageUrl);

// The RP ID to use (WebAuthn L3 §5.1.3 step 8 / §5.1.4.1 step 7): the origin's host when the
// page gave none, else the page's rp.id / rpId when it equals the host or is a registrable
// domain suffix of it: never a public suffix (co.uk, github.io), by the Public Suffix List
// through libpsl, as HTML's "is a registrable domain suffix of or is equal to" says. For
// localhost only "localhost" fits. Returned lowercased (ASCII/ACE).
ClientResult<QString> relyingPartyId(const std::optional<QString>& requested, const QUrl& pageUrl);

} // namespace latchkey::authenticator

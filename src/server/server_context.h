#pragma once

#include "webauthn/relying_party.h"

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
    // Required: the options ask for user verification and a response without the UV flag
    // is refused. Preferred: asked for, not demanded (for an app without a real verifier).
    webauthn::UserVerification userVerification = webauthn::UserVerification::Required;

    QDateTime now() const { return clock().toUTC(); }
    // The relying party's origin and ID (DESIGN.md, Ceremonies).
    QString origin() const { return QStringLiteral("http://localhost:%1").arg(port); }
    static QString rpId() { return QStringLiteral("localhost"); }
    static QString rpName() { return QStringLiteral("Latchkey"); }

    // The one place the handler's WebAuthn policy is written: this origin, RP ID localhost,
    // ES256 / EdDSA / RS256, discoverable credentials (usernameless sign-in needs them), no
    // attestation, 5 minutes, and userVerification above.
    webauthn::RelyingParty relyingParty() const;
};

} // namespace latchkey::server

#pragma once

#include "core/ids.h"
#include "webauthn/ceremony_policy.h"
#include "webauthn/client_data.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <optional>

namespace latchkey::webauthn {

// What a relying party must remember between start* and finish* of one ceremony (the
// webauthn-rs RegistrationState / AuthenticationState). The caller keeps it server-side,
// bound to the browser's session, and hands it back exactly once.
struct CeremonyState {
    CeremonyType type = CeremonyType::Create;
    core::Challenge challenge;
    // Registration: the user registering. Sign-in: the user named before the ceremony
    // (username-first); nullopt when the user handle in the response is to find the account.
    std::optional<core::UserHandle> user;
    // Sign-in with a named user: the credential IDs offered, one of which must answer.
    QList<core::CredentialId> allowCredentials;
    UserVerification userVerification = UserVerification::Preferred;
    QDateTime expiresAt; // UTC, millisecond precision

    // A CBOR map, for a store to keep as one opaque value.
    QByteArray toCbor() const;
    // CeremonyStateInvalid for anything toCbor() did not make.
    static Result<CeremonyState> fromCbor(QByteArrayView bytes);
};

} // namespace latchkey::webauthn

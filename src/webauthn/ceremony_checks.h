#pragma once

#include "webauthn/authenticator_data.h"
#include "webauthn/result.h"

#include <QStringList>

namespace latchkey::webauthn {

// Checks both ceremonies share (§7.1 steps 13-17, §7.2 steps 15-19). Internal to the library.

// rpIdHash must be SHA-256 of one of rpIds.
Result<void> checkRpIdHash(const AuthenticatorData& data, const QStringList& rpIds);

// UP when required, UV when required, and BS only together with BE.
Result<void> checkFlags(const AuthenticatorData& data, bool requireUserPresence,
                        bool requireUserVerification);

} // namespace latchkey::webauthn

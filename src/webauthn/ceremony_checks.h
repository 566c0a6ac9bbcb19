#pragma once

#include "webauthn/authenticator_data.h"
#include "webauthn/client_data.h"
#include "webauthn/result.h"

#include <QStringList>

namespace latchkey::webauthn {

// Checks both ceremonies share (§7.1 steps 13-17, §7.2 steps 15-19). Internal to the library.

// rpIdHash must be SHA-256 of one of rpIds.
Result<void> checkRpIdHash(const AuthenticatorData& data, const QStringList& rpIds);

// UP when required, UV when required, and BS only together with BE.
Result<void> checkFlags(const AuthenticatorData& data, bool requireUserPresence,
                        bool requireUserVerification);

// The clientData expectations of either ceremony: RegistrationExpectations and
// AuthenticationExpectations name the same fields, so one copy serves both.
template <typename Expectations>
ClientDataExpectations clientDataExpectations(CeremonyType type, const Expectations& expected)
{
    ClientDataExpectations out;
    out.type = type;
    out.challenge = expected.challenge;
    out.origins = expected.origins;
    out.allowCrossOrigin = expected.allowCrossOrigin;
    out.topOrigins = expected.topOrigins;
    return out;
}

// The rpIdHash and flag checks of either ceremony, in the spec's order.
template <typename Expectations>
Result<void> checkRpIdHashAndFlags(const AuthenticatorData& data, const Expectations& expected)
{
    if (auto r = checkRpIdHash(data, expected.rpIds); !r)
        return r;
    return checkFlags(data, expected.requireUserPresence, expected.requireUserVerification);
}

} // namespace latchkey::webauthn

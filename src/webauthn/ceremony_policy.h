#pragma once

#include <QString>

namespace latchkey::webauthn {

// UserVerificationRequirement (§5.8.6). Required: the options say "required" and a response
// without the UV flag fails. Preferred and Discouraged only say so in the options: the
// verifier then accepts a response without UV (webauthn-rs reads them the same way).
enum class UserVerification { Required, Preferred, Discouraged };

// ResidentKeyRequirement (§5.4.6): whether the credential must be discoverable.
enum class ResidentKey { Discouraged, Preferred, Required };

// AttestationConveyancePreference (§5.4.7).
enum class AttestationConveyance { None, Indirect, Direct, Enterprise };

// The spec's strings: "required", "preferred", "discouraged"; "none", "direct", ...
QString userVerificationName(UserVerification value);
QString residentKeyName(ResidentKey value);
QString attestationConveyanceName(AttestationConveyance value);

} // namespace latchkey::webauthn

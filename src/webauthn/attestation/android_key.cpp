#include "webauthn/attestation.h"

namespace latchkey::webauthn {

Result<AttestationResult> verifyAndroidKeyAttestation(const AttestationInput& in,
                                                      const AttestationTrust& trust)
{
    Q_UNUSED(in);
    Q_UNUSED(trust);
    return makeError(ErrorCode::AttestationFormatUnsupported,
                     QStringLiteral("The android-key attestation format is not implemented yet."));
}

} // namespace latchkey::webauthn

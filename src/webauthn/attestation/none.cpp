#include "webauthn/attestation.h"

namespace latchkey::webauthn {

// §8.7: the statement is an empty map and nothing is attested.
Result<AttestationResult> verifyNoneAttestation(const AttestationInput& in,
                                                const AttestationTrust& trust)
{
    Q_UNUSED(trust);
    if (!in.statement.isEmpty())
        return makeError(ErrorCode::AttestationStatementMalformed,
                         QStringLiteral("A \"none\" attestation statement must be an empty map."));
    AttestationResult result;
    result.format = QStringLiteral("none");
    result.type = AttestationType::None;
    return result;
}

} // namespace latchkey::webauthn

#include "webauthn/attestation.h"

namespace latchkey::webauthn {

namespace {

using Verifier = Result<AttestationResult> (*)(const AttestationInput&, const AttestationTrust&);

struct Format {
    const char* name;
    Verifier verify;
};

// A format not listed here is reported unsupported.
constexpr Format kFormats[] = {
    {"none", verifyNoneAttestation},
    {"packed", verifyPackedAttestation},
    {"fido-u2f", verifyFidoU2fAttestation},
    {"tpm", verifyTpmAttestation},
    {"android-key", verifyAndroidKeyAttestation},
    {"android-safetynet", verifyAndroidSafetyNetAttestation},
    {"apple", verifyAppleAttestation},
};

} // namespace

Result<AttestationResult> verifyAttestationStatement(const QString& fmt, const AttestationInput& in,
                                                     const AttestationTrust& trust)
{
    for (const Format& format : kFormats)
        if (fmt == QLatin1String(format.name))
            return format.verify(in, trust);
    return makeError(ErrorCode::AttestationFormatUnsupported,
                     QStringLiteral("The attestation format \"%1\" is not supported.").arg(fmt));
}

QString attestationTypeName(AttestationType type)
{
    switch (type) {
    case AttestationType::None:
        return QStringLiteral("none");
    case AttestationType::Self:
        return QStringLiteral("self");
    case AttestationType::Basic:
        return QStringLiteral("basic");
    case AttestationType::AttCA:
        return QStringLiteral("attca");
    case AttestationType::AnonCA:
        return QStringLiteral("anonca");
    }
    return QStringLiteral("none");
}

} // namespace latchkey::webauthn

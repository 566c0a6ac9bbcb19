#include "webauthn/ceremony_policy.h"

namespace latchkey::webauthn {

QString userVerificationName(UserVerification value)
{
    switch (value) {
    case UserVerification::Required:
        return QStringLiteral("required");
    case UserVerification::Preferred:
        return QStringLiteral("preferred");
    case UserVerification::Discouraged:
        return QStringLiteral("discouraged");
    }
    return QStringLiteral("preferred");
}

QString residentKeyName(ResidentKey value)
{
    switch (value) {
    case ResidentKey::Discouraged:
        return QStringLiteral("discouraged");
    case ResidentKey::Preferred:
        return QStringLiteral("preferred");
    case ResidentKey::Required:
        return QStringLiteral("required");
    }
    return QStringLiteral("preferred");
}

QString attestationConveyanceName(AttestationConveyance value)
{
    switch (value) {
    case AttestationConveyance::None:
        return QStringLiteral("none");
    case AttestationConveyance::Indirect:
        return QStringLiteral("indirect");
    case AttestationConveyance::Direct:
        return QStringLiteral("direct");
    case AttestationConveyance::Enterprise:
        return QStringLiteral("enterprise");
    }
    return QStringLiteral("none");
}

} // namespace latchkey::webauthn

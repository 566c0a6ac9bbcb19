#include "webauthn/ceremony_checks.h"

#include "core/constant_time.h"
#include "core/sha256.h"

namespace latchkey::webauthn {

Result<void> checkRpIdHash(const AuthenticatorData& data, const QStringList& rpIds)
{
    for (const QString& rpId : rpIds) {
        if (core::constantTimeEquals(data.rpIdHash, core::sha256(rpId.toUtf8())))
            return {};
    }
    return makeError(
        ErrorCode::RpIdHashMismatch,
        QStringLiteral("The authenticator data is for a different relying party ID than %1; "
                       "the credential was made for another site.")
            .arg(rpIds.isEmpty() ? QStringLiteral("(none configured)")
                                 : rpIds.join(QStringLiteral(", "))));
}

Result<void> checkFlags(const AuthenticatorData& data, bool requireUserPresence,
                        bool requireUserVerification)
{
    if (requireUserPresence && !data.userPresent())
        return makeError(
            ErrorCode::UserPresenceRequired,
            QStringLiteral("The authenticator did not confirm user presence (UP); touch or "
                           "confirm on the authenticator and try again."));
    if (requireUserVerification && !data.userVerified())
        return makeError(
            ErrorCode::UserVerificationRequired,
            QStringLiteral("The authenticator did not verify the user (UV) and this relying "
                           "party requires it; use a fingerprint, face or PIN."));
    if (data.backupState() && !data.backupEligible())
        return makeError(
            ErrorCode::BackupStateWithoutEligibility,
            QStringLiteral("The authenticator data says the credential is backed up (BS) but not "
                           "backup eligible (BE), which is contradictory."));
    return {};
}

} // namespace latchkey::webauthn

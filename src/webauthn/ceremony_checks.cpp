#include "webauthn/ceremony_checks.h"

#include "webauthn/hash.h"

#include <openssl/crypto.h>

namespace latchkey::webauthn {

Result<void> checkRpIdHash(const AuthenticatorData& data, const QStringList& rpIds)
{
    for (const QString& rpId : rpIds) {
        const QByteArray expected = sha256(rpId.toUtf8());
        if (data.rpIdHash.size() == expected.size() &&
            CRYPTO_memcmp(data.rpIdHash.constData(), expected.constData(),
                          static_cast<size_t>(expected.size())) == 0)
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

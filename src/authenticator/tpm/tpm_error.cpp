#include "authenticator/tpm/tpm_error.h"

#include <QCoreApplication>
#include <tss2/tss2_rc.h>
#include <tss2/tss2_tpm2_types.h>

namespace latchkey::authenticator {
namespace {

bool fromTpm(TSS2_RC rc)
{
    return (rc & TSS2_RC_LAYER_MASK) == TSS2_TPM_RC_LAYER;
}

// The link to the TPM broke (device gone, swtpm stopped, a reply cut short), or ESYS refuses
// to go on after such a break.
bool lostConnection(TSS2_RC rc)
{
    const TSS2_RC layer = rc & TSS2_RC_LAYER_MASK;
    const TSS2_RC base = rc & ~TSS2_RC_LAYER_MASK;
    if (layer == TSS2_TCTI_RC_LAYER)
        return true;
    return layer != TSS2_TPM_RC_LAYER &&
           (base == TSS2_BASE_RC_IO_ERROR || base == TSS2_BASE_RC_NO_CONNECTION ||
            base == TSS2_BASE_RC_MALFORMED_RESPONSE || base == TSS2_BASE_RC_INSUFFICIENT_RESPONSE ||
            base == TSS2_BASE_RC_BAD_SEQUENCE || base == TSS2_BASE_RC_TRY_AGAIN);
}

} // namespace

TSS2_RC tpmResponseCode(TSS2_RC rc)
{
    if (!fromTpm(rc))
        return rc;
    if (rc & TPM2_RC_FMT1)
        return rc & (TPM2_RC_FMT1 | 0x3F);
    return rc & (TPM2_RC_VER1 | TPM2_RC_WARN | 0x7F);
}

KeyStoreError tpmError(TSS2_RC rc, const QString& step)
{
    const QString detail = QString::fromLatin1(Tss2_RC_Decode(rc));
    const TSS2_RC code = tpmResponseCode(rc);
    if (lostConnection(rc))
        return keyStoreError(KeyStoreErrorCode::TpmUnavailable,
                             QCoreApplication::translate(
                                 "latchkey::authenticator::TpmError",
                                 "The TPM stopped answering while trying to %1 (%2). Check that "
                                 "it is still there (a software TPM: still running), then try "
                                 "again; nothing was changed.")
                                 .arg(step, detail));
    if (code == TPM2_RC_LOCKOUT)
        return keyStoreError(KeyStoreErrorCode::TpmLockedOut,
                             QCoreApplication::translate(
                                 "latchkey::authenticator::TpmError",
                                 "The TPM is in its lockout against password guessing and "
                                 "refuses to %1 for now. Wait until the lockout ends, or clear it "
                                 "with the TPM's lockout password (tpm2_dictionarylockout "
                                 "--clear-lockout); nothing was changed.")
                                 .arg(step));
    if (code == TPM2_RC_OBJECT_MEMORY || code == TPM2_RC_SESSION_MEMORY || code == TPM2_RC_MEMORY ||
        code == TPM2_RC_NV_SPACE || code == TPM2_RC_OBJECT_HANDLES ||
        code == TPM2_RC_SESSION_HANDLES)
        return keyStoreError(
            KeyStoreErrorCode::TpmFull,
            QCoreApplication::translate("latchkey::authenticator::TpmError",
                                        "The TPM has no room left to %1 (%2). Close other programs "
                                        "that use the TPM and try again; nothing was changed.")
                .arg(step, detail));
    if (fromTpm(rc) && (code == TPM2_RC_INTEGRITY || code == TPM2_RC_BINDING ||
                        code == TPM2_RC_SIZE || code == TPM2_RC_KEY || code == TPM2_RC_VALUE))
        return keyStoreError(KeyStoreErrorCode::TpmRefused,
                             QCoreApplication::translate(
                                 "latchkey::authenticator::TpmError",
                                 "The TPM refused to %1: this key was made by another TPM, or "
                                 "this TPM was cleared since (%2). Use another passkey or "
                                 "register a new one; nothing was changed.")
                                 .arg(step, detail));
    return keyStoreError(
        KeyStoreErrorCode::TpmRefused,
        QCoreApplication::translate("latchkey::authenticator::TpmError",
                                    "The TPM refused to %1 (%2); nothing was changed.")
            .arg(step, detail));
}

} // namespace latchkey::authenticator

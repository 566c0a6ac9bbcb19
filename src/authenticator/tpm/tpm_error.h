#pragma once

#include "authenticator/error.h"

#include <tss2/tss2_common.h>

namespace latchkey::authenticator {

// A tpm2-tss return code as a sentence a person can act on. step names what was being done
// ("create a key", "sign"). Every TPM failure leaves the key store as it was, and says so.
KeyStoreError tpmError(TSS2_RC rc, const QString& step);

// The TPM's answer without the handle, parameter or session number a format-one code carries
// (TPM 2.0 Part 2, 6.6.3), so it compares with TPM2_RC_* constants.
TSS2_RC tpmResponseCode(TSS2_RC rc);

} // namespace latchkey::authenticator

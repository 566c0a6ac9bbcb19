#pragma once

#include <QString>

namespace latchkey::app {

// Which TPM, if any, should hold new passkeys. The TCTI given with --tpm-tcti wins, then
// LATCHKEY_TPM_TCTI; without either, the kernel's resource manager (/dev/tpmrm0) when this
// account may open it, else no TPM (the software store).
struct TpmChoice {
    bool useTpm = false;
    QString tcti;           // empty when useTpm is false
    bool requested = false; // named by the person (flag or environment), not found by us
};

TpmChoice chooseTpm(const QString& requestedTcti, const QString& environmentTcti,
                    bool defaultDeviceUsable);

// Whether this account may read and write /dev/tpmrm0.
bool defaultTpmDeviceUsable();

// chooseTpm() with LATCHKEY_TPM_TCTI and /dev/tpmrm0 as they are now.
TpmChoice chooseTpmHere(const QString& requestedTcti);

} // namespace latchkey::app

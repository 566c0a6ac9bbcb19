#pragma once

#include "app/platform_authenticator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace latchkey::app {

// What `latchkey --authenticators` prints:
//   {"keyStores": [{"name": "tpm", "available": true, "selected": true,
//                   "tcti": "device:/dev/tpmrm0", "manufacturer": "INTC",
//                   "firmwareVersion": "...", "storageRootKey": "...", "keysFile": "..."},
//                  {"name": "software", "available": true, "selected": false, ...}],
//    "userVerifiers": [{"name": "pam", "available": false, "reason": "...", "binding": "gate",
//                       "inUse": false}, ...,
//                      {"name": "presence-prompt", "available": true, "reason": "",
//                       "binding": "none", "inUse": true}]}
// An unavailable store has "available": false and "error": the sentence that says why. The
// verifiers are UserVerificationChoice::diagnostics() followed by the window's own prompt,
// which is what asks when no verifier is in use (it proves presence only).
QJsonObject authenticatorReport(const QList<KeyStoreOffer>& stores,
                                const QJsonArray& userVerifiers);

// --self-test: in each available store, in a temporary folder, create a key, sign, verify the
// signature with OpenSSL against the key's public point, delete the key and check that it no
// longer signs. {"store": name, "ok": bool, "steps": [{"step", "ok", "ms", "error"?}]}.
QJsonObject selfTestKeyStore(const KeyStoreOffer& store);

// The report, with "selfTest": [...] for every available store when selfTest is set; ok is
// false when a self-test step failed, no store was available to test, or no store is selected
// for new passkeys.
QJsonObject authenticatorDiagnostics(const PasskeyStorage& storage, const QJsonArray& userVerifiers,
                                     bool selfTest, bool& ok);

} // namespace latchkey::app

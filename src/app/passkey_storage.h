#pragma once

#include <QString>

namespace latchkey::app {

// Where the passkeys of one data folder live.
//
// Default data folder: software keys in <data>/keys.json, TPM key blobs and their records in
// <data>/tpm-keys.json, the sealing key (both files' entries are sealed) in the Secret Service
// (qtkeychain) when one runs, else in ~/.config/Latchkey/sealing.key (0600).
// --data-dir D: the files in D and the sealing key only in the file D-sealing/sealing.key,
// never in the desktop keychain, so two data folders (tests, a second person's copy) never
// share or overwrite each other's sealing key, and copying D alone does not carry its key.
struct PasskeyStorage {
    QString keysFile;
    QString sealingKeyFile;
    bool useKeychain = true;
    QString tpmKeysFile;
    QString tpmTcti; // --tpm-tcti; empty: LATCHKEY_TPM_TCTI, else /dev/tpmrm0 when usable
};

} // namespace latchkey::app

#pragma once

#include "authenticator/credential_file_store.h"
#include "authenticator/software/sealing_key_provider.h"
#include "authenticator/tpm/tpm_device.h"

#include <memory>

namespace latchkey::authenticator {

// Passkey keys made and used inside a TPM 2.0: one P-256 key per credential, created under the
// TPM's storage root key, whose private part leaves the TPM only wrapped by that key. The blob
// (TPM2B_PUBLIC, TPM2B_PRIVATE) is kept with the credential record in a CredentialFileStore
// file (e.g. <data folder>/tpm-keys.json), and the signature counter with it, since TPM keys
// have none.
//
// The entries are sealed with the same sealing key as the software store's, although the blob
// is useless outside its TPM: the seal keeps the records (which sites, which user handles) from
// being read, and the record and its counter from being edited, by whoever can read or write
// the data folder; and both stores share one file format and one code path.
class TpmKeyStore final : public CredentialFileStore {
public:
    static KeyStoreResult<std::unique_ptr<TpmKeyStore>>
    open(const QString& path, SealingKeyProvider& sealing, std::unique_ptr<TpmDevice> device,
         std::chrono::milliseconds lockWait = kKeyFileLockWait);

    QByteArray aaguid() const override; // latchkeyTpmAaguid()
    KeyStoreResult<CreatedKey> createKey(const QByteArray& credentialId) override;
    KeyStoreResult<QByteArray> sign(const KeyHandle& handle, QByteArrayView data) override;

    TpmDevice& device() { return *m_device; }

private:
    TpmKeyStore(const QString& path, QByteArray sealingKey, std::unique_ptr<TpmDevice> device,
                std::chrono::milliseconds lockWait);
    KeyStoreResult<void> checkKeyMaterial(const QCborMap& material) const override;

    std::unique_ptr<TpmDevice> m_device;
};

} // namespace latchkey::authenticator

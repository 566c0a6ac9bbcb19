#pragma once

#include "authenticator/credential_file_store.h"
#include "authenticator/software/sealing_key_provider.h"

#include <memory>

namespace latchkey::authenticator {

// P-256 keys made and used by OpenSSL in this process, kept in a CredentialFileStore file
// (e.g. <data folder>/keys.json): each private scalar is sealed with its credential record, so
// a key is as safe at rest as the sealing key, and in memory while the store is open.
class SoftwareKeyStore final : public CredentialFileStore {
public:
    // lockWait: how long a change waits for another process's change before failing with Io.
    static KeyStoreResult<std::unique_ptr<SoftwareKeyStore>>
    open(const QString& path, SealingKeyProvider& sealing,
         std::chrono::milliseconds lockWait = kKeyFileLockWait);

    QByteArray aaguid() const override; // latchkeyAaguid()
    KeyStoreResult<CreatedKey> createKey(const QByteArray& credentialId) override;
    KeyStoreResult<QByteArray> sign(const KeyHandle& handle, QByteArrayView data) override;

private:
    using CredentialFileStore::CredentialFileStore;
    KeyStoreResult<void> checkKeyMaterial(const QCborMap& material) const override;
};

} // namespace latchkey::authenticator

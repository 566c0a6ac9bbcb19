#pragma once

#include "authenticator/credential_file_store.h"
#include "authenticator/macos/apple_security_api.h"
#include "authenticator/macos/key_authorization.h"
#include "authenticator/software/sealing_key_provider.h"

#include <memory>

namespace latchkey::authenticator::macos {

struct SecureEnclaveOptions {
    // How each new key may be used; the verifier must check the same (see
    // LocalAuthenticationVerifier).
    KeyProtection protection = KeyProtection::UserPresence;
    // kSecAttrAccessGroup; empty: the first group of the app's keychain-access-groups
    // entitlement (packaging/macos/Latchkey.entitlements.in).
    QString accessGroup;
};

// Passkeys whose private keys are made and kept by this Mac's Secure Enclave (through
// AppleSecurityApi): each key is P-256, permanent, this device only, never synchronised, its
// private part usable only inside the Secure Enclave and only after the person was verified
// (options.protection). It is named in the keychain by Latchkey's application tag and the
// credential id as its application label, so the key handle is the credential id. The
// credential records (rpId, user, counter) and each key's protection are kept sealed in a
// CredentialFileStore file (e.g. <data folder>/secure-enclave-keys.json), as the other stores
// keep theirs: the seal keeps which sites and users from being read or edited in the folder.
//
// sign() uses the LAContext that the verifier granted in authorization for this one
// signature, and invalidates it after; with none granted it refuses (the system never
// prompts on its own). A recorded credential whose key the keychain no longer holds
// (BiometryCurrentSet keys after the fingerprints changed) answers KeyLost.
class SecureEnclaveKeyStore final : public CredentialFileStore {
public:
    // Unavailable when this Mac has no Secure Enclave.
    static KeyStoreResult<std::unique_ptr<SecureEnclaveKeyStore>>
    open(AppleSecurityApi& api, KeyAuthorization& authorization, const QString& path,
         SealingKeyProvider& sealing, SecureEnclaveOptions options = {},
         std::chrono::milliseconds lockWait = kKeyFileLockWait);

    // Latchkey with its Secure Enclave key store (random v4 UUID
    // f2516e14-7106-4e95-aea2-7b2ed4465d75, fixed forever).
    QByteArray aaguid() const override;
    KeyStoreResult<CreatedKey> createKey(const QByteArray& credentialId) override;
    KeyStoreResult<QByteArray> sign(const KeyHandle& handle, QByteArrayView data) override;
    // The key in the keychain and its entry in the file.
    KeyStoreResult<void> deleteKey(const KeyHandle& handle) override;

    // Whether the credential of handle is recorded here but its key is gone for good, for a
    // page to say so and offer recovery. Asks the keychain; nobody is prompted.
    KeyStoreResult<bool> isKeyLost(const KeyHandle& handle);

    const SecureEnclaveOptions& options() const { return m_options; }

private:
    SecureEnclaveKeyStore(AppleSecurityApi& api, KeyAuthorization& authorization,
                          const QString& path, QByteArray sealingKey, SecureEnclaveOptions options,
                          std::chrono::milliseconds lockWait);
    KeyStoreResult<void> checkKeyMaterial(const QCborMap& material) const override;

    AppleSecurityApi& m_api;
    KeyAuthorization& m_authorization;
    SecureEnclaveOptions m_options;
};

// The keychain name of the key of credentialId.
KeychainKeyName keychainKeyName(const QByteArray& credentialId);

} // namespace latchkey::authenticator::macos

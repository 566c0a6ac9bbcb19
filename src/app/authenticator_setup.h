#pragma once

#include "authenticator/client.h"
#include "authenticator/error.h"
#include "authenticator/user_verifier.h"

#include <QString>
#include <memory>

namespace latchkey::authenticator {
class FallbackSealingKeyProvider;
class FileSealingKeyProvider;
class KeychainSealingKeyProvider;
class LocalAuthenticator;
class SoftwareKeyStore;
} // namespace latchkey::authenticator

namespace latchkey::app {

// Where the software key store of one data folder lives.
//
// Default data folder: keys in <data>/keys.json, the sealing key in the Secret Service
// (qtkeychain) when one runs, else in ~/.config/Latchkey/sealing.key (0600).
// --data-dir D: keys in D/keys.json and the sealing key only in the file D-sealing/sealing.key,
// never in the desktop keychain, so two data folders (tests, a second person's copy) never
// share or overwrite each other's sealing key, and copying D alone does not carry its key.
struct PasskeyStorage {
    QString keysFile;
    QString sealingKeyFile;
    bool useKeychain = true;
};

PasskeyStorage passkeyStorageFor(const QString& dataFolder, bool dataFolderRequested);

// The app's WebAuthn client over the local (software) authenticator, opened on first use so a
// launch that never touches a passkey never waits on the keychain. Lifetimes follow what
// authenticator::Client needs: key store and verifier outlive the authenticator, which outlives
// the client. The verifier must outlive this object.
class AuthenticatorSetup {
public:
    AuthenticatorSetup(PasskeyStorage storage, authenticator::UserVerifier& verifier);
    ~AuthenticatorSetup();
    AuthenticatorSetup(const AuthenticatorSetup&) = delete;
    AuthenticatorSetup& operator=(const AuthenticatorSetup&) = delete;

    // The client, opening the key store the first time; an UnknownError the page can show when
    // the keys cannot be read (nothing is created or changed then).
    authenticator::ClientResult<authenticator::Client*> client();

    // Whether the client exists (a ceremony may be in progress).
    bool isOpen() const { return m_client != nullptr; }

private:
    authenticator::ClientResult<void> open();

    PasskeyStorage m_storage;
    authenticator::UserVerifier& m_verifier;
    // Declared in the order they are needed, destroyed in reverse.
    std::unique_ptr<authenticator::FileSealingKeyProvider> m_sealingFile;
    std::unique_ptr<authenticator::KeychainSealingKeyProvider> m_keychain;
    std::unique_ptr<authenticator::FallbackSealingKeyProvider> m_fallback;
    std::unique_ptr<authenticator::SoftwareKeyStore> m_keys;
    std::unique_ptr<authenticator::LocalAuthenticator> m_authenticator;
    std::unique_ptr<authenticator::Client> m_client;
};

} // namespace latchkey::app

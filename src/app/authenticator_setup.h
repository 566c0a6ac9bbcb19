#pragma once

#include "app/passkey_storage.h"
#include "authenticator/client.h"
#include "authenticator/error.h"
#include "authenticator/user_verifier.h"

#include <QString>
#include <memory>

namespace latchkey::app {

class PlatformAuthenticator;

// Where the passkeys of one data folder live (see PasskeyStorage); tpmTcti: --tpm-tcti.
PasskeyStorage passkeyStorageFor(const QString& dataFolder, bool dataFolderRequested,
                                 const QString& tpmTcti = QString());

// The app's WebAuthn client over this computer's platform authenticator (chosen by
// openPlatformAuthenticator()), opened on first use so a launch that never touches a passkey
// never waits on the keychain or the TPM. Lifetimes follow what authenticator::Client needs:
// the authenticator outlives the client. The verifier must outlive this object.
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
    PasskeyStorage m_storage;
    authenticator::UserVerifier& m_verifier;
    // Declared in the order they are needed, destroyed in reverse.
    std::unique_ptr<PlatformAuthenticator> m_platform;
    std::unique_ptr<authenticator::Client> m_client;
};

} // namespace latchkey::app

#pragma once

#include "app/passkey_storage.h"
#include "authenticator/authenticator.h"
#include "authenticator/error.h"
#include "authenticator/key_store.h"
#include "authenticator/user_verifier.h"

#include <QJsonObject>
#include <QList>
#include <functional>
#include <memory>

namespace latchkey::app {

// What a platform back end hands to AuthenticatorSetup: the authenticator, and whatever must
// stay alive behind it (key stores, sealing keys, a TPM connection, an OS API handle).
class PlatformAuthenticator {
public:
    virtual ~PlatformAuthenticator() = default;
    virtual authenticator::Authenticator& authenticator() = 0;
};

// The one place that picks this computer's authenticator and key store. Each build compiles
// exactly one definition of the two functions below, listed in src/app/CMakeLists.txt:
// platform_authenticator_linux.cpp (TPM store when a TPM is usable, software store otherwise).
// A Windows or macOS back end adds its own platform_authenticator_<os>.cpp there, so shared
// code never branches on the platform.
authenticator::ClientResult<std::unique_ptr<PlatformAuthenticator>>
openPlatformAuthenticator(const PasskeyStorage& storage, authenticator::UserVerifier& verifier);

// One key store this build offers, as `latchkey --authenticators` reports it.
struct KeyStoreOffer {
    QString name; // "tpm", "software", ...
    bool available = false;
    bool selected = false; // new passkeys go here
    QString error;         // why it is not available (a sentence that says what to do)
    QJsonObject details;   // what the store is (TPM: tcti, manufacturer, firmwareVersion, ...)
    // A fresh instance whose files live in folder (the self-test's scratch folder), so the
    // person's passkeys are never touched. Set when available.
    std::function<authenticator::KeyStoreResult<std::unique_ptr<authenticator::KeyStore>>(
        const QString& folder)>
        openScratch;
};

QList<KeyStoreOffer> keyStoreOffers(const PasskeyStorage& storage);

} // namespace latchkey::app

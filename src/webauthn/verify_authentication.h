#pragma once

#include "webauthn/authenticator_data.h"
#include "webauthn/client_data.h"
#include "webauthn/cose_key.h"
#include "webauthn/credential_json.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace latchkey::webauthn {

// What the relying party stored at registration. Keep the CoseKey (it caches the parsed
// EVP_PKEY) per credential: parsing it again on every sign-in is the slow part.
struct StoredCredential {
    CredentialId credentialId;
    std::optional<CoseKey> publicKey; // preferred
    QByteArray publicKeyCbor;         // used when publicKey is not set
    quint32 signCount = 0;
    std::optional<bool> backupEligible;   // BE seen at registration; nullopt: unknown
    std::optional<QByteArray> userHandle; // the owner's user.id; nullopt: not checked
};

struct AuthenticationExpectations {
    core::Challenge challenge;
    QStringList origins;
    QStringList rpIds;
    bool requireUserVerification = false;
    bool requireUserPresence = true;
    QList<CredentialId> allowCredentials; // empty: any (discoverable flow)
    // The user named before the ceremony (username-first): the stored credential must be
    // theirs (§7.2 step 6). nullopt: no user was named.
    std::optional<UserHandle> user;
    bool requireUserHandle = false; // usernameless sign-in: the user handle finds the account
    bool allowCrossOrigin = false;
    QStringList topOrigins;
};

struct VerifiedAuthentication {
    CredentialId credentialId;
    quint32 newSignCount = 0; // store this
    bool userPresent = false;
    bool userVerified = false;
    bool backupEligible = false;
    bool backupState = false;
    std::optional<QByteArray> userHandle;
    QString authenticatorAttachment;
    QCborMap authenticatorExtensions;
};

// WebAuthn L3 §7.2, steps 5-24 (updating the stored counter and BS is the caller's step), on
// a response parsed once by parseAuthenticationResponse.
Result<VerifiedAuthentication> verifyAuthentication(const AuthenticationResponse& response,
                                                    const AuthenticationExpectations& expected,
                                                    const StoredCredential& stored);
// The same from the JSON a browser sent: parses it, then verifies.
Result<VerifiedAuthentication> verifyAuthentication(const QJsonObject& credential,
                                                    const AuthenticationExpectations& expected,
                                                    const StoredCredential& stored);

} // namespace latchkey::webauthn

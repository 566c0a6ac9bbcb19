#pragma once

#include "authenticator/error.h"
#include "core/ids.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace latchkey::authenticator {

using core::CredentialId;
using core::UserHandle;
using ClientDataHash = QByteArray; // 32 bytes, SHA-256 of clientDataJSON

// PublicKeyCredentialRpEntity as CTAP2 carries it.
struct RpEntity {
    QString id;
    QString name;
};

// PublicKeyCredentialUserEntity as CTAP2 carries it.
struct UserEntity {
    UserHandle id;
    QString name;
    QString displayName;
};

// A PublicKeyCredentialDescriptor of type "public-key" (other types are dropped by the client).
struct CredentialDescriptor {
    CredentialId id;
    QStringList transports;
};

// authenticatorMakeCredential (CTAP 2.1 §6.1) parameters.
struct MakeCredentialRequest {
    ClientDataHash clientDataHash;
    // The bytes clientDataHash hashes, for an authenticator that hashes them itself
    // (webauthn.dll); built by the client from the origin it observed.
    QByteArray clientDataJson;
    RpEntity rp;
    UserEntity user;
    QList<int> pubKeyCredParams; // COSE algorithms in the RP's order of preference
    QList<CredentialDescriptor> excludeList;
    QCborMap extensions;
    bool rk = false; // create a discoverable credential
    bool uv = false; // user verification required
    // CTAP 2.2 attestationFormatsPreference: "none" first asks for no attestation.
    QStringList attestationFormatsPreference;
};

// authenticatorMakeCredential response: the attestation object's three members.
struct MakeCredentialResponse {
    QString fmt;
    QByteArray authData;
    QCborMap attStmt;
    CredentialId credentialId;
    QByteArray publicKeySpkiDer; // SubjectPublicKeyInfo, for response.getPublicKey()
    int publicKeyAlgorithm = 0;
    bool rk = false; // whether the credential is discoverable (credProps.rk)
};

// authenticatorGetAssertion (CTAP 2.1 §6.2) parameters.
struct GetAssertionRequest {
    QString rpId;
    ClientDataHash clientDataHash;
    QByteArray clientDataJson; // the bytes clientDataHash hashes (see MakeCredentialRequest)
    QList<CredentialDescriptor> allowList; // empty: discoverable credentials of rpId
    QCborMap extensions;
    bool up = true;  // false: a silent assertion (no user presence, no prompt)
    bool uv = false; // user verification required
};

struct GetAssertionResponse {
    CredentialId credentialId;
    QByteArray authData;
    QByteArray signature;
    std::optional<UserEntity> user;
};

// One authenticator, CTAP2 semantics. The answer may come later (a prompt is shown), always
// exactly once through done, on the thread that called.
class Authenticator {
public:
    using MakeCredentialDone = std::function<void(AuthenticatorResult<MakeCredentialResponse>)>;
    using GetAssertionDone = std::function<void(AuthenticatorResult<GetAssertionResponse>)>;

    virtual ~Authenticator() = default;

    virtual void makeCredential(const MakeCredentialRequest& request, MakeCredentialDone done) = 0;
    virtual void getAssertion(const GetAssertionRequest& request, GetAssertionDone done) = 0;
    // Abandons the operation in progress (timeout, page closed): its done is called with
    // CTAP2_ERR_OPERATION_DENIED unless it has already been called.
    virtual void cancel() = 0;
    // Whether this authenticator can verify the user
    // (isUserVerifyingPlatformAuthenticatorAvailable).
    virtual bool userVerifyingAvailable() const = 0;

    // WebAuthn L3 §5.1.10 signals: silent and best effort, nobody is asked. Each answers how
    // many credentials it removed or changed; an authenticator that keeps none does nothing.
    // signalUnknownCredential: the RP no longer knows credential id (of rpId only).
    virtual AuthenticatorResult<int> forgetCredential(const QString& /*rpId*/,
                                                      const CredentialId& /*id*/)
    {
        return 0;
    }
    // signalAllAcceptedCredentials: of rpId's credentials for user, only accepted remain.
    virtual AuthenticatorResult<int>
    keepAcceptedCredentials(const QString& /*rpId*/, const UserHandle& /*user*/,
                            const QList<CredentialId>& /*accepted*/)
    {
        return 0;
    }
    // signalCurrentUserDetails: the account's current name and display name.
    virtual AuthenticatorResult<int> updateUserDetails(const QString& /*rpId*/,
                                                       const UserEntity& /*user*/)
    {
        return 0;
    }
};

} // namespace latchkey::authenticator

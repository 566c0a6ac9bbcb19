#pragma once

#include "authenticator/authenticator.h"
#include "authenticator/key_store.h"
#include "authenticator/user_verifier.h"

#include <memory>

namespace latchkey::authenticator {

// The app's platform authenticator: ES256 credentials whose keys live in a KeyStore, user
// presence and verification through a UserVerifier. Device-bound (BE = BS = 0), self
// attestation ("packed" without x5c) or none. One operation at a time.
//
// UP is set when the person answered the prompt; UV only when the verifier answered Verified,
// that is when the system checked who the person is (password, fingerprint, PIN). A click or
// Enter (Present) sets UP alone, and a request with "uv" is refused with
// CTAP2_ERR_UNSUPPORTED_OPTION before anyone is asked when the verifier cannot verify, so no
// request ever gets UV without a verification. A silent assertion (up = uv = false) asks nobody
// and sets neither. Cancelled, Failed or Unavailable ends the operation with
// CTAP2_ERR_OPERATION_DENIED, nothing stored.
// An assertion that no credential here fits is not answered at once: the verifier shows the
// person a notice (VerificationKind::InformNoCredential) and CTAP2_ERR_NO_CREDENTIALS follows
// its answer, worded as a cancel, so a page cannot probe silently for passkeys.
//
// The key store and the verifier must outlive it.
class LocalAuthenticator final : public Authenticator {
public:
    LocalAuthenticator(KeyStore& keys, UserVerifier& verifier);
    ~LocalAuthenticator() override;

    void makeCredential(const MakeCredentialRequest& request, MakeCredentialDone done) override;
    void getAssertion(const GetAssertionRequest& request, GetAssertionDone done) override;
    void cancel() override;
    bool userVerifyingAvailable() const override;
    // The signals touch only the credentials of the rpId given, never another RP's.
    AuthenticatorResult<int> forgetCredential(const QString& rpId, const CredentialId& id) override;
    AuthenticatorResult<int> keepAcceptedCredentials(const QString& rpId, const UserHandle& user,
                                                     const QList<CredentialId>& accepted) override;
    AuthenticatorResult<int> updateUserDetails(const QString& rpId,
                                               const UserEntity& user) override;

private:
    struct Candidates {
        QList<CredentialRecord> records;
        bool fromAllowList = false;
    };

    AuthenticatorResult<bool> hasExcludedCredential(const MakeCredentialRequest& request);
    void finishMakeCredential(const MakeCredentialRequest& request, bool excluded,
                              VerificationAnswer answer, const MakeCredentialDone& done);
    AuthenticatorResult<MakeCredentialResponse>
    createCredential(const MakeCredentialRequest& request, quint8 flagBits);
    AuthenticatorResult<CredentialRecord> storeNewCredential(const MakeCredentialRequest& request,
                                                             const CreatedKey& key,
                                                             const QByteArray& credentialId);
    void replaceOlderCredentials(const CredentialRecord& created);
    AuthenticatorResult<MakeCredentialResponse> attest(const MakeCredentialRequest& request,
                                                       const CredentialRecord& record,
                                                       const CreatedKey& key, quint8 flagBits);

    // Empty records when nothing here fits the request.
    AuthenticatorResult<Candidates> locateCredentials(const GetAssertionRequest& request);
    void reportNoCredential(const GetAssertionRequest& request, const GetAssertionDone& done);
    void finishGetAssertion(const GetAssertionRequest& request, const Candidates& candidates,
                            VerificationAnswer answer, const GetAssertionDone& done);
    AuthenticatorResult<GetAssertionResponse> signAssertion(const GetAssertionRequest& request,
                                                            const CredentialRecord& record,
                                                            quint8 flagBits);

    AuthenticatorResult<QList<CredentialRecord>> credentialsOfUser(const QString& rpId,
                                                                   const UserHandle& user);

    // Runs the verifier for one operation, guarding against this object going away first.
    void askPerson(const VerificationRequest& request,
                   std::function<void(VerificationAnswer)> next);

    KeyStore& m_keys;
    UserVerifier& m_verifier;
    bool m_busy = false;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace latchkey::authenticator

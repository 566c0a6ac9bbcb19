#pragma once

#include "webauthn/attestation.h"
#include "webauthn/ceremony_policy.h"
#include "webauthn/ceremony_state.h"
#include "webauthn/credential_json.h"
#include "webauthn/registration_options.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>

namespace latchkey::webauthn {

// A relying party's policy, set once: who it is, where it runs, what it asks of
// authenticators and what it accepts from them.
struct RelyingPartyConfig {
    QString id;          // RP ID, e.g. "localhost"
    QString name;        // rp.name, shown by some authenticators
    QStringList origins; // e.g. "http://localhost:8080"; clientData.origin must be one of them
    QList<int> algorithms = defaultAlgorithms(); // pubKeyCredParams, most preferred first
    UserVerification userVerification = UserVerification::Preferred;
    ResidentKey residentKey = ResidentKey::Preferred;
    AttestationConveyance attestation = AttestationConveyance::None;
    AttestationTrust trust; // roots per format; verifyTime is finish*'s now
    std::chrono::milliseconds timeout{std::chrono::minutes(5)}; // options and state expiry
    bool allowCrossOrigin = false;
    QStringList topOrigins; // when cross-origin is allowed: acceptable topOrigin (empty = any)
};

// The options to send to the page (PublicKeyCredential*OptionsJSON) and the state to keep.
struct CeremonyStart {
    QJsonObject options;
    CeremonyState state;
};

// WebAuthn ceremonies in the shape of webauthn-rs: start* makes the options and the state,
// finish* takes the parsed response and that state and checks every rule of §7.1 / §7.2,
// the challenge included (constant time). No clock of its own: now is passed in.
class RelyingParty {
public:
    explicit RelyingParty(RelyingPartyConfig config) : m_config(std::move(config)) {}

    const RelyingPartyConfig& config() const { return m_config; }

    // Registration of a new credential for user; exclude lists the user's credentials.
    Result<CeremonyStart> startRegistration(const UserEntity& user,
                                            const QList<CredentialDescriptor>& exclude,
                                            const QDateTime& now) const;

    // Username-first sign-in: the response must come from one of credentials, and the
    // credential must belong to user.
    Result<CeremonyStart> startAuthentication(const core::UserHandle& user,
                                              const QList<CredentialDescriptor>& credentials,
                                              const QDateTime& now) const;

    // Sign-in without a named user: the response's user handle finds the account. shown is
    // what the page gets as allowCredentials (usually none) and binds nothing.
    Result<CeremonyStart> startDiscoverableAuthentication(const QList<CredentialDescriptor>& shown,
                                                          const QDateTime& now) const;

    Result<VerifiedRegistration> finishRegistration(const RegistrationResponse& response,
                                                    const CeremonyState& state,
                                                    const QDateTime& now) const;

    // stored is the credential record the response's rawId names (with its owner's handle).
    Result<VerifiedAuthentication> finishAuthentication(const AuthenticationResponse& response,
                                                        const CeremonyState& state,
                                                        const StoredCredential& stored,
                                                        const QDateTime& now) const;

private:
    CeremonyState newState(CeremonyType type, const QByteArray& challenge,
                           const QDateTime& now) const;
    Result<void> checkState(const CeremonyState& state, CeremonyType type,
                            const QDateTime& now) const;
    Result<CeremonyStart> startSignIn(const QList<CredentialDescriptor>& allow,
                                      std::optional<core::UserHandle> user,
                                      QList<core::CredentialId> bound, const QDateTime& now) const;

    RelyingPartyConfig m_config;
};

} // namespace latchkey::webauthn

#include "webauthn/relying_party.h"

#include "webauthn/authentication_options.h"

namespace latchkey::webauthn {

namespace {

int timeoutMs(std::chrono::milliseconds timeout)
{
    return static_cast<int>(timeout.count());
}

// What both finish steps expect alike: the state's challenge and UV requirement, and this
// relying party's origins and RP ID.
template <typename Expectations>
Expectations sharedExpectations(const RelyingPartyConfig& config, const CeremonyState& state)
{
    Expectations expected;
    expected.challenge = state.challenge;
    expected.origins = config.origins;
    expected.rpIds = {config.id};
    expected.requireUserVerification = state.userVerification == UserVerification::Required;
    expected.allowCrossOrigin = config.allowCrossOrigin;
    expected.topOrigins = config.topOrigins;
    return expected;
}

} // namespace

CeremonyState RelyingParty::newState(CeremonyType type, const QByteArray& challenge,
                                     const QDateTime& now) const
{
    CeremonyState state;
    state.type = type;
    state.challenge = core::Challenge(challenge);
    state.userVerification = m_config.userVerification;
    state.expiresAt =
        QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch() + m_config.timeout.count(), Qt::UTC);
    return state;
}

Result<CeremonyStart> RelyingParty::startRegistration(const UserEntity& user,
                                                      const QList<CredentialDescriptor>& exclude,
                                                      const QDateTime& now) const
{
    RegistrationOptionsRequest request;
    request.rp = {m_config.id, m_config.name};
    request.user = user;
    request.algorithms = m_config.algorithms;
    request.timeoutMs = timeoutMs(m_config.timeout);
    request.excludeCredentials = exclude;
    request.residentKey = residentKeyName(m_config.residentKey);
    request.userVerification = userVerificationName(m_config.userVerification);
    request.attestation = attestationConveyanceName(m_config.attestation);
    auto options = buildRegistrationOptions(request);
    if (!options)
        return options.error();
    CeremonyState state = newState(CeremonyType::Create, options->challenge, now);
    state.user = user.id;
    return CeremonyStart{options->json, std::move(state)};
}

Result<CeremonyStart> RelyingParty::startSignIn(const QList<CredentialDescriptor>& allow,
                                                std::optional<core::UserHandle> user,
                                                QList<core::CredentialId> bound,
                                                const QDateTime& now) const
{
    AuthenticationOptionsRequest request;
    request.rpId = m_config.id;
    request.timeoutMs = timeoutMs(m_config.timeout);
    request.allowCredentials = allow;
    request.userVerification = userVerificationName(m_config.userVerification);
    auto options = buildAuthenticationOptions(request);
    if (!options)
        return options.error();
    CeremonyState state = newState(CeremonyType::Get, options->challenge, now);
    state.user = std::move(user);
    state.allowCredentials = std::move(bound);
    return CeremonyStart{options->json, std::move(state)};
}

Result<CeremonyStart>
RelyingParty::startAuthentication(const core::UserHandle& user,
                                  const QList<CredentialDescriptor>& credentials,
                                  const QDateTime& now) const
{
    if (user.isEmpty() || credentials.isEmpty())
        return makeError(ErrorCode::OptionsInvalid,
                         QStringLiteral("A sign-in for a named user needs the user handle and at "
                                        "least one of the user's credentials."));
    QList<core::CredentialId> ids;
    for (const CredentialDescriptor& descriptor : credentials)
        ids.append(descriptor.id);
    return startSignIn(credentials, user, std::move(ids), now);
}

Result<CeremonyStart>
RelyingParty::startDiscoverableAuthentication(const QList<CredentialDescriptor>& shown,
                                              const QDateTime& now) const
{
    return startSignIn(shown, std::nullopt, {}, now);
}

// The state is the one for this ceremony and still current. A store that keeps states
// (store::ChallengeStore) also refuses expired ones; this check serves any other keeper.
Result<void> RelyingParty::checkState(const CeremonyState& state, CeremonyType type,
                                      const QDateTime& now) const
{
    if (state.type != type || state.challenge.isEmpty())
        return makeError(ErrorCode::CeremonyStateInvalid,
                         QStringLiteral("The stored state belongs to another kind of ceremony; "
                                        "start the ceremony again."));
    if (!now.isValid() || !state.expiresAt.isValid() || now >= state.expiresAt)
        return makeError(ErrorCode::CeremonyExpired,
                         QStringLiteral("The ceremony took longer than allowed and has expired; "
                                        "start it again."));
    return {};
}

Result<VerifiedRegistration> RelyingParty::finishRegistration(const RegistrationResponse& response,
                                                              const CeremonyState& state,
                                                              const QDateTime& now) const
{
    if (auto r = checkState(state, CeremonyType::Create, now); !r)
        return r.error();
    auto expected = sharedExpectations<RegistrationExpectations>(m_config, state);
    expected.algorithms = m_config.algorithms;
    expected.trust = m_config.trust;
    expected.trust.verifyTime = now;
    return verifyRegistration(response, expected);
}

Result<VerifiedAuthentication>
RelyingParty::finishAuthentication(const AuthenticationResponse& response,
                                   const CeremonyState& state, const StoredCredential& stored,
                                   const QDateTime& now) const
{
    if (auto r = checkState(state, CeremonyType::Get, now); !r)
        return r.error();
    auto expected = sharedExpectations<AuthenticationExpectations>(m_config, state);
    expected.allowCredentials = state.allowCredentials;
    expected.user = state.user;
    expected.requireUserHandle = !state.user;
    return verifyAuthentication(response, expected, stored);
}

} // namespace latchkey::webauthn

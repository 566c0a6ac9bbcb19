#include "authenticator/local_authenticator.h"

#include "authenticator/authenticator_data_writer.h"
#include "authenticator/ec_p256_key.h"
#include "webauthn/authenticator_data.h"
#include "webauthn/cose_key.h"

#include <QCoreApplication>

namespace latchkey::authenticator {
namespace {

constexpr qsizetype kClientDataHashLength = 32;
constexpr qsizetype kMaxUserIdLength = 64;
constexpr qsizetype kCredentialIdLength = 32;

AuthenticatorError invalidParameter(const QString& message)
{
    return authenticatorError(CtapStatus::InvalidParameter, message);
}

AuthenticatorResult<void> checkMakeCredential(const MakeCredentialRequest& request)
{
    if (request.clientDataHash.size() != kClientDataHashLength)
        return invalidParameter(
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "The client data hash must be 32 bytes."));
    if (request.rp.id.isEmpty())
        return invalidParameter(QCoreApplication::translate(
            "latchkey::authenticator::LocalAuthenticator", "The relying party has no id."));
    if (request.user.id.isEmpty() || request.user.id.size() > kMaxUserIdLength)
        return invalidParameter(QCoreApplication::translate(
            "latchkey::authenticator::LocalAuthenticator", "The user id must be 1 to 64 bytes."));
    if (!request.pubKeyCredParams.contains(webauthn::cose::ES256))
        return authenticatorError(
            CtapStatus::UnsupportedAlgorithm,
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "This authenticator only makes ES256 (-7) keys, "
                                        "and the site did not accept them."));
    return {};
}

AuthenticatorResult<void> checkGetAssertion(const GetAssertionRequest& request)
{
    if (request.clientDataHash.size() != kClientDataHashLength)
        return invalidParameter(
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "The client data hash must be 32 bytes."));
    if (request.rpId.isEmpty())
        return invalidParameter(QCoreApplication::translate(
            "latchkey::authenticator::LocalAuthenticator", "The relying party has no id."));
    return {};
}

QString noVerifierMessage()
{
    return QCoreApplication::translate(
        "latchkey::authenticator::LocalAuthenticator",
        "This site asks that this computer verify it is you (with your password, fingerprint "
        "or PIN), and no such way is set up here.");
}

// CTAP 2.0 §5.1 step 3 / §5.2 step 5: "uv" asked of an authenticator without built-in user
// verification is CTAP2_ERR_UNSUPPORTED_OPTION, answered before anyone is asked, so a prompt
// that only takes a click can never stand in for a verification.
AuthenticatorResult<void> checkVerificationSupported(bool uvAsked, const UserVerifier& verifier)
{
    if (uvAsked && !verifier.verifiesUser())
        return authenticatorError(CtapStatus::UnsupportedOption, noVerifierMessage());
    return {};
}

QString cancelledMessage()
{
    return QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                       "The request was cancelled.");
}

// The person's answer as CTAP2 sees it: the authenticator data flags it earns, or why the
// operation ends. Only Verified earns UV; Present (a click or Enter) earns UP alone, and is no
// answer at all to a request that asked for verification.
AuthenticatorResult<quint8> flagsEarned(const VerificationAnswer& answer, bool verifyUser)
{
    switch (answer.outcome) {
    case VerificationOutcome::Verified:
        return quint8(webauthn::flags::UP | webauthn::flags::UV);
    case VerificationOutcome::Present:
        if (!verifyUser)
            return quint8(webauthn::flags::UP);
        break;
    case VerificationOutcome::Cancelled:
        return authenticatorError(CtapStatus::OperationDenied, cancelledMessage());
    case VerificationOutcome::Failed:
        if (!answer.message.isEmpty())
            return authenticatorError(CtapStatus::OperationDenied, answer.message);
        return authenticatorError(
            CtapStatus::OperationDenied,
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "This computer could not confirm it is you."));
    case VerificationOutcome::Unavailable:
        if (!answer.message.isEmpty())
            return authenticatorError(CtapStatus::OperationDenied, answer.message);
        break;
    }
    return authenticatorError(CtapStatus::OperationDenied, noVerifierMessage());
}

bool wantsAttestation(const QStringList& formatsPreference)
{
    return !formatsPreference.isEmpty() && formatsPreference.first() != QLatin1String("none");
}

AccountChoice accountOf(const CredentialRecord& record)
{
    return AccountChoice{record.userName, record.userDisplayName};
}

} // namespace

LocalAuthenticator::LocalAuthenticator(KeyStore& keys, UserVerifier& verifier)
    : m_keys(keys), m_verifier(verifier)
{}

LocalAuthenticator::~LocalAuthenticator()
{
    m_alive.reset();
    if (m_busy)
        m_verifier.cancel();
}

bool LocalAuthenticator::userVerifyingAvailable() const
{
    return m_verifier.verifiesUser();
}

void LocalAuthenticator::cancel()
{
    if (m_busy)
        m_verifier.cancel();
}

void LocalAuthenticator::askPerson(const VerificationRequest& request,
                                   std::function<void(VerificationAnswer)> next)
{
    m_busy = true;
    std::weak_ptr<int> alive = m_alive;
    m_verifier.verify(request, [this, alive, next = std::move(next)](VerificationAnswer answer) {
        if (alive.expired())
            return;
        m_busy = false;
        next(answer);
    });
}

// CTAP 2.1 §6.1.2: parameters, excludeList, user presence / verification, then the key.
void LocalAuthenticator::makeCredential(const MakeCredentialRequest& request,
                                        MakeCredentialDone done)
{
    if (m_busy)
        return done(authenticatorError(
            CtapStatus::NotAllowed,
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "Another passkey request is in progress.")));
    if (auto checked = checkMakeCredential(request); !checked)
        return done(checked.error());
    if (auto supported = checkVerificationSupported(request.uv, m_verifier); !supported)
        return done(supported.error());
    const auto excluded = hasExcludedCredential(request);
    if (!excluded)
        return done(excluded.error());
    VerificationRequest ask;
    ask.reason = QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                             "Create a passkey for %1")
                     .arg(request.rp.id);
    ask.rpId = request.rp.id;
    ask.verifyUser = request.uv;
    ask.userName = request.user.name;
    ask.displayName = request.user.displayName;
    askPerson(ask, [this, request, isExcluded = *excluded, done](VerificationAnswer answer) {
        finishMakeCredential(request, isExcluded, answer, done);
    });
}

AuthenticatorResult<bool>
LocalAuthenticator::hasExcludedCredential(const MakeCredentialRequest& request)
{
    for (const CredentialDescriptor& descriptor : request.excludeList) {
        const auto found = m_keys.findCredential(request.rp.id, descriptor.id);
        if (!found)
            return toAuthenticatorError(found.error());
        if (found->has_value())
            return true;
    }
    return false;
}

void LocalAuthenticator::finishMakeCredential(const MakeCredentialRequest& request, bool excluded,
                                              VerificationAnswer answer,
                                              const MakeCredentialDone& done)
{
    const auto flagBits = flagsEarned(answer, request.uv);
    if (!flagBits)
        return done(flagBits.error());
    // Only after the person acted, so a page cannot probe for credentials silently.
    if (excluded)
        return done(authenticatorError(
            CtapStatus::CredentialExcluded,
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "A passkey for this account is already on "
                                        "this computer.")));
    done(createCredential(request, *flagBits));
}

AuthenticatorResult<MakeCredentialResponse>
LocalAuthenticator::createCredential(const MakeCredentialRequest& request, quint8 flagBits)
{
    const QByteArray credentialId = randomBytes(kCredentialIdLength);
    if (credentialId.size() != kCredentialIdLength)
        return authenticatorError(
            CtapStatus::Other,
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "No random bytes for a credential id."));
    const auto key = m_keys.createKey(credentialId);
    if (!key)
        return toAuthenticatorError(key.error());
    const auto record = storeNewCredential(request, *key, credentialId);
    if (!record) {
        (void)m_keys.deleteKey(key->handle);
        return record.error();
    }
    auto response = attest(request, *record, *key, flagBits);
    if (!response) {
        (void)m_keys.deleteKey(key->handle);
        return response;
    }
    replaceOlderCredentials(*record);
    return response;
}

// CTAP 2.1 §6.1.2 step 17: a new discoverable credential overwrites the one this authenticator
// held for the same RP and account. Best effort: the new credential already works.
void LocalAuthenticator::replaceOlderCredentials(const CredentialRecord& created)
{
    if (!created.discoverable)
        return;
    const auto existing = m_keys.discoverableCredentials(created.rpId);
    if (!existing)
        return;
    for (const CredentialRecord& record : *existing) {
        if (record.userHandle == created.userHandle && record.credentialId != created.credentialId)
            (void)m_keys.deleteKey(record.keyHandle);
    }
}

AuthenticatorResult<CredentialRecord>
LocalAuthenticator::storeNewCredential(const MakeCredentialRequest& request, const CreatedKey& key,
                                       const QByteArray& credentialId)
{
    CredentialRecord record;
    record.credentialId = credentialId;
    record.keyHandle = key.handle;
    record.rpId = request.rp.id;
    record.userHandle = request.user.id;
    record.userName = request.user.name;
    record.userDisplayName = request.user.displayName;
    record.discoverable = request.rk;
    record.createdAt = QDateTime::currentDateTimeUtc();
    if (auto saved = m_keys.saveCredential(record); !saved)
        return toAuthenticatorError(saved.error());
    return record;
}

// Self attestation (§8.2, no x5c) signs authData || clientDataHash with the credential key.
AuthenticatorResult<MakeCredentialResponse>
LocalAuthenticator::attest(const MakeCredentialRequest& request, const CredentialRecord& record,
                           const CreatedKey& key, quint8 flagBits)
{
    MakeCredentialResponse response;
    response.credentialId = record.credentialId;
    response.rk = record.discoverable;
    response.publicKeyAlgorithm = webauthn::cose::ES256;
    response.publicKeySpkiDer = p256SpkiDer(key.publicPoint);
    response.authData = authenticatorData(
        request.rp.id, flagBits, record.signCount,
        AttestedCredential{m_keys.aaguid(), record.credentialId, es256CoseKey(key.publicPoint)});
    response.fmt = QStringLiteral("none");
    if (!wantsAttestation(request.attestationFormatsPreference))
        return response;
    const auto signature = m_keys.sign(key.handle, response.authData + request.clientDataHash);
    if (!signature)
        return toAuthenticatorError(signature.error());
    response.fmt = QStringLiteral("packed");
    response.attStmt.insert(QStringLiteral("alg"), webauthn::cose::ES256);
    response.attStmt.insert(QStringLiteral("sig"), *signature);
    return response;
}

// CTAP 2.1 §6.2.2: locate credentials, user presence / verification, counter, signature.
void LocalAuthenticator::getAssertion(const GetAssertionRequest& request, GetAssertionDone done)
{
    if (m_busy)
        return done(authenticatorError(
            CtapStatus::NotAllowed,
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "Another passkey request is in progress.")));
    if (auto checked = checkGetAssertion(request); !checked)
        return done(checked.error());
    if (auto supported = checkVerificationSupported(request.uv, m_verifier); !supported)
        return done(supported.error());
    const auto candidates = locateCredentials(request);
    if (!candidates)
        return done(candidates.error());
    if (candidates->records.isEmpty())
        return reportNoCredential(request, done);
    if (!request.up && !request.uv)
        return done(signAssertion(request, candidates->records.first(), 0));
    VerificationRequest ask;
    ask.reason =
        QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator", "Sign in to %1")
            .arg(request.rpId);
    ask.rpId = request.rpId;
    ask.verifyUser = request.uv;
    if (candidates->records.size() == 1) {
        ask.userName = candidates->records.first().userName;
        ask.displayName = candidates->records.first().userDisplayName;
    } else {
        for (const CredentialRecord& record : candidates->records)
            ask.accounts.append(accountOf(record));
    }
    askPerson(ask, [this, request, found = *candidates, done](VerificationAnswer answer) {
        finishGetAssertion(request, found, answer, done);
    });
}

AuthenticatorResult<LocalAuthenticator::Candidates>
LocalAuthenticator::locateCredentials(const GetAssertionRequest& request)
{
    Candidates candidates;
    candidates.fromAllowList = !request.allowList.isEmpty();
    for (const CredentialDescriptor& descriptor : request.allowList) {
        const auto found = m_keys.findCredential(request.rpId, descriptor.id);
        if (!found)
            return toAuthenticatorError(found.error());
        if (found->has_value())
            candidates.records.append(found->value());
    }
    if (!candidates.fromAllowList) {
        const auto discoverable = m_keys.discoverableCredentials(request.rpId);
        if (!discoverable)
            return toAuthenticatorError(discoverable.error());
        candidates.records = *discoverable;
    }
    return candidates;
}

// CTAP 2.1 §6.2.2 step 7 answers CTAP2_ERR_NO_CREDENTIALS; WebAuthn L3 §14.6.2 asks that a
// page cannot tell that answer from a person declining. So the person is shown that nothing
// here fits, and the error (worded as a cancel) comes only once they dismissed the notice or
// the ceremony's timeout or abort closed it.
void LocalAuthenticator::reportNoCredential(const GetAssertionRequest& request,
                                            const GetAssertionDone& done)
{
    const auto noCredential = [] {
        return authenticatorError(CtapStatus::NoCredentials, cancelledMessage());
    };
    // A silent assertion shows nothing by definition; the app's client never asks for one.
    if (!request.up && !request.uv)
        return done(noCredential());
    VerificationRequest notice;
    notice.kind = VerificationKind::InformNoCredential;
    notice.reason = QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                                "There is no passkey for %1 on this computer.")
                        .arg(request.rpId);
    notice.rpId = request.rpId;
    askPerson(notice, [done, noCredential](VerificationAnswer) { done(noCredential()); });
}

void LocalAuthenticator::finishGetAssertion(const GetAssertionRequest& request,
                                            const Candidates& candidates, VerificationAnswer answer,
                                            const GetAssertionDone& done)
{
    const auto flagBits = flagsEarned(answer, request.uv);
    if (!flagBits)
        return done(flagBits.error());
    const int chosen = candidates.records.size() > 1 ? answer.chosenAccount : 0;
    if (chosen < 0 || chosen >= candidates.records.size())
        return done(authenticatorError(
            CtapStatus::OperationDenied,
            QCoreApplication::translate("latchkey::authenticator::LocalAuthenticator",
                                        "No account was chosen.")));
    done(signAssertion(request, candidates.records.at(chosen), *flagBits));
}

AuthenticatorResult<GetAssertionResponse>
LocalAuthenticator::signAssertion(const GetAssertionRequest& request,
                                  const CredentialRecord& record, quint8 flagBits)
{
    const auto counter = m_keys.incrementSignCount(record.credentialId);
    if (!counter)
        return toAuthenticatorError(counter.error());
    GetAssertionResponse response;
    response.credentialId = record.credentialId;
    response.authData = authenticatorData(request.rpId, flagBits, *counter);
    const auto signature =
        m_keys.sign(record.keyHandle, response.authData + request.clientDataHash);
    if (!signature)
        return toAuthenticatorError(signature.error());
    response.signature = *signature;
    UserEntity user{record.userHandle, QString(), QString()};
    if (record.discoverable) {
        user.name = record.userName;
        user.displayName = record.userDisplayName;
    }
    response.user = user;
    return response;
}

// Signal API (WebAuthn L3 §5.1.10): the RP reports what it no longer accepts. Nobody is asked:
// deleting a credential the RP has forgotten loses nothing the person could still use.
AuthenticatorResult<int> LocalAuthenticator::forgetCredential(const QString& rpId,
                                                              const CredentialId& id)
{
    const auto found = m_keys.findCredential(rpId, id);
    if (!found)
        return toAuthenticatorError(found.error());
    if (!found->has_value())
        return 0;
    if (auto deleted = m_keys.deleteKey(found->value().keyHandle); !deleted)
        return toAuthenticatorError(deleted.error());
    return 1;
}

AuthenticatorResult<QList<CredentialRecord>>
LocalAuthenticator::credentialsOfUser(const QString& rpId, const UserHandle& user)
{
    const auto discoverable = m_keys.discoverableCredentials(rpId);
    if (!discoverable)
        return toAuthenticatorError(discoverable.error());
    QList<CredentialRecord> mine;
    for (const CredentialRecord& record : *discoverable) {
        if (record.userHandle == user)
            mine.append(record);
    }
    return mine;
}

AuthenticatorResult<int>
LocalAuthenticator::keepAcceptedCredentials(const QString& rpId, const UserHandle& user,
                                            const QList<CredentialId>& accepted)
{
    const auto mine = credentialsOfUser(rpId, user);
    if (!mine)
        return mine.error();
    int removed = 0;
    for (const CredentialRecord& record : *mine) {
        if (accepted.contains(record.credentialId))
            continue;
        if (auto deleted = m_keys.deleteKey(record.keyHandle); !deleted)
            return toAuthenticatorError(deleted.error());
        ++removed;
    }
    return removed;
}

AuthenticatorResult<int> LocalAuthenticator::updateUserDetails(const QString& rpId,
                                                               const UserEntity& user)
{
    const auto mine = credentialsOfUser(rpId, user.id);
    if (!mine)
        return mine.error();
    int changed = 0;
    for (CredentialRecord record : *mine) {
        if (record.userName == user.name && record.userDisplayName == user.displayName)
            continue;
        record.userName = user.name;
        record.userDisplayName = user.displayName;
        if (auto saved = m_keys.saveCredential(record); !saved)
            return toAuthenticatorError(saved.error());
        ++changed;
    }
    return changed;
}

} // namespace latchkey::authenticator

#include "webauthn/verify_authentication.h"

#include "core/sha256.h"
#include "webauthn/ceremony_checks.h"
#include "webauthn/credential_json.h"

namespace latchkey::webauthn {

namespace {

// §7.2 steps 5-7: the credential is one the RP offered and belongs to the user signing in.
Result<void> checkCredential(const AuthenticationResponse& response,
                             const AuthenticationExpectations& expected,
                             const StoredCredential& stored)
{
    if (expected.user && (!stored.userHandle || *stored.userHandle != *expected.user))
        return makeError(
            ErrorCode::CredentialOfAnotherUser,
            QStringLiteral("The credential belongs to another account than the one signing in."));
    if (!expected.allowCredentials.isEmpty() && !expected.allowCredentials.contains(response.rawId))
        return makeError(
            ErrorCode::CredentialNotAllowed,
            QStringLiteral("The authenticator used a credential that was not offered for this "
                           "sign-in."));
    if (!stored.credentialId.isEmpty() && stored.credentialId != response.rawId)
        return makeError(
            ErrorCode::CredentialNotAllowed,
            QStringLiteral("The response is for a different credential than the stored one."));
    if (expected.requireUserHandle && !response.userHandle)
        return makeError(
            ErrorCode::UserHandleMissing,
            QStringLiteral("The authenticator returned no user handle, which a sign-in without a "
                           "username needs to find the account."));
    if (stored.userHandle && response.userHandle && *stored.userHandle != *response.userHandle)
        return makeError(
            ErrorCode::UserHandleMismatch,
            QStringLiteral("The credential's user handle belongs to a different account."));
    return {};
}

Result<void> checkAuthenticatorData(const AuthenticatorData& data,
                                    const AuthenticationExpectations& expected,
                                    const StoredCredential& stored)
{
    if (auto r = checkRpIdHashAndFlags(data, expected); !r)
        return r;
    if (stored.backupEligible && *stored.backupEligible != data.backupEligible())
        return makeError(
            ErrorCode::BackupEligibilityChanged,
            QStringLiteral("The credential's backup eligibility (BE) changed since it was "
                           "registered, which an authenticator never does."));
    return {};
}

// §7.2 step 22: a counter that does not move forward may mean a cloned authenticator.
Result<void> checkSignCount(quint32 received, quint32 stored)
{
    if ((received != 0 || stored != 0) && received <= stored)
        return makeError(
            ErrorCode::SignCounterNotIncreased,
            QStringLiteral("The signature counter did not increase (stored %1, received %2): the "
                           "authenticator may have been cloned.")
                .arg(stored)
                .arg(received));
    return {};
}

Result<CoseKey> storedKey(const StoredCredential& stored)
{
    if (stored.publicKey)
        return *stored.publicKey;
    return CoseKey::fromCbor(stored.publicKeyCbor);
}

Result<void> checkSignature(const CoseKey& key, const AuthenticationResponse& response)
{
    const QByteArray clientDataHash = core::sha256(response.clientDataJson);
    QByteArray signedData;
    signedData.reserve(response.authenticatorData.size() + clientDataHash.size());
    signedData.append(response.authenticatorData).append(clientDataHash);
    return key.verify(signedData, response.signature);
}

VerifiedAuthentication makeResult(const AuthenticationResponse& response, AuthenticatorData& data)
{
    VerifiedAuthentication out;
    out.credentialId = response.rawId;
    out.newSignCount = data.signCount;
    out.userPresent = data.userPresent();
    out.userVerified = data.userVerified();
    out.backupEligible = data.backupEligible();
    out.backupState = data.backupState();
    out.userHandle = response.userHandle;
    out.authenticatorAttachment = response.authenticatorAttachment;
    out.authenticatorExtensions = std::move(data.extensions);
    return out;
}

} // namespace

Result<VerifiedAuthentication> verifyAuthentication(const QJsonObject& credential,
                                                    const AuthenticationExpectations& expected,
                                                    const StoredCredential& stored)
{
    auto response = parseAuthenticationResponse(credential);
    if (!response)
        return response.error();
    return verifyAuthentication(*response, expected, stored);
}

Result<VerifiedAuthentication> verifyAuthentication(const AuthenticationResponse& response,
                                                    const AuthenticationExpectations& expected,
                                                    const StoredCredential& stored)
{
    if (auto r = checkCredential(response, expected, stored); !r)
        return r.error();
    auto key = storedKey(stored);
    if (!key)
        return key.error();
    auto clientData = parseClientData(response.clientDataJson);
    if (!clientData)
        return clientData.error();
    if (auto r = checkClientData(*clientData, clientDataExpectations(CeremonyType::Get, expected));
        !r)
        return r.error();
    auto data = parseAuthenticatorData(response.authenticatorData);
    if (!data)
        return data.error();
    if (auto r = checkAuthenticatorData(*data, expected, stored); !r)
        return r.error();
    if (auto r = checkSignature(*key, response); !r)
        return r.error();
    if (auto r = checkSignCount(data->signCount, stored.signCount); !r)
        return r.error();
    return makeResult(response, *data);
}

} // namespace latchkey::webauthn

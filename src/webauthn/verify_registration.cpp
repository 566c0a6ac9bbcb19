#include "webauthn/verify_registration.h"

#include "core/sha256.h"
#include "webauthn/attestation_object.h"
#include "webauthn/ceremony_checks.h"
#include "webauthn/credential_json.h"
#include "webauthn/registration_options.h"

namespace latchkey::webauthn {

namespace {

// §7.1 step 20: the credential's algorithm must be one of pubKeyCredParams.
Result<void> checkAlgorithm(int alg, const QList<int>& offered)
{
    const QList<int> allowed = offered.isEmpty() ? defaultAlgorithms() : offered;
    if (allowed.contains(alg))
        return {};
    return makeError(
        ErrorCode::AlgorithmNotAllowed,
        QStringLiteral("The credential uses COSE algorithm %1, which this relying party did not "
                       "offer in pubKeyCredParams.")
            .arg(alg));
}

Result<void> checkAuthenticatorData(const AuthenticatorData& data,
                                    const RegistrationExpectations& expected)
{
    if (auto r = checkRpIdHashAndFlags(data, expected); !r)
        return r;
    if (!data.attestedCredentialData)
        return makeError(
            ErrorCode::AttestedDataFlagMismatch,
            QStringLiteral("The registration's authenticator data has no attested credential "
                           "data (AT flag not set)."));
    return checkAlgorithm(data.attestedCredentialData->credentialPublicKey.algorithm(),
                          expected.algorithms);
}

std::optional<bool> credPropsRk(const QJsonObject& clientExtensionResults)
{
    const QJsonValue rk = clientExtensionResults.value(QLatin1String("credProps"))
                              .toObject()
                              .value(QLatin1String("rk"));
    if (!rk.isBool())
        return std::nullopt;
    return rk.toBool();
}

VerifiedRegistration makeResult(const RegistrationResponse& response, AttestationObject& object,
                                AttestationResult& attestation)
{
    const AuthenticatorData& data = object.authenticatorData;
    const AttestedCredentialData& attested = *data.attestedCredentialData;
    VerifiedRegistration out;
    out.credentialId = attested.credentialId;
    out.publicKeyCbor = attested.credentialPublicKeyCbor;
    out.publicKey = attested.credentialPublicKey;
    out.algorithm = attested.credentialPublicKey.algorithm();
    out.signCount = data.signCount;
    out.aaguid = attested.aaguid;
    out.format = object.format;
    out.attestation = std::move(attestation);
    out.userPresent = data.userPresent();
    out.userVerified = data.userVerified();
    out.backupEligible = data.backupEligible();
    out.backupState = data.backupState();
    out.transports = response.transports;
    out.authenticatorAttachment = response.authenticatorAttachment;
    out.credPropsRk = credPropsRk(response.clientExtensionResults);
    out.authenticatorExtensions = data.extensions;
    return out;
}

} // namespace

Result<VerifiedRegistration> verifyRegistration(const QJsonObject& credential,
                                                const RegistrationExpectations& expected)
{
    auto response = parseRegistrationResponse(credential);
    if (!response)
        return response.error();
    return verifyRegistration(*response, expected);
}

Result<VerifiedRegistration> verifyRegistration(const RegistrationResponse& response,
                                                const RegistrationExpectations& expected)
{
    auto clientData = parseClientData(response.clientDataJson);
    if (!clientData)
        return clientData.error();
    if (auto r =
            checkClientData(*clientData, clientDataExpectations(CeremonyType::Create, expected));
        !r)
        return r.error();
    auto object = parseAttestationObject(response.attestationObject);
    if (!object)
        return object.error();
    if (auto r = checkAuthenticatorData(object->authenticatorData, expected); !r)
        return r.error();
    const AttestationInput input{object->statement, object->authenticatorData,
                                 core::sha256(response.clientDataJson)};
    auto attestation = verifyAttestationStatement(object->format, input, expected.trust);
    if (!attestation)
        return attestation.error();
    return makeResult(response, *object, *attestation);
}

} // namespace latchkey::webauthn

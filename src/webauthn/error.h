#pragma once

#include <QString>

namespace latchkey::webauthn {

// Every way verification can fail has its own code. codeName() gives the stable snake_case
// name printed by latchkey-webauthn and used in logs; add new codes at the end of a group.
enum class ErrorCode {
    // Encoding and structure of the credential JSON
    MalformedJson,
    MissingField,
    WrongFieldType,
    EmptyField,
    InvalidBase64Url,
    InvalidCredentialType,
    CredentialIdMismatch,
    CredentialIdTooLong,
    // clientDataJSON (§7.1 steps 5-12, §7.2 steps 10-16)
    ClientDataMalformed,
    ClientDataTypeMismatch,
    ChallengeMismatch,
    OriginMismatch,
    CrossOriginNotAllowed,
    TopOriginMismatch,
    // CBOR, authenticator data, COSE keys
    CborMalformed,
    CborLimitExceeded,
    AuthenticatorDataTooShort,
    AuthenticatorDataTrailingBytes,
    AttestedDataFlagMismatch,
    ExtensionDataFlagMismatch,
    RpIdHashMismatch,
    UserPresenceRequired,
    UserVerificationRequired,
    BackupStateWithoutEligibility,
    BackupEligibilityChanged,
    CoseKeyMalformed,
    CoseKeyUnsupported,
    AlgorithmNotAllowed,
    // Assertion (§7.2)
    CredentialNotAllowed,
    UserHandleMismatch,
    UserHandleMissing,
    SignatureInvalid,
    SignCounterNotIncreased,
    CredentialOfAnotherUser,
    // Attestation (§8)
    AttestationObjectMalformed,
    AttestationFormatUnsupported,
    AttestationStatementMalformed,
    AttestationSignatureInvalid,
    AttestationAlgorithmMismatch,
    AttestationCertificateMalformed,
    AttestationCertificateInvalid,
    AttestationChainInvalid,
    AttestationUntrusted,
    AttestationAaguidMismatch,
    AttestationPublicKeyMismatch,
    AttestationNonceMismatch,
    AttestationTpmInvalid,
    AttestationAndroidKeyInvalid,
    AttestationSafetyNetInvalid,
    // Options
    OptionsInvalid,
    // The state a relying party kept between start* and finish*
    CeremonyExpired,
    CeremonyStateInvalid,
    // Anything the platform's crypto library refused that is not the input's fault
    InternalError,
};

struct Error {
    ErrorCode code = ErrorCode::InternalError;
    QString message;
};

// Stable snake_case name of a code, e.g. "challenge_mismatch".
QString codeName(ErrorCode code);

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace latchkey::webauthn

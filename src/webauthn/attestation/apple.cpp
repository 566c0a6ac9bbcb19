#include "core/sha256.h"
#include "webauthn/attestation.h"
#include "webauthn/attestation/asn1_reader.h"
#include "webauthn/attestation/certificate.h"
#include "webauthn/attestation/statement_fields.h"
#include "webauthn/cose_key.h"

#include <openssl/asn1.h>

namespace latchkey::webauthn {

namespace {

const QString kFormat = QStringLiteral("apple");
constexpr const char* kOidAppleNonce = "1.2.840.113635.100.8.2";

// The extension holds SEQUENCE { [1] EXPLICIT OCTET STRING nonce }.
std::optional<QByteArray> nonceFromExtension(const QByteArray& der)
{
    const auto sequence = readSingleElement(der);
    if (!sequence || sequence->tag != V_ASN1_SEQUENCE || sequence->tagClass != V_ASN1_UNIVERSAL)
        return std::nullopt;
    const auto tagged = readSingleElement(sequence->content);
    if (!tagged || tagged->tag != 1 || tagged->tagClass != V_ASN1_CONTEXT_SPECIFIC)
        return std::nullopt;
    const auto octets = readSingleElement(tagged->content);
    if (!octets || octets->tag != V_ASN1_OCTET_STRING || octets->tagClass != V_ASN1_UNIVERSAL)
        return std::nullopt;
    return octets->content.toByteArray();
}

// §8.8.2 steps 2-4: the certificate's nonce extension is SHA-256(authData ‖ clientDataHash).
Result<void> checkNonce(const Certificate& credCert, const AttestationInput& in)
{
    const auto extension = credCert.extensionValue(kOidAppleNonce);
    const auto nonce = extension ? nonceFromExtension(*extension) : std::nullopt;
    if (!nonce)
        return makeError(ErrorCode::AttestationCertificateInvalid,
                         QStringLiteral("The apple attestation certificate has no readable nonce "
                                        "extension (1.2.840.113635.100.8.2)."));
    const QByteArray expected = core::sha256(attestationToBeSigned(in));
    if (*nonce != expected)
        return makeError(ErrorCode::AttestationNonceMismatch,
                         QStringLiteral("The apple attestation certificate's nonce is not "
                                        "SHA-256(authData ‖ clientDataHash)."));
    return {};
}

// §8.8.2 step 5: the credential public key is the certificate's subject public key.
Result<void> checkCredentialKey(const Certificate& credCert, const AttestationInput& in)
{
    auto credential = credentialKey(in, kFormat);
    if (!credential)
        return credential.error();
    if (!credential->samePublicKey(credCert.publicKey()))
        return makeError(ErrorCode::AttestationPublicKeyMismatch,
                         QStringLiteral("The apple attestation certificate's public key is not "
                                        "the credential public key."));
    return {};
}

} // namespace

Result<AttestationResult> verifyAppleAttestation(const AttestationInput& in,
                                                 const AttestationTrust& trust)
{
    auto chain = Certificate::fromX5c(in.statement.value(QStringLiteral("x5c")));
    if (!chain)
        return chain.error();
    const Certificate& credCert = chain->first();
    if (auto nonce = checkNonce(credCert, in); !nonce)
        return nonce.error();
    if (auto key = checkCredentialKey(credCert, in); !key)
        return key.error();
    auto trusted = verifyAttestationChain(*chain, rootsFor(trust, kFormat), trust.verifyTime);
    if (!trusted)
        return trusted.error();
    return AttestationResult{kFormat, AttestationType::AnonCA, derChain(*chain), *trusted};
}

} // namespace latchkey::webauthn

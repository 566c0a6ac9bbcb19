#include "webauthn/attestation.h"
#include "webauthn/attestation/certificate.h"

#include <QCborArray>
#include <openssl/core_names.h>
#include <openssl/evp.h>

namespace latchkey::webauthn {

namespace {

const QString kFormat = QStringLiteral("fido-u2f");

Error malformed(const QString& why)
{
    return makeError(
        ErrorCode::AttestationStatementMalformed,
        QStringLiteral("The fido-u2f attestation statement is malformed: %1.").arg(why));
}

bool isP256(EVP_PKEY* key)
{
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        return false;
    char group[64] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                       &length) != 1)
        return false;
    return QByteArrayView(group, static_cast<qsizetype>(length)) == "prime256v1";
}

// The uncompressed point 0x04 ‖ x ‖ y (65 bytes) of a P-256 key.
QByteArray uncompressedPoint(EVP_PKEY* key)
{
    QByteArray point(65, '\0');
    size_t length = 0;
    if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
                                        reinterpret_cast<unsigned char*>(point.data()), 65,
                                        &length) != 1 ||
        length != 65 || point[0] != '\x04')
        return {};
    return point;
}

Result<Certificate> readCertificate(const QCborMap& statement)
{
    const QCborValue x5c = statement.value(QLatin1String("x5c"));
    if (!x5c.isArray() || x5c.toArray().size() != 1)
        return malformed(QStringLiteral("\"x5c\" must be an array of exactly one certificate"));
    auto chain = Certificate::fromX5c(x5c);
    if (!chain)
        return chain.error();
    if (!isP256(chain->first().publicKey()))
        return makeError(
            ErrorCode::AttestationCertificateInvalid,
            QStringLiteral("The fido-u2f attestation certificate's key is not an EC P-256 key."));
    return chain->first();
}

Result<QByteArray> credentialPoint(const AttestedCredentialData& attested)
{
    EVP_PKEY* key = attested.credentialPublicKey.evp();
    if (attested.credentialPublicKey.algorithm() != cose::ES256 || !isP256(key))
        return makeError(
            ErrorCode::CoseKeyUnsupported,
            QStringLiteral("A fido-u2f credential key must be an EC P-256 (ES256) key."));
    QByteArray point = uncompressedPoint(key);
    if (point.isEmpty())
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("OpenSSL could not export the credential key."));
    return point;
}

} // namespace

// §8.6 FIDO U2F Attestation Statement Format.
Result<AttestationResult> verifyFidoU2fAttestation(const AttestationInput& in,
                                                   const AttestationTrust& trust)
{
    const auto& attested = in.authenticatorData.attestedCredentialData;
    if (!attested)
        return makeError(
            ErrorCode::AttestedDataFlagMismatch,
            QStringLiteral("The authenticator data carries no attested credential data."));
    const QCborValue sig = in.statement.value(QLatin1String("sig"));
    if (!sig.isByteArray() || sig.toByteArray().isEmpty())
        return malformed(QStringLiteral("\"sig\" is missing, not a byte string, or empty"));
    if (trust.fidoU2fRequireZeroAaguid && attested->aaguid != QByteArray(16, '\0'))
        return makeError(
            ErrorCode::AttestationAaguidMismatch,
            QStringLiteral("A fido-u2f authenticator must report an all-zero AAGUID."));
    auto leaf = readCertificate(in.statement);
    if (!leaf)
        return leaf.error();
    auto point = credentialPoint(*attested);
    if (!point)
        return point.error();
    QByteArray verificationData;
    verificationData.reserve(1 + 32 + 32 + attested->credentialId.size() + 65);
    verificationData.append('\0')
        .append(in.authenticatorData.rpIdHash)
        .append(in.clientDataHash)
        .append(attested->credentialId)
        .append(*point);
    if (auto r =
            verifySignature(cose::ES256, leaf->publicKey(), verificationData, sig.toByteArray());
        !r)
        return makeError(
            ErrorCode::AttestationSignatureInvalid,
            QStringLiteral("The fido-u2f attestation signature does not verify with the "
                           "attestation certificate's key."));
    auto trusted =
        verifyAttestationChain({*leaf}, trust.rootsByFormat.value(kFormat), trust.verifyTime);
    if (!trusted)
        return trusted.error();
    AttestationResult result;
    result.format = kFormat;
    result.type = AttestationType::Basic;
    result.trustPath = {leaf->der()};
    result.trusted = *trusted;
    return result;
}

} // namespace latchkey::webauthn

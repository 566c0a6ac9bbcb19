#include "webauthn/attestation.h"
#include "webauthn/attestation/certificate.h"

#include <QCborArray>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace latchkey::webauthn {

namespace {

const QString kFormat = QStringLiteral("packed");

Error malformed(const QString& why)
{
    return makeError(ErrorCode::AttestationStatementMalformed,
                     QStringLiteral("The packed attestation statement is malformed: %1.").arg(why));
}

struct PackedStatement {
    int alg = 0;
    QByteArray sig;
    QCborValue x5c; // undefined for self attestation
};

Result<PackedStatement> readStatement(const QCborMap& statement)
{
    if (statement.isEmpty())
        return malformed(QStringLiteral("it is empty"));
    const QCborValue alg = statement.value(QLatin1String("alg"));
    const QCborValue sig = statement.value(QLatin1String("sig"));
    if (!alg.isInteger())
        return malformed(QStringLiteral("\"alg\" is missing or not an integer"));
    if (!sig.isByteArray() || sig.toByteArray().isEmpty())
        return malformed(QStringLiteral("\"sig\" is missing, not a byte string, or empty"));
    if (statement.contains(QLatin1String("ecdaaKeyId")))
        return makeError(
            ErrorCode::AttestationFormatUnsupported,
            QStringLiteral("ECDAA attestation was removed from WebAuthn and is not supported."));
    const qint64 algValue = alg.toInteger();
    if (algValue < -65536 || algValue > 65536)
        return malformed(QStringLiteral("\"alg\" is not a COSE algorithm"));
    PackedStatement out;
    out.alg = static_cast<int>(algValue);
    out.sig = sig.toByteArray();
    out.x5c = statement.value(QLatin1String("x5c"));
    return out;
}

QByteArray signedData(const AttestationInput& in)
{
    QByteArray data;
    data.reserve(in.authenticatorData.raw.size() + in.clientDataHash.size());
    return data.append(in.authenticatorData.raw).append(in.clientDataHash);
}

Error leafInvalid(const QString& why)
{
    return makeError(
        ErrorCode::AttestationCertificateInvalid,
        QStringLiteral("The packed attestation certificate does not meet §8.2.1: %1.").arg(why));
}

// §8.2.1 Certificate Requirements for Packed Attestation Statements.
Result<void> checkLeafRequirements(const Certificate& leaf)
{
    if (leaf.version() != 3)
        return leafInvalid(QStringLiteral("it is not an X.509 version 3 certificate"));
    if (leaf.subjectField("C").size() != 2)
        return leafInvalid(QStringLiteral("the subject has no two-letter country (C)"));
    if (leaf.subjectField("O").isEmpty())
        return leafInvalid(QStringLiteral("the subject has no organization (O)"));
    if (leaf.subjectField("OU") != QLatin1String("Authenticator Attestation"))
        return leafInvalid(QStringLiteral("the subject OU is not \"Authenticator Attestation\""));
    if (leaf.subjectField("CN").isEmpty())
        return leafInvalid(QStringLiteral("the subject has no common name (CN)"));
    if (X509_get_extension_flags(leaf.x509()) & EXFLAG_CA)
        return leafInvalid(QStringLiteral("its basic constraints make it a CA"));
    return {};
}

Result<AttestationResult> verifyFull(const AttestationInput& in, const AttestationTrust& trust,
                                     const PackedStatement& statement)
{
    if (!statement.x5c.isArray() || statement.x5c.toArray().isEmpty())
        return malformed(QStringLiteral("\"x5c\" is not a non-empty array"));
    auto chain = Certificate::fromX5c(statement.x5c);
    if (!chain)
        return chain.error();
    const Certificate& leaf = chain->first();
    if (auto r = verifySignature(statement.alg, leaf.publicKey(), signedData(in), statement.sig);
        !r)
        return makeError(r.error().code == ErrorCode::SignatureInvalid
                             ? ErrorCode::AttestationSignatureInvalid
                             : ErrorCode::AttestationAlgorithmMismatch,
                         QStringLiteral("The packed attestation signature does not verify with the "
                                        "attestation certificate's key: %1")
                             .arg(r.error().message));
    if (auto r = checkLeafRequirements(leaf); !r)
        return r.error();
    if (auto r = checkAaguidExtension(leaf, in.authenticatorData.attestedCredentialData->aaguid);
        !r)
        return r.error();
    auto trusted =
        verifyAttestationChain(*chain, trust.rootsByFormat.value(kFormat), trust.verifyTime);
    if (!trusted)
        return trusted.error();
    AttestationResult result;
    result.format = kFormat;
    result.type = AttestationType::Basic;
    for (const Certificate& cert : *chain)
        result.trustPath.append(cert.der());
    result.trusted = *trusted;
    return result;
}

Result<AttestationResult> verifySelf(const AttestationInput& in, const PackedStatement& statement)
{
    const CoseKey& key = in.authenticatorData.attestedCredentialData->credentialPublicKey;
    if (statement.alg != key.algorithm())
        return makeError(
            ErrorCode::AttestationAlgorithmMismatch,
            QStringLiteral("The packed self attestation names algorithm %1 but the credential "
                           "key is algorithm %2.")
                .arg(statement.alg)
                .arg(key.algorithm()));
    if (auto r = key.verify(signedData(in), statement.sig); !r)
        return makeError(
            ErrorCode::AttestationSignatureInvalid,
            QStringLiteral("The packed self attestation signature does not verify with the "
                           "credential key."));
    AttestationResult result;
    result.format = kFormat;
    result.type = AttestationType::Self;
    return result;
}

} // namespace

// §8.2 Packed Attestation Statement Format.
Result<AttestationResult> verifyPackedAttestation(const AttestationInput& in,
                                                  const AttestationTrust& trust)
{
    if (!in.authenticatorData.attestedCredentialData)
        return makeError(
            ErrorCode::AttestedDataFlagMismatch,
            QStringLiteral("The authenticator data carries no attested credential data."));
    auto statement = readStatement(in.statement);
    if (!statement)
        return statement.error();
    if (statement->x5c.isUndefined())
        return verifySelf(in, *statement);
    return verifyFull(in, trust, *statement);
}

} // namespace latchkey::webauthn

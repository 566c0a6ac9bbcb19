#include "webauthn/attestation/statement_fields.h"

#include "webauthn/cose_key.h"

#include <QCborValue>

namespace latchkey::webauthn {

namespace {

Error malformed(const QString& format, const QString& key, const QString& expected)
{
    return makeError(ErrorCode::AttestationStatementMalformed,
                     QStringLiteral("The %1 attestation statement's \"%2\" must be %3.")
                         .arg(format, key, expected));
}

} // namespace

Result<QByteArray> statementBytes(const QCborMap& statement, const QString& format,
                                  const QString& key)
{
    const QCborValue value = statement.value(key);
    if (!value.isByteArray() || value.toByteArray().isEmpty())
        return malformed(format, key, QStringLiteral("a non-empty byte string"));
    return value.toByteArray();
}

Result<QString> statementText(const QCborMap& statement, const QString& format, const QString& key)
{
    const QCborValue value = statement.value(key);
    if (!value.isString() || value.toString().isEmpty())
        return malformed(format, key, QStringLiteral("a non-empty text string"));
    return value.toString();
}

Result<int> statementAlgorithm(const QCborMap& statement, const QString& format)
{
    const QCborValue value = statement.value(QStringLiteral("alg"));
    if (!value.isInteger())
        return malformed(format, QStringLiteral("alg"), QStringLiteral("a COSE algorithm number"));
    const qint64 alg = value.toInteger();
    if (alg < -65536 || alg > 65535 || !hashForCoseAlgorithm(static_cast<int>(alg)))
        return makeError(ErrorCode::AlgorithmNotAllowed,
                         QStringLiteral("The %1 attestation statement uses COSE algorithm %2, "
                                        "which is not supported.")
                             .arg(format)
                             .arg(alg));
    return static_cast<int>(alg);
}

QByteArray attestationToBeSigned(const AttestationInput& in)
{
    return in.authenticatorData.raw + in.clientDataHash;
}

std::optional<QCryptographicHash::Algorithm> hashForCoseAlgorithm(int alg)
{
    switch (alg) {
    case cose::RS1:
        return QCryptographicHash::Sha1;
    case cose::ES256:
    case cose::RS256:
    case cose::PS256:
        return QCryptographicHash::Sha256;
    case cose::ES384:
    case cose::RS384:
    case cose::PS384:
        return QCryptographicHash::Sha384;
    case cose::ES512:
    case cose::RS512:
    case cose::PS512:
        return QCryptographicHash::Sha512;
    default:
        return std::nullopt;
    }
}

Result<CoseKey> credentialKey(const AttestationInput& in, const QString& format)
{
    if (!in.authenticatorData.attestedCredentialData)
        return makeError(ErrorCode::AttestedDataFlagMismatch,
                         QStringLiteral("The %1 attestation needs attested credential data in "
                                        "authData, and there is none.")
                             .arg(format));
    return in.authenticatorData.attestedCredentialData->credentialPublicKey;
}

QList<QByteArray> derChain(const QList<Certificate>& chain)
{
    QList<QByteArray> ders;
    for (const Certificate& cert : chain)
        ders.append(cert.der());
    return ders;
}

QList<QByteArray> rootsFor(const AttestationTrust& trust, const QString& format)
{
    return trust.rootsByFormat.value(format);
}

} // namespace latchkey::webauthn

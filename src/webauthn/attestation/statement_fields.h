#pragma once

#include "webauthn/attestation.h"
#include "webauthn/attestation/certificate.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QCborMap>
#include <QCryptographicHash>
#include <QList>
#include <QString>
#include <optional>

namespace latchkey::webauthn {

// Reading attStmt members for the tpm, android-key, android-safetynet and apple formats.
// A missing or mistyped member is AttestationStatementMalformed naming the format and member.
Result<QByteArray> statementBytes(const QCborMap& statement, const QString& format,
                                  const QString& key);
Result<QString> statementText(const QCborMap& statement, const QString& format, const QString& key);
Result<int> statementAlgorithm(const QCborMap& statement, const QString& format);

// authData ‖ clientDataHash: what attestation signatures and nonces cover (§8).
QByteArray attestationToBeSigned(const AttestationInput& in);

// The hash a COSE signature algorithm uses (RS1 -> SHA-1, ES256/RS256/PS256 -> SHA-256, ...).
std::optional<QCryptographicHash::Algorithm> hashForCoseAlgorithm(int alg);

// The credential public key of the attested credential data, or an error when absent.
Result<CoseKey> credentialKey(const AttestationInput& in, const QString& format);

// DER certificates of a chain, leaf first: the trust path of an AttestationResult.
QList<QByteArray> derChain(const QList<Certificate>& chain);

// The configured roots of one format (empty when none are configured).
QList<QByteArray> rootsFor(const AttestationTrust& trust, const QString& format);

} // namespace latchkey::webauthn

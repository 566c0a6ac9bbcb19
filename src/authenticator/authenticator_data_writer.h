#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QString>
#include <optional>

namespace latchkey::authenticator {

// Latchkey's AAGUID (random v4 UUID d6843ecc-a929-41df-a698-40df8f209f70, fixed forever): it
// names this authenticator model in attested credential data.
// It stands for Latchkey with its software key store (keys sealed in a file).
QByteArray latchkeyAaguid();
// Latchkey with its TPM key store (random v4 UUID e05b567d-0914-438f-b525-f5479694837a,
// fixed forever).
QByteArray latchkeyTpmAaguid();

// COSE_Key of an ES256 public key (RFC 9053 §7.1.1): {1: 2, 3: -7, -1: 1, -2: x, -3: y}, keys
// in CTAP2 canonical order. publicPoint is 0x04 || x || y.
QCborMap es256CoseKey(const QByteArray& publicPoint);

// SubjectPublicKeyInfo DER of a P-256 public point (id-ecPublicKey, prime256v1).
QByteArray p256SpkiDer(const QByteArray& publicPoint);

struct AttestedCredential {
    QByteArray aaguid;
    QByteArray credentialId;
    QCborMap credentialPublicKey;
};

// Authenticator data (WebAuthn L3 §6.1): rpIdHash || flags || signCount (big-endian) ||
// [attested credential data: aaguid || credentialIdLength (big-endian) || credentialId ||
// COSE key]. AT is set when attested is given; ED is never set (no extension outputs).
QByteArray authenticatorData(const QString& rpId, quint8 flagBits, quint32 signCount,
                             const std::optional<AttestedCredential>& attested = std::nullopt);

// The attestation object (§6.5): CBOR {"fmt", "attStmt", "authData"}, canonical key order.
QByteArray attestationObject(const QString& fmt, const QCborMap& attStmt,
                             const QByteArray& authData);

} // namespace latchkey::authenticator

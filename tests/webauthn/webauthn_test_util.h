#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCborMap>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

// Helpers for the core's unit tests: real OpenSSL keys made at test time, and the byte
// layouts of WebAuthn built by hand so each test can break exactly one rule.
namespace latchkey::webauthn::test {

using KeyPtr = std::shared_ptr<EVP_PKEY>;

// A fresh key for a COSE algorithm: ES256/384/512 (P-256/384/521), EdDSA (Ed25519), RSA 2048
// for RS*/PS*/RS1.
KeyPtr generateKey(int coseAlgorithm);
// Its public key as a COSE_Key map and as CBOR bytes.
QCborMap coseKeyMap(EVP_PKEY* key, int coseAlgorithm);
QByteArray coseKeyCbor(EVP_PKEY* key, int coseAlgorithm);
// Signs as an authenticator would (DER ECDSA, Ed25519, PKCS#1 v1.5, PSS with salt = digest).
QByteArray sign(EVP_PKEY* key, int coseAlgorithm, QByteArrayView data);

struct AttestedPart {
    QByteArray aaguid = QByteArray(16, '\0');
    QByteArray credentialId;
    QByteArray coseKey;
};

// rpIdHash ‖ flags ‖ signCount ‖ [attested credential data] ‖ [extensions], exactly as given
// (flags are not adjusted to what follows).
QByteArray authenticatorData(const QString& rpId, quint8 flags, quint32 signCount,
                             const std::optional<AttestedPart>& attested = std::nullopt,
                             const QByteArray& extensions = {});

QByteArray clientDataJson(const QString& type, const QByteArray& challenge, const QString& origin,
                          const QJsonObject& extra = {});

// A registration with fmt "none" and an authentication, as a browser's JSON.
QJsonObject registrationJson(const QByteArray& credentialId, const QByteArray& clientData,
                             const QByteArray& attestationObject);
QByteArray noneAttestationObject(const QByteArray& authData);
QJsonObject authenticationJson(const QByteArray& credentialId, const QByteArray& clientData,
                               const QByteArray& authData, const QByteArray& signature,
                               const std::optional<QByteArray>& userHandle = std::nullopt);

QByteArray sha256(QByteArrayView data);

} // namespace latchkey::webauthn::test

#pragma once

#include "webauthn/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCborMap>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace latchkey::webauthn {

// COSE algorithm identifiers (IANA COSE Algorithms registry) that a relying party meets.
namespace cose {
inline constexpr int ES256 = -7;
inline constexpr int ES384 = -35;
inline constexpr int ES512 = -36;
inline constexpr int EdDSA = -8;
inline constexpr int RS256 = -257;
inline constexpr int RS384 = -258;
inline constexpr int RS512 = -259;
inline constexpr int PS256 = -37;
inline constexpr int PS384 = -38;
inline constexpr int PS512 = -39;
inline constexpr int RS1 = -65535;
} // namespace cose

// A credential public key as COSE_Key (RFC 9052/9053), held as an OpenSSL EVP_PKEY built with
// EVP_PKEY_fromdata (no PEM or d2i decoder on the hot path). Cheap to copy: the key is shared.
class CoseKey {
public:
    // Parses a COSE_Key CBOR map: EC2 (P-256/384/521), OKP (Ed25519), RSA.
    static Result<CoseKey> fromCbor(QByteArrayView cbor);
    static Result<CoseKey> fromMap(const QCborMap& map);

    int algorithm() const { return m_algorithm; }
    int keyType() const { return m_keyType; }
    EVP_PKEY* evp() const { return m_key.get(); }

    // Verifies signature over data with this key's own algorithm.
    Result<void> verify(QByteArrayView data, QByteArrayView signature) const;
    // True when other holds the same public key (EVP_PKEY_eq).
    bool samePublicKey(EVP_PKEY* other) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    int m_algorithm = 0;
    int m_keyType = 0;
};

// Verifies signature over data with key by COSE algorithm alg: ECDSA with DER signatures,
// EdDSA, RSASSA-PKCS1-v1_5, RSASSA-PSS (salt length = digest length), RS1.
// Used for credential keys and for attestation certificates' keys alike.
Result<void> verifySignature(int alg, EVP_PKEY* key, QByteArrayView data, QByteArrayView signature);

} // namespace latchkey::webauthn

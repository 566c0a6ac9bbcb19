#pragma once

#include "authenticator/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace latchkey::authenticator {

// A P-256 private key through OpenSSL 3 (EVP_PKEY). Key stores build on it; nothing outside a
// key store should hold one.
class EcP256Key {
public:
    EcP256Key() = default; // holds no key; only for containers
    static KeyStoreResult<EcP256Key> generate();
    // From the 32-byte big-endian private scalar, as sealed at rest.
    static KeyStoreResult<EcP256Key> fromPrivateScalar(QByteArrayView scalar);

    QByteArray privateScalar() const; // 32 bytes, big-endian
    QByteArray publicPoint() const;   // 65 bytes, 0x04 || x || y
    QByteArray publicKeySpkiDer() const;
    // ECDSA over SHA-256(data), DER encoded.
    KeyStoreResult<QByteArray> sign(QByteArrayView data) const;
    EVP_PKEY* evp() const { return m_key.get(); }

private:
    explicit EcP256Key(EVP_PKEY* key);

    std::shared_ptr<EVP_PKEY> m_key;
};

// Cryptographically random bytes (RAND_bytes); empty on the rare failure.
QByteArray randomBytes(qsizetype count);

// Overwrites a secret before its memory is released.
void wipe(QByteArray& secret);

} // namespace latchkey::authenticator

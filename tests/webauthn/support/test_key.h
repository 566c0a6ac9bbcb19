#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCborMap>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace latchkey::webauthn::testing {

// A software key pair for one COSE algorithm, generated with OpenSSL at test time.
// Cheap to copy: the key is shared.
class TestKey {
public:
    // ES256, ES384 (EC2), EdDSA (Ed25519), RS256, PS256 (RSA 2048). Aborts on anything else:
    // a test asking for an algorithm this helper cannot make is a bug in the test.
    static TestKey generate(int coseAlgorithm);
    // A fixed key from a PEM private key (for corpora and benchmarks that must not change).
    static TestKey fromPrivateKeyPem(const QByteArray& pem, int coseAlgorithm);

    int algorithm() const { return m_algorithm; }
    EVP_PKEY* evp() const { return m_key.get(); }

    // The public key as a COSE_Key map (kty, alg, crv/x/y or n/e), as an authenticator sends it.
    QCborMap coseKey() const;
    QByteArray coseKeyCbor() const;
    // The uncompressed EC point 0x04 || x || y (fido-u2f's publicKeyU2F); EC2 keys only.
    QByteArray uncompressedPoint() const;
    // SubjectPublicKeyInfo DER, for comparing with certificates.
    QByteArray publicKeyDer() const;

    // Signs data as an authenticator does for this algorithm: DER ECDSA, raw Ed25519,
    // RSASSA-PKCS1-v1_5 or RSASSA-PSS (salt length = digest length).
    QByteArray sign(QByteArrayView data) const;
    // Same, with an algorithm other than the key's own (to build "alg does not match" cases).
    QByteArray signAs(int coseAlgorithm, QByteArrayView data) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    int m_algorithm = 0;
};

} // namespace latchkey::webauthn::testing

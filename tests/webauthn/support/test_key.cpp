#include "test_key.h"

#include "webauthn/cose_key.h"

#include <QCborValue>
#include <cstdio>
#include <cstdlib>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace latchkey::webauthn::testing {

namespace {

// COSE_Key labels (RFC 9052 §7, RFC 9053 §7).
constexpr int kKty = 1;
constexpr int kAlg = 3;
constexpr int kCrvOrN = -1;
constexpr int kXOrE = -2;
constexpr int kY = -3;
constexpr int kKtyOkp = 1;
constexpr int kKtyEc2 = 2;
constexpr int kKtyRsa = 3;

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "TestKey: %s\n", what);
    std::abort();
}

bool isEc(int alg)
{
    return alg == cose::ES256 || alg == cose::ES384 || alg == cose::ES512;
}

bool isRsa(int alg)
{
    return alg == cose::RS256 || alg == cose::PS256 || alg == cose::RS384 || alg == cose::PS384 ||
           alg == cose::RS512 || alg == cose::PS512 || alg == cose::RS1;
}

bool isPss(int alg)
{
    return alg == cose::PS256 || alg == cose::PS384 || alg == cose::PS512;
}

const EVP_MD* digestFor(int alg)
{
    switch (alg) {
    case cose::ES256:
    case cose::RS256:
    case cose::PS256:
        return EVP_sha256();
    case cose::ES384:
    case cose::RS384:
    case cose::PS384:
        return EVP_sha384();
    case cose::ES512:
    case cose::RS512:
    case cose::PS512:
        return EVP_sha512();
    case cose::RS1:
        return EVP_sha1();
    default:
        return nullptr; // EdDSA hashes internally
    }
}

int ecCoordinateSize(int alg)
{
    return alg == cose::ES256 ? 32 : alg == cose::ES384 ? 48 : 66;
}

int coseCurve(int alg)
{
    return alg == cose::ES256 ? 1 : alg == cose::ES384 ? 2 : 3;
}

const char* curveName(int alg)
{
    return alg == cose::ES256 ? "P-256" : alg == cose::ES384 ? "P-384" : "P-521";
}

EVP_PKEY* generateRaw(int alg)
{
    if (isEc(alg))
        return EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curveName(alg));
    if (alg == cose::EdDSA)
        return EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (isRsa(alg))
        return EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048});
    fail("unsupported COSE algorithm");
}

QByteArray bnParam(EVP_PKEY* key, const char* name, int width)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        fail("cannot read key parameter");
    const int size = width > 0 ? width : BN_num_bytes(bn);
    QByteArray out(size, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), size);
    BN_free(bn);
    return out;
}

QByteArray rawPublicKey(EVP_PKEY* key)
{
    size_t length = 0;
    EVP_PKEY_get_raw_public_key(key, nullptr, &length);
    QByteArray out(static_cast<qsizetype>(length), '\0');
    EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(out.data()), &length);
    return out;
}

} // namespace

TestKey TestKey::generate(int coseAlgorithm)
{
    EVP_PKEY* raw = generateRaw(coseAlgorithm);
    if (!raw)
        fail("key generation failed");
    TestKey key;
    key.m_key = std::shared_ptr<EVP_PKEY>(raw, EVP_PKEY_free);
    key.m_algorithm = coseAlgorithm;
    return key;
}

TestKey TestKey::fromPrivateKeyPem(const QByteArray& pem, int coseAlgorithm)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!raw)
        fail("cannot read the PEM private key");
    TestKey key;
    key.m_key = std::shared_ptr<EVP_PKEY>(raw, EVP_PKEY_free);
    key.m_algorithm = coseAlgorithm;
    return key;
}

QCborMap TestKey::coseKey() const
{
    QCborMap map;
    if (isEc(m_algorithm)) {
        const int size = ecCoordinateSize(m_algorithm);
        map.insert(kKty, kKtyEc2);
        map.insert(kAlg, m_algorithm);
        map.insert(kCrvOrN, coseCurve(m_algorithm));
        map.insert(kXOrE, bnParam(evp(), OSSL_PKEY_PARAM_EC_PUB_X, size));
        map.insert(kY, bnParam(evp(), OSSL_PKEY_PARAM_EC_PUB_Y, size));
    } else if (m_algorithm == cose::EdDSA) {
        map.insert(kKty, kKtyOkp);
        map.insert(kAlg, m_algorithm);
        map.insert(kCrvOrN, 6); // Ed25519
        map.insert(kXOrE, rawPublicKey(evp()));
    } else {
        map.insert(kKty, kKtyRsa);
        map.insert(kAlg, m_algorithm);
        map.insert(kCrvOrN, bnParam(evp(), OSSL_PKEY_PARAM_RSA_N, 0));
        map.insert(kXOrE, bnParam(evp(), OSSL_PKEY_PARAM_RSA_E, 0));
    }
    return map;
}

QByteArray TestKey::coseKeyCbor() const
{
    return coseKey().toCborValue().toCbor();
}

QByteArray TestKey::uncompressedPoint() const
{
    const int size = ecCoordinateSize(m_algorithm);
    return QByteArray(1, '\x04') + bnParam(evp(), OSSL_PKEY_PARAM_EC_PUB_X, size) +
           bnParam(evp(), OSSL_PKEY_PARAM_EC_PUB_Y, size);
}

QByteArray TestKey::publicKeyDer() const
{
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(evp(), &der);
    QByteArray out(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return out;
}

QByteArray TestKey::sign(QByteArrayView data) const
{
    return signAs(m_algorithm, data);
}

QByteArray TestKey::signAs(int coseAlgorithm, QByteArrayView data) const
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestSignInit(ctx, &pctx, digestFor(coseAlgorithm), nullptr, evp()) != 1)
        fail("EVP_DigestSignInit failed");
    if (isPss(coseAlgorithm)) {
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
    }
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    size_t length = 0;
    EVP_DigestSign(ctx, nullptr, &length, in, static_cast<size_t>(data.size()));
    QByteArray out(static_cast<qsizetype>(length), '\0');
    if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(out.data()), &length, in,
                       static_cast<size_t>(data.size())) != 1)
        fail("EVP_DigestSign failed");
    EVP_MD_CTX_free(ctx);
    out.truncate(static_cast<qsizetype>(length));
    return out;
}

} // namespace latchkey::webauthn::testing

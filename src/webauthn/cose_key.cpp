#include "webauthn/cose_key.h"

#include "webauthn/cbor_limits.h"

#include <QCborValue>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

namespace latchkey::webauthn {

namespace {

// COSE_Key labels and values (RFC 9052 §7, RFC 9053 §7, RFC 8230 §4).
namespace label {
constexpr int Kty = 1;
constexpr int Alg = 3;
constexpr int Crv = -1; // EC2 and OKP
constexpr int X = -2;
constexpr int Y = -3;
constexpr int N = -1; // RSA
constexpr int E = -2;
constexpr int EcPrivate = -4;  // d of EC2 and OKP
constexpr int RsaPrivate = -3; // d of RSA
} // namespace label

namespace kty {
constexpr int OKP = 1;
constexpr int EC2 = 2;
constexpr int RSA = 3;
} // namespace kty

struct PkeyDeleter {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CtxDeleter {
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct BldDeleter {
    void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamDeleter {
    void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct BnDeleter {
    void operator()(BIGNUM* bn) const { BN_free(bn); }
};
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

Error malformed(const QString& why)
{
    return makeError(
        ErrorCode::CoseKeyMalformed,
        QStringLiteral("The credential public key (COSE_Key) is malformed: %1.").arg(why));
}

Error unsupported(const QString& why)
{
    return makeError(ErrorCode::CoseKeyUnsupported,
                     QStringLiteral("The credential public key is not supported: %1.").arg(why));
}

struct CurveInfo {
    int coseCurve;
    const char* groupName;
    qsizetype coordinateLength;
    int algorithm;
};

constexpr CurveInfo kCurves[] = {
    {1, "prime256v1", 32, cose::ES256},
    {2, "secp384r1", 48, cose::ES384},
    {3, "secp521r1", 66, cose::ES512},
};

bool isRsaAlgorithm(int alg)
{
    switch (alg) {
    case cose::RS256:
    case cose::RS384:
    case cose::RS512:
    case cose::PS256:
    case cose::PS384:
    case cose::PS512:
    case cose::RS1:
        return true;
    default:
        return false;
    }
}

Result<QByteArray> byteMember(const QCborMap& map, int key, const char* name)
{
    const QCborValue value = map.value(key);
    if (value.isUndefined())
        return malformed(QStringLiteral("the %1 parameter is missing").arg(QLatin1String(name)));
    if (!value.isByteArray())
        return malformed(
            QStringLiteral("the %1 parameter is not a byte string").arg(QLatin1String(name)));
    return value.toByteArray();
}

Result<std::shared_ptr<EVP_PKEY>> keyFromParams(const char* type, OSSL_PARAM* params)
{
    std::unique_ptr<EVP_PKEY_CTX, CtxDeleter> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0)
        return makeError(
            ErrorCode::InternalError,
            QStringLiteral("OpenSSL could not prepare a %1 key.").arg(QLatin1String(type)));
    EVP_PKEY* key = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) <= 0 || !key) {
        ERR_clear_error();
        return malformed(QStringLiteral("OpenSSL refused the %1 public key (not a valid key)")
                             .arg(QLatin1String(type)));
    }
    return std::shared_ptr<EVP_PKEY>(key, PkeyDeleter{});
}

Result<std::shared_ptr<EVP_PKEY>> ec2Key(const QCborMap& map, int alg)
{
    const QCborValue crv = map.value(label::Crv);
    if (!crv.isInteger())
        return malformed(QStringLiteral("the EC2 key has no integer crv"));
    const CurveInfo* curve = nullptr;
    for (const auto& c : kCurves)
        if (c.coseCurve == crv.toInteger())
            curve = &c;
    if (!curve)
        return unsupported(
            QStringLiteral("EC2 curve %1 (P-256, P-384 and P-521 are)").arg(crv.toInteger()));
    if (alg != curve->algorithm)
        return unsupported(QStringLiteral("algorithm %1 does not go with curve %2")
                               .arg(alg)
                               .arg(curve->groupName));
    auto x = byteMember(map, label::X, "x");
    if (!x)
        return x.error();
    auto y = byteMember(map, label::Y, "y");
    if (!y)
        return y.error();
    if (x->size() != curve->coordinateLength || y->size() != curve->coordinateLength)
        return malformed(QStringLiteral("x and y must be %1 bytes for %2")
                             .arg(curve->coordinateLength)
                             .arg(QLatin1String(curve->groupName)));
    QByteArray point;
    point.reserve(1 + 2 * curve->coordinateLength);
    point.append('\x04').append(*x).append(*y);
    // A parameter array on the stack: the builder's allocations show on this hot path.
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                         const_cast<char*>(curve->groupName), 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                          static_cast<size_t>(point.size())),
        OSSL_PARAM_construct_end(),
    };
    return keyFromParams("EC", params);
}

Result<std::shared_ptr<EVP_PKEY>> okpKey(const QCborMap& map, int alg)
{
    const QCborValue crv = map.value(label::Crv);
    if (!crv.isInteger())
        return malformed(QStringLiteral("the OKP key has no integer crv"));
    if (crv.toInteger() != 6)
        return unsupported(
            QStringLiteral("OKP curve %1 (only Ed25519, 6, is)").arg(crv.toInteger()));
    if (alg != cose::EdDSA)
        return unsupported(QStringLiteral("algorithm %1 does not go with Ed25519").arg(alg));
    auto x = byteMember(map, label::X, "x");
    if (!x)
        return x.error();
    if (x->size() != 32)
        return malformed(QStringLiteral("an Ed25519 key is 32 bytes"));
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, x->data(), 32),
        OSSL_PARAM_construct_end(),
    };
    return keyFromParams("ED25519", params);
}

Result<std::shared_ptr<EVP_PKEY>> rsaKey(const QCborMap& map, int alg)
{
    if (!isRsaAlgorithm(alg))
        return unsupported(QStringLiteral("algorithm %1 does not go with an RSA key").arg(alg));
    auto n = byteMember(map, label::N, "n");
    if (!n)
        return n.error();
    auto e = byteMember(map, label::E, "e");
    if (!e)
        return e.error();
    std::unique_ptr<BIGNUM, BnDeleter> bnN(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(n->constData()),
                  static_cast<int>(n->size()), nullptr));
    std::unique_ptr<BIGNUM, BnDeleter> bnE(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(e->constData()),
                  static_cast<int>(e->size()), nullptr));
    if (!bnN || !bnE)
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("OpenSSL could not read the RSA numbers."));
    const int bits = BN_num_bits(bnN.get());
    if (bits < 1024 || bits > 16384)
        return unsupported(
            QStringLiteral("an RSA modulus of %1 bits (1024 to 16384 are accepted)").arg(bits));
    if (!BN_is_odd(bnE.get()) || BN_num_bits(bnE.get()) < 2 || BN_num_bits(bnE.get()) > 64)
        return malformed(QStringLiteral("the RSA public exponent is not a usable odd number"));
    std::unique_ptr<OSSL_PARAM_BLD, BldDeleter> bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()))
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("OpenSSL could not build RSA parameters."));
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(bld.get()));
    if (!params)
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("OpenSSL could not build RSA parameters."));
    return keyFromParams("RSA", params.get());
}

// Digest of a COSE signature algorithm; nullptr for EdDSA (which hashes internally).
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
        return nullptr;
    }
}

int expectedKeyType(int alg)
{
    switch (alg) {
    case cose::ES256:
    case cose::ES384:
    case cose::ES512:
        return EVP_PKEY_EC;
    case cose::EdDSA:
        return EVP_PKEY_ED25519;
    default:
        return isRsaAlgorithm(alg) ? EVP_PKEY_RSA : EVP_PKEY_NONE;
    }
}

bool isPss(int alg)
{
    return alg == cose::PS256 || alg == cose::PS384 || alg == cose::PS512;
}

Error signatureInvalid()
{
    return makeError(
        ErrorCode::SignatureInvalid,
        QStringLiteral("The signature does not verify with the public key: the response "
                       "was altered or signed by a different key."));
}

} // namespace

Result<CoseKey> CoseKey::fromCbor(QByteArrayView cbor)
{
    auto value = decodeCborItem(cbor);
    if (!value)
        return malformed(value.error().message);
    if (!value->isMap())
        return malformed(QStringLiteral("it is not a CBOR map"));
    return fromMap(value->toMap());
}

Result<CoseKey> CoseKey::fromMap(const QCborMap& map)
{
    if (hasRepeatedKeys(map))
        return malformed(QStringLiteral("a label appears twice"));
    const QCborValue ktyValue = map.value(label::Kty);
    const QCborValue algValue = map.value(label::Alg);
    if (!ktyValue.isInteger())
        return malformed(QStringLiteral("kty (1) is missing or not an integer"));
    if (!algValue.isInteger())
        return malformed(QStringLiteral("alg (3) is missing or not an integer"));
    const qint64 keyType = ktyValue.toInteger();
    const qint64 alg64 = algValue.toInteger();
    if (alg64 < -65536 || alg64 > 65536)
        return unsupported(QStringLiteral("algorithm %1").arg(alg64));
    const int alg = static_cast<int>(alg64);
    // A public key that carries its private half was made by something broken or hostile.
    if (map.contains((keyType == kty::RSA) ? label::RsaPrivate : label::EcPrivate))
        return malformed(QStringLiteral("it contains private key material"));
    Result<std::shared_ptr<EVP_PKEY>> key = unsupported(QStringLiteral("key type %1").arg(keyType));
    if (keyType == kty::EC2)
        key = ec2Key(map, alg);
    else if (keyType == kty::OKP)
        key = okpKey(map, alg);
    else if (keyType == kty::RSA)
        key = rsaKey(map, alg);
    if (!key)
        return key.error();
    CoseKey result;
    result.m_key = std::move(*key);
    result.m_algorithm = alg;
    result.m_keyType = static_cast<int>(keyType);
    return result;
}

Result<void> CoseKey::verify(QByteArrayView data, QByteArrayView signature) const
{
    return verifySignature(m_algorithm, m_key.get(), data, signature);
}

bool CoseKey::samePublicKey(EVP_PKEY* other) const
{
    return m_key && other && EVP_PKEY_eq(m_key.get(), other) == 1;
}

Result<void> verifySignature(int alg, EVP_PKEY* key, QByteArrayView data, QByteArrayView signature)
{
    if (!key)
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("No public key was given to verify with."));
    const int keyType = expectedKeyType(alg);
    if (keyType == EVP_PKEY_NONE)
        return makeError(
            ErrorCode::AlgorithmNotAllowed,
            QStringLiteral("COSE algorithm %1 is not one this relying party verifies.").arg(alg));
    if (EVP_PKEY_get_base_id(key) != keyType)
        return makeError(
            ErrorCode::AlgorithmNotAllowed,
            QStringLiteral("COSE algorithm %1 does not match the type of the key.").arg(alg));
    if (signature.isEmpty())
        return signatureInvalid();
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, digestFor(alg), nullptr, key) <= 0)
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("OpenSSL could not start verifying."));
    if (isPss(alg) && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
                       EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0 ||
                       EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, digestFor(alg)) <= 0))
        return makeError(ErrorCode::InternalError,
                         QStringLiteral("OpenSSL could not set up RSA-PSS."));
    const int ok = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
        static_cast<size_t>(signature.size()), reinterpret_cast<const unsigned char*>(data.data()),
        static_cast<size_t>(data.size()));
    if (ok != 1) {
        ERR_clear_error(); // a failed verify leaves entries on this thread's error queue
        return signatureInvalid();
    }
    return {};
}

} // namespace latchkey::webauthn

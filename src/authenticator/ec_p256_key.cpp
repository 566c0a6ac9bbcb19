#include "authenticator/ec_p256_key.h"

#include <QCoreApplication>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

namespace latchkey::authenticator {
namespace {

constexpr int kScalarLength = 32;
constexpr int kPointLength = 65;

// what: a QT_TRANSLATE_NOOP phrase of this context, so the whole sentence is translated.
KeyStoreError cryptoError(const char* what)
{
    return keyStoreError(
        KeyStoreErrorCode::Crypto,
        QCoreApplication::translate("latchkey::authenticator::EcP256Key", "OpenSSL could not %1.")
            .arg(QCoreApplication::translate("latchkey::authenticator::EcP256Key", what)));
}

const unsigned char* bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char*>(data.data());
}

// The public point for a private scalar: OpenSSL's fromdata wants both for a usable key.
QByteArray publicPointFor(const BIGNUM* scalar)
{
    std::unique_ptr<EC_GROUP, decltype(&EC_GROUP_free)> group(
        EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1), EC_GROUP_free);
    if (!group)
        return {};
    std::unique_ptr<EC_POINT, decltype(&EC_POINT_free)> point(EC_POINT_new(group.get()),
                                                              EC_POINT_free);
    if (!point || !EC_POINT_mul(group.get(), point.get(), scalar, nullptr, nullptr, nullptr))
        return {};
    QByteArray out(kPointLength, '\0');
    const size_t written =
        EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED,
                           reinterpret_cast<unsigned char*>(out.data()), out.size(), nullptr);
    return written == size_t(kPointLength) ? out : QByteArray();
}

} // namespace

EcP256Key::EcP256Key(EVP_PKEY* key) : m_key(key, EVP_PKEY_free) {}

KeyStoreResult<EcP256Key> EcP256Key::generate()
{
    EVP_PKEY* key = EVP_EC_gen("P-256");
    if (!key)
        return cryptoError(
            QT_TRANSLATE_NOOP("latchkey::authenticator::EcP256Key", "generate a P-256 key"));
    return EcP256Key(key);
}

KeyStoreResult<EcP256Key> EcP256Key::fromPrivateScalar(QByteArrayView scalar)
{
    if (scalar.size() != kScalarLength)
        return keyStoreError(
            KeyStoreErrorCode::Corrupt,
            QCoreApplication::translate("latchkey::authenticator::EcP256Key",
                                        "A stored private key has the wrong length."));
    std::unique_ptr<BIGNUM, decltype(&BN_clear_free)> d(
        BN_bin2bn(bytes(scalar), kScalarLength, nullptr), BN_clear_free);
    const QByteArray point = d ? publicPointFor(d.get()) : QByteArray();
    if (point.isEmpty())
        return cryptoError(
            QT_TRANSLATE_NOOP("latchkey::authenticator::EcP256Key", "rebuild a stored P-256 key"));
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> build(OSSL_PARAM_BLD_new(),
                                                                          OSSL_PARAM_BLD_free);
    char group[] = "P-256";
    if (!build ||
        !OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) ||
        !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) ||
        !OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                          point.size()))
        return cryptoError(
            QT_TRANSLATE_NOOP("latchkey::authenticator::EcP256Key", "rebuild a stored P-256 key"));
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(
        OSSL_PARAM_BLD_to_param(build.get()), OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_KEYPAIR, params.get()) <= 0)
        return cryptoError(
            QT_TRANSLATE_NOOP("latchkey::authenticator::EcP256Key", "rebuild a stored P-256 key"));
    return EcP256Key(key);
}

QByteArray EcP256Key::privateScalar() const
{
    BIGNUM* d = nullptr;
    if (!EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &d))
        return {};
    QByteArray out(kScalarLength, '\0');
    const int written =
        BN_bn2binpad(d, reinterpret_cast<unsigned char*>(out.data()), kScalarLength);
    BN_clear_free(d);
    return written == kScalarLength ? out : QByteArray();
}

QByteArray EcP256Key::publicPoint() const
{
    QByteArray out(kPointLength, '\0');
    size_t length = 0;
    if (!EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                         reinterpret_cast<unsigned char*>(out.data()), out.size(),
                                         &length) ||
        length != size_t(kPointLength))
        return {};
    return out;
}

QByteArray EcP256Key::publicKeySpkiDer() const
{
    const int length = i2d_PUBKEY(m_key.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray out(length, '\0');
    auto* cursor = reinterpret_cast<unsigned char*>(out.data());
    return i2d_PUBKEY(m_key.get(), &cursor) == length ? out : QByteArray();
}

KeyStoreResult<QByteArray> EcP256Key::sign(QByteArrayView data) const
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) <= 0 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, bytes(data), data.size()) <= 0)
        return cryptoError(
            QT_TRANSLATE_NOOP("latchkey::authenticator::EcP256Key", "sign with a P-256 key"));
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       bytes(data), data.size()) <= 0)
        return cryptoError(
            QT_TRANSLATE_NOOP("latchkey::authenticator::EcP256Key", "sign with a P-256 key"));
    signature.truncate(qsizetype(length));
    return signature;
}

QByteArray randomBytes(qsizetype count)
{
    QByteArray out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), int(count)) != 1)
        return {};
    return out;
}

void wipe(QByteArray& secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret.clear();
}

} // namespace latchkey::authenticator

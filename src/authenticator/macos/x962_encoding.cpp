#include "authenticator/macos/x962_encoding.h"

#include <QCoreApplication>
#include <memory>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/obj_mac.h>

namespace latchkey::authenticator::macos {
namespace {

constexpr qsizetype kPointLength = 65;
constexpr qsizetype kMaxSignatureLength = 72; // SEQUENCE of two 33-byte INTEGERs

const unsigned char* bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char*>(data.data());
}

using Group = std::unique_ptr<EC_GROUP, decltype(&EC_GROUP_free)>;

Group p256()
{
    return Group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1), EC_GROUP_free);
}

KeyStoreError badSignature()
{
    return keyStoreError(
        KeyStoreErrorCode::Crypto,
        QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                    "The Secure Enclave answered with a malformed signature."));
}

KeyStoreError badPublicKey()
{
    return keyStoreError(
        KeyStoreErrorCode::Crypto,
        QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                    "The Secure Enclave answered with a malformed public key."));
}

// 1 <= value < order
bool inScalarRange(const BIGNUM* value, const BIGNUM* order)
{
    return !BN_is_zero(value) && !BN_is_negative(value) && BN_cmp(value, order) < 0;
}

} // namespace

KeyStoreResult<QByteArray> es256SignatureFromX962(QByteArrayView x962)
{
    if (x962.isEmpty() || x962.size() > kMaxSignatureLength)
        return badSignature();
    const unsigned char* cursor = bytes(x962);
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(
        d2i_ECDSA_SIG(nullptr, &cursor, long(x962.size())), ECDSA_SIG_free);
    if (!signature || cursor != bytes(x962) + x962.size())
        return badSignature();
    const Group group = p256();
    const BIGNUM* order = group ? EC_GROUP_get0_order(group.get()) : nullptr;
    if (!order || !inScalarRange(ECDSA_SIG_get0_r(signature.get()), order) ||
        !inScalarRange(ECDSA_SIG_get0_s(signature.get()), order))
        return badSignature();
    // d2i accepts some non-minimal encodings; a relying party may not, so only strict DER goes.
    unsigned char* encoded = nullptr;
    const int length = i2d_ECDSA_SIG(signature.get(), &encoded);
    if (length <= 0)
        return badSignature();
    const QByteArray der(reinterpret_cast<const char*>(encoded), length);
    OPENSSL_free(encoded);
    if (der != x962)
        return badSignature();
    return der;
}

KeyStoreResult<QByteArray> p256PointFromX963(QByteArrayView x963)
{
    if (x963.size() != kPointLength || x963.front() != '\x04')
        return badPublicKey();
    const Group group = p256();
    if (!group)
        return badPublicKey();
    std::unique_ptr<EC_POINT, decltype(&EC_POINT_free)> point(EC_POINT_new(group.get()),
                                                              EC_POINT_free);
    if (!point ||
        EC_POINT_oct2point(group.get(), point.get(), bytes(x963), size_t(x963.size()), nullptr) !=
            1 ||
        EC_POINT_is_on_curve(group.get(), point.get(), nullptr) != 1)
        return badPublicKey();
    return x963.toByteArray();
}

} // namespace latchkey::authenticator::macos

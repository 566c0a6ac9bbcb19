#include "webauthn_test_util.h"

#include "webauthn/base64url.h"
#include "webauthn/cose_key.h"

#include <QCborValue>
#include <QJsonDocument>
#include <cstdlib>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>

namespace latchkey::webauthn::test {

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

bool isEc(int alg)
{
    return alg == cose::ES256 || alg == cose::ES384 || alg == cose::ES512;
}

const char* curveName(int alg)
{
    return alg == cose::ES256 ? "P-256" : alg == cose::ES384 ? "P-384" : "P-521";
}

int coseCurve(int alg)
{
    return alg == cose::ES256 ? 1 : alg == cose::ES384 ? 2 : 3;
}

qsizetype coordinateLength(int alg)
{
    return alg == cose::ES256 ? 32 : alg == cose::ES384 ? 48 : 66;
}

const EVP_MD* digest(int alg)
{
    switch (alg) {
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
    case cose::EdDSA:
        return nullptr;
    default:
        return EVP_sha256();
    }
}

QByteArray bnParam(EVP_PKEY* key, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        std::abort();
    QByteArray out(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
    BN_free(bn);
    return out;
}

QByteArray octetParam(EVP_PKEY* key, const char* name)
{
    QByteArray out(200, '\0');
    size_t length = 0;
    if (EVP_PKEY_get_octet_string_param(key, name, reinterpret_cast<unsigned char*>(out.data()),
                                        static_cast<size_t>(out.size()), &length) != 1)
        std::abort();
    out.resize(static_cast<qsizetype>(length));
    return out;
}

} // namespace

KeyPtr generateKey(int alg)
{
    EVP_PKEY* key = nullptr;
    if (isEc(alg))
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curveName(alg));
    else if (alg == cose::EdDSA)
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    else
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048});
    if (!key)
        std::abort();
    return KeyPtr(key, PkeyFree{});
}

QCborMap coseKeyMap(EVP_PKEY* key, int alg)
{
    QCborMap map;
    if (isEc(alg)) {
        const QByteArray point = octetParam(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY);
        const qsizetype n = coordinateLength(alg);
        map.insert(1, 2);
        map.insert(3, alg);
        map.insert(-1, coseCurve(alg));
        map.insert(-2, point.mid(1, n));
        map.insert(-3, point.mid(1 + n, n));
    } else if (alg == cose::EdDSA) {
        map.insert(1, 1);
        map.insert(3, alg);
        map.insert(-1, 6);
        map.insert(-2, octetParam(key, OSSL_PKEY_PARAM_PUB_KEY));
    } else {
        map.insert(1, 3);
        map.insert(3, alg);
        map.insert(-1, bnParam(key, OSSL_PKEY_PARAM_RSA_N));
        map.insert(-2, bnParam(key, OSSL_PKEY_PARAM_RSA_E));
    }
    return map;
}

QByteArray coseKeyCbor(EVP_PKEY* key, int alg)
{
    return QCborValue(coseKeyMap(key, alg)).toCbor();
}

QByteArray sign(EVP_PKEY* key, int alg, QByteArrayView data)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestSignInit(ctx, &pctx, digest(alg), nullptr, key) != 1)
        std::abort();
    if (alg == cose::PS256 || alg == cose::PS384 || alg == cose::PS512) {
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
    }
    size_t length = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    EVP_DigestSign(ctx, nullptr, &length, in, static_cast<size_t>(data.size()));
    QByteArray out(static_cast<qsizetype>(length), '\0');
    if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(out.data()), &length, in,
                       static_cast<size_t>(data.size())) != 1)
        std::abort();
    out.resize(static_cast<qsizetype>(length));
    EVP_MD_CTX_free(ctx);
    return out;
}

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(32, '\0');
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), static_cast<size_t>(data.size()),
           reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

QByteArray authenticatorData(const QString& rpId, quint8 flags, quint32 signCount,
                             const std::optional<AttestedPart>& attested,
                             const QByteArray& extensions)
{
    QByteArray out = sha256(rpId.toUtf8());
    out.append(static_cast<char>(flags));
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((signCount >> shift) & 0xff));
    if (attested) {
        out.append(attested->aaguid);
        const auto n = attested->credentialId.size();
        out.append(static_cast<char>((n >> 8) & 0xff)).append(static_cast<char>(n & 0xff));
        out.append(attested->credentialId).append(attested->coseKey);
    }
    return out.append(extensions);
}

QByteArray clientDataJson(const QString& type, const QByteArray& challenge, const QString& origin,
                          const QJsonObject& extra)
{
    QJsonObject object = extra;
    object.insert(QStringLiteral("type"), type);
    object.insert(QStringLiteral("challenge"), encodeBase64UrlString(challenge));
    object.insert(QStringLiteral("origin"), origin);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray noneAttestationObject(const QByteArray& authData)
{
    QCborMap map;
    map.insert(QStringLiteral("fmt"), QStringLiteral("none"));
    map.insert(QStringLiteral("attStmt"), QCborMap());
    map.insert(QStringLiteral("authData"), authData);
    return QCborValue(map).toCbor();
}

QJsonObject registrationJson(const QByteArray& credentialId, const QByteArray& clientData,
                             const QByteArray& attestationObject)
{
    const QString id = encodeBase64UrlString(credentialId);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("rawId"), id},
        {QStringLiteral("type"), QStringLiteral("public-key")},
        {QStringLiteral("response"),
         QJsonObject{
             {QStringLiteral("clientDataJSON"), encodeBase64UrlString(clientData)},
             {QStringLiteral("attestationObject"), encodeBase64UrlString(attestationObject)}}},
        {QStringLiteral("clientExtensionResults"), QJsonObject{}},
    };
}

QJsonObject authenticationJson(const QByteArray& credentialId, const QByteArray& clientData,
                               const QByteArray& authData, const QByteArray& signature,
                               const std::optional<QByteArray>& userHandle)
{
    const QString id = encodeBase64UrlString(credentialId);
    QJsonObject response{{QStringLiteral("clientDataJSON"), encodeBase64UrlString(clientData)},
                         {QStringLiteral("authenticatorData"), encodeBase64UrlString(authData)},
                         {QStringLiteral("signature"), encodeBase64UrlString(signature)}};
    if (userHandle)
        response.insert(QStringLiteral("userHandle"), encodeBase64UrlString(*userHandle));
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("rawId"), id},
                       {QStringLiteral("type"), QStringLiteral("public-key")},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("clientExtensionResults"), QJsonObject{}}};
}

} // namespace latchkey::webauthn::test

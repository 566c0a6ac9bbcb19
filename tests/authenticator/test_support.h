#pragma once

// Small helpers shared by the authenticator tests: synchronous capture of callback answers and
// signature checks straight through OpenSSL (independent of the code under test).

#include "authenticator/authenticator.h"

#include <QByteArray>
#include <QtEndian>
#include <memory>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <optional>

namespace latchkey::authenticator::testing {

// Collects the one answer a callback API gives.
template <typename T> struct Captured {
    std::optional<T> value;
    int calls = 0;
    auto callback()
    {
        return [this](T answer) {
            ++calls;
            value.emplace(std::move(answer));
        };
    }
};

// Verifies an ES256 DER signature with a public key given as SubjectPublicKeyInfo DER.
inline bool verifyEs256(const QByteArray& spkiDer, const QByteArray& data,
                        const QByteArray& signature)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(spkiDer.constData());
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        d2i_PUBKEY(nullptr, &cursor, spkiDer.size()), EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!key || !ctx ||
        EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(
               ctx.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char*>(data.constData()),
               size_t(data.size())) == 1;
}

// Authenticator data fields (§6.1) read by offset, independently of the writer.
inline quint8 flagsOf(const QByteArray& authData)
{
    return quint8(authData.at(32));
}

inline quint32 signCountOf(const QByteArray& authData)
{
    return qFromBigEndian<quint32>(authData.constData() + 33);
}

} // namespace latchkey::authenticator::testing

#include "authenticator/software/sealed_box.h"

#include "authenticator/ec_p256_key.h"

#include <QCoreApplication>
#include <memory>
#include <openssl/evp.h>

namespace latchkey::authenticator {
namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char*>(data.data());
}

unsigned char* bytes(QByteArray& data)
{
    return reinterpret_cast<unsigned char*>(data.data());
}

KeyStoreError sealingFailed()
{
    return keyStoreError(KeyStoreErrorCode::Crypto,
                         QCoreApplication::translate("latchkey::authenticator::SealedBox",
                                                     "OpenSSL could not seal a key."));
}

KeyStoreError tampered()
{
    return keyStoreError(
        KeyStoreErrorCode::Corrupt,
        QCoreApplication::translate("latchkey::authenticator::SealedBox",
                                    "A sealed key failed its integrity check: the keys file "
                                    "was changed or belongs to another sealing key."));
}

// Initializes ctx for AES-256-GCM with key and nonce and feeds the associated data.
bool begin(EVP_CIPHER_CTX* ctx, bool encrypt, QByteArrayView key, QByteArrayView nonce,
           QByteArrayView associatedData)
{
    int ignored = 0;
    return EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) ==
               1 &&
           EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, int(nonce.size()), nullptr) == 1 &&
           EVP_CipherInit_ex(ctx, nullptr, nullptr, bytes(key), bytes(nonce), -1) == 1 &&
           EVP_CipherUpdate(ctx, nullptr, &ignored, bytes(associatedData),
                            int(associatedData.size())) == 1;
}

} // namespace

KeyStoreResult<QByteArray> seal(QByteArrayView key, QByteArrayView plaintext,
                                QByteArrayView associatedData)
{
    const QByteArray nonce = randomBytes(kSealNonceLength);
    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    if (key.size() != kSealingKeyLength || nonce.isEmpty() || !ctx ||
        !begin(ctx.get(), true, key, nonce, associatedData))
        return sealingFailed();
    QByteArray ciphertext(plaintext.size() + kSealTagLength, '\0');
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(ctx.get(), bytes(ciphertext), &written, bytes(plaintext),
                         int(plaintext.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), bytes(ciphertext) + written, &finalWritten) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(kSealTagLength),
                            bytes(ciphertext) + written + finalWritten) != 1)
        return sealingFailed();
    return nonce + ciphertext;
}

KeyStoreResult<QByteArray> openSealed(QByteArrayView key, QByteArrayView box,
                                      QByteArrayView associatedData)
{
    if (box.size() < kSealNonceLength + kSealTagLength)
        return tampered();
    const QByteArrayView nonce = box.first(kSealNonceLength);
    const QByteArrayView ciphertext =
        box.sliced(kSealNonceLength, box.size() - kSealNonceLength - kSealTagLength);
    QByteArray tag = box.last(kSealTagLength).toByteArray();
    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    if (key.size() != kSealingKeyLength || !ctx ||
        !begin(ctx.get(), false, key, nonce, associatedData))
        return sealingFailed();
    QByteArray plaintext(ciphertext.size(), '\0');
    int written = 0;
    int finalWritten = 0;
    const bool opened =
        EVP_CipherUpdate(ctx.get(), bytes(plaintext), &written, bytes(ciphertext),
                         int(ciphertext.size())) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(kSealTagLength), tag.data()) ==
            1 &&
        EVP_CipherFinal_ex(ctx.get(), bytes(plaintext) + written, &finalWritten) == 1;
    if (!opened) {
        wipe(plaintext);
        return tampered();
    }
    return plaintext;
}

} // namespace latchkey::authenticator

#include "authenticator/tpm/ecdsa_der.h"

#include <QCoreApplication>
#include <memory>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>

namespace latchkey::authenticator {

KeyStoreResult<QByteArray> derEcdsaSignature(QByteArrayView r, QByteArrayView s)
{
    const auto failed = [] {
        return keyStoreError(KeyStoreErrorCode::Crypto,
                             QCoreApplication::translate("latchkey::authenticator::EcdsaDer",
                                                         "The TPM's signature could not be "
                                                         "encoded; nothing was signed."));
    };
    if (r.isEmpty() || s.isEmpty())
        return failed();
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(ECDSA_SIG_new(),
                                                                    ECDSA_SIG_free);
    BIGNUM* rNumber =
        BN_bin2bn(reinterpret_cast<const unsigned char*>(r.data()), int(r.size()), nullptr);
    BIGNUM* sNumber =
        BN_bin2bn(reinterpret_cast<const unsigned char*>(s.data()), int(s.size()), nullptr);
    if (!signature || !rNumber || !sNumber ||
        ECDSA_SIG_set0(signature.get(), rNumber, sNumber) != 1) {
        BN_free(rNumber);
        BN_free(sNumber);
        return failed();
    }
    const int length = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (length <= 0)
        return failed();
    QByteArray der(length, '\0');
    auto* cursor = reinterpret_cast<unsigned char*>(der.data());
    if (i2d_ECDSA_SIG(signature.get(), &cursor) != length)
        return failed();
    return der;
}

} // namespace latchkey::authenticator

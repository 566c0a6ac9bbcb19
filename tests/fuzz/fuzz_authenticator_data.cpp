// libFuzzer target: authenticator data (§6.1), the parser every ceremony runs first.
#include "webauthn/authenticator_data.h"

#include <cstddef>
#include <cstdint>

using namespace latchkey::webauthn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto bytes =
        QByteArrayView(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto parsed = parseAuthenticatorData(bytes);
    if (parsed.ok() && parsed->raw.size() != bytes.size())
        __builtin_trap(); // the bytes that were signed must be exactly the input
    return 0;
}

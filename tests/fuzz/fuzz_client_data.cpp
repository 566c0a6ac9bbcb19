// libFuzzer target: clientDataJSON parsing and checking (§5.8.1, §7.1 steps 7-10).
#include "core/base64url.h"
#include "webauthn/client_data.h"

#include <cstddef>
#include <cstdint>

using namespace latchkey;
using namespace latchkey::webauthn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto bytes =
        QByteArrayView(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto decoded = core::decodeBase64Url(bytes);
    (void)decoded;
    const auto clientData = parseClientData(bytes);
    if (!clientData.ok())
        return 0;
    ClientDataExpectations expected;
    expected.type = CeremonyType::Get;
    expected.challenge = core::Challenge(QByteArray(32, 0x5a));
    expected.origins = {QStringLiteral("http://localhost:8080")};
    const auto checked = checkClientData(*clientData, expected);
    (void)checked;
    return 0;
}

// libFuzzer target: the PublicKeyCredential JSON a browser POSTs, through both ceremonies'
// full verification (JSON, base64url, clientDataJSON, authenticator data, signature).
#include "webauthn/credential_json.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace latchkey::webauthn;

namespace {

// The fixed P-256 key generate_fuzz_corpus signs seed assertions with, so they reach the
// end of verification.
const QByteArray kStoredKey = QByteArray::fromHex(
    "a501020326200121582046f20d6b122ab75b3bd753f15fa44f41a5fa9ee1fef1c6bad1c37924f3c7cc3b2258"
    "20d5ed13fd2723649cfd4432c85804d5ff736edd887f842e1a2c132eb3507b1b83");

RegistrationExpectations registrationExpectations()
{
    RegistrationExpectations expected;
    expected.challenge = latchkey::core::Challenge(QByteArray(32, 0x5a));
    expected.origins = {QStringLiteral("http://localhost:8080")};
    expected.rpIds = {QStringLiteral("localhost")};
    expected.trust.verifyTime = QDateTime(QDate(2027, 3, 1), QTime(0, 0), Qt::UTC);
    return expected;
}

AuthenticationExpectations authenticationExpectations()
{
    AuthenticationExpectations expected;
    expected.challenge = latchkey::core::Challenge(QByteArray(32, 0x5a));
    expected.origins = {QStringLiteral("http://localhost:8080")};
    expected.rpIds = {QStringLiteral("localhost")};
    return expected;
}

StoredCredential storedCredential(const QJsonObject& credential)
{
    StoredCredential stored;
    const auto response = parseAuthenticationResponse(credential);
    stored.credentialId = response.ok() ? response->rawId : QByteArray(16, '\1');
    stored.publicKeyCbor = kStoredKey;
    stored.signCount = 1;
    return stored;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const RegistrationExpectations registration = registrationExpectations();
    static const AuthenticationExpectations authentication = authenticationExpectations();
    const auto bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return 0;
    const QJsonObject credential = document.object();
    const auto created = verifyRegistration(credential, registration);
    (void)created;
    const auto asserted =
        verifyAuthentication(credential, authentication, storedCredential(credential));
    (void)asserted;
    return 0;
}

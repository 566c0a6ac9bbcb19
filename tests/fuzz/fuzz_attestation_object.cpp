// libFuzzer target: the attestationObject CBOR (§6.5), its statement by format (§8), and
// verifyRegistration over it (§7.1) with a fixed, valid clientDataJSON.
#include "core/base64url.h"
#include "webauthn/attestation.h"
#include "webauthn/attestation_object.h"
#include "webauthn/verify_registration.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace latchkey;
using namespace latchkey::webauthn;

namespace {

const QByteArray kChallenge = QByteArray(32, '\x5a');
const QByteArray kClientDataJson =
    QByteArrayLiteral("{\"type\":\"webauthn.create\",\"challenge\":\"") +
    core::encodeBase64Url(kChallenge) +
    QByteArrayLiteral("\",\"origin\":\"http://localhost:8080\",\"crossOrigin\":false}");

RegistrationExpectations expectations()
{
    RegistrationExpectations expected;
    expected.challenge = core::Challenge(kChallenge);
    expected.origins = {QStringLiteral("http://localhost:8080")};
    expected.rpIds = {QStringLiteral("localhost")};
    expected.trust.verifyTime = QDateTime(QDate(2027, 3, 1), QTime(0, 0), Qt::UTC);
    return expected;
}

QJsonObject credentialJson(QByteArrayView attestationObject, const QByteArray& credentialId)
{
    const QString id =
        core::encodeBase64UrlString(credentialId.isEmpty() ? QByteArray(16, '\1') : credentialId);
    QJsonObject response;
    response.insert(QStringLiteral("clientDataJSON"), core::encodeBase64UrlString(kClientDataJson));
    response.insert(QStringLiteral("attestationObject"),
                    core::encodeBase64UrlString(attestationObject));
    QJsonObject credential;
    credential.insert(QStringLiteral("id"), id);
    credential.insert(QStringLiteral("rawId"), id);
    credential.insert(QStringLiteral("type"), QStringLiteral("public-key"));
    credential.insert(QStringLiteral("response"), response);
    return credential;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const RegistrationExpectations expected = expectations();
    const auto bytes =
        QByteArrayView(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto object = parseAttestationObject(bytes);
    if (!object.ok())
        return 0;
    const QByteArray clientDataHash =
        QCryptographicHash::hash(kClientDataJson, QCryptographicHash::Sha256);
    const AttestationInput input{object->statement, object->authenticatorData, clientDataHash};
    const auto statement = verifyAttestationStatement(object->format, input, expected.trust);
    (void)statement;
    const auto& attested = object->authenticatorData.attestedCredentialData;
    const auto registration = verifyRegistration(
        credentialJson(bytes, attested ? attested->credentialId : QByteArray()), expected);
    (void)registration;
    return 0;
}

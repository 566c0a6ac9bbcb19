#pragma once

#include "test_authenticator.h"
#include "webauthn/error.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QTest>

namespace latchkey::webauthn::conformance {

using testing::AttestationFormat;

// One relying party (localhost on port 8080) and one software authenticator, as the FIDO2
// server conformance tool sets them up: every test starts from a valid response and breaks
// one thing.
class ConformanceFixture {
public:
    ConformanceFixture();

    testing::TestAuthenticator authenticator;
    QByteArray challenge; // the raw challenge "issued" by the RP
    RegistrationExpectations registrationExpected;
    AuthenticationExpectations authenticationExpected;

    // A valid registration spec for the issued challenge.
    testing::RegistrationSpec registrationSpec(AttestationFormat format = AttestationFormat::None,
                                               int algorithm = cose::ES256) const;
    Result<VerifiedRegistration> verify(const QJsonObject& credential) const;
    Result<VerifiedRegistration> verify(const testing::Registration& registration) const;

    // A registered credential (made by the authenticator, verified by the RP) and a valid
    // assertion spec for it.
    testing::Registration registerCredential(int algorithm = cose::ES256);
    testing::AssertionSpec assertionSpec(const testing::Registration& registration) const;
    StoredCredential stored(const testing::Registration& registration, quint32 signCount = 0) const;
    Result<VerifiedAuthentication> verify(const QJsonObject& credential,
                                          const StoredCredential& stored) const;
    Result<VerifiedAuthentication> verify(const testing::Assertion& assertion,
                                          const StoredCredential& stored) const;
};

inline const QByteArray kUserHandle = QByteArrayLiteral("latchkey-user-handle-0001");

// credential with the member at path ("response.clientDataJSON") set to value; an undefined
// value removes the member.
QJsonObject withMember(QJsonObject credential, const QString& path, const QJsonValue& value);
enum class BinaryEncoding { Base64Url, PaddedBase64Url, StandardBase64 };
// The same credential with every binary member of response encoded this way.
QJsonObject withResponseEncoding(QJsonObject credential, BinaryEncoding encoding);
QString base64Url(const QByteArray& bytes);
// The QTest data column "algorithm" with a row for each COSE algorithm the test
// authenticator makes credentials with (ES256, ES384, ES512, EdDSA, RS256, PS256).
void addCredentialAlgorithmRows();

template <typename T> QByteArray describe(const Result<T>& result)
{
    if (result.ok())
        return "accepted";
    return (codeName(result.error().code) + QStringLiteral(": ") + result.error().message).toUtf8();
}

} // namespace latchkey::webauthn::conformance

Q_DECLARE_METATYPE(latchkey::webauthn::ErrorCode)

// The response must be rejected with exactly this code.
#define LATCHKEY_EXPECT_ERROR(result, expectedCode)                                                \
    do {                                                                                           \
        const auto& result_ = (result);                                                            \
        QVERIFY2(!result_.ok(), "a response that breaks the rule was accepted");                   \
        QCOMPARE(::latchkey::webauthn::codeName(result_.error().code),                             \
                 ::latchkey::webauthn::codeName(expectedCode));                                    \
    } while (false)

// The response must be accepted; the message of an unexpected error is printed.
#define LATCHKEY_EXPECT_OK(result)                                                                 \
    do {                                                                                           \
        const auto& result_ = (result);                                                            \
        QVERIFY2(result_.ok(), ::latchkey::webauthn::conformance::describe(result_).constData());  \
    } while (false)

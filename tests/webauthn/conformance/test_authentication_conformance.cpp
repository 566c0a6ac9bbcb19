// FIDO2 server conformance, "authentication" (§7.2).
#include "conformance_fixture.h"

#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::conformance;

namespace {

constexpr quint8 kUp = 0x01;
constexpr quint8 kUv = 0x04;
constexpr quint8 kBe = 0x08;
constexpr quint8 kBs = 0x10;

} // namespace

class TestAuthenticationConformance : public QObject {
    Q_OBJECT

private slots:
    void validAssertionIsAccepted_data() { addCredentialAlgorithmRows(); }

    void validAssertionIsAccepted()
    {
        QFETCH(int, algorithm);
        ConformanceFixture rp;
        const auto registration = rp.registerCredential(algorithm);
        const auto result = rp.verify(rp.authenticator.getAssertion(rp.assertionSpec(registration)),
                                      rp.stored(registration));
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->credentialId, registration.credentialId);
        QCOMPARE(result->newSignCount, 1u);
        QCOMPARE(result->userHandle, std::optional<QByteArray>(kUserHandle));
        QVERIFY(result->userVerified);
    }

    void cachedCoseKeyIsAccepted()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        StoredCredential stored = rp.stored(registration);
        stored.publicKey = CoseKey::fromCbor(stored.publicKeyCbor).value();
        stored.publicKeyCbor.clear();
        LATCHKEY_EXPECT_OK(
            rp.verify(rp.authenticator.getAssertion(rp.assertionSpec(registration)), stored));
    }

    void leftoverBytesInAuthenticatorData()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.trailing = QByteArrayLiteral("\xa0");
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::AuthenticatorDataTrailingBytes);
    }

    void authenticatorDataTooShort()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.raw = QByteArray(20, '\1');
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::AuthenticatorDataTooShort);
    }

    void rpIdHashNotAnAllowedRpId()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.rpIdHash = core::sha256("evil.example");
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::RpIdHashMismatch);
    }

    void rpIdHashOfAnyAllowedRpIdIsAccepted()
    {
        ConformanceFixture rp;
        rp.authenticationExpected.rpIds = {QStringLiteral("example.org"), rp.authenticator.rpId()};
        const auto registration = rp.registerCredential();
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.getAssertion(rp.assertionSpec(registration)),
                                     rp.stored(registration)));
    }

    void signatureNotOverAuthDataAndClientDataHash_data()
    {
        QTest::addColumn<QByteArray>("signedPrefix");
        QTest::newRow("over clientDataHash only") << QByteArray();
        QTest::newRow("over other bytes") << QByteArrayLiteral("other bytes");
    }

    void signatureNotOverAuthDataAndClientDataHash()
    {
        QFETCH(QByteArray, signedPrefix);
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.signedData = signedPrefix + core::sha256(testing::encodeClientData(spec.clientData));
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::SignatureInvalid);
    }

    // Same challenge and origin, other bytes: the signature no longer covers clientDataJSON.
    void clientDataChangedAfterSigning()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        auto assertion = rp.authenticator.getAssertion(spec);
        spec.clientData.overrides.insert(QStringLiteral("x"), 1);
        assertion.clientDataJson = testing::encodeClientData(spec.clientData);
        LATCHKEY_EXPECT_ERROR(rp.verify(assertion, rp.stored(registration)),
                              ErrorCode::SignatureInvalid);
    }

    void signatureByAnotherKey()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.signingKey = testing::TestKey::generate(cose::ES256);
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::SignatureInvalid);
    }

    void signatureNotDer()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto assertion = rp.authenticator.getAssertion(rp.assertionSpec(registration));
        assertion.signature = QByteArray(64, '\x11'); // raw r||s, not the DER ECDSA-Sig-Value
        LATCHKEY_EXPECT_ERROR(rp.verify(assertion, rp.stored(registration)),
                              ErrorCode::SignatureInvalid);
    }

    void counterNotIncreased_data()
    {
        QTest::addColumn<quint32>("storedCount");
        QTest::addColumn<quint32>("sentCount");
        QTest::newRow("equal") << 5u << 5u;
        QTest::newRow("lower") << 9u << 3u;
        QTest::newRow("zero after nonzero") << 7u << 0u;
    }

    void counterNotIncreased()
    {
        QFETCH(quint32, storedCount);
        QFETCH(quint32, sentCount);
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.signCount = sentCount;
        const auto result =
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration, storedCount));
        LATCHKEY_EXPECT_ERROR(result, ErrorCode::SignCounterNotIncreased);
        QVERIFY(result.error().message.contains(QLatin1String("cloned")));
    }

    void counterZeroThroughoutIsAccepted()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.signCount = 0;
        for (int i = 0; i < 3; ++i) {
            const auto result =
                rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration, 0));
            LATCHKEY_EXPECT_OK(result);
            QCOMPARE(result->newSignCount, 0u);
        }
    }

    void counterIncreasedIsAccepted()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.signCount = 42;
        const auto result =
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration, 41));
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->newSignCount, 42u);
    }

    void userPresenceMissing()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.flags = kUv;
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::UserPresenceRequired);
    }

    void userVerificationMissingWhenRequired()
    {
        ConformanceFixture rp;
        rp.authenticationExpected.requireUserVerification = true;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.flags = kUp;
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::UserVerificationRequired);
    }

    void userVerificationMissingWhenPreferredIsAccepted()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.flags = kUp;
        const auto result = rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration));
        LATCHKEY_EXPECT_OK(result);
        QVERIFY(!result->userVerified);
    }

    void backupStateWithoutEligibility()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.flags = kUp | kUv | kBs;
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::BackupStateWithoutEligibility);
    }

    void backupEligibilityChanged()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto stored = rp.stored(registration);
        stored.backupEligible = false;
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.flags = kUp | kUv | kBe;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.getAssertion(spec), stored),
                              ErrorCode::BackupEligibilityChanged);
        stored.backupEligible = true;
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.getAssertion(spec), stored));
    }

    void backupStateIsReported()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto stored = rp.stored(registration);
        stored.backupEligible = true;
        auto spec = rp.assertionSpec(registration);
        spec.authenticatorData.flags = kUp | kUv | kBe | kBs;
        const auto result = rp.verify(rp.authenticator.getAssertion(spec), stored);
        LATCHKEY_EXPECT_OK(result);
        QVERIFY(result->backupEligible);
        QVERIFY(result->backupState);
    }

    void credentialNotInAllowCredentials()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        rp.authenticationExpected.allowCredentials = {QByteArray(32, '\7')};
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(rp.assertionSpec(registration)),
                      rp.stored(registration)),
            ErrorCode::CredentialNotAllowed);
        rp.authenticationExpected.allowCredentials.append(registration.credentialId);
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.getAssertion(rp.assertionSpec(registration)),
                                     rp.stored(registration)));
    }

    void credentialIdNotTheStoredOne()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        const auto other = rp.registerCredential();
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(rp.assertionSpec(registration)),
                      rp.stored(other)),
            ErrorCode::CredentialNotAllowed);
    }

    void userHandleNotTheOwner()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.userHandle = QByteArrayLiteral("someone-else");
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::UserHandleMismatch);
    }

    void userHandleMissingInUsernamelessSignIn()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto spec = rp.assertionSpec(registration);
        spec.userHandle.reset();
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)));
        rp.authenticationExpected.requireUserHandle = true;
        LATCHKEY_EXPECT_ERROR(
            rp.verify(rp.authenticator.getAssertion(spec), rp.stored(registration)),
            ErrorCode::UserHandleMissing);
    }

    // The README: real captures carry '=' padding or standard base64; accept those.
    void binaryEncodingsBrowsersSendAreAccepted_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::newRow("base64url without padding") << int(BinaryEncoding::Base64Url);
        QTest::newRow("base64url with padding") << int(BinaryEncoding::PaddedBase64Url);
        QTest::newRow("standard base64 with padding") << int(BinaryEncoding::StandardBase64);
    }

    void binaryEncodingsBrowsersSendAreAccepted()
    {
        QFETCH(int, encoding);
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        const QJsonObject assertion =
            rp.authenticator.getAssertion(rp.assertionSpec(registration)).json();
        const QJsonObject registrationJson =
            withResponseEncoding(registration.json(), BinaryEncoding(encoding));
        const QJsonObject assertionJson = withResponseEncoding(assertion, BinaryEncoding(encoding));
        QCOMPARE(assertionJson.value(QStringLiteral("response"))
                     .toObject()
                     .value(QStringLiteral("userHandle"))
                     .toString()
                     .endsWith(QLatin1Char('=')),
                 encoding != int(BinaryEncoding::Base64Url));
        // SHA-256("localhost") encodes with a '/' in standard base64 ('_' in base64url).
        const QString authData = assertionJson.value(QStringLiteral("response"))
                                     .toObject()
                                     .value(QStringLiteral("authenticatorData"))
                                     .toString();
        QCOMPARE(authData.contains(QLatin1Char('/')),
                 encoding == int(BinaryEncoding::StandardBase64));
        LATCHKEY_EXPECT_OK(rp.verify(registrationJson));
        LATCHKEY_EXPECT_OK(rp.verify(assertionJson, rp.stored(registration)));
    }
};

QTEST_GUILESS_MAIN(TestAuthenticationConformance)
#include "test_authentication_conformance.moc"

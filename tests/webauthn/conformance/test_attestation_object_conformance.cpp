// FIDO2 server conformance, "attestationObject": the CBOR envelope and the authenticator
// data inside it (§6.1, §6.5).
#include "conformance_fixture.h"

#include <QCborArray>
#include <QCborValue>
#include <QJsonArray>
#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::conformance;

namespace {

constexpr quint8 kUp = 0x01;
constexpr quint8 kUv = 0x04;
constexpr quint8 kAt = 0x40;
constexpr quint8 kBe = 0x08;
constexpr quint8 kBs = 0x10;
constexpr quint8 kEd = 0x80;

const QString kFmt = QStringLiteral("fmt");
const QString kAttStmt = QStringLiteral("attStmt");
const QString kAuthData = QStringLiteral("authData");

QCborMap credProtectExtension()
{
    QCborMap extensions;
    extensions.insert(QStringLiteral("credProtect"), 2);
    return extensions;
}

} // namespace

class TestAttestationObjectConformance : public QObject {
    Q_OBJECT

private slots:
    void attestationObjectNotACborMap_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("array") << QCborValue(QCborArray{1, 2, 3}).toCbor();
        QTest::newRow("text") << QCborValue(QStringLiteral("packed")).toCbor();
        QTest::newRow("byte string") << QCborValue(QByteArray(64, '\1')).toCbor();
        QTest::newRow("integer") << QCborValue(42).toCbor();
    }

    void attestationObjectNotACborMap()
    {
        QFETCH(QByteArray, bytes);
        ConformanceFixture rp;
        auto registration = rp.authenticator.makeCredential(rp.registrationSpec());
        registration.rawAttestationObject = bytes;
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationObjectMalformed);
    }

    void attestationObjectNotCbor()
    {
        ConformanceFixture rp;
        auto registration = rp.authenticator.makeCredential(rp.registrationSpec());
        registration.rawAttestationObject = QByteArrayLiteral("\xa3\x63"
                                                              "fmt");
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationObjectMalformed);
    }

    void attestationObjectWithTrailingBytes()
    {
        ConformanceFixture rp;
        auto registration = rp.authenticator.makeCredential(rp.registrationSpec());
        registration.rawAttestationObject = registration.attestationObjectBytes() + '\0';
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationObjectMalformed);
    }

    // The three-entry map re-headed as four, with a second "fmt" at the end.
    void attestationObjectWithARepeatedKey()
    {
        ConformanceFixture rp;
        auto registration = rp.authenticator.makeCredential(rp.registrationSpec());
        QByteArray object = registration.attestationObjectBytes();
        QCOMPARE(static_cast<quint8>(object[0]), quint8(0xa3));
        object[0] = static_cast<char>(0xa4);
        object.append(QCborValue(kFmt).toCbor())
            .append(QCborValue(QStringLiteral("packed")).toCbor());
        registration.rawAttestationObject = object;
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationObjectMalformed);
    }

    void attestationObjectMember_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QCborValue>("value"); // undefined: the member is removed
        QTest::newRow("fmt missing") << kFmt << QCborValue(QCborSimpleType::Undefined);
        QTest::newRow("fmt not text") << kFmt << QCborValue(QByteArray("none"));
        QTest::newRow("fmt a number") << kFmt << QCborValue(1);
        QTest::newRow("attStmt missing") << kAttStmt << QCborValue(QCborSimpleType::Undefined);
        QTest::newRow("attStmt not a map") << kAttStmt << QCborValue(QCborArray{});
        QTest::newRow("attStmt text") << kAttStmt << QCborValue(QStringLiteral("{}"));
        QTest::newRow("authData missing") << kAuthData << QCborValue(QCborSimpleType::Undefined);
        QTest::newRow("authData not bytes") << kAuthData << QCborValue(QStringLiteral("authData"));
        QTest::newRow("authData empty") << kAuthData << QCborValue(QByteArray());
    }

    void attestationObjectMember()
    {
        QFETCH(QString, member);
        QFETCH(QCborValue, value);
        ConformanceFixture rp;
        auto registration = rp.authenticator.makeCredential(rp.registrationSpec());
        if (value.isUndefined())
            registration.attestationObject.remove(member);
        else
            registration.attestationObject.insert(member, value);
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationObjectMalformed);
    }

    void attestedDataFlagWithoutAttestedData()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.attestedCredential.reset();
        auto registration = rp.authenticator.makeCredential(spec);
        registration.credentialId = QByteArray(32, '\x21'); // the id the browser still reports
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestedDataFlagMismatch);
    }

    void attestedDataWithoutAttestedDataFlag()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUp | kUv;
        // Without AT nothing announces the attested data: it is leftover bytes.
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AuthenticatorDataTrailingBytes);
    }

    // A registration without attested credential data at all (no AT flag, nothing after).
    void noAttestedCredentialData()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUp | kUv;
        spec.authenticatorData.attestedCredential.reset();
        auto registration = rp.authenticator.makeCredential(spec);
        registration.credentialId = QByteArray(32, '\x21');
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestedDataFlagMismatch);
    }

    void leftoverBytesAfterAttestedData()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.trailing = QByteArrayLiteral("\x00\x01\x02");
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AuthenticatorDataTrailingBytes);
    }

    void credentialIdLengthPastTheEnd()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.attestedCredential->credentialIdLength = 1000;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AuthenticatorDataTooShort);
    }

    void authenticatorDataShorterThan37Bytes()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.raw = QByteArray(36, '\0');
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AuthenticatorDataTooShort);
    }

    void extensionDataWithEdFlagIsAccepted()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUp | kUv | kAt | kEd;
        spec.authenticatorData.extensions = credProtectExtension();
        const auto result = rp.verify(rp.authenticator.makeCredential(spec));
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->authenticatorExtensions, credProtectExtension());
    }

    void extensionDataWithoutEdFlag()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.extensions = credProtectExtension();
        const auto result = rp.verify(rp.authenticator.makeCredential(spec));
        QVERIFY2(!result.ok(), "extension data without ED was accepted");
        // Without ED the extension map is just bytes after the credential key.
        QVERIFY2(result.error().code == ErrorCode::ExtensionDataFlagMismatch ||
                     result.error().code == ErrorCode::AuthenticatorDataTrailingBytes,
                 describe(result).constData());
    }

    void edFlagWithoutExtensionData()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUp | kUv | kAt | kEd;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::ExtensionDataFlagMismatch);
    }

    void rpIdHashOfAnotherRp()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.rpIdHash = core::sha256("example.com");
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::RpIdHashMismatch);
    }

    void rpIdHashOfAnyAllowedRpIdIsAccepted()
    {
        ConformanceFixture rp;
        rp.registrationExpected.rpIds = {QStringLiteral("example.org"), rp.authenticator.rpId()};
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.makeCredential(rp.registrationSpec())));
    }

    void userPresenceWaivedIsAccepted()
    {
        ConformanceFixture rp;
        rp.registrationExpected.requireUserPresence = false;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kAt;
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.makeCredential(spec)));
    }

    void backupStateWithoutEligibility()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUp | kUv | kAt | kBs;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::BackupStateWithoutEligibility);
    }

    void backupFlagsAreReported()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUp | kUv | kAt | kBe | kBs;
        const auto result = rp.verify(rp.authenticator.makeCredential(spec));
        LATCHKEY_EXPECT_OK(result);
        QVERIFY(result->backupEligible);
        QVERIFY(result->backupState);
    }

    void userPresenceMissing()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUv | kAt;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::UserPresenceRequired);
    }

    void userVerificationMissingWhenRequired()
    {
        ConformanceFixture rp;
        rp.registrationExpected.requireUserVerification = true;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUp | kAt;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::UserVerificationRequired);
    }

    void userVerificationMissingWhenNotRequiredIsAccepted()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.flags = kUp | kAt;
        const auto result = rp.verify(rp.authenticator.makeCredential(spec));
        LATCHKEY_EXPECT_OK(result);
        QVERIFY(!result->userVerified);
    }

    void credentialAlgorithmNotOffered()
    {
        ConformanceFixture rp;
        rp.registrationExpected.algorithms = {cose::ES256};
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(
                                  rp.registrationSpec(AttestationFormat::None, cose::EdDSA))),
                              ErrorCode::AlgorithmNotAllowed);
    }

    // RS1 (SHA-1) is accepted only when the RP offered it in pubKeyCredParams.
    void rs1OnlyWhenOffered()
    {
        ConformanceFixture rp;
        const auto registration = rp.authenticator.makeCredential(
            rp.registrationSpec(AttestationFormat::None, cose::RS1));
        rp.registrationExpected.algorithms.clear(); // the defaults
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AlgorithmNotAllowed);
        rp.registrationExpected.algorithms = {cose::RS1};
        LATCHKEY_EXPECT_OK(rp.verify(registration));
    }

    void transportsAttachmentAndCredPropsAreReported()
    {
        ConformanceFixture rp;
        QJsonObject json = rp.authenticator.makeCredential(rp.registrationSpec()).json();
        json = withMember(json, QStringLiteral("response.transports"),
                          QJsonArray{QStringLiteral("internal"), QStringLiteral("hybrid")});
        json.insert(QStringLiteral("authenticatorAttachment"), QStringLiteral("platform"));
        json.insert(
            QStringLiteral("clientExtensionResults"),
            QJsonObject{{QStringLiteral("credProps"), QJsonObject{{QStringLiteral("rk"), true}}}});
        const auto result = rp.verify(json);
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->transports,
                 QStringList({QStringLiteral("internal"), QStringLiteral("hybrid")}));
        QCOMPARE(result->authenticatorAttachment, QStringLiteral("platform"));
        QCOMPARE(result->credPropsRk, std::optional<bool>(true));
    }

    void credentialPublicKeyNotCose()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        QCborMap key = spec.credentialKey.coseKey();
        key.remove(-2); // x coordinate
        spec.authenticatorData.attestedCredential->credentialPublicKeyCbor =
            key.toCborValue().toCbor();
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::CoseKeyMalformed);
    }

    void unknownFormatIsRejected()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.fmt = QStringLiteral("latchkey-unknown");
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationFormatUnsupported);
    }

    void everyCredentialAlgorithmIsAccepted_data() { addCredentialAlgorithmRows(); }

    void everyCredentialAlgorithmIsAccepted()
    {
        QFETCH(int, algorithm);
        ConformanceFixture rp;
        const auto registration = rp.authenticator.makeCredential(
            rp.registrationSpec(AttestationFormat::None, algorithm));
        const auto result = rp.verify(registration);
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->algorithm, algorithm);
        QCOMPARE(result->credentialId, registration.credentialId);
        QCOMPARE(result->aaguid, rp.authenticator.aaguid());
        QCOMPARE(result->format, QStringLiteral("none"));
    }
};

QTEST_GUILESS_MAIN(TestAttestationObjectConformance)
#include "test_attestation_object_conformance.moc"

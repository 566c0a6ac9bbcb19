#include "webauthn/authenticator_data.h"
#include "webauthn_test_util.h"

#include <QCborValue>
#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::test;

namespace {

const QString kRpId = QStringLiteral("localhost");

AttestedPart attestedPart(qsizetype idLength = 32)
{
    static const TestKey key = TestKey::generate(cose::ES256);
    AttestedPart part;
    part.aaguid = QByteArray(16, '\x11');
    part.credentialId = QByteArray(idLength, '\x22');
    part.coseKey = key.coseKeyCbor();
    return part;
}

QByteArray extensionMap()
{
    return QCborValue(QCborMap{{QStringLiteral("credProtect"), 2}}).toCbor();
}

} // namespace

class TestAuthenticatorData : public QObject {
    Q_OBJECT

private slots:
    void parsesHeaderAndFlags();
    void parsesAttestedCredentialData();
    void parsesExtensionsWithEdFlag();
    void parsesAttestedDataThenExtensions();
    void rejectsShorterThan37Bytes();
    void rejectsAtFlagWithoutAttestedData();
    void rejectsAttestedDataWithoutAtFlag();
    void rejectsEdFlagWithoutExtensions();
    void rejectsExtensionsWithoutEdFlag();
    void rejectsLeftoverBytesAfterAttestedData();
    void rejectsLeftoverBytesAfterExtensions();
    void rejectsTruncatedCredentialId();
    void rejectsCredentialIdOver1023Bytes();
    void acceptsCredentialIdOf1023Bytes();
    void rejectsMalformedCoseKey();
    void rejectsExtensionsThatAreNotAMap();
};

void TestAuthenticatorData::parsesHeaderAndFlags()
{
    const QByteArray bytes =
        authenticatorData(kRpId, flags::UP | flags::UV | flags::BE | flags::BS, 0x01020304);
    auto data = parseAuthenticatorData(bytes);
    QVERIFY(data.ok());
    QCOMPARE(data->raw, bytes);
    QCOMPARE(data->rpIdHash, core::sha256("localhost"));
    QCOMPARE(data->signCount, 0x01020304u);
    QVERIFY(data->userPresent());
    QVERIFY(data->userVerified());
    QVERIFY(data->backupEligible());
    QVERIFY(data->backupState());
    QVERIFY(!data->attestedCredentialData);
}

void TestAuthenticatorData::parsesAttestedCredentialData()
{
    const AttestedPart part = attestedPart();
    auto data = parseAuthenticatorData(authenticatorData(kRpId, flags::UP | flags::AT, 0, part));
    QVERIFY(data.ok());
    QVERIFY(data->attestedCredentialData);
    QCOMPARE(data->attestedCredentialData->aaguid, part.aaguid);
    QCOMPARE(data->attestedCredentialData->credentialId, part.credentialId);
    QCOMPARE(data->attestedCredentialData->credentialPublicKeyCbor, part.coseKey);
    QCOMPARE(data->attestedCredentialData->credentialPublicKey.algorithm(), cose::ES256);
}

void TestAuthenticatorData::parsesExtensionsWithEdFlag()
{
    auto data = parseAuthenticatorData(
        authenticatorData(kRpId, flags::UP | flags::ED, 1, std::nullopt, extensionMap()));
    QVERIFY(data.ok());
    QCOMPARE(data->extensions.value(QStringLiteral("credProtect")).toInteger(), 2);
}

void TestAuthenticatorData::parsesAttestedDataThenExtensions()
{
    auto data = parseAuthenticatorData(authenticatorData(kRpId, flags::UP | flags::AT | flags::ED,
                                                         1, attestedPart(), extensionMap()));
    QVERIFY(data.ok());
    QVERIFY(data->attestedCredentialData);
    QVERIFY(!data->extensions.isEmpty());
}

void TestAuthenticatorData::rejectsShorterThan37Bytes()
{
    QByteArray bytes = authenticatorData(kRpId, flags::UP, 0);
    bytes.chop(1);
    QCOMPARE(parseAuthenticatorData(bytes).error().code, ErrorCode::AuthenticatorDataTooShort);
    QCOMPARE(parseAuthenticatorData(QByteArray()).error().code,
             ErrorCode::AuthenticatorDataTooShort);
}

void TestAuthenticatorData::rejectsAtFlagWithoutAttestedData()
{
    auto data = parseAuthenticatorData(authenticatorData(kRpId, flags::UP | flags::AT, 0));
    QCOMPARE(data.error().code, ErrorCode::AttestedDataFlagMismatch);
}

void TestAuthenticatorData::rejectsAttestedDataWithoutAtFlag()
{
    auto data = parseAuthenticatorData(authenticatorData(kRpId, flags::UP, 0, attestedPart()));
    QCOMPARE(data.error().code, ErrorCode::AuthenticatorDataTrailingBytes);
}

void TestAuthenticatorData::rejectsEdFlagWithoutExtensions()
{
    auto data = parseAuthenticatorData(authenticatorData(kRpId, flags::UP | flags::ED, 0));
    QCOMPARE(data.error().code, ErrorCode::ExtensionDataFlagMismatch);
}

void TestAuthenticatorData::rejectsExtensionsWithoutEdFlag()
{
    auto data = parseAuthenticatorData(
        authenticatorData(kRpId, flags::UP | flags::AT, 0, attestedPart(), extensionMap()));
    QCOMPARE(data.error().code, ErrorCode::AuthenticatorDataTrailingBytes);
}

void TestAuthenticatorData::rejectsLeftoverBytesAfterAttestedData()
{
    auto data = parseAuthenticatorData(authenticatorData(
        kRpId, flags::UP | flags::AT, 0, attestedPart(), QByteArray("\x00\x01", 2)));
    QCOMPARE(data.error().code, ErrorCode::AuthenticatorDataTrailingBytes);
}

void TestAuthenticatorData::rejectsLeftoverBytesAfterExtensions()
{
    auto data = parseAuthenticatorData(authenticatorData(
        kRpId, flags::UP | flags::ED, 0, std::nullopt, extensionMap() + QByteArray(1, '\0')));
    QCOMPARE(data.error().code, ErrorCode::AuthenticatorDataTrailingBytes);
}

void TestAuthenticatorData::rejectsTruncatedCredentialId()
{
    QByteArray bytes = authenticatorData(kRpId, flags::UP | flags::AT, 0, attestedPart());
    bytes.truncate(37 + 16 + 2 + 10);
    QCOMPARE(parseAuthenticatorData(bytes).error().code, ErrorCode::AuthenticatorDataTooShort);
}

void TestAuthenticatorData::rejectsCredentialIdOver1023Bytes()
{
    auto data = parseAuthenticatorData(
        authenticatorData(kRpId, flags::UP | flags::AT, 0, attestedPart(1024)));
    QCOMPARE(data.error().code, ErrorCode::CredentialIdTooLong);
}

void TestAuthenticatorData::acceptsCredentialIdOf1023Bytes()
{
    QVERIFY(parseAuthenticatorData(
                authenticatorData(kRpId, flags::UP | flags::AT, 0, attestedPart(1023)))
                .ok());
}

void TestAuthenticatorData::rejectsMalformedCoseKey()
{
    AttestedPart part = attestedPart();
    part.coseKey = QCborValue(QCborMap{{1, 2}}).toCbor();
    auto data = parseAuthenticatorData(authenticatorData(kRpId, flags::UP | flags::AT, 0, part));
    QCOMPARE(data.error().code, ErrorCode::CoseKeyMalformed);
    part.coseKey = QByteArray("\xa5\x01", 2); // a map header promising five pairs, then nothing
    QCOMPARE(parseAuthenticatorData(authenticatorData(kRpId, flags::UP | flags::AT, 0, part))
                 .error()
                 .code,
             ErrorCode::CoseKeyMalformed);
}

void TestAuthenticatorData::rejectsExtensionsThatAreNotAMap()
{
    auto data = parseAuthenticatorData(
        authenticatorData(kRpId, flags::UP | flags::ED, 0, std::nullopt, QCborValue(5).toCbor()));
    QVERIFY(!data.ok());
    QCOMPARE(data.error().code, ErrorCode::CborMalformed);
}

QTEST_APPLESS_MAIN(TestAuthenticatorData)
#include "test_authenticator_data.moc"

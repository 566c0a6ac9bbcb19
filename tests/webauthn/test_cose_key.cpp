#include "webauthn/cose_key.h"
#include "webauthn_test_util.h"

#include <QCborValue>
#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::test;

namespace {

QCborMap keyMap(int alg)
{
    const TestKey key = TestKey::generate(alg);
    return key.coseKey();
}

ErrorCode codeOf(const QCborMap& map)
{
    auto key = CoseKey::fromMap(map);
    return key.ok() ? ErrorCode::InternalError : key.error().code;
}

} // namespace

class TestCoseKey : public QObject {
    Q_OBJECT

private slots:
    void parsesEachKeyType_data();
    void parsesEachKeyType();
    void parsesFromCborBytes();
    void rejectsTrailingBytesAfterKey();
    void rejectsMissingKtyOrAlg();
    void rejectsRepeatedLabel();
    void rejectsPrivateKeyMaterial();
    void rejectsUnknownKeyType();
    void rejectsWrongCurveForAlgorithm_data();
    void rejectsWrongCurveForAlgorithm();
    void rejectsUnknownCurve();
    void rejectsWrongCoordinateLength();
    void rejectsPointNotOnCurve();
    void rejectsCoordinatesThatAreNotBytes();
    void rejectsEd25519WithWrongAlgorithm();
    void rejectsRsaWithEcAlgorithm();
    void rejectsShortRsaModulus();
    void rejectsEvenRsaExponent();
    void comparesPublicKeys();
};

void TestCoseKey::parsesEachKeyType_data()
{
    QTest::addColumn<int>("alg");
    QTest::addColumn<int>("kty");
    QTest::newRow("ES256 P-256") << cose::ES256 << 2;
    QTest::newRow("ES384 P-384") << cose::ES384 << 2;
    QTest::newRow("ES512 P-521") << cose::ES512 << 2;
    QTest::newRow("EdDSA Ed25519") << cose::EdDSA << 1;
    QTest::newRow("RS256") << cose::RS256 << 3;
    QTest::newRow("PS256") << cose::PS256 << 3;
    QTest::newRow("RS1") << cose::RS1 << 3;
}

void TestCoseKey::parsesEachKeyType()
{
    QFETCH(int, alg);
    QFETCH(int, kty);
    auto key = CoseKey::fromMap(keyMap(alg));
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    QCOMPARE(key->algorithm(), alg);
    QCOMPARE(key->keyType(), kty);
    QVERIFY(key->evp() != nullptr);
}

void TestCoseKey::parsesFromCborBytes()
{
    const TestKey key = TestKey::generate(cose::ES256);
    auto parsed = CoseKey::fromCbor(key.coseKeyCbor());
    QVERIFY(parsed.ok());
    QVERIFY(parsed->samePublicKey(key.evp()));
}

void TestCoseKey::rejectsTrailingBytesAfterKey()
{
    const TestKey key = TestKey::generate(cose::ES256);
    auto parsed = CoseKey::fromCbor(key.coseKeyCbor() + QByteArray(1, '\0'));
    QCOMPARE(parsed.error().code, ErrorCode::CoseKeyMalformed);
}

void TestCoseKey::rejectsMissingKtyOrAlg()
{
    QCborMap noKty = keyMap(cose::ES256);
    noKty.remove(1);
    QCOMPARE(codeOf(noKty), ErrorCode::CoseKeyMalformed);
    QCborMap noAlg = keyMap(cose::ES256);
    noAlg.remove(3);
    QCOMPARE(codeOf(noAlg), ErrorCode::CoseKeyMalformed);
    QCborMap textAlg = keyMap(cose::ES256);
    textAlg.insert(3, QStringLiteral("ES256"));
    QCOMPARE(codeOf(textAlg), ErrorCode::CoseKeyMalformed);
}

void TestCoseKey::rejectsRepeatedLabel()
{
    // A five-entry map re-headed as six, with alg (3) repeated as ES384 at the end.
    const TestKey key = TestKey::generate(cose::ES256);
    QByteArray cbor = key.coseKeyCbor();
    QCOMPARE(static_cast<quint8>(cbor[0]), quint8(0xa5));
    cbor[0] = static_cast<char>(0xa6);
    cbor.append("\x03\x38\x22", 3);
    QCOMPARE(CoseKey::fromCbor(cbor).error().code, ErrorCode::CoseKeyMalformed);
}

void TestCoseKey::rejectsPrivateKeyMaterial()
{
    QCborMap ec = keyMap(cose::ES256);
    ec.insert(-4, QByteArray(32, '\x01'));
    QCOMPARE(codeOf(ec), ErrorCode::CoseKeyMalformed);
    QCborMap rsa = keyMap(cose::RS256);
    rsa.insert(-3, QByteArray(256, '\x01'));
    QCOMPARE(codeOf(rsa), ErrorCode::CoseKeyMalformed);
}

void TestCoseKey::rejectsUnknownKeyType()
{
    QCborMap map = keyMap(cose::ES256);
    map.insert(1, 4); // Symmetric
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyUnsupported);
}

void TestCoseKey::rejectsWrongCurveForAlgorithm_data()
{
    QTest::addColumn<int>("keyAlg");
    QTest::addColumn<int>("claimedAlg");
    QTest::newRow("P-256 claiming ES384") << cose::ES256 << cose::ES384;
    QTest::newRow("P-384 claiming ES256") << cose::ES384 << cose::ES256;
    QTest::newRow("P-521 claiming ES256") << cose::ES512 << cose::ES256;
    QTest::newRow("P-256 claiming EdDSA") << cose::ES256 << cose::EdDSA;
    QTest::newRow("P-256 claiming RS256") << cose::ES256 << cose::RS256;
}

void TestCoseKey::rejectsWrongCurveForAlgorithm()
{
    QFETCH(int, keyAlg);
    QFETCH(int, claimedAlg);
    QCborMap map = keyMap(keyAlg);
    map.insert(3, claimedAlg);
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyUnsupported);
}

void TestCoseKey::rejectsUnknownCurve()
{
    QCborMap map = keyMap(cose::ES256);
    map.insert(-1, 8); // secp256k1 is not a WebAuthn curve here
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyUnsupported);
}

void TestCoseKey::rejectsWrongCoordinateLength()
{
    QCborMap map = keyMap(cose::ES256);
    map.insert(-2, map.value(-2).toByteArray().left(31));
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyMalformed);
}

void TestCoseKey::rejectsPointNotOnCurve()
{
    QCborMap map = keyMap(cose::ES256);
    QByteArray y = map.value(-3).toByteArray();
    y[31] = static_cast<char>(y[31] ^ 0x01);
    map.insert(-3, y);
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyMalformed);
}

void TestCoseKey::rejectsCoordinatesThatAreNotBytes()
{
    QCborMap map = keyMap(cose::ES256);
    map.insert(-3, true); // compressed-point form is not accepted
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyMalformed);
}

void TestCoseKey::rejectsEd25519WithWrongAlgorithm()
{
    QCborMap map = keyMap(cose::EdDSA);
    map.insert(3, cose::ES256);
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyUnsupported);
    QCborMap x448 = keyMap(cose::EdDSA);
    x448.insert(-1, 7); // Ed448
    QCOMPARE(codeOf(x448), ErrorCode::CoseKeyUnsupported);
}

void TestCoseKey::rejectsRsaWithEcAlgorithm()
{
    QCborMap map = keyMap(cose::RS256);
    map.insert(3, cose::ES256);
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyUnsupported);
}

void TestCoseKey::rejectsShortRsaModulus()
{
    QCborMap map = keyMap(cose::RS256);
    map.insert(-1, QByteArray(64, '\xff'));
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyUnsupported);
}

void TestCoseKey::rejectsEvenRsaExponent()
{
    QCborMap map = keyMap(cose::RS256);
    map.insert(-2, QByteArray("\x01\x00\x00", 3));
    QCOMPARE(codeOf(map), ErrorCode::CoseKeyMalformed);
}

void TestCoseKey::comparesPublicKeys()
{
    const TestKey a = TestKey::generate(cose::ES256);
    const TestKey b = TestKey::generate(cose::ES256);
    auto key = CoseKey::fromMap(a.coseKey());
    QVERIFY(key.ok());
    QVERIFY(key->samePublicKey(a.evp()));
    QVERIFY(!key->samePublicKey(b.evp()));
}

QTEST_APPLESS_MAIN(TestCoseKey)
#include "test_cose_key.moc"

#include "webauthn/cose_key.h"
#include "webauthn_test_util.h"

#include <QHash>
#include <QTest>
#include <openssl/evp.h>
#include <openssl/rsa.h>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::test;

namespace {

// RSA key generation dominates this test's time; two keys per algorithm are enough.
TestKey cachedKey(int alg, int slot = 0)
{
    static QHash<int, TestKey> keys[2];
    if (!keys[slot].contains(alg))
        keys[slot].insert(alg, TestKey::generate(alg));
    return keys[slot].value(alg);
}

} // namespace

class TestSignatures : public QObject {
    Q_OBJECT

private slots:
    void verifiesEachAlgorithm_data();
    void verifiesEachAlgorithm();
    void rejectsAlteredData_data() { verifiesEachAlgorithm_data(); }
    void rejectsAlteredData();
    void rejectsAlteredSignature_data() { verifiesEachAlgorithm_data(); }
    void rejectsAlteredSignature();
    void rejectsSignatureFromAnotherKey_data() { verifiesEachAlgorithm_data(); }
    void rejectsSignatureFromAnotherKey();
    void rejectsEmptySignature();
    void rejectsRawEcdsaSignature();
    void pssSaltIsDigestLength();
    void rejectsAlgorithmNotMatchingKeyType();
    void rejectsUnknownAlgorithm();
};

void TestSignatures::verifiesEachAlgorithm_data()
{
    QTest::addColumn<int>("alg");
    QTest::newRow("ES256") << cose::ES256;
    QTest::newRow("ES384") << cose::ES384;
    QTest::newRow("ES512") << cose::ES512;
    QTest::newRow("EdDSA") << cose::EdDSA;
    QTest::newRow("RS256") << cose::RS256;
    QTest::newRow("RS384") << cose::RS384;
    QTest::newRow("RS512") << cose::RS512;
    QTest::newRow("PS256") << cose::PS256;
    QTest::newRow("PS384") << cose::PS384;
    QTest::newRow("PS512") << cose::PS512;
    QTest::newRow("RS1") << cose::RS1;
}

void TestSignatures::verifiesEachAlgorithm()
{
    QFETCH(int, alg);
    const TestKey key = cachedKey(alg);
    auto cose = CoseKey::fromMap(key.coseKey());
    QVERIFY(cose.ok());
    const QByteArray data("authenticator data || client data hash");
    QVERIFY(cose->verify(data, key.signAs(alg, data)).ok());
    QVERIFY(verifySignature(alg, key.evp(), data, key.signAs(alg, data)).ok());
}

void TestSignatures::rejectsAlteredData()
{
    QFETCH(int, alg);
    const TestKey key = cachedKey(alg);
    auto cose = CoseKey::fromMap(key.coseKey());
    const QByteArray signature = key.signAs(alg, "original");
    QCOMPARE(cose->verify("originaL", signature).error().code, ErrorCode::SignatureInvalid);
}

void TestSignatures::rejectsAlteredSignature()
{
    QFETCH(int, alg);
    const TestKey key = cachedKey(alg);
    auto cose = CoseKey::fromMap(key.coseKey());
    QByteArray signature = key.signAs(alg, "data");
    signature[signature.size() - 1] = static_cast<char>(signature[signature.size() - 1] ^ 0x01);
    QCOMPARE(cose->verify("data", signature).error().code, ErrorCode::SignatureInvalid);
}

void TestSignatures::rejectsSignatureFromAnotherKey()
{
    QFETCH(int, alg);
    const TestKey key = cachedKey(alg);
    const TestKey other = cachedKey(alg, 1);
    auto cose = CoseKey::fromMap(key.coseKey());
    QCOMPARE(cose->verify("data", other.signAs(alg, "data")).error().code,
             ErrorCode::SignatureInvalid);
}

void TestSignatures::rejectsEmptySignature()
{
    const TestKey key = cachedKey(cose::ES256);
    QCOMPARE(verifySignature(cose::ES256, key.evp(), "data", {}).error().code,
             ErrorCode::SignatureInvalid);
}

void TestSignatures::rejectsRawEcdsaSignature()
{
    // WebAuthn ECDSA signatures are DER; a raw r||s is refused even when r and s are right.
    const TestKey key = cachedKey(cose::ES256);
    const QByteArray der = key.signAs(cose::ES256, "data");
    QByteArray raw(64, '\0');
    QCOMPARE(verifySignature(cose::ES256, key.evp(), "data", raw).error().code,
             ErrorCode::SignatureInvalid);
    QVERIFY(verifySignature(cose::ES256, key.evp(), "data", der).ok());
}

void TestSignatures::pssSaltIsDigestLength()
{
    // A PS256 signature made with the maximum salt length must not verify: RFC 8230 fixes it.
    const TestKey key = cachedKey(cose::PS256);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    QVERIFY(EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), nullptr, key.evp()) == 1);
    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_MAX);
    QByteArray signature(256, '\0');
    size_t length = 256;
    const QByteArray data("data");
    QVERIFY(EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
                           reinterpret_cast<const unsigned char*>(data.constData()), 4) == 1);
    EVP_MD_CTX_free(ctx);
    QCOMPARE(verifySignature(cose::PS256, key.evp(), data, signature).error().code,
             ErrorCode::SignatureInvalid);
}

void TestSignatures::rejectsAlgorithmNotMatchingKeyType()
{
    const TestKey ec = cachedKey(cose::ES256);
    const QByteArray signature = ec.signAs(cose::ES256, "data");
    QCOMPARE(verifySignature(cose::RS256, ec.evp(), "data", signature).error().code,
             ErrorCode::AlgorithmNotAllowed);
    QCOMPARE(verifySignature(cose::EdDSA, ec.evp(), "data", signature).error().code,
             ErrorCode::AlgorithmNotAllowed);
}

void TestSignatures::rejectsUnknownAlgorithm()
{
    const TestKey ec = cachedKey(cose::ES256);
    QCOMPARE(verifySignature(-47, ec.evp(), "data", "sig").error().code,
             ErrorCode::AlgorithmNotAllowed);
}

QTEST_APPLESS_MAIN(TestSignatures)
#include "test_signatures.moc"

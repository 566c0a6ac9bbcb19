#include "attestation_test_support.h"
#include "webauthn/attestation/certificate.h"

#include <QCborArray>
#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::attestation_testing;

namespace {

QList<Certificate> parseChain(const QList<QByteArray>& ders)
{
    auto chain = Certificate::fromX5c(x5cArray(ders));
    Q_ASSERT(chain.ok());
    return *chain;
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

CertOptions leafOptions()
{
    CertOptions options;
    options.subject = {{"C", QStringLiteral("US")},
                       {"O", QStringLiteral("Latchkey Tests")},
                       {"OU", QStringLiteral("Authenticator Attestation")},
                       {"CN", QStringLiteral("Test Leaf")}};
    return options;
}

// root -> intermediate (with these options) -> leaf
TestChain chainWithIntermediate(const CertOptions& intermediateOptions)
{
    TestChain chain;
    chain.root.key = TestKey::generate(cose::ES256);
    chain.root.der = selfSignedCertificate(chain.root.key, caOptions(QStringLiteral("Root")));
    chain.intermediate.key = TestKey::generate(cose::ES256);
    chain.intermediate.der =
        issueCertificate(chain.intermediate.key, intermediateOptions, chain.root);
    chain.leaf.key = TestKey::generate(cose::ES256);
    chain.leaf.der = issueCertificate(chain.leaf.key, leafOptions(), chain.intermediate);
    return chain;
}

} // namespace

class TestCertificate : public QObject {
    Q_OBJECT

private slots:
    void x5cThatIsNotANonEmptyArrayOfDerIsRejected_data();
    void x5cThatIsNotANonEmptyArrayOfDerIsRejected();
    void certificateAccessorsReadTheCertificate();
    void chainWithoutRootsIsStatementValidButUntrusted();
    void chainReachingAConfiguredRootIsTrusted();
    void chainReachingAConfiguredIntermediateIsTrusted();
    void chainReachingAnotherRootIsRejected();
    void expiredLeafIsRejected();
    void notYetValidLeafIsRejected();
    void expiredIntermediateIsRejected();
    void misorderedChainIsRejected();
    void chainThatIncludesTheRootIsRejected();
    void chainWithAForeignCertificateIsRejected();
    void loneSelfSignedLeafIsStatementValid();
    void aaguidExtensionEqualToAuthDataIsAccepted();
    void aaguidExtensionDifferentFromAuthDataIsRejected();
    void absentAaguidExtensionIsAccepted();
    void criticalAaguidExtensionIsRejected();
};

void TestCertificate::x5cThatIsNotANonEmptyArrayOfDerIsRejected_data()
{
    QTest::addColumn<QCborValue>("x5c");
    QTest::addColumn<int>("code");
    const auto malformed = static_cast<int>(ErrorCode::AttestationStatementMalformed);
    const auto badCert = static_cast<int>(ErrorCode::AttestationCertificateMalformed);
    QTest::newRow("absent") << QCborValue() << malformed;
    QTest::newRow("not an array") << QCborValue(QByteArray("abc")) << malformed;
    QTest::newRow("empty array") << QCborValue(QCborArray()) << malformed;
    QTest::newRow("text entry") << QCborValue(QCborArray{QStringLiteral("MII")}) << malformed;
    QTest::newRow("not DER") << QCborValue(QCborArray{QByteArray("\x30\x03\x02\x01", 4)})
                             << badCert;
    const QByteArray valid = makeChain(TestKey::generate(cose::ES256), leafOptions()).leaf.der;
    QTest::newRow("trailing bytes")
        << QCborValue(QCborArray{valid + QByteArray(1, '\0')}) << badCert;
    QTest::newRow("empty bytes") << QCborValue(QCborArray{QByteArray()}) << badCert;
}

void TestCertificate::x5cThatIsNotANonEmptyArrayOfDerIsRejected()
{
    QFETCH(QCborValue, x5c);
    QFETCH(int, code);
    auto chain = Certificate::fromX5c(x5c);
    QVERIFY(!chain.ok());
    QCOMPARE(static_cast<int>(chain.error().code), code);
    QVERIFY(!chain.error().message.isEmpty());
}

void TestCertificate::certificateAccessorsReadTheCertificate()
{
    CertOptions options = leafOptions();
    options.extensions.append({"1.2.3.4.5", derOctetString("hello"), false});
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), options);
    auto leaf = Certificate::fromDer(chain.leaf.der);
    QVERIFY2(leaf.ok(), describe(leaf));
    QCOMPARE(leaf->version(), 3);
    QCOMPARE(leaf->subjectField("OU"), QStringLiteral("Authenticator Attestation"));
    QCOMPARE(leaf->subjectField("CN"), QStringLiteral("Test Leaf"));
    QCOMPARE(leaf->subjectField("L"), QString());
    QCOMPARE(leaf->extensionValue("1.2.3.4.5"), std::optional(derOctetString("hello")));
    QVERIFY(!leaf->extensionValue("1.2.3.4.6"));
    QVERIFY(leaf->validAt(now()));
    QVERIFY(!leaf->validAt(now().addYears(3)));
    QVERIFY(!leaf->isSelfSigned());
    QVERIFY(Certificate::fromDer(chain.root.der)->isSelfSigned());
    QCOMPARE(leaf->der(), chain.leaf.der);
    QVERIFY(leaf->publicKey());
}

void TestCertificate::chainWithoutRootsIsStatementValidButUntrusted()
{
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), leafOptions());
    auto trusted = verifyAttestationChain(parseChain(chain.x5c()), {}, now());
    QVERIFY2(trusted.ok(), describe(trusted));
    QCOMPARE(*trusted, false);
}

void TestCertificate::chainReachingAConfiguredRootIsTrusted()
{
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), leafOptions());
    auto trusted = verifyAttestationChain(parseChain(chain.x5c()), {chain.root.der}, now());
    QVERIFY2(trusted.ok(), describe(trusted));
    QCOMPARE(*trusted, true);
}

void TestCertificate::chainReachingAConfiguredIntermediateIsTrusted()
{
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), leafOptions());
    auto trusted =
        verifyAttestationChain(parseChain({chain.leaf.der}), {chain.intermediate.der}, now());
    QVERIFY2(trusted.ok(), describe(trusted));
    QCOMPARE(*trusted, true);
}

void TestCertificate::chainReachingAnotherRootIsRejected()
{
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), leafOptions());
    const TestChain other = makeChain(TestKey::generate(cose::ES256), leafOptions());
    auto trusted = verifyAttestationChain(parseChain(chain.x5c()), {other.root.der}, now());
    QVERIFY(!trusted.ok());
    QCOMPARE(trusted.error().code, ErrorCode::AttestationUntrusted);
}

void TestCertificate::expiredLeafIsRejected()
{
    CertOptions options = leafOptions();
    options.notBefore = now().addYears(-2);
    options.notAfter = now().addDays(-1);
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), options);
    for (const QList<QByteArray>& roots : {QList<QByteArray>{}, QList{chain.root.der}}) {
        auto trusted = verifyAttestationChain(parseChain(chain.x5c()), roots, now());
        QVERIFY(!trusted.ok());
        QCOMPARE(trusted.error().code, ErrorCode::AttestationCertificateInvalid);
        QVERIFY(trusted.error().message.contains(QStringLiteral("certificate 1 of 2")));
    }
}

void TestCertificate::notYetValidLeafIsRejected()
{
    CertOptions options = leafOptions();
    options.notBefore = now().addDays(1);
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), options);
    auto trusted = verifyAttestationChain(parseChain(chain.x5c()), {}, now());
    QVERIFY(!trusted.ok());
    QCOMPARE(trusted.error().code, ErrorCode::AttestationCertificateInvalid);
}

void TestCertificate::expiredIntermediateIsRejected()
{
    CertOptions intermediate = caOptions(QStringLiteral("Expired Intermediate"));
    intermediate.notAfter = now().addSecs(-60);
    const TestChain chain = chainWithIntermediate(intermediate);
    for (const QList<QByteArray>& roots : {QList<QByteArray>{}, QList{chain.root.der}}) {
        auto trusted = verifyAttestationChain(parseChain(chain.x5c()), roots, now());
        QVERIFY(!trusted.ok());
        QCOMPARE(trusted.error().code, ErrorCode::AttestationCertificateInvalid);
        QVERIFY(trusted.error().message.contains(QStringLiteral("certificate 2 of 2")));
    }
}

void TestCertificate::misorderedChainIsRejected()
{
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), leafOptions());
    const QList<QByteArray> swapped{chain.intermediate.der, chain.leaf.der};
    // With roots too: the store could reorder the chain, the x5c order check must not.
    for (const QList<QByteArray>& roots : {QList<QByteArray>{}, QList{chain.root.der}}) {
        auto trusted = verifyAttestationChain(parseChain(swapped), roots, now());
        QVERIFY(!trusted.ok());
        QCOMPARE(trusted.error().code, ErrorCode::AttestationChainInvalid);
    }
}

void TestCertificate::chainThatIncludesTheRootIsRejected()
{
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), leafOptions());
    const QList<QByteArray> withRoot{chain.leaf.der, chain.intermediate.der, chain.root.der};
    for (const QList<QByteArray>& roots : {QList<QByteArray>{}, QList{chain.root.der}}) {
        auto trusted = verifyAttestationChain(parseChain(withRoot), roots, now());
        QVERIFY(!trusted.ok());
        QCOMPARE(trusted.error().code, ErrorCode::AttestationChainInvalid);
        QVERIFY(trusted.error().message.contains(QStringLiteral("root")));
    }
}

void TestCertificate::chainWithAForeignCertificateIsRejected()
{
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), leafOptions());
    const TestChain other = makeChain(TestKey::generate(cose::ES256), leafOptions());
    auto trusted =
        verifyAttestationChain(parseChain({chain.leaf.der, other.intermediate.der}), {}, now());
    QVERIFY(!trusted.ok());
    QCOMPARE(trusted.error().code, ErrorCode::AttestationChainInvalid);
}

void TestCertificate::loneSelfSignedLeafIsStatementValid()
{
    const TestKey key = TestKey::generate(cose::ES256);
    const QByteArray der = selfSignedCertificate(key, leafOptions());
    auto trusted = verifyAttestationChain(parseChain({der}), {}, now());
    QVERIFY2(trusted.ok(), describe(trusted));
    QCOMPARE(*trusted, false);
}

void TestCertificate::aaguidExtensionEqualToAuthDataIsAccepted()
{
    CertOptions options = leafOptions();
    options.extensions.append({"1.3.6.1.4.1.45724.1.1.4", derOctetString(kTestAaguid), false});
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), options);
    auto checked = checkAaguidExtension(*Certificate::fromDer(chain.leaf.der), kTestAaguid);
    QVERIFY2(checked.ok(), describe(checked));
}

void TestCertificate::aaguidExtensionDifferentFromAuthDataIsRejected()
{
    CertOptions options = leafOptions();
    options.extensions.append(
        {"1.3.6.1.4.1.45724.1.1.4", derOctetString(QByteArray(16, '\x07')), false});
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), options);
    auto checked = checkAaguidExtension(*Certificate::fromDer(chain.leaf.der), kTestAaguid);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, ErrorCode::AttestationAaguidMismatch);
}

void TestCertificate::absentAaguidExtensionIsAccepted()
{
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), leafOptions());
    QVERIFY(checkAaguidExtension(*Certificate::fromDer(chain.leaf.der), kTestAaguid).ok());
}

void TestCertificate::criticalAaguidExtensionIsRejected()
{
    CertOptions options = leafOptions();
    options.extensions.append({"1.3.6.1.4.1.45724.1.1.4", derOctetString(kTestAaguid), true});
    const TestChain chain = makeChain(TestKey::generate(cose::ES256), options);
    auto checked = checkAaguidExtension(*Certificate::fromDer(chain.leaf.der), kTestAaguid);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, ErrorCode::AttestationCertificateInvalid);
}

QTEST_GUILESS_MAIN(TestCertificate)
#include "test_certificate.moc"

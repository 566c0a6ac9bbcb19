// FIDO2 server conformance, "packed" (§8.2): self and full attestation.
#include "conformance_fixture.h"

#include <QCborArray>
#include <QCborValue>
#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::conformance;
using latchkey::webauthn::testing::CertificateSpec;
using latchkey::webauthn::testing::Registration;
using latchkey::webauthn::testing::TestCertificateAuthority;
using latchkey::webauthn::testing::TestKey;

namespace {

const QString kAttStmt = QStringLiteral("attStmt");
const QCborValue kRemoved = QCborValue(QCborSimpleType::Undefined);

void setStatementMember(Registration& registration, const QString& member, const QCborValue& value)
{
    QCborMap statement = registration.attestationObject.value(kAttStmt).toMap();
    if (value.isUndefined())
        statement.remove(member);
    else
        statement.insert(member, value);
    registration.attestationObject.insert(kAttStmt, statement);
}

CertificateSpec leafSpec(const testing::TestAuthenticator& authenticator)
{
    CertificateSpec spec;
    spec.aaguid = authenticator.aaguid();
    return spec;
}

} // namespace

class TestPackedConformance : public QObject {
    Q_OBJECT

private slots:
    void selfAttestationIsAccepted()
    {
        ConformanceFixture rp;
        const auto result = rp.verify(
            rp.authenticator.makeCredential(rp.registrationSpec(AttestationFormat::PackedSelf)));
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->attestation.type, AttestationType::Self);
        QVERIFY(result->attestation.trustPath.isEmpty());
    }

    void fullAttestationIsAcceptedAndTrusted()
    {
        ConformanceFixture rp;
        const auto result = rp.verify(
            rp.authenticator.makeCredential(rp.registrationSpec(AttestationFormat::PackedFull)));
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->attestation.type, AttestationType::Basic);
        QVERIFY(result->attestation.trusted);
        QCOMPARE(result->attestation.trustPath.size(), 2);
    }

    void everyAlgorithm_data() { addCredentialAlgorithmRows(); }

    // Self attestation signs with the credential key, whatever its algorithm.
    void everyAlgorithm()
    {
        QFETCH(int, algorithm);
        ConformanceFixture rp;
        const auto self = rp.verify(rp.authenticator.makeCredential(
            rp.registrationSpec(AttestationFormat::PackedSelf, algorithm)));
        LATCHKEY_EXPECT_OK(self);
        QCOMPARE(self->attestation.type, AttestationType::Self);
        QCOMPARE(self->algorithm, algorithm);
        // Full attestation with an attestation key of this algorithm.
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.attestationKey = TestKey::generate(algorithm);
        spec.x5c = QList<QByteArray>{rp.authenticator.attestationIntermediate().issue(
                                         spec.attestationKey, leafSpec(rp.authenticator)),
                                     rp.authenticator.attestationIntermediate().certificateDer()};
        const auto full = rp.verify(rp.authenticator.makeCredential(spec));
        LATCHKEY_EXPECT_OK(full);
        QVERIFY(full->attestation.trusted);
    }

    void fullAttestationWithoutRootsIsUntrusted()
    {
        ConformanceFixture rp;
        rp.registrationExpected.trust.rootsByFormat.clear();
        const auto result = rp.verify(
            rp.authenticator.makeCredential(rp.registrationSpec(AttestationFormat::PackedFull)));
        LATCHKEY_EXPECT_OK(result);
        QVERIFY(!result->attestation.trusted);
    }

    void statementMember_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("member");
        QTest::addColumn<QCborValue>("value");
        QTest::addColumn<ErrorCode>("code");
        const int self = int(AttestationFormat::PackedSelf);
        const int full = int(AttestationFormat::PackedFull);
        const QString alg = QStringLiteral("alg");
        const QString sig = QStringLiteral("sig");
        const QString x5c = QStringLiteral("x5c");
        QTest::newRow("alg missing")
            << self << alg << kRemoved << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("alg not a number") << self << alg << QCborValue(QStringLiteral("ES256"))
                                          << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("sig missing (self)")
            << self << sig << kRemoved << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("sig missing (full)")
            << full << sig << kRemoved << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("sig not bytes") << self << sig << QCborValue(QStringLiteral("sig"))
                                       << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("sig empty")
            << full << sig << QCborValue(QByteArray()) << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("x5c not an array") << full << x5c << QCborValue(QByteArray("cert"))
                                          << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("x5c empty")
            << full << x5c << QCborValue(QCborArray{}) << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("x5c entry not bytes")
            << full << x5c << QCborValue(QCborArray{QStringLiteral("cert")})
            << ErrorCode::AttestationStatementMalformed;
        QTest::newRow("x5c entry not a certificate")
            << full << x5c << QCborValue(QCborArray{QByteArray(40, '\x30')})
            << ErrorCode::AttestationCertificateMalformed;
    }

    void statementMember()
    {
        QFETCH(int, format);
        QFETCH(QString, member);
        QFETCH(QCborValue, value);
        QFETCH(ErrorCode, code);
        ConformanceFixture rp;
        auto registration =
            rp.authenticator.makeCredential(rp.registrationSpec(AttestationFormat(format)));
        setStatementMember(registration, member, value);
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), code);
    }

    void attStmtEmpty()
    {
        ConformanceFixture rp;
        auto registration =
            rp.authenticator.makeCredential(rp.registrationSpec(AttestationFormat::PackedSelf));
        registration.attestationObject.insert(kAttStmt, QCborMap{});
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationStatementMalformed);
    }

    void selfAlgNotTheCredentialAlgorithm()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedSelf);
        spec.statementAlgorithm = cose::RS256;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationAlgorithmMismatch);
    }

    void selfSignatureDoesNotVerify()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedSelf);
        spec.signingKey = TestKey::generate(cose::ES256);
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationSignatureInvalid);
    }

    void selfSignatureOverOtherData()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedSelf);
        spec.signedData = QByteArrayLiteral("not authData || clientDataHash");
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationSignatureInvalid);
    }

    void selfAttestationThatAlsoCarriesX5c()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedSelf);
        spec.selfAttestationWithX5c = true;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationSignatureInvalid);
    }

    void fullSignatureDoesNotVerify()
    {
        ConformanceFixture rp;
        auto registration =
            rp.authenticator.makeCredential(rp.registrationSpec(AttestationFormat::PackedFull));
        QCborMap statement = registration.attestationObject.value(kAttStmt).toMap();
        QByteArray sig = statement.value(QStringLiteral("sig")).toByteArray();
        sig[sig.size() - 1] = char(sig.back() ^ 0x01);
        setStatementMember(registration, QStringLiteral("sig"), sig);
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationSignatureInvalid);
    }

    void fullSignedWithCredentialKeyInsteadOfAttestationKey()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.signingKey = spec.credentialKey;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationSignatureInvalid);
    }

    void fullAlgNotTheCertificateKeyAlgorithm()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.statementAlgorithm = cose::ES384;
        const auto result = rp.verify(rp.authenticator.makeCredential(spec));
        QVERIFY2(!result.ok(), "alg that does not match the attestation key was accepted");
        QVERIFY2(result.error().code == ErrorCode::AttestationAlgorithmMismatch ||
                     result.error().code == ErrorCode::AttestationSignatureInvalid,
                 describe(result).constData());
    }

    void leafExpired()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.attestationCertificate.notBefore = QDateTime::currentDateTimeUtc().addYears(-2);
        spec.attestationCertificate.notAfter = QDateTime::currentDateTimeUtc().addDays(-1);
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationCertificateInvalid);
    }

    void leafNotYetValid()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.attestationCertificate.notBefore = QDateTime::currentDateTimeUtc().addDays(2);
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationCertificateInvalid);
    }

    void chainDoesNotVerify()
    {
        ConformanceFixture rp;
        const auto stranger =
            TestCertificateAuthority::createRoot(QStringLiteral("Unrelated Root"));
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.x5c =
            QList<QByteArray>{stranger.issue(spec.attestationKey, leafSpec(rp.authenticator))};
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationUntrusted);
    }

    void chainIncludesTheRoot()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.x5c = rp.authenticator.attestationChain(leafSpec(rp.authenticator))
                   << rp.authenticator.attestationRoot().certificateDer();
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationChainInvalid);
    }

    // The intermediate first: the statement is then checked against the wrong key.
    void chainLeafNotFirst()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        const QList<QByteArray> chain =
            rp.authenticator.attestationChain(leafSpec(rp.authenticator));
        spec.x5c = QList<QByteArray>{chain[1], chain[0]};
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationSignatureInvalid);
    }

    // Leaf first, but the two intermediates of a three-level chain swapped.
    void chainIntermediatesMisordered()
    {
        ConformanceFixture rp;
        const auto& root = rp.authenticator.attestationRoot();
        const auto upper =
            root.createIntermediate(testing::caSpec(QStringLiteral("Upper Intermediate")));
        const auto lower =
            upper.createIntermediate(testing::caSpec(QStringLiteral("Lower Intermediate")));
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        const QByteArray leaf = lower.issue(spec.attestationKey, leafSpec(rp.authenticator));
        spec.x5c = QList<QByteArray>{leaf, upper.certificateDer(), lower.certificateDer()};
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationChainInvalid);
        spec.x5c = QList<QByteArray>{leaf, lower.certificateDer(), upper.certificateDer()};
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.makeCredential(spec)));
    }

    void intermediateExpired()
    {
        ConformanceFixture rp;
        auto expiredSpec = testing::caSpec(QStringLiteral("Expired Intermediate"));
        expiredSpec.notBefore = QDateTime::currentDateTimeUtc().addYears(-3);
        expiredSpec.notAfter = QDateTime::currentDateTimeUtc().addDays(-1);
        const auto expired = rp.authenticator.attestationRoot().createIntermediate(expiredSpec);
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.x5c = QList<QByteArray>{expired.issue(spec.attestationKey, leafSpec(rp.authenticator)),
                                     expired.certificateDer()};
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationCertificateInvalid);
    }

    // §8.2.1 certificate requirements.
    void certificateRequirement_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::newRow("version not 3") << QStringLiteral("version");
        QTest::newRow("OU not Authenticator Attestation") << QStringLiteral("ou");
        QTest::newRow("basic constraints CA true") << QStringLiteral("ca");
        QTest::newRow("subject without C") << QStringLiteral("c");
        QTest::newRow("subject without O") << QStringLiteral("o");
        QTest::newRow("subject without CN") << QStringLiteral("cn");
    }

    void certificateRequirement()
    {
        QFETCH(QString, rule);
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        auto& cert = spec.attestationCertificate;
        if (rule == QLatin1String("version"))
            cert.version = 1;
        if (rule == QLatin1String("ou"))
            cert.organizationalUnit = QStringLiteral("Engineering");
        if (rule == QLatin1String("ca"))
            cert.isCa = true;
        if (rule == QLatin1String("c"))
            cert.country.clear();
        if (rule == QLatin1String("o"))
            cert.organization.clear();
        if (rule == QLatin1String("cn"))
            cert.commonName.clear();
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationCertificateInvalid);
    }

    void aaguidExtensionNotTheAuthenticatorAaguid()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.attestationCertificate.aaguid = QByteArray(16, '\x42');
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationAaguidMismatch);
    }

    void leafWithoutAaguidExtensionIsAccepted()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::PackedFull);
        spec.attestationCertificate.aaguid.reset();
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.makeCredential(spec)));
    }
};

QTEST_GUILESS_MAIN(TestPackedConformance)
#include "test_packed_conformance.moc"

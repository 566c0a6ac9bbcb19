// FIDO2 server conformance, "fido-u2f" (§8.6).
#include "conformance_fixture.h"

#include <QCborArray>
#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::conformance;

namespace {

const QString kAttStmt = QStringLiteral("attStmt");

} // namespace

class TestFidoU2fConformance : public QObject {
    Q_OBJECT

private slots:
    void validStatementIsAccepted()
    {
        ConformanceFixture rp;
        const auto result = rp.verify(
            rp.authenticator.makeCredential(rp.registrationSpec(AttestationFormat::FidoU2f)));
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->format, QStringLiteral("fido-u2f"));
        QVERIFY(result->attestation.type == AttestationType::Basic ||
                result->attestation.type == AttestationType::AttCA);
        QCOMPARE(result->attestation.trustPath.size(), 1);
    }

    // FIDO's test plan rejects it; Level 3 is silent, so the RP opts in to that rule.
    void aaguidNotZero()
    {
        ConformanceFixture rp;
        rp.registrationExpected.trust.fidoU2fRequireZeroAaguid = true;
        auto spec = rp.registrationSpec(AttestationFormat::FidoU2f);
        spec.authenticatorData.attestedCredential->aaguid = rp.authenticator.aaguid();
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationAaguidMismatch);
    }

    void aaguidNotZeroIsAcceptedUnderLevel3()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::FidoU2f);
        spec.authenticatorData.attestedCredential->aaguid = rp.authenticator.aaguid();
        LATCHKEY_EXPECT_OK(rp.verify(rp.authenticator.makeCredential(spec)));
    }

    void signatureInvalid()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::FidoU2f);
        spec.signingKey = testing::TestKey::generate(cose::ES256);
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationSignatureInvalid);
    }

    void signatureOverWrongVerificationData()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::FidoU2f);
        spec.signedData = QByteArray(1, '\0') + spec.authenticatorData.rpIdHash; // cut short
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationSignatureInvalid);
    }

    void credentialKeyNotP256_data()
    {
        QTest::addColumn<int>("algorithm");
        QTest::newRow("ES384") << cose::ES384;
        QTest::newRow("EdDSA") << cose::EdDSA;
        QTest::newRow("RS256") << cose::RS256;
    }

    void credentialKeyNotP256()
    {
        QFETCH(int, algorithm);
        ConformanceFixture rp;
        const auto result = rp.verify(rp.authenticator.makeCredential(
            rp.registrationSpec(AttestationFormat::FidoU2f, algorithm)));
        LATCHKEY_EXPECT_ERROR(result, ErrorCode::CoseKeyUnsupported);
    }

    void moreThanOneCertificate()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::FidoU2f);
        spec.x5c = rp.authenticator.attestationChain(spec.attestationCertificate);
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationStatementMalformed);
    }

    void x5cMissing()
    {
        ConformanceFixture rp;
        auto registration =
            rp.authenticator.makeCredential(rp.registrationSpec(AttestationFormat::FidoU2f));
        QCborMap statement = registration.attestationObject.value(kAttStmt).toMap();
        statement.remove(QStringLiteral("x5c"));
        registration.attestationObject.insert(kAttStmt, statement);
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationStatementMalformed);
    }

    void attestationCertificateKeyNotP256()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec(AttestationFormat::FidoU2f);
        spec.attestationKey = testing::TestKey::generate(cose::ES384);
        spec.signingAlgorithm = cose::ES384;
        LATCHKEY_EXPECT_ERROR(rp.verify(rp.authenticator.makeCredential(spec)),
                              ErrorCode::AttestationCertificateInvalid);
    }
};

QTEST_GUILESS_MAIN(TestFidoU2fConformance)
#include "test_fido_u2f_conformance.moc"

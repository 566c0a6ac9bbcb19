// FIDO2 server conformance, "none" (§8.7).
#include "conformance_fixture.h"

#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::conformance;

class TestNoneConformance : public QObject {
    Q_OBJECT

private slots:
    void emptyStatementIsAccepted()
    {
        ConformanceFixture rp;
        const auto result = rp.verify(rp.authenticator.makeCredential(rp.registrationSpec()));
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->attestation.type, AttestationType::None);
        QVERIFY(!result->attestation.trusted);
    }

    // What the RP stores comes from the attested credential data, as the authenticator sent it.
    void resultDescribesTheAttestedCredential()
    {
        ConformanceFixture rp;
        auto spec = rp.registrationSpec();
        spec.authenticatorData.signCount = 7;
        const auto registration = rp.authenticator.makeCredential(spec);
        const auto result = rp.verify(registration);
        LATCHKEY_EXPECT_OK(result);
        QCOMPARE(result->credentialId, registration.credentialId);
        QCOMPARE(result->format, QStringLiteral("none"));
        QCOMPARE(result->algorithm, cose::ES256);
        QCOMPARE(result->signCount, 7u);
        QCOMPARE(result->publicKeyCbor, spec.credentialKey.coseKeyCbor());
        QVERIFY(result->publicKey.samePublicKey(spec.credentialKey.evp()));
        QVERIFY(result->userVerified);
    }

    void statementNotAnEmptyMap_data()
    {
        QTest::addColumn<QString>("member");
        QTest::newRow("with sig") << QStringLiteral("sig");
        QTest::newRow("with alg") << QStringLiteral("alg");
        QTest::newRow("with an unknown member") << QStringLiteral("extra");
    }

    void statementNotAnEmptyMap()
    {
        QFETCH(QString, member);
        ConformanceFixture rp;
        auto registration = rp.authenticator.makeCredential(rp.registrationSpec());
        registration.attestationObject.insert(QStringLiteral("attStmt"),
                                              QCborMap{{member, QByteArray(8, '\1')}});
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::AttestationStatementMalformed);
    }
};

QTEST_GUILESS_MAIN(TestNoneConformance)
#include "test_none_conformance.moc"

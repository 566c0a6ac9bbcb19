#include "attestation_test_support.h"
#include "webauthn/attestation.h"

#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::attestation_testing;

class TestAppleAttestation : public QObject {
    Q_OBJECT

private slots:
    void realVectorsReachTheirExpectedOutcome_data();
    void realVectorsReachTheirExpectedOutcome();
};

void TestAppleAttestation::realVectorsReachTheirExpectedOutcome_data()
{
    QTest::addColumn<VectorCase>("vector");
    const auto cases = loadVectorCases(QStringLiteral("apple"));
    if (!cases)
        QSKIP(kVectorsMissing);
    for (const VectorCase& vector : *cases)
        QTest::newRow(vector.name.toUtf8().constData()) << vector;
}

void TestAppleAttestation::realVectorsReachTheirExpectedOutcome()
{
    QFETCH(VectorCase, vector);
    const auto result = runVector(vector, &verifyAppleAttestation);
    if (!result.ok())
        qInfo("rejected as expected: %s", describe(result).constData());
    QVERIFY2(result.ok() == vector.expectOk, describe(result) + " / note: " + vector.note.toUtf8());
    if (result.ok()) {
        QCOMPARE(result->format, QStringLiteral("apple"));
        QVERIFY(!result->trustPath.isEmpty());
        QCOMPARE(result->trusted,
                 !vector.trust.rootsByFormat.value(QStringLiteral("apple")).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestAppleAttestation)
#include "test_apple_attestation.moc"

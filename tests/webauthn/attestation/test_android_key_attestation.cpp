#include "attestation_test_support.h"
#include "webauthn/attestation.h"

#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::attestation_testing;

class TestAndroidKeyAttestation : public QObject {
    Q_OBJECT

private slots:
    void realVectorsReachTheirExpectedOutcome_data();
    void realVectorsReachTheirExpectedOutcome();
};

void TestAndroidKeyAttestation::realVectorsReachTheirExpectedOutcome_data()
{
    QTest::addColumn<VectorCase>("vector");
    const auto cases = loadVectorCases(QStringLiteral("android-key"));
    if (!cases)
        QSKIP(kVectorsMissing);
    for (const VectorCase& vector : *cases)
        QTest::newRow(vector.name.toUtf8().constData()) << vector;
}

void TestAndroidKeyAttestation::realVectorsReachTheirExpectedOutcome()
{
    QFETCH(VectorCase, vector);
    const auto result = runVector(vector, &verifyAndroidKeyAttestation);
    if (!result.ok())
        qInfo("rejected as expected: %s", describe(result).constData());
    QVERIFY2(result.ok() == vector.expectOk, describe(result) + " / note: " + vector.note.toUtf8());
    if (result.ok()) {
        QCOMPARE(result->format, QStringLiteral("android-key"));
        QVERIFY(!result->trustPath.isEmpty());
        QCOMPARE(result->trusted,
                 !vector.trust.rootsByFormat.value(QStringLiteral("android-key")).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestAndroidKeyAttestation)
#include "test_android_key_attestation.moc"

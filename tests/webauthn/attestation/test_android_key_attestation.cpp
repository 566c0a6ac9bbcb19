#include "attestation_test_support.h"
#include "webauthn/attestation.h"

#include <QCborArray>
#include <QTest>
#include <functional>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::attestation_testing;

namespace {

constexpr const char* kKeyDescriptionOid = "1.3.6.1.4.1.11129.2.1.17";

QByteArray purpose(qint64 value)
{
    return derExplicit(1, derSet({derInteger(value)}));
}

QByteArray origin(qint64 value)
{
    return derExplicit(702, derInteger(value));
}

QByteArray allApplications()
{
    return derExplicit(600, derNull());
}

QByteArray enumerated(int value)
{
    return derTlv(0x0a, QByteArray(1, static_cast<char>(value)));
}

// KeyDescription (Android keystore attestation schema, version 3).
QByteArray keyDescription(const QByteArray& challenge, const QList<QByteArray>& software,
                          const QList<QByteArray>& tee)
{
    return derSequence({derInteger(3), enumerated(1), derInteger(4), enumerated(1),
                        derOctetString(challenge), derOctetString({}), derSequence(software),
                        derSequence(tee)});
}

// A valid android-key statement, built from parts a test can change.
struct AndroidKeyCase {
    TestKey credential = TestKey::generate(cose::ES256);
    std::optional<TestKey> leafKey; // defaults to the credential key
    QByteArray challenge = testClientDataHash();
    QList<QByteArray> software;
    QList<QByteArray> tee = {purpose(2), origin(0)};
    std::optional<QByteArray> description; // replaces the whole extension value
    bool withExtension = true;
    bool includeRoot = false;
    std::function<void(QCborMap&)> mutate;

    Result<AttestationResult> run() const
    {
        const TestKey leaf = leafKey.value_or(credential);
        CertOptions options;
        options.subject = {{"CN", QStringLiteral("Android Keystore Key")}};
        if (withExtension)
            options.extensions.append(
                {kKeyDescriptionOid, description.value_or(keyDescription(challenge, software, tee)),
                 false});
        const TestChain chain = makeChain(leaf, options);
        const AuthenticatorData authData = makeAuthenticatorData(credential);
        const QByteArray clientDataHash = testClientDataHash();
        QList<QByteArray> x5c = chain.x5c();
        if (includeRoot)
            x5c.append(chain.root.der);
        QCborMap statement{{QStringLiteral("alg"), cose::ES256},
                           {QStringLiteral("sig"), leaf.sign(authData.raw + clientDataHash)},
                           {QStringLiteral("x5c"), x5cArray(x5c)}};
        if (mutate)
            mutate(statement);
        const AttestationInput input{statement, authData, clientDataHash};
        return verifyAndroidKeyAttestation(
            input, trustWith(QStringLiteral("android-key"), {chain.root.der}));
    }
};

void expectError(const Result<AttestationResult>& result, ErrorCode code)
{
    QVERIFY2(!result.ok(), "the statement was accepted");
    QVERIFY2(result.error().code == code, describe(result));
    QVERIFY(!result.error().message.isEmpty());
}

} // namespace

class TestAndroidKeyAttestation : public QObject {
    Q_OBJECT

private slots:
    void realVectorsReachTheirExpectedOutcome_data();
    void realVectorsReachTheirExpectedOutcome();
    void validStatementIsBasicAndTrusted();
    void chainEndingInItsRootIsAccepted();
    void includedRootOtherThanTheConfiguredOneIsRejected();
    void authorizationsFromSoftwareEnforcedAreAccepted();
    void missingMemberIsRejected_data();
    void missingMemberIsRejected();
    void sigNotVerifyingIsRejected();
    void leafPublicKeyNotCredentialKeyIsRejected();
    void attestationChallengeNotClientDataHashIsRejected();
    void allApplicationsPresentIsRejected_data();
    void allApplicationsPresentIsRejected();
    void originNotGeneratedIsRejected();
    void purposeNotSignIsRejected_data();
    void purposeNotSignIsRejected();
    void missingKeyDescriptionIsRejected();
    void malformedKeyDescriptionIsRejected_data();
    void everyTruncationOfKeyDescriptionIsRejected();
    void malformedKeyDescriptionIsRejected();
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

void TestAndroidKeyAttestation::validStatementIsBasicAndTrusted()
{
    const auto result = AndroidKeyCase{}.run();
    QVERIFY2(result.ok(), describe(result));
    QCOMPARE(result->format, QStringLiteral("android-key"));
    QCOMPARE(result->type, AttestationType::Basic);
    QCOMPARE(result->trustPath.size(), 2);
    QVERIFY(result->trusted);
}

void TestAndroidKeyAttestation::chainEndingInItsRootIsAccepted()
{
    AndroidKeyCase androidCase;
    androidCase.includeRoot = true;
    const auto result = androidCase.run();
    QVERIFY2(result.ok(), describe(result));
    QCOMPARE(result->trustPath.size(), 3);
    QVERIFY(result->trusted);
}

void TestAndroidKeyAttestation::includedRootOtherThanTheConfiguredOneIsRejected()
{
    AndroidKeyCase androidCase;
    const TestKey rogueRootKey = TestKey::generate(cose::ES256);
    const QByteArray rogueRoot = selfSignedCertificate(rogueRootKey, caOptions("Rogue Root"));
    androidCase.mutate = [rogueRoot](QCborMap& s) {
        QCborArray x5c = s.value(QStringLiteral("x5c")).toArray();
        x5c.append(rogueRoot);
        s.insert(QStringLiteral("x5c"), x5c);
    };
    const auto result = androidCase.run();
    QVERIFY2(!result.ok(), "a chain ending in a root that did not sign it was accepted");
}

void TestAndroidKeyAttestation::authorizationsFromSoftwareEnforcedAreAccepted()
{
    AndroidKeyCase androidCase;
    androidCase.software = {purpose(2), origin(0)};
    androidCase.tee = {};
    const auto result = androidCase.run();
    QVERIFY2(result.ok(), describe(result));
}

void TestAndroidKeyAttestation::missingMemberIsRejected_data()
{
    QTest::addColumn<QString>("member");
    for (const char* member : {"alg", "sig", "x5c"})
        QTest::newRow(member) << QString::fromLatin1(member);
}

void TestAndroidKeyAttestation::missingMemberIsRejected()
{
    QFETCH(QString, member);
    AndroidKeyCase androidCase;
    androidCase.mutate = [member](QCborMap& s) {
        s.remove(member);
    };
    expectError(androidCase.run(), ErrorCode::AttestationStatementMalformed);
}

void TestAndroidKeyAttestation::sigNotVerifyingIsRejected()
{
    AndroidKeyCase androidCase;
    const TestKey other = TestKey::generate(cose::ES256);
    androidCase.mutate = [other](QCborMap& s) {
        s.insert(QStringLiteral("sig"), other.sign("not authData"));
    };
    expectError(androidCase.run(), ErrorCode::AttestationSignatureInvalid);
}

void TestAndroidKeyAttestation::leafPublicKeyNotCredentialKeyIsRejected()
{
    AndroidKeyCase androidCase;
    androidCase.leafKey = TestKey::generate(cose::ES256); // signs validly, but is another key
    expectError(androidCase.run(), ErrorCode::AttestationPublicKeyMismatch);
}

void TestAndroidKeyAttestation::attestationChallengeNotClientDataHashIsRejected()
{
    AndroidKeyCase androidCase;
    androidCase.challenge = QByteArray(32, '\x05');
    expectError(androidCase.run(), ErrorCode::AttestationNonceMismatch);
}

void TestAndroidKeyAttestation::allApplicationsPresentIsRejected_data()
{
    QTest::addColumn<bool>("inTee");
    QTest::newRow("teeEnforced") << true;
    QTest::newRow("softwareEnforced") << false;
}

void TestAndroidKeyAttestation::allApplicationsPresentIsRejected()
{
    QFETCH(bool, inTee);
    AndroidKeyCase androidCase;
    if (inTee)
        androidCase.tee = {purpose(2), allApplications(), origin(0)};
    else
        androidCase.software = {allApplications()};
    expectError(androidCase.run(), ErrorCode::AttestationAndroidKeyInvalid);
}

void TestAndroidKeyAttestation::originNotGeneratedIsRejected()
{
    AndroidKeyCase androidCase;
    androidCase.tee = {purpose(2), origin(2)}; // KM_ORIGIN_IMPORTED
    expectError(androidCase.run(), ErrorCode::AttestationAndroidKeyInvalid);
    AndroidKeyCase noOrigin;
    noOrigin.tee = {purpose(2)};
    expectError(noOrigin.run(), ErrorCode::AttestationAndroidKeyInvalid);
}

void TestAndroidKeyAttestation::purposeNotSignIsRejected_data()
{
    QTest::addColumn<QList<QByteArray>>("tee");
    QTest::newRow("verify only") << QList<QByteArray>{purpose(3), origin(0)};
    QTest::newRow("encrypt only") << QList<QByteArray>{purpose(0), origin(0)};
    QTest::newRow("no purpose") << QList<QByteArray>{origin(0)};
}

void TestAndroidKeyAttestation::purposeNotSignIsRejected()
{
    QFETCH(QList<QByteArray>, tee);
    AndroidKeyCase androidCase;
    androidCase.tee = tee;
    expectError(androidCase.run(), ErrorCode::AttestationAndroidKeyInvalid);
}

void TestAndroidKeyAttestation::missingKeyDescriptionIsRejected()
{
    AndroidKeyCase androidCase;
    androidCase.withExtension = false;
    expectError(androidCase.run(), ErrorCode::AttestationAndroidKeyInvalid);
}

void TestAndroidKeyAttestation::malformedKeyDescriptionIsRejected_data()
{
    QTest::addColumn<QByteArray>("description");
    const QByteArray challenge = testClientDataHash();
    QTest::newRow("not a sequence") << derOctetString(challenge);
    QTest::newRow("too few fields") << derSequence({derInteger(3), derOctetString(challenge)});
    QTest::newRow("truncated") << keyDescription(challenge, {}, {purpose(2), origin(0)}).chopped(3);
    QTest::newRow("purpose not a set")
        << keyDescription(challenge, {}, {derExplicit(1, derInteger(2)), origin(0)});
    QTest::newRow("origin not an integer")
        << keyDescription(challenge, {}, {purpose(2), derExplicit(702, derNull())});
}

void TestAndroidKeyAttestation::malformedKeyDescriptionIsRejected()
{
    QFETCH(QByteArray, description);
    AndroidKeyCase androidCase;
    androidCase.description = description;
    expectError(androidCase.run(), ErrorCode::AttestationAndroidKeyInvalid);
}

void TestAndroidKeyAttestation::everyTruncationOfKeyDescriptionIsRejected()
{
    // Bounds checks: each prefix of the extension is refused, never read past.
    const QByteArray full = keyDescription(testClientDataHash(), {purpose(2)},
                                           {purpose(2), origin(0), allApplications()});
    for (qsizetype keep = 0; keep < full.size(); ++keep) {
        AndroidKeyCase androidCase;
        androidCase.description = full.first(keep);
        const auto result = androidCase.run();
        QVERIFY2(!result.ok(),
                 qPrintable(QStringLiteral("cut to %1 bytes was accepted").arg(keep)));
    }
}

QTEST_GUILESS_MAIN(TestAndroidKeyAttestation)
#include "test_android_key_attestation.moc"

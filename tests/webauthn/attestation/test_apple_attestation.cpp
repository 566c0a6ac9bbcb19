#include "attestation_test_support.h"
#include "webauthn/attestation.h"

#include <QCborArray>
#include <QCryptographicHash>
#include <QTest>
#include <functional>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::attestation_testing;

namespace {

constexpr const char* kNonceOid = "1.2.840.113635.100.8.2";

QByteArray nonceExtension(const QByteArray& nonce)
{
    return derSequence({derExplicit(1, derOctetString(nonce))});
}

// A valid apple statement, built from parts a test can change.
struct AppleCase {
    TestKey credential = TestKey::generate(cose::ES256);
    std::optional<TestKey> certKey; // defaults to the credential key
    std::optional<QByteArray> nonce;
    std::optional<QByteArray> extension; // replaces the whole extension value
    bool withExtension = true;
    bool configureRoot = true;
    std::function<void(QCborMap&)> mutate;

    Result<AttestationResult> run() const
    {
        const AuthenticatorData authData = makeAuthenticatorData(credential);
        const QByteArray clientDataHash = testClientDataHash();
        const QByteArray expected =
            QCryptographicHash::hash(authData.raw + clientDataHash, QCryptographicHash::Sha256);
        CertOptions options;
        options.subject = {{"CN", QStringLiteral("Apple Anonymous Attestation Test")}};
        if (withExtension)
            options.extensions.append(
                {kNonceOid, extension.value_or(nonceExtension(nonce.value_or(expected))), false});
        const TestChain chain = makeChain(certKey.value_or(credential), options);
        QCborMap statement{{QStringLiteral("x5c"), x5cArray(chain.x5c())}};
        if (mutate)
            mutate(statement);
        const AttestationInput input{statement, authData, clientDataHash};
        return verifyAppleAttestation(
            input,
            trustWith(QStringLiteral("apple"),
                      configureRoot ? QList<QByteArray>{chain.root.der} : QList<QByteArray>{}));
    }
};

void expectError(const Result<AttestationResult>& result, ErrorCode code)
{
    QVERIFY2(!result.ok(), "the statement was accepted");
    QVERIFY2(result.error().code == code, describe(result));
    QVERIFY(!result.error().message.isEmpty());
}

} // namespace

class TestAppleAttestation : public QObject {
    Q_OBJECT

private slots:
    void realVectorsReachTheirExpectedOutcome_data();
    void realVectorsReachTheirExpectedOutcome();
    void validStatementIsAnonCaAndTrusted();
    void validStatementWithoutRootsIsUntrusted();
    void missingOrEmptyX5cIsRejected();
    void nonceNotHashOfAttToBeSignedIsRejected();
    void missingOrMalformedNonceExtensionIsRejected_data();
    void missingOrMalformedNonceExtensionIsRejected();
    void leafPublicKeyNotCredentialKeyIsRejected();
    void misorderedChainIsRejected();
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

void TestAppleAttestation::validStatementIsAnonCaAndTrusted()
{
    const auto result = AppleCase{}.run();
    QVERIFY2(result.ok(), describe(result));
    QCOMPARE(result->format, QStringLiteral("apple"));
    QCOMPARE(result->type, AttestationType::AnonCA);
    QCOMPARE(result->trustPath.size(), 2);
    QVERIFY(result->trusted);
}

void TestAppleAttestation::validStatementWithoutRootsIsUntrusted()
{
    AppleCase apple;
    apple.configureRoot = false;
    const auto result = apple.run();
    QVERIFY2(result.ok(), describe(result));
    QVERIFY(!result->trusted);
}

void TestAppleAttestation::missingOrEmptyX5cIsRejected()
{
    AppleCase absent;
    absent.mutate = [](QCborMap& s) {
        s.remove(QStringLiteral("x5c"));
    };
    expectError(absent.run(), ErrorCode::AttestationStatementMalformed);
    AppleCase empty;
    empty.mutate = [](QCborMap& s) {
        s.insert(QStringLiteral("x5c"), QCborArray());
    };
    expectError(empty.run(), ErrorCode::AttestationStatementMalformed);
}

void TestAppleAttestation::nonceNotHashOfAttToBeSignedIsRejected()
{
    AppleCase apple;
    apple.nonce = QByteArray(32, '\x0e');
    expectError(apple.run(), ErrorCode::AttestationNonceMismatch);
}

void TestAppleAttestation::missingOrMalformedNonceExtensionIsRejected_data()
{
    QTest::addColumn<bool>("present");
    QTest::addColumn<QByteArray>("extension");
    const QByteArray nonce(32, '\x0e');
    QTest::newRow("absent") << false << QByteArray();
    QTest::newRow("bare octet string") << true << derOctetString(nonce);
    QTest::newRow("wrong tag") << true << derSequence({derExplicit(2, derOctetString(nonce))});
    QTest::newRow("not octets inside") << true << derSequence({derExplicit(1, derInteger(5))});
    QTest::newRow("truncated") << true << nonceExtension(nonce).chopped(1);
}

void TestAppleAttestation::missingOrMalformedNonceExtensionIsRejected()
{
    QFETCH(bool, present);
    QFETCH(QByteArray, extension);
    AppleCase apple;
    apple.withExtension = present;
    apple.extension = extension;
    expectError(apple.run(), ErrorCode::AttestationCertificateInvalid);
}

void TestAppleAttestation::leafPublicKeyNotCredentialKeyIsRejected()
{
    AppleCase apple;
    apple.certKey = TestKey::generate(cose::ES256);
    expectError(apple.run(), ErrorCode::AttestationPublicKeyMismatch);
}

void TestAppleAttestation::misorderedChainIsRejected()
{
    AppleCase apple;
    apple.mutate = [](QCborMap& s) {
        QCborArray x5c = s.value(QStringLiteral("x5c")).toArray();
        x5c.insert(1, x5c.at(0));
        s.insert(QStringLiteral("x5c"), x5c);
    };
    expectError(apple.run(), ErrorCode::AttestationChainInvalid);
}

QTEST_GUILESS_MAIN(TestAppleAttestation)
#include "test_apple_attestation.moc"

#include "attestation_test_support.h"
#include "webauthn/attestation.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <functional>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::attestation_testing;

namespace {

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// RFC 7518 §3.4: JWS carries an ECDSA signature as r ‖ s, not DER.
QByteArray derToRaw(const QByteArray& der)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &cursor, der.size());
    QByteArray raw(64, '\0');
    auto* out = reinterpret_cast<unsigned char*>(raw.data());
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), out, 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), out + 32, 32);
    ECDSA_SIG_free(sig);
    return raw;
}

const TestKey& rsaKey()
{
    static const TestKey key = TestKey::generate(cose::RS256);
    return key;
}

// A valid android-safetynet statement, built from parts a test can change.
struct SafetyNetCase {
    QString alg = QStringLiteral("RS256");
    CertOptions leaf = [] {
        CertOptions options;
        options.subject = {{"O", QStringLiteral("Google LLC")},
                           {"CN", QStringLiteral("attest.android.com")}};
        return options;
    }();
    std::optional<QString> nonce;
    QJsonValue ctsProfileMatch = true;
    qint64 ageMs = 1'000; // how long before verification the JWS was issued
    bool requireCts = true;
    bool tamperPayload = false;
    std::function<void(QJsonObject&)> mutateHeader;
    std::function<void(QCborMap&)> mutate;

    Result<AttestationResult> run() const
    {
        const TestKey credential = TestKey::generate(cose::ES256);
        const AuthenticatorData authData = makeAuthenticatorData(credential);
        const QByteArray clientDataHash = testClientDataHash();
        const TestKey signer =
            alg == QStringLiteral("ES256") ? TestKey::generate(cose::ES256) : rsaKey();
        const TestChain chain = makeChain(signer, leaf);
        const AttestationTrust trust = trustWithTime(chain);

        QJsonObject header{{QStringLiteral("alg"), alg},
                           {QStringLiteral("x5c"),
                            QJsonArray{QString::fromLatin1(chain.leaf.der.toBase64()),
                                       QString::fromLatin1(chain.intermediate.der.toBase64())}}};
        if (mutateHeader)
            mutateHeader(header);
        const QString expectedNonce = QString::fromLatin1(
            QCryptographicHash::hash(authData.raw + clientDataHash, QCryptographicHash::Sha256)
                .toBase64());
        QJsonObject payload{
            {QStringLiteral("nonce"), nonce.value_or(expectedNonce)},
            {QStringLiteral("timestampMs"), double(trust.verifyTime.toMSecsSinceEpoch() - ageMs)},
            {QStringLiteral("apkPackageName"), QStringLiteral("com.google.android.gms")},
            {QStringLiteral("ctsProfileMatch"), ctsProfileMatch},
            {QStringLiteral("basicIntegrity"), true}};
        const QByteArray signingInput =
            base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
            base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
        QByteArray signature = alg == QStringLiteral("ES256")
                                   ? derToRaw(signer.sign(signingInput))
                                   : signer.signAs(cose::RS256, signingInput);
        QByteArray jws = signingInput + '.' + base64Url(signature);
        if (tamperPayload) {
            payload.insert(QStringLiteral("ctsProfileMatch"), true);
            payload.insert(QStringLiteral("extra"), QStringLiteral("changed after signing"));
            const QList<QByteArray> parts = jws.split('.');
            jws = parts[0] + '.' +
                  base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' + parts[2];
        }
        QCborMap statement{{QStringLiteral("ver"), QStringLiteral("14366018")},
                           {QStringLiteral("response"), jws}};
        if (mutate)
            mutate(statement);
        const AttestationInput input{statement, authData, clientDataHash};
        return verifyAndroidSafetyNetAttestation(input, trust);
    }

    AttestationTrust trustWithTime(const TestChain& chain) const
    {
        AttestationTrust trust = trustWith(QStringLiteral("android-safetynet"), {chain.root.der});
        trust.safetyNetRequireCtsProfileMatch = requireCts;
        return trust;
    }
};

void expectError(const Result<AttestationResult>& result, ErrorCode code)
{
    QVERIFY2(!result.ok(), "the statement was accepted");
    QVERIFY2(result.error().code == code, describe(result));
    QVERIFY(!result.error().message.isEmpty());
}

} // namespace

class TestAndroidSafetyNetAttestation : public QObject {
    Q_OBJECT

private slots:
    void realVectorsReachTheirExpectedOutcome_data();
    void realVectorsReachTheirExpectedOutcome();
    void validRs256StatementIsBasicAndTrusted();
    void es256JwsIsAccepted();
    void hostnameInSubjectAltNameIsAccepted();
    void emptyVerOrResponseIsRejected_data();
    void emptyVerOrResponseIsRejected();
    void responseThatIsNotACompactJwsIsRejected_data();
    void responseThatIsNotACompactJwsIsRejected();
    void emptyX5cIsRejected();
    void leafNotAttestAndroidComIsRejected();
    void jwsSignatureNotVerifyingIsRejected();
    void unsupportedJwsAlgorithmIsRejected();
    void nonceNotHashOfAttToBeSignedIsRejected();
    void ctsProfileMatchFalseIsRejectedWhenEnforced();
    void ctsProfileMatchFalseIsAcceptedWhenNotEnforced();
    void timestampInTheFutureIsRejected();
    void timestampTooOldIsRejected();
    void chainToAnotherRootIsRejected();
};

void TestAndroidSafetyNetAttestation::realVectorsReachTheirExpectedOutcome_data()
{
    QTest::addColumn<VectorCase>("vector");
    const auto cases = loadVectorCases(QStringLiteral("android-safetynet"));
    if (!cases)
        QSKIP(kVectorsMissing);
    for (const VectorCase& vector : *cases)
        QTest::newRow(vector.name.toUtf8().constData()) << vector;
}

void TestAndroidSafetyNetAttestation::realVectorsReachTheirExpectedOutcome()
{
    QFETCH(VectorCase, vector);
    const auto result = runVector(vector, &verifyAndroidSafetyNetAttestation);
    if (!result.ok())
        qInfo("rejected as expected: %s", describe(result).constData());
    QVERIFY2(result.ok() == vector.expectOk, describe(result) + " / note: " + vector.note.toUtf8());
    if (result.ok()) {
        QCOMPARE(result->format, QStringLiteral("android-safetynet"));
        QVERIFY(!result->trustPath.isEmpty());
        QCOMPARE(result->trusted,
                 !vector.trust.rootsByFormat.value(QStringLiteral("android-safetynet")).isEmpty());
    }
}

void TestAndroidSafetyNetAttestation::validRs256StatementIsBasicAndTrusted()
{
    const auto result = SafetyNetCase{}.run();
    QVERIFY2(result.ok(), describe(result));
    QCOMPARE(result->format, QStringLiteral("android-safetynet"));
    QCOMPARE(result->type, AttestationType::Basic);
    QCOMPARE(result->trustPath.size(), 2);
    QVERIFY(result->trusted);
}

void TestAndroidSafetyNetAttestation::es256JwsIsAccepted()
{
    SafetyNetCase safetyNet;
    safetyNet.alg = QStringLiteral("ES256");
    const auto result = safetyNet.run();
    QVERIFY2(result.ok(), describe(result));
}

void TestAndroidSafetyNetAttestation::hostnameInSubjectAltNameIsAccepted()
{
    SafetyNetCase safetyNet;
    safetyNet.leaf.subject = {{"CN", QStringLiteral("SafetyNet")}};
    safetyNet.leaf.sanDns = {QStringLiteral("attest.android.com")};
    const auto result = safetyNet.run();
    QVERIFY2(result.ok(), describe(result));
}

void TestAndroidSafetyNetAttestation::emptyVerOrResponseIsRejected_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QCborValue>("value");
    QTest::newRow("ver empty") << QStringLiteral("ver") << QCborValue(QString());
    QTest::newRow("ver absent") << QStringLiteral("ver") << QCborValue();
    QTest::newRow("ver not text") << QStringLiteral("ver") << QCborValue(14366018);
    QTest::newRow("response empty") << QStringLiteral("response") << QCborValue(QByteArray());
    QTest::newRow("response absent") << QStringLiteral("response") << QCborValue();
    QTest::newRow("response as text")
        << QStringLiteral("response") << QCborValue(QStringLiteral("a.b.c"));
}

void TestAndroidSafetyNetAttestation::emptyVerOrResponseIsRejected()
{
    QFETCH(QString, member);
    QFETCH(QCborValue, value);
    SafetyNetCase safetyNet;
    safetyNet.mutate = [member, value](QCborMap& s) {
        if (value.isUndefined())
            s.remove(member);
        else
            s.insert(member, value);
    };
    expectError(safetyNet.run(), ErrorCode::AttestationStatementMalformed);
}

void TestAndroidSafetyNetAttestation::responseThatIsNotACompactJwsIsRejected_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::newRow("one part") << QByteArray("eyJhbGciOiJSUzI1NiJ9");
    QTest::newRow("four parts") << QByteArray("e30.e30.AAAA.AAAA");
    QTest::newRow("header not base64url") << QByteArray("e3*.e30.AAAA");
    QTest::newRow("header not JSON") << (base64Url("not json") + ".e30.AAAA");
    QTest::newRow("empty signature") << QByteArray("e30.e30.");
}

void TestAndroidSafetyNetAttestation::responseThatIsNotACompactJwsIsRejected()
{
    QFETCH(QByteArray, response);
    SafetyNetCase safetyNet;
    safetyNet.mutate = [response](QCborMap& s) {
        s.insert(QStringLiteral("response"), response);
    };
    expectError(safetyNet.run(), ErrorCode::AttestationSafetyNetInvalid);
}

void TestAndroidSafetyNetAttestation::emptyX5cIsRejected()
{
    SafetyNetCase safetyNet;
    safetyNet.mutateHeader = [](QJsonObject& h) {
        h.insert(QStringLiteral("x5c"), QJsonArray());
    };
    expectError(safetyNet.run(), ErrorCode::AttestationSafetyNetInvalid);
}

void TestAndroidSafetyNetAttestation::leafNotAttestAndroidComIsRejected()
{
    SafetyNetCase safetyNet;
    safetyNet.leaf.subject = {{"CN", QStringLiteral("attest.android.com.evil.example")}};
    expectError(safetyNet.run(), ErrorCode::AttestationSafetyNetInvalid);
}

void TestAndroidSafetyNetAttestation::jwsSignatureNotVerifyingIsRejected()
{
    SafetyNetCase safetyNet;
    safetyNet.tamperPayload = true;
    expectError(safetyNet.run(), ErrorCode::AttestationSignatureInvalid);
}

void TestAndroidSafetyNetAttestation::unsupportedJwsAlgorithmIsRejected()
{
    SafetyNetCase safetyNet;
    safetyNet.mutateHeader = [](QJsonObject& h) {
        h.insert(QStringLiteral("alg"), QStringLiteral("none"));
    };
    expectError(safetyNet.run(), ErrorCode::AttestationSafetyNetInvalid);
}

void TestAndroidSafetyNetAttestation::nonceNotHashOfAttToBeSignedIsRejected()
{
    SafetyNetCase safetyNet;
    safetyNet.nonce = QString::fromLatin1(QByteArray(32, '\x01').toBase64());
    expectError(safetyNet.run(), ErrorCode::AttestationNonceMismatch);
}

void TestAndroidSafetyNetAttestation::ctsProfileMatchFalseIsRejectedWhenEnforced()
{
    SafetyNetCase safetyNet;
    safetyNet.ctsProfileMatch = false;
    expectError(safetyNet.run(), ErrorCode::AttestationSafetyNetInvalid);
    SafetyNetCase absent;
    absent.ctsProfileMatch = QJsonValue::Undefined;
    expectError(absent.run(), ErrorCode::AttestationSafetyNetInvalid);
}

void TestAndroidSafetyNetAttestation::ctsProfileMatchFalseIsAcceptedWhenNotEnforced()
{
    SafetyNetCase safetyNet;
    safetyNet.ctsProfileMatch = false;
    safetyNet.requireCts = false;
    const auto result = safetyNet.run();
    QVERIFY2(result.ok(), describe(result));
}

void TestAndroidSafetyNetAttestation::timestampInTheFutureIsRejected()
{
    SafetyNetCase safetyNet;
    safetyNet.ageMs = -120'000;
    expectError(safetyNet.run(), ErrorCode::AttestationSafetyNetInvalid);
}

void TestAndroidSafetyNetAttestation::timestampTooOldIsRejected()
{
    SafetyNetCase safetyNet;
    safetyNet.ageMs = 120'000;
    expectError(safetyNet.run(), ErrorCode::AttestationSafetyNetInvalid);
}

void TestAndroidSafetyNetAttestation::chainToAnotherRootIsRejected()
{
    SafetyNetCase safetyNet;
    const TestChain other = makeChain(TestKey::generate(cose::ES256), CertOptions{});
    safetyNet.mutateHeader = [other](QJsonObject& h) {
        QJsonArray x5c = h.value(QStringLiteral("x5c")).toArray();
        x5c.replace(1, QString::fromLatin1(other.intermediate.der.toBase64()));
        h.insert(QStringLiteral("x5c"), x5c);
    };
    expectError(safetyNet.run(), ErrorCode::AttestationChainInvalid);
}

QTEST_GUILESS_MAIN(TestAndroidSafetyNetAttestation)
#include "test_android_safetynet_attestation.moc"

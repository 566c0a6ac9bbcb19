#include "core/base64url.h"
#include "webauthn/verify_registration.h"
#include "webauthn_test_util.h"

#include <QCborArray>
#include <QCborValue>
#include <QJsonArray>
#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::test;

namespace {

const QString kRpId = QStringLiteral("localhost");
const QString kOrigin = QStringLiteral("http://localhost:8080");
const QByteArray kChallenge = QByteArray(32, '\x5a');
const QByteArray kCredentialId = QByteArray(32, '\x33');

// One registration ceremony whose parts a test changes before building the JSON.
struct Ceremony {
    int alg = cose::ES256;
    TestKey key = TestKey::generate(cose::ES256);
    quint8 flagBits = flags::UP | flags::UV | flags::AT;
    QString rpId = kRpId;
    QString type = QStringLiteral("webauthn.create");
    QString origin = kOrigin;
    QByteArray challenge = kChallenge;
    QString format = QStringLiteral("none");
    QCborMap statement;

    QByteArray authData() const
    {
        AttestedPart part;
        part.credentialId = kCredentialId;
        part.coseKey = key.coseKeyCbor();
        return authenticatorData(rpId, flagBits, 7, part);
    }
    QByteArray clientData() const { return clientDataJson(type, challenge, origin); }
    QByteArray attestationObject() const
    {
        QCborMap map;
        map.insert(QStringLiteral("fmt"), format);
        map.insert(QStringLiteral("attStmt"), statement);
        map.insert(QStringLiteral("authData"), authData());
        return QCborValue(map).toCbor();
    }
    void selfAttest()
    {
        format = QStringLiteral("packed");
        statement = QCborMap{
            {QStringLiteral("alg"), alg},
            {QStringLiteral("sig"), key.signAs(alg, authData() + core::sha256(clientData()))}};
    }
    QJsonObject json() const
    {
        return registrationJson(kCredentialId, clientData(), attestationObject());
    }
};

RegistrationExpectations expectations()
{
    RegistrationExpectations e;
    e.challenge = core::Challenge(kChallenge);
    e.origins = {kOrigin};
    e.rpIds = {kRpId};
    e.trust.verifyTime = QDateTime::currentDateTimeUtc();
    return e;
}

ErrorCode codeOf(const Result<VerifiedRegistration>& result)
{
    return result.ok() ? ErrorCode::InternalError : result.error().code;
}

} // namespace

class TestVerifyRegistration : public QObject {
    Q_OBJECT

private slots:
    void acceptsNoneAttestation();
    void acceptsPackedSelfAttestation_data();
    void acceptsPackedSelfAttestation();
    void typeMustBeCreate();
    void challengeMustMatch();
    void originMustMatch();
    void rpIdHashMustMatch();
    void rpIdListAnyMatch();
    void userPresenceRequired();
    void userPresenceMayBeWaived();
    void userVerificationRequiredByPolicy();
    void userVerificationOptionalByDefault();
    void backupStateWithoutEligibilityRejected();
    void reportsBackupFlags();
    void algorithmMustHaveBeenOffered();
    void attestedDataRequired();
    void noneStatementMustBeEmpty();
    void unknownFormatRejected();
    void packedSelfAlgorithmMustMatchCredential();
    void packedSelfSignatureMustVerify();
    void attestationObjectMustBeMap();
    void attestationObjectTrailingBytesRejected();
    void attestationObjectMembersChecked();
    void attestationObjectRepeatedKeyRejected();
    void reportsTransportsAttachmentAndCredProps();
};

void TestVerifyRegistration::acceptsNoneAttestation()
{
    Ceremony c;
    auto result = verifyRegistration(c.json(), expectations());
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result->credentialId, kCredentialId);
    QCOMPARE(result->format, QStringLiteral("none"));
    QCOMPARE(result->attestation.type, AttestationType::None);
    QCOMPARE(result->algorithm, cose::ES256);
    QCOMPARE(result->signCount, 7u);
    QCOMPARE(result->publicKeyCbor, c.key.coseKeyCbor());
    QVERIFY(result->publicKey.samePublicKey(c.key.evp()));
    QVERIFY(result->userVerified);
}

void TestVerifyRegistration::acceptsPackedSelfAttestation_data()
{
    QTest::addColumn<int>("alg");
    QTest::newRow("ES256") << cose::ES256;
    QTest::newRow("EdDSA") << cose::EdDSA;
    QTest::newRow("RS256") << cose::RS256;
    QTest::newRow("PS256") << cose::PS256;
}

void TestVerifyRegistration::acceptsPackedSelfAttestation()
{
    QFETCH(int, alg);
    Ceremony c;
    c.alg = alg;
    c.key = TestKey::generate(alg);
    c.selfAttest();
    auto result = verifyRegistration(c.json(), expectations());
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result->attestation.type, AttestationType::Self);
    QCOMPARE(result->algorithm, alg);
}

void TestVerifyRegistration::typeMustBeCreate()
{
    Ceremony c;
    c.type = QStringLiteral("webauthn.get");
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())),
             ErrorCode::ClientDataTypeMismatch);
}

void TestVerifyRegistration::challengeMustMatch()
{
    Ceremony c;
    c.challenge = QByteArray(32, '\x5b');
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())), ErrorCode::ChallengeMismatch);
}

void TestVerifyRegistration::originMustMatch()
{
    Ceremony c;
    c.origin = QStringLiteral("http://localhost:9999");
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())), ErrorCode::OriginMismatch);
}

void TestVerifyRegistration::rpIdHashMustMatch()
{
    Ceremony c;
    c.rpId = QStringLiteral("evil.example");
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())), ErrorCode::RpIdHashMismatch);
}

void TestVerifyRegistration::rpIdListAnyMatch()
{
    Ceremony c;
    auto e = expectations();
    e.rpIds = {QStringLiteral("example.org"), kRpId};
    QVERIFY(verifyRegistration(c.json(), e).ok());
}

void TestVerifyRegistration::userPresenceRequired()
{
    Ceremony c;
    c.flagBits = flags::UV | flags::AT;
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())), ErrorCode::UserPresenceRequired);
}

void TestVerifyRegistration::userPresenceMayBeWaived()
{
    Ceremony c;
    c.flagBits = flags::AT;
    auto e = expectations();
    e.requireUserPresence = false;
    QVERIFY(verifyRegistration(c.json(), e).ok());
}

void TestVerifyRegistration::userVerificationRequiredByPolicy()
{
    Ceremony c;
    c.flagBits = flags::UP | flags::AT;
    auto e = expectations();
    e.requireUserVerification = true;
    QCOMPARE(codeOf(verifyRegistration(c.json(), e)), ErrorCode::UserVerificationRequired);
}

void TestVerifyRegistration::userVerificationOptionalByDefault()
{
    Ceremony c;
    c.flagBits = flags::UP | flags::AT;
    auto result = verifyRegistration(c.json(), expectations());
    QVERIFY(result.ok());
    QVERIFY(!result->userVerified);
}

void TestVerifyRegistration::backupStateWithoutEligibilityRejected()
{
    Ceremony c;
    c.flagBits = flags::UP | flags::AT | flags::BS;
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())),
             ErrorCode::BackupStateWithoutEligibility);
}

void TestVerifyRegistration::reportsBackupFlags()
{
    Ceremony c;
    c.flagBits = flags::UP | flags::AT | flags::BE | flags::BS;
    auto result = verifyRegistration(c.json(), expectations());
    QVERIFY(result.ok());
    QVERIFY(result->backupEligible);
    QVERIFY(result->backupState);
}

void TestVerifyRegistration::algorithmMustHaveBeenOffered()
{
    Ceremony c;
    auto e = expectations();
    e.algorithms = {cose::EdDSA, cose::RS256};
    QCOMPARE(codeOf(verifyRegistration(c.json(), e)), ErrorCode::AlgorithmNotAllowed);
    Ceremony rs1;
    rs1.alg = cose::RS1;
    rs1.key = TestKey::generate(cose::RS1);
    QCOMPARE(codeOf(verifyRegistration(rs1.json(), expectations())),
             ErrorCode::AlgorithmNotAllowed);
    e.algorithms = {cose::RS1};
    QVERIFY(verifyRegistration(rs1.json(), e).ok());
}

void TestVerifyRegistration::attestedDataRequired()
{
    Ceremony c;
    QCborMap map;
    map.insert(QStringLiteral("fmt"), QStringLiteral("none"));
    map.insert(QStringLiteral("attStmt"), QCborMap());
    map.insert(QStringLiteral("authData"), authenticatorData(kRpId, flags::UP, 0));
    const QJsonObject json =
        registrationJson(kCredentialId, c.clientData(), QCborValue(map).toCbor());
    QCOMPARE(codeOf(verifyRegistration(json, expectations())), ErrorCode::AttestedDataFlagMismatch);
}

void TestVerifyRegistration::noneStatementMustBeEmpty()
{
    Ceremony c;
    c.statement = QCborMap{{QStringLiteral("alg"), cose::ES256}};
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())),
             ErrorCode::AttestationStatementMalformed);
}

void TestVerifyRegistration::unknownFormatRejected()
{
    Ceremony c;
    c.format = QStringLiteral("homemade");
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())),
             ErrorCode::AttestationFormatUnsupported);
}

void TestVerifyRegistration::packedSelfAlgorithmMustMatchCredential()
{
    Ceremony c;
    c.selfAttest();
    c.statement.insert(QStringLiteral("alg"), cose::ES384);
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())),
             ErrorCode::AttestationAlgorithmMismatch);
}

void TestVerifyRegistration::packedSelfSignatureMustVerify()
{
    Ceremony c;
    c.selfAttest();
    const TestKey other = TestKey::generate(cose::ES256);
    c.statement.insert(QStringLiteral("sig"),
                       other.signAs(cose::ES256, c.authData() + core::sha256(c.clientData())));
    QCOMPARE(codeOf(verifyRegistration(c.json(), expectations())),
             ErrorCode::AttestationSignatureInvalid);
}

void TestVerifyRegistration::attestationObjectMustBeMap()
{
    Ceremony c;
    const QJsonObject json =
        registrationJson(kCredentialId, c.clientData(), QCborValue(QCborArray{1}).toCbor());
    QCOMPARE(codeOf(verifyRegistration(json, expectations())),
             ErrorCode::AttestationObjectMalformed);
}

void TestVerifyRegistration::attestationObjectTrailingBytesRejected()
{
    Ceremony c;
    const QJsonObject json = registrationJson(kCredentialId, c.clientData(),
                                              c.attestationObject() + QByteArray(1, '\0'));
    QCOMPARE(codeOf(verifyRegistration(json, expectations())),
             ErrorCode::AttestationObjectMalformed);
}

void TestVerifyRegistration::attestationObjectMembersChecked()
{
    Ceremony c;
    const auto check = [&](const QString& key, const QCborValue& value) {
        QCborMap map = QCborValue::fromCbor(c.attestationObject()).toMap();
        if (value.isUndefined())
            map.remove(key);
        else
            map.insert(key, value);
        const QJsonObject json =
            registrationJson(kCredentialId, c.clientData(), QCborValue(map).toCbor());
        return codeOf(verifyRegistration(json, expectations()));
    };
    QCOMPARE(check(QStringLiteral("fmt"), QCborValue()), ErrorCode::AttestationObjectMalformed);
    QCOMPARE(check(QStringLiteral("fmt"), 1), ErrorCode::AttestationObjectMalformed);
    QCOMPARE(check(QStringLiteral("attStmt"), QCborValue()), ErrorCode::AttestationObjectMalformed);
    QCOMPARE(check(QStringLiteral("attStmt"), QCborArray()), ErrorCode::AttestationObjectMalformed);
    QCOMPARE(check(QStringLiteral("authData"), QCborValue()),
             ErrorCode::AttestationObjectMalformed);
    QCOMPARE(check(QStringLiteral("authData"), QStringLiteral("text")),
             ErrorCode::AttestationObjectMalformed);
    QCOMPARE(check(QStringLiteral("authData"), QByteArray()),
             ErrorCode::AttestationObjectMalformed);
}

void TestVerifyRegistration::attestationObjectRepeatedKeyRejected()
{
    // The three-entry map re-headed as four, with a second "fmt" at the end.
    Ceremony c;
    QByteArray object = c.attestationObject();
    QCOMPARE(static_cast<quint8>(object[0]), quint8(0xa3));
    object[0] = static_cast<char>(0xa4);
    object.append(QCborValue(QStringLiteral("fmt")).toCbor())
        .append(QCborValue(QStringLiteral("packed")).toCbor());
    const QJsonObject json = registrationJson(kCredentialId, c.clientData(), object);
    QCOMPARE(codeOf(verifyRegistration(json, expectations())),
             ErrorCode::AttestationObjectMalformed);
}

void TestVerifyRegistration::reportsTransportsAttachmentAndCredProps()
{
    Ceremony c;
    QJsonObject json = c.json();
    QJsonObject response = json[QLatin1String("response")].toObject();
    response.insert(QStringLiteral("transports"),
                    QJsonArray{QStringLiteral("internal"), QStringLiteral("hybrid")});
    json.insert(QStringLiteral("response"), response);
    json.insert(QStringLiteral("authenticatorAttachment"), QStringLiteral("platform"));
    json.insert(
        QStringLiteral("clientExtensionResults"),
        QJsonObject{{QStringLiteral("credProps"), QJsonObject{{QStringLiteral("rk"), true}}}});
    auto result = verifyRegistration(json, expectations());
    QVERIFY(result.ok());
    QCOMPARE(result->transports,
             QStringList({QStringLiteral("internal"), QStringLiteral("hybrid")}));
    QCOMPARE(result->authenticatorAttachment, QStringLiteral("platform"));
    QCOMPARE(result->credPropsRk, std::optional<bool>(true));
}

QTEST_APPLESS_MAIN(TestVerifyRegistration)
#include "test_verify_registration.moc"

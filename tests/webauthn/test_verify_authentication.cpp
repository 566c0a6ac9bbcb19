#include "webauthn/verify_authentication.h"
#include "webauthn_test_util.h"

#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::test;

namespace {

const QString kRpId = QStringLiteral("localhost");
const QString kOrigin = QStringLiteral("http://localhost:8080");
const QByteArray kChallenge = QByteArray(32, '\x6b');
const QByteArray kCredentialId = QByteArray(16, '\x44');
const QByteArray kUserHandle = QByteArray("user-handle-0001");

struct Assertion {
    int alg = cose::ES256;
    TestKey key = TestKey::generate(cose::ES256);
    std::optional<TestKey> signer; // defaults to key
    quint8 flagBits = flags::UP | flags::UV;
    quint32 signCount = 5;
    QString rpId = kRpId;
    QString type = QStringLiteral("webauthn.get");
    QString origin = kOrigin;
    QByteArray challenge = kChallenge;
    QByteArray credentialId = kCredentialId;
    std::optional<QByteArray> userHandle = kUserHandle;
    QByteArray trailing;

    QByteArray authData() const { return authenticatorData(rpId, flagBits, signCount) + trailing; }
    QByteArray clientData() const { return clientDataJson(type, challenge, origin); }
    QJsonObject json() const
    {
        const QByteArray data = authData();
        const QByteArray signature =
            (signer ? *signer : key).signAs(alg, data + core::sha256(clientData()));
        return authenticationJson(credentialId, clientData(), data, signature, userHandle);
    }
    StoredCredential stored(quint32 storedCount = 4) const
    {
        StoredCredential s;
        s.credentialId = kCredentialId;
        s.publicKeyCbor = key.coseKeyCbor();
        s.signCount = storedCount;
        s.userHandle = kUserHandle;
        return s;
    }
};

AuthenticationExpectations expectations()
{
    AuthenticationExpectations e;
    e.challenge = core::Challenge(kChallenge);
    e.origins = {kOrigin};
    e.rpIds = {kRpId};
    return e;
}

ErrorCode codeOf(const Result<VerifiedAuthentication>& result)
{
    return result.ok() ? ErrorCode::InternalError : result.error().code;
}

} // namespace

class TestVerifyAuthentication : public QObject {
    Q_OBJECT

private slots:
    void acceptsValidAssertion_data();
    void acceptsValidAssertion();
    void acceptsCachedCoseKey();
    void typeMustBeGet();
    void challengeMustMatch();
    void originMustMatch();
    void rpIdHashMustMatch();
    void userPresenceRequired();
    void userVerificationRequiredByPolicy();
    void userVerificationNotRequiredWhenPreferred();
    void signatureMustVerify();
    void signatureCoversClientData();
    void leftoverBytesRejected();
    void counterMustIncrease();
    void counterZeroThroughoutAccepted();
    void counterDroppingToZeroRejected();
    void credentialMustBeAllowed();
    void credentialMustBeTheStoredOne();
    void userHandleMustMatchOwner();
    void userHandleRequiredForUsernameless();
    void backupStateWithoutEligibilityRejected();
    void backupEligibilityMustNotChange();
    void reportsBackupState();
};

void TestVerifyAuthentication::acceptsValidAssertion_data()
{
    QTest::addColumn<int>("alg");
    QTest::newRow("ES256") << cose::ES256;
    QTest::newRow("ES384") << cose::ES384;
    QTest::newRow("ES512") << cose::ES512;
    QTest::newRow("EdDSA") << cose::EdDSA;
    QTest::newRow("RS256") << cose::RS256;
    QTest::newRow("PS256") << cose::PS256;
}

void TestVerifyAuthentication::acceptsValidAssertion()
{
    QFETCH(int, alg);
    Assertion a;
    a.alg = alg;
    a.key = TestKey::generate(alg);
    auto result = verifyAuthentication(a.json(), expectations(), a.stored());
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result->credentialId, kCredentialId);
    QCOMPARE(result->newSignCount, 5u);
    QVERIFY(result->userVerified);
    QCOMPARE(result->userHandle.value(), kUserHandle);
}

void TestVerifyAuthentication::acceptsCachedCoseKey()
{
    Assertion a;
    StoredCredential stored = a.stored();
    stored.publicKey = *CoseKey::fromCbor(stored.publicKeyCbor);
    stored.publicKeyCbor.clear();
    QVERIFY(verifyAuthentication(a.json(), expectations(), stored).ok());
}

void TestVerifyAuthentication::typeMustBeGet()
{
    Assertion a;
    a.type = QStringLiteral("webauthn.create");
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::ClientDataTypeMismatch);
}

void TestVerifyAuthentication::challengeMustMatch()
{
    Assertion a;
    a.challenge = QByteArray(32, '\x01');
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::ChallengeMismatch);
}

void TestVerifyAuthentication::originMustMatch()
{
    Assertion a;
    a.origin = QStringLiteral("https://localhost:8080");
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::OriginMismatch);
}

void TestVerifyAuthentication::rpIdHashMustMatch()
{
    Assertion a;
    a.rpId = QStringLiteral("localhost.evil");
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::RpIdHashMismatch);
}

void TestVerifyAuthentication::userPresenceRequired()
{
    Assertion a;
    a.flagBits = flags::UV;
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::UserPresenceRequired);
}

void TestVerifyAuthentication::userVerificationRequiredByPolicy()
{
    Assertion a;
    a.flagBits = flags::UP;
    auto e = expectations();
    e.requireUserVerification = true;
    QCOMPARE(codeOf(verifyAuthentication(a.json(), e, a.stored())),
             ErrorCode::UserVerificationRequired);
}

void TestVerifyAuthentication::userVerificationNotRequiredWhenPreferred()
{
    Assertion a;
    a.flagBits = flags::UP;
    auto result = verifyAuthentication(a.json(), expectations(), a.stored());
    QVERIFY(result.ok());
    QVERIFY(!result->userVerified);
}

void TestVerifyAuthentication::signatureMustVerify()
{
    Assertion a;
    a.signer = TestKey::generate(cose::ES256);
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::SignatureInvalid);
}

void TestVerifyAuthentication::signatureCoversClientData()
{
    Assertion a;
    QJsonObject json = a.json();
    QJsonObject response = json[QLatin1String("response")].toObject();
    // Same challenge and origin, different bytes: the signature no longer covers them.
    Assertion b = a;
    response.insert(QStringLiteral("clientDataJSON"),
                    QString::fromLatin1(
                        clientDataJson(b.type, b.challenge, b.origin, {{QStringLiteral("x"), 1}})
                            .toBase64(QByteArray::Base64UrlEncoding)));
    json.insert(QStringLiteral("response"), response);
    QCOMPARE(codeOf(verifyAuthentication(json, expectations(), a.stored())),
             ErrorCode::SignatureInvalid);
}

void TestVerifyAuthentication::leftoverBytesRejected()
{
    Assertion a;
    a.trailing = QByteArray("\xa0", 1);
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::AuthenticatorDataTrailingBytes);
}

void TestVerifyAuthentication::counterMustIncrease()
{
    Assertion a;
    auto result = verifyAuthentication(a.json(), expectations(), a.stored(5));
    QCOMPARE(codeOf(result), ErrorCode::SignCounterNotIncreased);
    QVERIFY(result.error().message.contains(QLatin1String("cloned")));
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored(6))),
             ErrorCode::SignCounterNotIncreased);
}

void TestVerifyAuthentication::counterZeroThroughoutAccepted()
{
    Assertion a;
    a.signCount = 0;
    auto result = verifyAuthentication(a.json(), expectations(), a.stored(0));
    QVERIFY(result.ok());
    QCOMPARE(result->newSignCount, 0u);
}

void TestVerifyAuthentication::counterDroppingToZeroRejected()
{
    Assertion a;
    a.signCount = 0;
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored(9))),
             ErrorCode::SignCounterNotIncreased);
}

void TestVerifyAuthentication::credentialMustBeAllowed()
{
    Assertion a;
    auto e = expectations();
    e.allowCredentials = {QByteArray("some-other-credential")};
    QCOMPARE(codeOf(verifyAuthentication(a.json(), e, a.stored())),
             ErrorCode::CredentialNotAllowed);
    e.allowCredentials.append(kCredentialId);
    QVERIFY(verifyAuthentication(a.json(), e, a.stored()).ok());
}

void TestVerifyAuthentication::credentialMustBeTheStoredOne()
{
    Assertion a;
    a.credentialId = QByteArray(16, '\x45');
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::CredentialNotAllowed);
}

void TestVerifyAuthentication::userHandleMustMatchOwner()
{
    Assertion a;
    a.userHandle = QByteArray("someone-else");
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::UserHandleMismatch);
}

void TestVerifyAuthentication::userHandleRequiredForUsernameless()
{
    Assertion a;
    a.userHandle.reset();
    QVERIFY(verifyAuthentication(a.json(), expectations(), a.stored()).ok());
    auto e = expectations();
    e.requireUserHandle = true;
    QCOMPARE(codeOf(verifyAuthentication(a.json(), e, a.stored())), ErrorCode::UserHandleMissing);
}

void TestVerifyAuthentication::backupStateWithoutEligibilityRejected()
{
    Assertion a;
    a.flagBits = flags::UP | flags::BS;
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), a.stored())),
             ErrorCode::BackupStateWithoutEligibility);
}

void TestVerifyAuthentication::backupEligibilityMustNotChange()
{
    Assertion a;
    a.flagBits = flags::UP | flags::BE;
    StoredCredential stored = a.stored();
    stored.backupEligible = false;
    QCOMPARE(codeOf(verifyAuthentication(a.json(), expectations(), stored)),
             ErrorCode::BackupEligibilityChanged);
    stored.backupEligible = true;
    QVERIFY(verifyAuthentication(a.json(), expectations(), stored).ok());
}

void TestVerifyAuthentication::reportsBackupState()
{
    Assertion a;
    a.flagBits = flags::UP | flags::BE | flags::BS;
    auto result = verifyAuthentication(a.json(), expectations(), a.stored());
    QVERIFY(result.ok());
    QVERIFY(result->backupEligible);
    QVERIFY(result->backupState);
}

QTEST_APPLESS_MAIN(TestVerifyAuthentication)
#include "test_verify_authentication.moc"

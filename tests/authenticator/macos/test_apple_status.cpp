#include "authenticator/ec_p256_key.h"
#include "authenticator/macos/apple_status.h"
#include "authenticator/macos/x962_encoding.h"

#include <QtTest>

using namespace latchkey::authenticator;
using namespace latchkey::authenticator::macos;

namespace {

const QByteArray kP256Order =
    QByteArray::fromHex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

// SEQUENCE { INTEGER r, INTEGER s } with r and s given as their content octets.
QByteArray derSignature(const QByteArray& r, const QByteArray& s)
{
    const QByteArray body =
        QByteArray("\x02", 1) + char(r.size()) + r + QByteArray("\x02", 1) + char(s.size()) + s;
    return QByteArray("\x30", 1) + char(body.size()) + body;
}

} // namespace

// The status tables and encodings of the macOS back end: what an Apple answer becomes.
class TestAppleStatus : public QObject {
    Q_OBJECT

private slots:
    void missingEntitlementSaysTheBuildIsUnsigned()
    {
        const KeyStoreError error =
            keyStoreErrorFor(oss::kMissingEntitlement, KeyOperation::Create);
        QCOMPARE(error.code, KeyStoreErrorCode::Unavailable);
        QVERIFY(error.message.contains(QLatin1String("-34018")));
        QVERIFY(error.message.contains(QLatin1String("signed")));
        // Not the page's fault: the page sees UnknownError with the sentence.
        const ClientError seen = toClientError(toAuthenticatorError(error));
        QCOMPARE(seen.name, DomErrorName::UnknownError);
        QCOMPARE(seen.message, error.message);
    }

    void noSecureEnclaveIsUnavailable()
    {
        for (const AppleStatus status : {oss::kUnimplemented, oss::kNotAvailable}) {
            const KeyStoreError error = keyStoreErrorFor(status, KeyOperation::Create);
            QCOMPARE(error.code, KeyStoreErrorCode::Unavailable);
            QVERIFY(error.message.contains(QLatin1String("no Secure Enclave")));
        }
    }

    void aRecordedKeyTheKeychainLostIsKeyLostAndNotAllowed()
    {
        for (const KeyOperation operation : {KeyOperation::Sign, KeyOperation::Read}) {
            const KeyStoreError error = keyStoreErrorFor(oss::kItemNotFound, operation);
            QCOMPARE(error.code, KeyStoreErrorCode::KeyLost);
            QVERIFY(error.message.contains(QLatin1String("fingerprints changed")));
            const ClientError seen = toClientError(toAuthenticatorError(error));
            QCOMPARE(seen.name, DomErrorName::NotAllowedError);
            QCOMPARE(seen.message, error.message);
        }
        // Creating a key never finds "not found": whatever it is, it is no lost key.
        QCOMPARE(keyStoreErrorFor(oss::kItemNotFound, KeyOperation::Create).code,
                 KeyStoreErrorCode::Crypto);
    }

    void aSignatureRefusedForWantOfVerificationSaysSo()
    {
        for (const AppleStatus status :
             {oss::kInteractionNotAllowed, oss::kAuthFailed, oss::kUserCanceled}) {
            const KeyStoreError error = keyStoreErrorFor(status, KeyOperation::Sign);
            QCOMPARE(error.code, KeyStoreErrorCode::Crypto);
            QVERIFY(error.message.contains(QLatin1String("Touch ID")));
        }
    }

    void anUnknownStatusIsNamedByItsNumber()
    {
        const KeyStoreError error = keyStoreErrorFor(-67999, KeyOperation::Delete);
        QCOMPARE(error.code, KeyStoreErrorCode::Crypto);
        QVERIFY(error.message.contains(QLatin1String("delete the key")));
        QVERIFY(error.message.contains(QLatin1String("-67999")));
    }

    void laErrorsBecomeVerdicts_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("verdict");
        QTest::newRow("success") << 0 << int(LaVerdict::Verified);
        QTest::newRow("user cancel") << la::kUserCancel << int(LaVerdict::Cancelled);
        QTest::newRow("system cancel") << la::kSystemCancel << int(LaVerdict::Cancelled);
        QTest::newRow("app cancel (invalidate)") << la::kAppCancel << int(LaVerdict::Cancelled);
        QTest::newRow("invalid context") << la::kInvalidContext << int(LaVerdict::Cancelled);
        QTest::newRow("not recognised") << la::kAuthenticationFailed << int(LaVerdict::Failed);
        QTest::newRow("enter password") << la::kUserFallback << int(LaVerdict::UsePassword);
        QTest::newRow("no password set") << la::kPasscodeNotSet << int(LaVerdict::Unavailable);
        QTest::newRow("biometry locked out") << la::kBiometryLockout << int(LaVerdict::Unavailable);
        QTest::newRow("not enrolled") << la::kBiometryNotEnrolled << int(LaVerdict::Unavailable);
        QTest::newRow("no Touch ID") << la::kBiometryNotAvailable << int(LaVerdict::Unavailable);
        QTest::newRow("not interactive") << la::kNotInteractive << int(LaVerdict::Unavailable);
        QTest::newRow("unknown") << -4242 << int(LaVerdict::Unavailable);
    }
    void laErrorsBecomeVerdicts()
    {
        QFETCH(int, status);
        QFETCH(int, verdict);
        QCOMPARE(int(laVerdictFor(status)), verdict);
        QCOMPARE(laSentence(status).isEmpty(), status == 0);
    }

    void lockoutAndEnrolmentSentencesSayWhatToDo()
    {
        QVERIFY(laSentence(la::kBiometryLockout).contains(QLatin1String("password")));
        QVERIFY(laSentence(la::kBiometryNotEnrolled).contains(QLatin1String("System Settings")));
        QVERIFY(laSentence(la::kPasscodeNotSet).contains(QLatin1String("System Settings")));
        QVERIFY(laSentence(-4242).contains(QLatin1String("-4242")));
    }

    void aStrictDerSignatureOfTheHardwareIsKept()
    {
        const auto key = EcP256Key::generate();
        QVERIFY(key);
        const auto signature = key->sign("message");
        QVERIFY(signature);
        const auto kept = es256SignatureFromX962(*signature);
        QVERIFY(kept);
        QCOMPARE(*kept, *signature);
        QVERIFY(es256SignatureFromX962(derSignature("\x01", "\x01")));
    }

    void aMalformedSignatureIsRefused_data()
    {
        QTest::addColumn<QByteArray>("signature");
        const QByteArray one("\x01", 1);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("trailing byte") << derSignature(one, one) + '\0';
        QTest::newRow("cut") << derSignature(one, one).chopped(1);
        QTest::newRow("r zero") << derSignature(QByteArray(1, '\0'), one);
        QTest::newRow("s negative") << derSignature(one, QByteArray("\x81", 1));
        QTest::newRow("r not minimal") << derSignature(QByteArray("\x00\x01", 2), one);
        QTest::newRow("r is the order") << derSignature(QByteArray(1, '\0') + kP256Order, one);
        QTest::newRow("long-form length") << QByteArray("\x30\x81\x06\x02\x01\x01\x02\x01\x01", 9);
        QTest::newRow("not a sequence") << QByteArray("\x31\x06\x02\x01\x01\x02\x01\x01", 8);
        QTest::newRow("raw r||s") << QByteArray(64, '\x11');
    }
    void aMalformedSignatureIsRefused()
    {
        QFETCH(QByteArray, signature);
        const auto refused = es256SignatureFromX962(signature);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, KeyStoreErrorCode::Crypto);
    }

    void aPublicPointOnTheCurveIsKept()
    {
        const auto key = EcP256Key::generate();
        QVERIFY(key);
        const auto point = p256PointFromX963(key->publicPoint());
        QVERIFY(point);
        QCOMPARE(*point, key->publicPoint());
    }

    void aMalformedPublicPointIsRefused_data()
    {
        QTest::addColumn<QByteArray>("point");
        const auto key = EcP256Key::generate();
        QVERIFY(key);
        const QByteArray good = key->publicPoint();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("compressed") << QByteArray(1, '\x02') + good.mid(1, 32);
        QTest::newRow("wrong prefix") << QByteArray(1, '\x05') + good.mid(1);
        QTest::newRow("cut") << good.chopped(1);
        QTest::newRow("off the curve") << QByteArray(1, '\x04') + QByteArray(31, '\0') + '\x01' +
                                              QByteArray(31, '\0') + '\x01';
        QByteArray flipped = good;
        flipped[64] = char(flipped[64] ^ 1);
        QTest::newRow("y changed") << flipped;
    }
    void aMalformedPublicPointIsRefused()
    {
        QFETCH(QByteArray, point);
        QVERIFY(!p256PointFromX963(point));
    }
};

QTEST_GUILESS_MAIN(TestAppleStatus)
#include "test_apple_status.moc"

#include "core/base64url.h"
#include "webauthn/authentication_options.h"
#include "webauthn/registration_options.h"

#include <QJsonArray>
#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;

namespace {

RegistrationOptionsRequest registrationRequest()
{
    RegistrationOptionsRequest r;
    r.rp = {QStringLiteral("localhost"), QStringLiteral("Latchkey")};
    r.user = {QByteArray(32, '\x07'), QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
    return r;
}

QByteArray decoded(const QJsonValue& value)
{
    auto bytes = core::decodeBase64Url(QStringView(value.toString()));
    return bytes.ok() ? *bytes : QByteArray();
}

} // namespace

class TestOptions : public QObject {
    Q_OBJECT

private slots:
    void registrationHasEveryMember();
    void challengeIsFreshAnd32Bytes();
    void suppliedChallengeIsUsed();
    void refusesChallengeUnder16Bytes();
    void refusesUserIdOver64Bytes();
    void refusesEmptyUserId();
    void refusesUnknownEnumerationValues_data();
    void refusesUnknownEnumerationValues();
    void defaultAlgorithmsStartWithEdDsaEs256Rs256();
    void excludeCredentialsListsEveryCredential();
    void requiredResidentKeySetsRequireResidentKey();
    void authenticationHasEveryMember();
    void allowCredentialsListsEveryCredential();
    void authenticationRefusesShortChallenge();
};

void TestOptions::registrationHasEveryMember()
{
    auto options = buildRegistrationOptions(registrationRequest());
    QVERIFY(options.ok());
    const QJsonObject json = options->json;
    QCOMPARE(json[QLatin1String("rp")][QLatin1String("id")].toString(),
             QStringLiteral("localhost"));
    QCOMPARE(json[QLatin1String("rp")][QLatin1String("name")].toString(),
             QStringLiteral("Latchkey"));
    QCOMPARE(decoded(json[QLatin1String("user")][QLatin1String("id")]), QByteArray(32, '\x07'));
    QCOMPARE(json[QLatin1String("user")][QLatin1String("displayName")].toString(),
             QStringLiteral("Ada Lovelace"));
    QCOMPARE(decoded(json[QLatin1String("challenge")]), options->challenge);
    QCOMPARE(json[QLatin1String("timeout")].toInt(), 300000);
    QCOMPARE(json[QLatin1String("attestation")].toString(), QStringLiteral("none"));
    QCOMPARE(
        json[QLatin1String("authenticatorSelection")][QLatin1String("userVerification")].toString(),
        QStringLiteral("preferred"));
    QVERIFY(json[QLatin1String("extensions")][QLatin1String("credProps")].toBool());
    QVERIFY(json[QLatin1String("excludeCredentials")].isArray());
}

void TestOptions::challengeIsFreshAnd32Bytes()
{
    auto a = buildRegistrationOptions(registrationRequest());
    auto b = buildRegistrationOptions(registrationRequest());
    QCOMPARE(a->challenge.size(), 32);
    QVERIFY(a->challenge != b->challenge);
}

void TestOptions::suppliedChallengeIsUsed()
{
    auto request = registrationRequest();
    request.challenge = QByteArray(16, '\x01');
    auto options = buildRegistrationOptions(request);
    QVERIFY(options.ok());
    QCOMPARE(options->challenge, request.challenge);
}

void TestOptions::refusesChallengeUnder16Bytes()
{
    auto request = registrationRequest();
    request.challenge = QByteArray(15, '\x01');
    QCOMPARE(buildRegistrationOptions(request).error().code, ErrorCode::OptionsInvalid);
    QCOMPARE(generateChallenge(8).error().code, ErrorCode::OptionsInvalid);
}

void TestOptions::refusesUserIdOver64Bytes()
{
    auto request = registrationRequest();
    request.user.id = QByteArray(65, 'u');
    QCOMPARE(buildRegistrationOptions(request).error().code, ErrorCode::OptionsInvalid);
    request.user.id = QByteArray(64, 'u');
    QVERIFY(buildRegistrationOptions(request).ok());
}

void TestOptions::refusesEmptyUserId()
{
    auto request = registrationRequest();
    request.user.id.clear();
    QCOMPARE(buildRegistrationOptions(request).error().code, ErrorCode::OptionsInvalid);
}

void TestOptions::refusesUnknownEnumerationValues_data()
{
    QTest::addColumn<QString>("member");
    QTest::newRow("residentKey") << QStringLiteral("residentKey");
    QTest::newRow("userVerification") << QStringLiteral("userVerification");
    QTest::newRow("attestation") << QStringLiteral("attestation");
    QTest::newRow("authenticatorAttachment") << QStringLiteral("authenticatorAttachment");
    QTest::newRow("hints") << QStringLiteral("hints");
}

void TestOptions::refusesUnknownEnumerationValues()
{
    QFETCH(QString, member);
    auto request = registrationRequest();
    const QString bogus = QStringLiteral("sometimes");
    if (member == QLatin1String("residentKey"))
        request.residentKey = bogus;
    else if (member == QLatin1String("userVerification"))
        request.userVerification = bogus;
    else if (member == QLatin1String("attestation"))
        request.attestation = bogus;
    else if (member == QLatin1String("authenticatorAttachment"))
        request.authenticatorAttachment = bogus;
    else
        request.hints = {bogus};
    QCOMPARE(buildRegistrationOptions(request).error().code, ErrorCode::OptionsInvalid);
}

void TestOptions::defaultAlgorithmsStartWithEdDsaEs256Rs256()
{
    auto options = buildRegistrationOptions(registrationRequest());
    const QJsonArray params = options->json[QLatin1String("pubKeyCredParams")].toArray();
    QVERIFY(params.size() >= 3);
    QCOMPARE(params[0][QLatin1String("alg")].toInt(), cose::EdDSA);
    QCOMPARE(params[1][QLatin1String("alg")].toInt(), cose::ES256);
    QCOMPARE(params[2][QLatin1String("alg")].toInt(), cose::RS256);
    QCOMPARE(params[0][QLatin1String("type")].toString(), QStringLiteral("public-key"));
    QVERIFY(!defaultAlgorithms().contains(cose::RS1));
}

void TestOptions::excludeCredentialsListsEveryCredential()
{
    auto request = registrationRequest();
    request.excludeCredentials = {{QByteArray("cred-1"), {QStringLiteral("internal")}},
                                  {QByteArray("cred-2"), {}}};
    auto options = buildRegistrationOptions(request);
    const QJsonArray excluded = options->json[QLatin1String("excludeCredentials")].toArray();
    QCOMPARE(excluded.size(), 2);
    QCOMPARE(decoded(excluded[0][QLatin1String("id")]), QByteArray("cred-1"));
    QCOMPARE(excluded[0][QLatin1String("transports")].toArray().first().toString(),
             QStringLiteral("internal"));
    QCOMPARE(decoded(excluded[1][QLatin1String("id")]), QByteArray("cred-2"));
}

void TestOptions::requiredResidentKeySetsRequireResidentKey()
{
    auto request = registrationRequest();
    request.residentKey = QStringLiteral("required");
    auto options = buildRegistrationOptions(request);
    QVERIFY(
        options->json[QLatin1String("authenticatorSelection")][QLatin1String("requireResidentKey")]
            .toBool());
}

void TestOptions::authenticationHasEveryMember()
{
    AuthenticationOptionsRequest request;
    request.rpId = QStringLiteral("localhost");
    request.userVerification = QStringLiteral("required");
    auto options = buildAuthenticationOptions(request);
    QVERIFY(options.ok());
    QCOMPARE(options->challenge.size(), 32);
    QCOMPARE(decoded(options->json[QLatin1String("challenge")]), options->challenge);
    QCOMPARE(options->json[QLatin1String("rpId")].toString(), QStringLiteral("localhost"));
    QCOMPARE(options->json[QLatin1String("userVerification")].toString(),
             QStringLiteral("required"));
    QVERIFY(options->json[QLatin1String("allowCredentials")].toArray().isEmpty());
}

void TestOptions::allowCredentialsListsEveryCredential()
{
    AuthenticationOptionsRequest request;
    request.rpId = QStringLiteral("localhost");
    request.allowCredentials = {{QByteArray("registered"), {QStringLiteral("usb")}}};
    auto options = buildAuthenticationOptions(request);
    const QJsonArray allowed = options->json[QLatin1String("allowCredentials")].toArray();
    QCOMPARE(allowed.size(), 1);
    QCOMPARE(decoded(allowed[0][QLatin1String("id")]), QByteArray("registered"));
}

void TestOptions::authenticationRefusesShortChallenge()
{
    AuthenticationOptionsRequest request;
    request.rpId = QStringLiteral("localhost");
    request.challenge = QByteArray(10, 'c');
    QCOMPARE(buildAuthenticationOptions(request).error().code, ErrorCode::OptionsInvalid);
}

QTEST_APPLESS_MAIN(TestOptions)
#include "test_options.moc"

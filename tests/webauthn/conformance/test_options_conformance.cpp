// FIDO2 server conformance, "options": what the RP sends before each ceremony.
#include "conformance_fixture.h"
#include "webauthn/authentication_options.h"
#include "webauthn/registration_options.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::conformance;

namespace {

RegistrationOptionsRequest registrationRequest()
{
    RegistrationOptionsRequest request;
    request.rp = RelyingPartyEntity{QStringLiteral("localhost"), QStringLiteral("Latchkey")};
    request.user = UserEntity{kUserHandle, QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
    return request;
}

AuthenticationOptionsRequest authenticationRequest()
{
    AuthenticationOptionsRequest request;
    request.rpId = QStringLiteral("localhost");
    return request;
}

QStringList descriptorIds(const QJsonArray& descriptors)
{
    QStringList ids;
    for (const QJsonValue& descriptor : descriptors)
        ids.append(descriptor.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

class TestOptionsConformance : public QObject {
    Q_OBJECT

private slots:
    void challengeUnder16Bytes_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("1 byte") << 1;
        QTest::newRow("15 bytes") << 15;
    }

    void challengeUnder16Bytes()
    {
        QFETCH(int, length);
        auto registration = registrationRequest();
        registration.challenge = QByteArray(length, '\3');
        LATCHKEY_EXPECT_ERROR(buildRegistrationOptions(registration), ErrorCode::OptionsInvalid);
        auto authentication = authenticationRequest();
        authentication.challenge = QByteArray(length, '\3');
        LATCHKEY_EXPECT_ERROR(buildAuthenticationOptions(authentication),
                              ErrorCode::OptionsInvalid);
        LATCHKEY_EXPECT_ERROR(generateChallenge(length), ErrorCode::OptionsInvalid);
    }

    void challengeOf16BytesIsAccepted()
    {
        auto registration = registrationRequest();
        registration.challenge = QByteArray(16, '\3');
        const auto options = buildRegistrationOptions(registration);
        LATCHKEY_EXPECT_OK(options);
        QCOMPARE(options->json.value(QStringLiteral("challenge")).toString(),
                 base64Url(QByteArray(16, '\3')));
    }

    void generatedChallengesAreFreshAndLongEnough()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 64; ++i) {
            const auto options = buildRegistrationOptions(registrationRequest());
            LATCHKEY_EXPECT_OK(options);
            QVERIFY(options->challenge.size() >= 16);
            QVERIFY2(!seen.contains(options->challenge), "a challenge was issued twice");
            seen.insert(options->challenge);
        }
    }

    // Single use is the store's job; here: a response to a used challenge never verifies
    // against the next challenge issued.
    void challengeReusedIsRejected()
    {
        ConformanceFixture rp;
        const auto registration = rp.authenticator.makeCredential(rp.registrationSpec());
        LATCHKEY_EXPECT_OK(rp.verify(registration));
        const auto next = buildRegistrationOptions(registrationRequest());
        LATCHKEY_EXPECT_OK(next);
        rp.registrationExpected.challenge = core::Challenge(next->challenge);
        LATCHKEY_EXPECT_ERROR(rp.verify(registration), ErrorCode::ChallengeMismatch);
    }

    void userIdOver64Bytes()
    {
        auto request = registrationRequest();
        request.user.id = QByteArray(65, 'u');
        LATCHKEY_EXPECT_ERROR(buildRegistrationOptions(request), ErrorCode::OptionsInvalid);
        request.user.id = QByteArray(64, 'u');
        LATCHKEY_EXPECT_OK(buildRegistrationOptions(request));
    }

    void userIdEmpty()
    {
        auto request = registrationRequest();
        request.user.id.clear();
        LATCHKEY_EXPECT_ERROR(buildRegistrationOptions(request), ErrorCode::OptionsInvalid);
    }

    void excludeCredentialsListsExistingCredentials()
    {
        auto request = registrationRequest();
        const QByteArray first(32, '\1');
        const QByteArray second(48, '\2');
        request.excludeCredentials = {CredentialDescriptor{first, {QStringLiteral("internal")}},
                                      CredentialDescriptor{second, {}}};
        const auto options = buildRegistrationOptions(request);
        LATCHKEY_EXPECT_OK(options);
        const QJsonArray exclude =
            options->json.value(QStringLiteral("excludeCredentials")).toArray();
        QCOMPARE(descriptorIds(exclude), (QStringList{base64Url(first), base64Url(second)}));
        QCOMPARE(exclude.at(0).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("public-key"));
    }

    void allowCredentialsListsTheRegisteredCredential()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        auto request = authenticationRequest();
        request.allowCredentials = {
            CredentialDescriptor{registration.credentialId, {QStringLiteral("internal")}}};
        const auto options = buildAuthenticationOptions(request);
        LATCHKEY_EXPECT_OK(options);
        const QJsonArray allow = options->json.value(QStringLiteral("allowCredentials")).toArray();
        QCOMPARE(descriptorIds(allow), QStringList{base64Url(registration.credentialId)});
    }

    void creationOptionsCarryTheRpAndUser()
    {
        const auto options = buildRegistrationOptions(registrationRequest());
        LATCHKEY_EXPECT_OK(options);
        const QJsonObject rp = options->json.value(QStringLiteral("rp")).toObject();
        const QJsonObject user = options->json.value(QStringLiteral("user")).toObject();
        QCOMPARE(rp.value(QStringLiteral("id")).toString(), QStringLiteral("localhost"));
        QCOMPARE(user.value(QStringLiteral("id")).toString(), base64Url(kUserHandle));
        QVERIFY(!options->json.value(QStringLiteral("pubKeyCredParams")).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOptionsConformance)
#include "test_options_conformance.moc"

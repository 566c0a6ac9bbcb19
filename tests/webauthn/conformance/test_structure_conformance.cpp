// FIDO2 server conformance, "Structure": the PublicKeyCredential JSON itself.
#include "conformance_fixture.h"

#include <QJsonArray>
#include <QTest>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::conformance;

namespace {

const QJsonValue kRemoved = QJsonValue(QJsonValue::Undefined);

void addMemberRows(const QString& member)
{
    const QByteArray name = member.toUtf8();
    QTest::newRow(name + " missing")
        << QStringLiteral("response.") + member << kRemoved << ErrorCode::MissingField;
    QTest::newRow(name + " not a string")
        << QStringLiteral("response.") + member << QJsonValue(42) << ErrorCode::WrongFieldType;
    QTest::newRow(name + " empty")
        << QStringLiteral("response.") + member << QJsonValue(QString()) << ErrorCode::EmptyField;
    QTest::newRow(name + " not base64url")
        << QStringLiteral("response.") + member << QJsonValue(QStringLiteral("not base64url!"))
        << ErrorCode::InvalidBase64Url;
}

void addEnvelopeRows()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("id missing") << QStringLiteral("id") << kRemoved << ErrorCode::MissingField;
    QTest::newRow("id not a string")
        << QStringLiteral("id") << QJsonValue(7) << ErrorCode::WrongFieldType;
    QTest::newRow("id not base64url")
        << QStringLiteral("id") << QJsonValue(QStringLiteral("id with spaces"))
        << ErrorCode::InvalidBase64Url;
    QTest::newRow("type missing") << QStringLiteral("type") << kRemoved << ErrorCode::MissingField;
    QTest::newRow("type not a string")
        << QStringLiteral("type") << QJsonValue(true) << ErrorCode::WrongFieldType;
    QTest::newRow("type not public-key")
        << QStringLiteral("type") << QJsonValue(QStringLiteral("private-key"))
        << ErrorCode::InvalidCredentialType;
    QTest::newRow("response missing")
        << QStringLiteral("response") << kRemoved << ErrorCode::MissingField;
    QTest::newRow("response not an object")
        << QStringLiteral("response") << QJsonValue(QStringLiteral("x"))
        << ErrorCode::WrongFieldType;
}

} // namespace

class TestStructureConformance : public QObject {
    Q_OBJECT

private slots:
    void registrationRejectsBrokenMember_data()
    {
        addEnvelopeRows();
        addMemberRows(QStringLiteral("clientDataJSON"));
        addMemberRows(QStringLiteral("attestationObject"));
    }

    void registrationRejectsBrokenMember()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(ErrorCode, code);
        ConformanceFixture rp;
        const QJsonObject valid = rp.authenticator.makeCredential(rp.registrationSpec()).json();
        LATCHKEY_EXPECT_OK(rp.verify(valid));
        LATCHKEY_EXPECT_ERROR(rp.verify(withMember(valid, path, value)), code);
    }

    void authenticationRejectsBrokenMember_data()
    {
        addEnvelopeRows();
        addMemberRows(QStringLiteral("clientDataJSON"));
        addMemberRows(QStringLiteral("authenticatorData"));
        addMemberRows(QStringLiteral("signature"));
        QTest::newRow("userHandle a number")
            << QStringLiteral("response.userHandle") << QJsonValue(12) << ErrorCode::WrongFieldType;
        QTest::newRow("userHandle an object")
            << QStringLiteral("response.userHandle") << QJsonValue(QJsonObject{})
            << ErrorCode::WrongFieldType;
        QTest::newRow("userHandle not base64url")
            << QStringLiteral("response.userHandle") << QJsonValue(QStringLiteral("not*base64"))
            << ErrorCode::InvalidBase64Url;
    }

    void authenticationRejectsBrokenMember()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(ErrorCode, code);
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        const QJsonObject valid =
            rp.authenticator.getAssertion(rp.assertionSpec(registration)).json();
        LATCHKEY_EXPECT_OK(rp.verify(valid, rp.stored(registration)));
        LATCHKEY_EXPECT_ERROR(rp.verify(withMember(valid, path, value), rp.stored(registration)),
                              code);
    }

    void userHandleNullIsAccepted()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        rp.authenticationExpected.allowCredentials = {registration.credentialId};
        const QJsonObject assertion =
            rp.authenticator.getAssertion(rp.assertionSpec(registration)).json();
        const auto result =
            rp.verify(withMember(assertion, QStringLiteral("response.userHandle"), QJsonValue()),
                      rp.stored(registration));
        LATCHKEY_EXPECT_OK(result);
        QVERIFY(!result->userHandle.has_value());
    }

    void userHandleAbsentIsAcceptedWhenUserIdentifiedFirst()
    {
        ConformanceFixture rp;
        const auto registration = rp.registerCredential();
        rp.authenticationExpected.allowCredentials = {registration.credentialId};
        const QJsonObject assertion =
            rp.authenticator.getAssertion(rp.assertionSpec(registration)).json();
        LATCHKEY_EXPECT_OK(
            rp.verify(withMember(assertion, QStringLiteral("response.userHandle"), kRemoved),
                      rp.stored(registration)));
    }

    void userHandleAbsentIsRejectedForUsernamelessSignIn()
    {
        ConformanceFixture rp;
        rp.authenticationExpected.requireUserHandle = true;
        const auto registration = rp.registerCredential();
        const QJsonObject assertion =
            rp.authenticator.getAssertion(rp.assertionSpec(registration)).json();
        LATCHKEY_EXPECT_ERROR(
            rp.verify(withMember(assertion, QStringLiteral("response.userHandle"), kRemoved),
                      rp.stored(registration)),
            ErrorCode::UserHandleMissing);
    }

    void rawIdDifferentFromIdIsRejected()
    {
        ConformanceFixture rp;
        const QJsonObject valid = rp.authenticator.makeCredential(rp.registrationSpec()).json();
        const QJsonObject broken =
            withMember(valid, QStringLiteral("rawId"), base64Url(QByteArray(32, 'x')));
        LATCHKEY_EXPECT_ERROR(rp.verify(broken), ErrorCode::CredentialIdMismatch);
    }
};

QTEST_GUILESS_MAIN(TestStructureConformance)
#include "test_structure_conformance.moc"

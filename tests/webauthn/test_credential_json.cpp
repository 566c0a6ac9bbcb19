#include "webauthn/credential_json.h"

#include <QJsonArray>
#include <QTest>

using namespace latchkey::webauthn;

namespace {

QJsonObject registration()
{
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("AAECAw")},
        {QStringLiteral("rawId"), QStringLiteral("AAECAw")},
        {QStringLiteral("type"), QStringLiteral("public-key")},
        {QStringLiteral("response"),
         QJsonObject{{QStringLiteral("clientDataJSON"), QStringLiteral("e30")},
                     {QStringLiteral("attestationObject"), QStringLiteral("oA")},
                     {QStringLiteral("transports"),
                      QJsonArray{QStringLiteral("usb"), QStringLiteral("nfc")}}}},
        {QStringLiteral("authenticatorAttachment"), QStringLiteral("cross-platform")},
        {QStringLiteral("clientExtensionResults"),
         QJsonObject{{QStringLiteral("credProps"), QJsonObject{{QStringLiteral("rk"), true}}}}},
    };
}

QJsonObject authentication()
{
    QJsonObject c = registration();
    c.insert(QStringLiteral("response"),
             QJsonObject{{QStringLiteral("clientDataJSON"), QStringLiteral("e30")},
                         {QStringLiteral("authenticatorData"), QStringLiteral("AAAA")},
                         {QStringLiteral("signature"), QStringLiteral("MEQ")},
                         {QStringLiteral("userHandle"), QStringLiteral("dXNlcg")}});
    return c;
}

QJsonObject withResponseMember(QJsonObject credential, const QString& name, const QJsonValue& value)
{
    QJsonObject response = credential.value(QLatin1String("response")).toObject();
    if (value.isUndefined())
        response.remove(name);
    else
        response.insert(name, value);
    credential.insert(QStringLiteral("response"), response);
    return credential;
}

QJsonObject withMember(QJsonObject credential, const QString& name, const QJsonValue& value)
{
    if (value.isUndefined())
        credential.remove(name);
    else
        credential.insert(name, value);
    return credential;
}

} // namespace

class TestCredentialJson : public QObject {
    Q_OBJECT

private slots:
    void parsesRegistration();
    void parsesAuthentication();
    void rejectsStructure_data();
    void rejectsStructure();
    void rejectsAuthenticationStructure_data();
    void rejectsAuthenticationStructure();
    void idMustEqualRawId();
    void credentialIdAtMost1023Bytes();
    void userHandleMayBeNull();
};

void TestCredentialJson::parsesRegistration()
{
    auto parsed = parseRegistrationResponse(registration());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->rawId, QByteArray("\x00\x01\x02\x03", 4));
    QCOMPARE(parsed->clientDataJson, QByteArray("{}"));
    QCOMPARE(parsed->attestationObject, QByteArray("\xa0"));
    QCOMPARE(parsed->transports, QStringList({QStringLiteral("usb"), QStringLiteral("nfc")}));
    QCOMPARE(parsed->authenticatorAttachment, QStringLiteral("cross-platform"));
}

void TestCredentialJson::parsesAuthentication()
{
    auto parsed = parseAuthenticationResponse(authentication());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->authenticatorData, QByteArray(3, '\0'));
    QCOMPARE(parsed->userHandle.value(), QByteArray("user"));
}

void TestCredentialJson::rejectsStructure_data()
{
    QTest::addColumn<QJsonObject>("credential");
    QTest::addColumn<ErrorCode>("code");
    const QJsonValue absent(QJsonValue::Undefined);
    const QJsonObject r = registration();
    QTest::newRow("id missing") << withMember(r, QStringLiteral("id"), absent)
                                << ErrorCode::MissingField;
    QTest::newRow("id not string")
        << withMember(r, QStringLiteral("id"), 5) << ErrorCode::WrongFieldType;
    QTest::newRow("id not base64url")
        << withMember(r, QStringLiteral("id"), QStringLiteral("AA EC"))
        << ErrorCode::InvalidBase64Url;
    QTest::newRow("rawId missing")
        << withMember(r, QStringLiteral("rawId"), absent) << ErrorCode::MissingField;
    QTest::newRow("type missing") << withMember(r, QStringLiteral("type"), absent)
                                  << ErrorCode::MissingField;
    QTest::newRow("type not string")
        << withMember(r, QStringLiteral("type"), true) << ErrorCode::WrongFieldType;
    QTest::newRow("type not public-key")
        << withMember(r, QStringLiteral("type"), QStringLiteral("password"))
        << ErrorCode::InvalidCredentialType;
    QTest::newRow("response missing")
        << withMember(r, QStringLiteral("response"), absent) << ErrorCode::MissingField;
    QTest::newRow("response not object")
        << withMember(r, QStringLiteral("response"), QStringLiteral("x"))
        << ErrorCode::WrongFieldType;
    QTest::newRow("clientDataJSON missing")
        << withResponseMember(r, QStringLiteral("clientDataJSON"), absent)
        << ErrorCode::MissingField;
    QTest::newRow("clientDataJSON not string")
        << withResponseMember(r, QStringLiteral("clientDataJSON"), 1) << ErrorCode::WrongFieldType;
    QTest::newRow("clientDataJSON empty")
        << withResponseMember(r, QStringLiteral("clientDataJSON"), QString())
        << ErrorCode::EmptyField;
    QTest::newRow("clientDataJSON not base64url")
        << withResponseMember(r, QStringLiteral("clientDataJSON"), QStringLiteral("e30*"))
        << ErrorCode::InvalidBase64Url;
    QTest::newRow("attestationObject missing")
        << withResponseMember(r, QStringLiteral("attestationObject"), absent)
        << ErrorCode::MissingField;
    QTest::newRow("attestationObject not string")
        << withResponseMember(r, QStringLiteral("attestationObject"), QJsonArray())
        << ErrorCode::WrongFieldType;
    QTest::newRow("attestationObject empty")
        << withResponseMember(r, QStringLiteral("attestationObject"), QString())
        << ErrorCode::EmptyField;
    QTest::newRow("transports not array")
        << withResponseMember(r, QStringLiteral("transports"), QStringLiteral("usb"))
        << ErrorCode::WrongFieldType;
    QTest::newRow("clientExtensionResults not object")
        << withMember(r, QStringLiteral("clientExtensionResults"), 3) << ErrorCode::WrongFieldType;
}

void TestCredentialJson::rejectsStructure()
{
    QFETCH(QJsonObject, credential);
    QFETCH(ErrorCode, code);
    auto parsed = parseRegistrationResponse(credential);
    QVERIFY(!parsed.ok());
    QCOMPARE(codeName(parsed.error().code), codeName(code));
}

void TestCredentialJson::rejectsAuthenticationStructure_data()
{
    QTest::addColumn<QJsonObject>("credential");
    QTest::addColumn<ErrorCode>("code");
    const QJsonValue absent(QJsonValue::Undefined);
    const QJsonObject a = authentication();
    QTest::newRow("authenticatorData missing")
        << withResponseMember(a, QStringLiteral("authenticatorData"), absent)
        << ErrorCode::MissingField;
    QTest::newRow("authenticatorData empty")
        << withResponseMember(a, QStringLiteral("authenticatorData"), QString())
        << ErrorCode::EmptyField;
    QTest::newRow("authenticatorData not base64url")
        << withResponseMember(a, QStringLiteral("authenticatorData"), QStringLiteral("A"))
        << ErrorCode::InvalidBase64Url;
    QTest::newRow("signature missing")
        << withResponseMember(a, QStringLiteral("signature"), absent) << ErrorCode::MissingField;
    QTest::newRow("signature not string")
        << withResponseMember(a, QStringLiteral("signature"), 7) << ErrorCode::WrongFieldType;
    QTest::newRow("signature empty")
        << withResponseMember(a, QStringLiteral("signature"), QString()) << ErrorCode::EmptyField;
    QTest::newRow("userHandle not string")
        << withResponseMember(a, QStringLiteral("userHandle"), 7) << ErrorCode::WrongFieldType;
}

void TestCredentialJson::rejectsAuthenticationStructure()
{
    QFETCH(QJsonObject, credential);
    QFETCH(ErrorCode, code);
    auto parsed = parseAuthenticationResponse(credential);
    QVERIFY(!parsed.ok());
    QCOMPARE(codeName(parsed.error().code), codeName(code));
}

void TestCredentialJson::idMustEqualRawId()
{
    auto parsed = parseRegistrationResponse(
        withMember(registration(), QStringLiteral("id"), QStringLiteral("AAECBA")));
    QCOMPARE(parsed.error().code, ErrorCode::CredentialIdMismatch);
    // The same bytes in padded or standard base64 are the same credential.
    auto padded = parseRegistrationResponse(
        withMember(registration(), QStringLiteral("id"), QStringLiteral("AAECAw==")));
    QVERIFY(padded.ok());
}

void TestCredentialJson::credentialIdAtMost1023Bytes()
{
    const QString longId = QString::fromLatin1(QByteArray(1024, 'x').toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QJsonObject c = withMember(registration(), QStringLiteral("id"), longId);
    c = withMember(c, QStringLiteral("rawId"), longId);
    QCOMPARE(parseRegistrationResponse(c).error().code, ErrorCode::CredentialIdTooLong);
}

void TestCredentialJson::userHandleMayBeNull()
{
    auto parsed = parseAuthenticationResponse(withResponseMember(
        authentication(), QStringLiteral("userHandle"), QJsonValue(QJsonValue::Null)));
    QVERIFY(parsed.ok());
    QVERIFY(!parsed->userHandle.has_value());
}

QTEST_APPLESS_MAIN(TestCredentialJson)
#include "test_credential_json.moc"

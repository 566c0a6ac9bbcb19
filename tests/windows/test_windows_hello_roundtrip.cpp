// The round trip: credentials and assertions that the webauthn.dll back end produced under
// Wine (test_windows_hello, against the fake webauthn.dll with real CNG keys), verified here by
// the app's relying party exactly as a browser's response would be. It needs the Wine run's
// file and fails without it (the CTest fixture runs test_windows_hello first).

#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace latchkey::webauthn;

namespace {

QString base64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray hexField(const QJsonObject& record, const char* name)
{
    return QByteArray::fromHex(record.value(QLatin1String(name)).toString().toLatin1());
}

// RegistrationResponseJSON (WebAuthn L3 §5.1.8) from what the back end returned.
QJsonObject registrationJson(const QJsonObject& record)
{
    const QString id = base64Url(hexField(record, "credentialId"));
    QJsonObject response{
        {QStringLiteral("clientDataJSON"), base64Url(hexField(record, "clientDataJSON"))},
        {QStringLiteral("attestationObject"), base64Url(hexField(record, "attestationObject"))},
        {QStringLiteral("transports"), QJsonArray{QStringLiteral("internal")}}};
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("rawId"), id},
                       {QStringLiteral("type"), QStringLiteral("public-key")},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("clientExtensionResults"), QJsonObject()}};
}

// AuthenticationResponseJSON (§5.1.9).
QJsonObject authenticationJson(const QJsonObject& record)
{
    const QString id = base64Url(hexField(record, "credentialId"));
    QJsonObject response{
        {QStringLiteral("clientDataJSON"), base64Url(hexField(record, "clientDataJSON"))},
        {QStringLiteral("authenticatorData"), base64Url(hexField(record, "authenticatorData"))},
        {QStringLiteral("signature"), base64Url(hexField(record, "signature"))},
        {QStringLiteral("userHandle"), base64Url(hexField(record, "userHandle"))}};
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("rawId"), id},
                       {QStringLiteral("type"), QStringLiteral("public-key")},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("clientExtensionResults"), QJsonObject()}};
}

RegistrationExpectations registrationExpectations(const QJsonObject& record, bool requireUv)
{
    RegistrationExpectations expected;
    expected.challenge = hexField(record, "challenge");
    expected.origins = {record.value(QStringLiteral("origin")).toString()};
    expected.rpIds = {record.value(QStringLiteral("rpId")).toString()};
    expected.requireUserVerification = requireUv;
    expected.algorithms = {cose::ES256, cose::RS256};
    return expected;
}

AuthenticationExpectations authenticationExpectations(const QJsonObject& record)
{
    AuthenticationExpectations expected;
    expected.challenge = hexField(record, "challenge");
    expected.origins = {record.value(QStringLiteral("origin")).toString()};
    expected.rpIds = {record.value(QStringLiteral("rpId")).toString()};
    expected.requireUserVerification = true;
    expected.allowCredentials = {hexField(record, "credentialId")};
    return expected;
}

} // namespace

class TestWindowsHelloRoundTrip : public QObject {
    Q_OBJECT

private:
    QHash<QString, QJsonObject> m_registrations;
    QHash<QString, QJsonObject> m_authentications;

    StoredCredential registered(const QString& name)
    {
        const auto verified =
            verifyRegistration(registrationJson(m_registrations.value(name)),
                               registrationExpectations(m_registrations.value(name), false));
        if (!verified)
            return {};
        StoredCredential stored;
        stored.credentialId = verified->credentialId;
        stored.publicKey = verified->publicKey;
        stored.signCount = verified->signCount;
        stored.userHandle = QByteArray("user-1");
        return stored;
    }

private slots:
    void initTestCase()
    {
        const QString path = qEnvironmentVariable("LATCHKEY_WINDOWS_ROUNDTRIP");
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly),
                 qPrintable(QStringLiteral("no round-trip file from the Wine run: ") + path));
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            const QString name = record.value(QStringLiteral("name")).toString();
            if (record.value(QStringLiteral("kind")) == QLatin1String("registration"))
                m_registrations.insert(name, record);
            else
                m_authentications.insert(name, record);
        }
        QVERIFY(m_registrations.contains(QStringLiteral("es256")));
        QVERIFY(m_registrations.contains(QStringLiteral("rs256")));
        QVERIFY(m_registrations.contains(QStringLiteral("presence-only")));
        QVERIFY(m_authentications.contains(QStringLiteral("es256")));
        QVERIFY(m_authentications.contains(QStringLiteral("rs256")));
    }

    void registrationVerifies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("algorithm");
        QTest::addColumn<QString>("format");
        QTest::newRow("ES256 (P-256)")
            << QStringLiteral("es256") << int(cose::ES256) << QStringLiteral("packed");
        QTest::newRow("RS256 (Windows Hello's usual TPM key)")
            << QStringLiteral("rs256") << int(cose::RS256) << QStringLiteral("packed");
    }
    void registrationVerifies()
    {
        QFETCH(QString, name);
        QFETCH(int, algorithm);
        QFETCH(QString, format);
        const QJsonObject record = m_registrations.value(name);
        const auto verified =
            verifyRegistration(registrationJson(record), registrationExpectations(record, true));
        QVERIFY2(verified, verified ? "" : qPrintable(verified.error().message));
        QCOMPARE(verified->algorithm, algorithm);
        QCOMPARE(verified->format, format);
        QCOMPARE(verified->credentialId, hexField(record, "credentialId"));
        QVERIFY(verified->userPresent);
        QVERIFY(verified->userVerified);
        QCOMPARE(verified->signCount, 0u);
    }

    void authenticationVerifies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("ES256") << QStringLiteral("es256");
        QTest::newRow("RS256") << QStringLiteral("rs256");
    }
    void authenticationVerifies()
    {
        QFETCH(QString, name);
        const StoredCredential stored = registered(name);
        QVERIFY(stored.publicKey.has_value());
        const QJsonObject record = m_authentications.value(name);
        const auto verified = verifyAuthentication(authenticationJson(record),
                                                   authenticationExpectations(record), stored);
        QVERIFY2(verified, verified ? "" : qPrintable(verified.error().message));
        QCOMPARE(verified->newSignCount, 1u);
        QVERIFY(verified->userVerified);
        QCOMPARE(verified->userHandle.value_or(QByteArray()), QByteArray("user-1"));
    }

    // The signature is really checked: one flipped bit and the relying party refuses.
    void alteredSignatureIsRefused_data() { authenticationVerifies_data(); }
    void alteredSignatureIsRefused()
    {
        QFETCH(QString, name);
        const StoredCredential stored = registered(name);
        QJsonObject record = m_authentications.value(name);
        QByteArray signature = hexField(record, "signature");
        signature[signature.size() / 2] = char(signature[signature.size() / 2] ^ 0x01);
        record.insert(QStringLiteral("signature"), QString::fromLatin1(signature.toHex()));
        QVERIFY(!verifyAuthentication(authenticationJson(record),
                                      authenticationExpectations(record), stored));
    }

    // Honest flags: Windows reported presence only, so a relying party that requires user
    // verification refuses the credential; we never add UV.
    void presenceOnlyIsNotVerification()
    {
        const QJsonObject record = m_registrations.value(QStringLiteral("presence-only"));
        const auto lenient =
            verifyRegistration(registrationJson(record), registrationExpectations(record, false));
        QVERIFY2(lenient, lenient ? "" : qPrintable(lenient.error().message));
        QVERIFY(lenient->userPresent);
        QVERIFY(!lenient->userVerified);
        QCOMPARE(lenient->format, QStringLiteral("none"));
        QVERIFY(
            !verifyRegistration(registrationJson(record), registrationExpectations(record, true)));
    }
};

QTEST_GUILESS_MAIN(TestWindowsHelloRoundTrip)
#include "test_windows_hello_roundtrip.moc"

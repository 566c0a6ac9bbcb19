// The round trip of the webauthn.dll back end. Under Wine, test_windows_hello drove the real
// core against the fake webauthn.dll (real CNG keys) and recorded each call and answer. Here
// the app's real Client runs the same ceremonies with the same challenge and origin, over an
// Authenticator that answers with those recordings through the adapter's mapping
// (hello_mapping): the mapped call must be the one webauthn.dll got, byte for byte, and the
// Client's RegistrationResponseJSON / AuthenticationResponseJSON must pass the app's relying
// party. Without the Wine run's file this test fails (a CTest fixture runs that first).

#include "authenticator/client.h"
#include "authenticator/windows/hello_mapping.h"
#include "core/base64url.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace latchkey;
using namespace latchkey::authenticator;
namespace hello = latchkey::authenticator::windows;

namespace {

QByteArray hexField(const QJsonObject& object, const char* name)
{
    return QByteArray::fromHex(object.value(QLatin1String(name)).toString().toLatin1());
}

hello::Bytes bytes(const QByteArray& data)
{
    return hello::Bytes(data.begin(), data.end());
}

QJsonArray descriptorsJson(const QJsonArray& recorded)
{
    QJsonArray out;
    for (const QJsonValue& entry : recorded) {
        QJsonObject descriptor{
            {QStringLiteral("type"), QStringLiteral("public-key")},
            {QStringLiteral("id"), core::encodeBase64UrlString(hexField(entry.toObject(), "id"))}};
        if (entry[QStringLiteral("transports")].toInt() == int(hello::transport::Internal))
            descriptor.insert(QStringLiteral("transports"), QJsonArray{QStringLiteral("internal")});
        out.append(descriptor);
    }
    return out;
}

std::vector<hello::CredentialDescriptor> descriptors(const QJsonArray& recorded)
{
    std::vector<hello::CredentialDescriptor> out;
    for (const QJsonValue& entry : recorded)
        out.push_back({bytes(hexField(entry.toObject(), "id")),
                       std::uint32_t(entry[QStringLiteral("transports")].toInt())});
    return out;
}

bool sameDescriptors(const std::vector<hello::CredentialDescriptor>& a,
                     const std::vector<hello::CredentialDescriptor>& b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
               return x.id == y.id && x.transports == y.transports;
           });
}

const char* kUserVerification[] = {"required", "preferred", "discouraged"};

// PublicKeyCredentialCreationOptionsJSON that asks for what the Wine run's call carried.
QJsonObject creationOptions(const QJsonObject& record)
{
    const QJsonObject call = record[QStringLiteral("call")].toObject();
    QJsonArray parameters;
    for (const QJsonValue& algorithm : call[QStringLiteral("algorithms")].toArray())
        parameters.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")},
                                      {QStringLiteral("alg"), algorithm.toInt()}});
    const int uv = call[QStringLiteral("userVerification")].toInt();
    return QJsonObject{
        {QStringLiteral("challenge"), core::encodeBase64UrlString(hexField(record, "challenge"))},
        {QStringLiteral("rp"),
         QJsonObject{{QStringLiteral("id"), call[QStringLiteral("rpId")]},
                     {QStringLiteral("name"), call[QStringLiteral("rpName")]}}},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), core::encodeBase64UrlString(hexField(call, "userId"))},
                     {QStringLiteral("name"), call[QStringLiteral("userName")]},
                     {QStringLiteral("displayName"), call[QStringLiteral("userDisplayName")]}}},
        {QStringLiteral("pubKeyCredParams"), parameters},
        {QStringLiteral("excludeCredentials"),
         descriptorsJson(call[QStringLiteral("excludeList")].toArray())},
        {QStringLiteral("authenticatorSelection"),
         QJsonObject{{QStringLiteral("residentKey"), call[QStringLiteral("residentKey")].toBool()
                                                         ? QStringLiteral("required")
                                                         : QStringLiteral("discouraged")},
                     {QStringLiteral("userVerification"), QLatin1String(kUserVerification[uv])}}},
        {QStringLiteral("attestation"), call[QStringLiteral("attestation")].toInt() == 0
                                            ? QStringLiteral("none")
                                            : QStringLiteral("direct")}};
}

QJsonObject requestOptions(const QJsonObject& record)
{
    const QJsonObject call = record[QStringLiteral("call")].toObject();
    const int uv = call[QStringLiteral("userVerification")].toInt();
    return QJsonObject{
        {QStringLiteral("challenge"), core::encodeBase64UrlString(hexField(record, "challenge"))},
        {QStringLiteral("rpId"), call[QStringLiteral("rpId")]},
        {QStringLiteral("allowCredentials"),
         descriptorsJson(call[QStringLiteral("allowList")].toArray())},
        {QStringLiteral("userVerification"), QLatin1String(kUserVerification[uv])}};
}

hello::MadeCredential recordedCredential(const QJsonObject& answer)
{
    hello::MadeCredential made;
    made.format = answer[QStringLiteral("format")].toString().toStdU16String();
    made.authenticatorData = bytes(hexField(answer, "authenticatorData"));
    made.attestationStatement = bytes(hexField(answer, "attestationStatement"));
    made.attestationObject = bytes(hexField(answer, "attestationObject"));
    made.credentialId = bytes(hexField(answer, "credentialId"));
    if (answer[QStringLiteral("residentKey")].isBool())
        made.residentKey = answer[QStringLiteral("residentKey")].toBool();
    made.usedTransport = std::uint32_t(answer[QStringLiteral("usedTransport")].toInt());
    return made;
}

hello::Assertion recordedAssertion(const QJsonObject& answer)
{
    return hello::Assertion{
        bytes(hexField(answer, "credentialId")), bytes(hexField(answer, "authenticatorData")),
        bytes(hexField(answer, "signature")), bytes(hexField(answer, "userId"))};
}

// Answers with what webauthn.dll answered under Wine, after checking that the adapter maps
// the Client's request to the very call the Wine run made.
class RecordedHello final : public Authenticator {
public:
    QJsonObject registration;
    QJsonObject authentication;
    QStringList mismatches;

    void makeCredential(const MakeCredentialRequest& request, MakeCredentialDone done) override
    {
        const QJsonObject recorded = registration[QStringLiteral("call")].toObject();
        const hello::MakeCredentialCall call = hello::makeCredentialCall(request);
        expect(call.clientDataJson == hexField(recorded, "clientDataJSON").toStdString(),
               "clientDataJSON");
        expect(request.clientDataHash ==
                   QCryptographicHash::hash(request.clientDataJson, QCryptographicHash::Sha256),
               "clientDataHash");
        expect(QString::fromStdU16String(call.rpId) == recorded[QStringLiteral("rpId")].toString(),
               "rpId");
        expect(QString::fromStdU16String(call.rpName) ==
                   recorded[QStringLiteral("rpName")].toString(),
               "rpName");
        expect(call.userId == bytes(hexField(recorded, "userId")), "user.id");
        expect(QString::fromStdU16String(call.userName) ==
                   recorded[QStringLiteral("userName")].toString(),
               "user.name");
        expect(QString::fromStdU16String(call.userDisplayName) ==
                   recorded[QStringLiteral("userDisplayName")].toString(),
               "user.displayName");
        std::vector<std::int32_t> algorithms;
        for (const QJsonValue& algorithm : recorded[QStringLiteral("algorithms")].toArray())
            algorithms.push_back(algorithm.toInt());
        expect(call.algorithms == algorithms, "algorithms");
        expect(sameDescriptors(call.excludeList,
                               descriptors(recorded[QStringLiteral("excludeList")].toArray())),
               "excludeList");
        expect(call.residentKey == recorded[QStringLiteral("residentKey")].toBool(), "residentKey");
        expect(int(call.userVerification) == recorded[QStringLiteral("userVerification")].toInt(),
               "userVerification");
        expect(int(call.attestation) == recorded[QStringLiteral("attestation")].toInt(),
               "attestation");
        done(hello::makeCredentialResponse(
            recordedCredential(registration[QStringLiteral("answer")].toObject()), request.rk));
    }

    void getAssertion(const GetAssertionRequest& request, GetAssertionDone done) override
    {
        const QJsonObject recorded = authentication[QStringLiteral("call")].toObject();
        const hello::GetAssertionCall call = hello::getAssertionCall(request);
        expect(call.clientDataJson == hexField(recorded, "clientDataJSON").toStdString(),
               "clientDataJSON");
        expect(QString::fromStdU16String(call.rpId) == recorded[QStringLiteral("rpId")].toString(),
               "rpId");
        expect(sameDescriptors(call.allowList,
                               descriptors(recorded[QStringLiteral("allowList")].toArray())),
               "allowList");
        expect(int(call.userVerification) == recorded[QStringLiteral("userVerification")].toInt(),
               "userVerification");
        done(hello::getAssertionResponse(
            recordedAssertion(authentication[QStringLiteral("answer")].toObject())));
    }

    void cancel() override {}
    bool userVerifyingAvailable() const override { return false; }

private:
    void expect(bool same, const char* member)
    {
        if (!same)
            mismatches.append(QLatin1String(member));
    }
};

ClientResult<QJsonObject> runCeremony(Client& client, bool create, const QJsonObject& options,
                                      const QUrl& page)
{
    std::optional<ClientResult<QJsonObject>> result;
    const auto done = [&result](ClientResult<QJsonObject> answer) {
        result.emplace(answer);
    };
    if (create)
        client.create(options, page, done);
    else
        client.get(options, page, done);
    if (!result)
        return clientError(DomErrorName::UnknownError, QStringLiteral("no answer"));
    return *result;
}

QString describe(const ClientResult<QJsonObject>& result)
{
    return result ? QString()
                  : domErrorNameString(result.error().name) + QLatin1Char(' ') +
                        result.error().message;
}

webauthn::RegistrationExpectations registrationExpectations(const QJsonObject& record,
                                                            bool requireUv)
{
    webauthn::RegistrationExpectations expected;
    expected.challenge = core::Challenge(hexField(record, "challenge"));
    expected.origins = {record.value(QStringLiteral("origin")).toString()};
    expected.rpIds = {QStringLiteral("localhost")};
    expected.requireUserVerification = requireUv;
    expected.algorithms = {webauthn::cose::ES256, webauthn::cose::RS256};
    return expected;
}

webauthn::AuthenticationExpectations authenticationExpectations(const QJsonObject& record)
{
    webauthn::AuthenticationExpectations expected;
    expected.challenge = core::Challenge(hexField(record, "challenge"));
    expected.origins = {record.value(QStringLiteral("origin")).toString()};
    expected.rpIds = {QStringLiteral("localhost")};
    expected.requireUserVerification = true;
    expected.allowCredentials = {
        hexField(record[QStringLiteral("answer")].toObject(), "credentialId")};
    return expected;
}

} // namespace

class TestWindowsHelloRoundTrip : public QObject {
    Q_OBJECT

private:
    QHash<QString, QJsonObject> m_registrations;
    QHash<QString, QJsonObject> m_authentications;

    QUrl pageOf(const QJsonObject& record) const
    {
        return QUrl(record[QStringLiteral("origin")].toString() + QStringLiteral("/register"));
    }

    // The Client's RegistrationResponseJSON for the named recording, and the mapping's verdict.
    ClientResult<QJsonObject> registrationThroughClient(const QString& name,
                                                        QStringList& mismatches)
    {
        RecordedHello recorded;
        recorded.registration = m_registrations.value(name);
        Client client(recorded);
        auto result = runCeremony(client, true, creationOptions(recorded.registration),
                                  pageOf(recorded.registration));
        mismatches = recorded.mismatches;
        return result;
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
            QJsonParseError error;
            const QJsonObject record = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            const QString name = record.value(QStringLiteral("name")).toString();
            if (record.value(QStringLiteral("kind")) == QLatin1String("registration"))
                m_registrations.insert(name, record);
            else
                m_authentications.insert(name, record);
        }
        for (const char* name : {"es256", "rs256", "presence-only"})
            QVERIFY2(m_registrations.contains(QLatin1String(name)), name);
        for (const char* name : {"es256", "rs256"})
            QVERIFY2(m_authentications.contains(QLatin1String(name)), name);
    }

    void registrationVerifies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("algorithm");
        QTest::newRow("ES256 (P-256)") << QStringLiteral("es256") << webauthn::cose::ES256;
        QTest::newRow("RS256 (Windows Hello's usual TPM key)")
            << QStringLiteral("rs256") << webauthn::cose::RS256;
    }
    void registrationVerifies()
    {
        QFETCH(QString, name);
        QFETCH(int, algorithm);
        QStringList mismatches;
        const auto credential = registrationThroughClient(name, mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1String(", "))));
        QVERIFY2(credential, qPrintable(describe(credential)));
        // response.getPublicKey() / getPublicKeyAlgorithm() from the mapping.
        const QJsonObject response = (*credential)[QStringLiteral("response")].toObject();
        QCOMPARE(response[QStringLiteral("publicKeyAlgorithm")].toInt(), algorithm);
        QVERIFY(!response[QStringLiteral("publicKey")].toString().isEmpty());

        const QJsonObject record = m_registrations.value(name);
        const auto verified =
            webauthn::verifyRegistration(*credential, registrationExpectations(record, true));
        QVERIFY2(verified, verified ? "" : qPrintable(verified.error().message));
        QCOMPARE(verified->algorithm, algorithm);
        QCOMPARE(verified->format, QStringLiteral("packed"));
        QCOMPARE(verified->credentialId,
                 hexField(record[QStringLiteral("answer")].toObject(), "credentialId"));
        QVERIFY(verified->userPresent);
        QVERIFY(verified->userVerified);
        QCOMPARE(verified->signCount, 0u);
    }

    void authenticationVerifies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("alterSignature");
        QTest::newRow("ES256") << QStringLiteral("es256") << false;
        QTest::newRow("RS256") << QStringLiteral("rs256") << false;
        // The signature is really checked: one flipped bit and the relying party refuses.
        QTest::newRow("ES256, one bit of the signature flipped") << QStringLiteral("es256") << true;
        QTest::newRow("RS256, one bit of the signature flipped") << QStringLiteral("rs256") << true;
    }
    void authenticationVerifies()
    {
        QFETCH(QString, name);
        QFETCH(bool, alterSignature);
        QStringList mismatches;
        const auto credential = registrationThroughClient(name, mismatches);
        QVERIFY(credential);
        const auto registered = webauthn::verifyRegistration(
            *credential, registrationExpectations(m_registrations.value(name), true));
        QVERIFY(registered);
        webauthn::StoredCredential stored;
        stored.credentialId = registered->credentialId;
        stored.publicKey = registered->publicKey;
        stored.userHandle =
            hexField(m_registrations.value(name)[QStringLiteral("call")].toObject(), "userId");

        RecordedHello recorded;
        recorded.authentication = m_authentications.value(name);
        if (alterSignature) {
            QJsonObject answer = recorded.authentication[QStringLiteral("answer")].toObject();
            QByteArray signature = hexField(answer, "signature");
            signature[signature.size() / 2] = char(signature[signature.size() / 2] ^ 0x01);
            answer.insert(QStringLiteral("signature"), QString::fromLatin1(signature.toHex()));
            recorded.authentication.insert(QStringLiteral("answer"), answer);
        }
        Client client(recorded);
        const auto assertion = runCeremony(client, false, requestOptions(recorded.authentication),
                                           pageOf(recorded.authentication));
        QVERIFY2(recorded.mismatches.isEmpty(),
                 qPrintable(recorded.mismatches.join(QLatin1String(", "))));
        QVERIFY2(assertion, qPrintable(describe(assertion)));
        const auto verified = webauthn::verifyAuthentication(
            *assertion, authenticationExpectations(recorded.authentication), stored);
        if (alterSignature) {
            QVERIFY(!verified);
            return;
        }
        QVERIFY2(verified, verified ? "" : qPrintable(verified.error().message));
        QCOMPARE(verified->newSignCount, 1u);
        QVERIFY(verified->userVerified);
        QCOMPARE(verified->userHandle.value_or(QByteArray()), *stored.userHandle);
    }

    // Honest flags: Windows reported presence only, so the credential says so and a relying
    // party that requires user verification refuses it; nothing on the way adds UV.
    void presenceOnlyIsNotVerification()
    {
        QStringList mismatches;
        const auto credential =
            registrationThroughClient(QStringLiteral("presence-only"), mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1String(", "))));
        QVERIFY2(credential, qPrintable(describe(credential)));
        const QJsonObject record = m_registrations.value(QStringLiteral("presence-only"));
        const auto lenient =
            webauthn::verifyRegistration(*credential, registrationExpectations(record, false));
        QVERIFY2(lenient, lenient ? "" : qPrintable(lenient.error().message));
        QVERIFY(lenient->userPresent);
        QVERIFY(!lenient->userVerified);
        QCOMPARE(lenient->format, QStringLiteral("none"));
        QVERIFY(!webauthn::verifyRegistration(*credential, registrationExpectations(record, true)));
    }

    // Each DOMException the page gets for what Windows answered.
    void windowsErrorsBecomeDomExceptions_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("domException");
        QTest::newRow("cancel, timeout, no credential")
            << int(hello::ErrorKind::NotAllowed) << QStringLiteral("NotAllowedError");
        QTest::newRow("excluded credential")
            << int(hello::ErrorKind::InvalidState) << QStringLiteral("InvalidStateError");
        QTest::newRow("no algorithm offered is made")
            << int(hello::ErrorKind::NotSupported) << QStringLiteral("NotSupportedError");
        QTest::newRow("resident key or UV impossible")
            << int(hello::ErrorKind::Constraint) << QStringLiteral("NotAllowedError");
        QTest::newRow("webauthn.dll missing or old")
            << int(hello::ErrorKind::Unavailable) << QStringLiteral("NotAllowedError");
        QTest::newRow("anything else")
            << int(hello::ErrorKind::Unknown) << QStringLiteral("UnknownError");
    }
    void windowsErrorsBecomeDomExceptions()
    {
        QFETCH(int, kind);
        QFETCH(QString, domException);
        const hello::Error error{hello::ErrorKind(kind), 0, {}, "detail for support"};
        const ClientError seen = toClientError(hello::helloError(error));
        QCOMPARE(domErrorNameString(seen.name), domException);
        QVERIFY(seen.message.endsWith(QLatin1String("detail for support")));
    }

    // A credential whose attestation object disagrees with the id beside it is refused.
    void mismatchedCredentialIdIsRefused()
    {
        hello::MadeCredential made = recordedCredential(
            m_registrations.value(QStringLiteral("es256"))[QStringLiteral("answer")].toObject());
        made.credentialId.back() ^= 0x01;
        const auto response = hello::makeCredentialResponse(made, true);
        QVERIFY(!response);
        QCOMPARE(response.error().status, CtapStatus::Other);
    }
};

QTEST_GUILESS_MAIN(TestWindowsHelloRoundTrip)
#include "test_windows_hello_roundtrip.moc"

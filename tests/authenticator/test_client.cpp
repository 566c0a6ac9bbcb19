#include "authenticator/client.h"
#include "authenticator/local_authenticator.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/software_key_store.h"
#include "fake/scripted_user_verifier.h"
#include "test_support.h"
#include "webauthn/authentication_options.h"
#include "webauthn/registration_options.h"
#include "webauthn/verify_authentication.h"
#include "webauthn/verify_registration.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace latchkey::authenticator;
using namespace latchkey::authenticator::testing;
namespace webauthn = latchkey::webauthn;

namespace {

const QUrl kPage("http://localhost:8080/register");
const QString kOrigin = QStringLiteral("http://localhost:8080");
const QString kRpId = QStringLiteral("localhost");

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray unb64(const QJsonValue& value)
{
    return QByteArray::fromBase64(value.toString().toLatin1(), QByteArray::Base64UrlEncoding);
}

QString describe(const ClientResult<QJsonObject>& result)
{
    if (result.ok())
        return QString::fromUtf8(QJsonDocument(*result).toJson(QJsonDocument::Compact));
    return domErrorNameString(result.error().name) + QStringLiteral(": ") + result.error().message;
}

template <typename T> QString describe(const webauthn::Result<T>& result)
{
    return result.ok() ? QStringLiteral("ok")
                       : webauthn::codeName(result.error().code) + QStringLiteral(": ") +
                             result.error().message;
}

// What the relying party kept from a verified registration.
struct Registered {
    webauthn::VerifiedRegistration verified;
    QByteArray userHandle;
};

// An authenticator that answers makeCredential with a fixed packed self attestation, to see what
// the client does with it for each conveyance preference.
class PackedStubAuthenticator final : public Authenticator {
public:
    QByteArray aaguid;
    void makeCredential(const MakeCredentialRequest& request, MakeCredentialDone done) override
    {
        MakeCredentialResponse response;
        response.fmt = QStringLiteral("packed");
        response.attStmt.insert(QStringLiteral("alg"), -7);
        response.attStmt.insert(QStringLiteral("sig"), QByteArray("sig"));
        response.authData = request.clientDataHash + QByteArray(5, '\x45') + aaguid;
        response.credentialId = "id";
        done(response);
    }
    void getAssertion(const GetAssertionRequest&, GetAssertionDone) override {}
    void cancel() override {}
    bool userVerifyingAvailable() const override { return true; }
};

QString formatOf(const QJsonObject& credential)
{
    const QByteArray object = unb64(credential["response"].toObject()["attestationObject"]);
    return QCborValue::fromCbor(object).toMap().value(QStringLiteral("fmt")).toString();
}

} // namespace

// The client, the local authenticator and the software key store together, checked by the
// relying-party core exactly as the server will check the app's pages.
class TestClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    FileSealingKeyProvider* m_sealing = nullptr;
    std::unique_ptr<SoftwareKeyStore> m_keys;
    ScriptedUserVerifier* m_verifier = nullptr;
    LocalAuthenticator* m_authenticator = nullptr;
    Client* m_client = nullptr;

    void openStore()
    {
        auto opened = SoftwareKeyStore::open(m_dir->filePath("data/keys.json"), *m_sealing);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        m_keys = std::move(*opened);
    }

    ClientResult<QJsonObject> run(void (Client::*ceremony)(const QJsonObject&, const QUrl&,
                                                           Client::Done),
                                  const QJsonObject& options, const QUrl& page = kPage)
    {
        Captured<ClientResult<QJsonObject>> captured;
        (m_client->*ceremony)(options, page, captured.callback());
        [&] {
            QCOMPARE(captured.calls, 1);
        }();
        return captured.value ? *captured.value
                              : ClientResult<QJsonObject>(
                                    clientError(DomErrorName::UnknownError, "no answer"));
    }

    webauthn::CreationOptions
    creationOptions(const QByteArray& userId = "user-handle-1",
                    const QList<webauthn::CredentialDescriptor>& exclude = {})
    {
        webauthn::RegistrationOptionsRequest request;
        request.rp = {kRpId, QStringLiteral("Latchkey")};
        request.user = {userId, QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
        request.excludeCredentials = exclude;
        request.userVerification = QStringLiteral("required");
        auto options = webauthn::buildRegistrationOptions(request);
        [&] {
            QVERIFY(options.ok());
        }();
        return *options;
    }

    webauthn::RegistrationExpectations registrationExpectations(const QByteArray& challenge)
    {
        webauthn::RegistrationExpectations expected;
        expected.challenge = latchkey::core::Challenge(challenge);
        expected.origins = {kOrigin};
        expected.rpIds = {kRpId};
        expected.requireUserVerification = true;
        expected.trust.verifyTime = QDateTime::currentDateTimeUtc();
        return expected;
    }

    std::optional<Registered>
    registerCredential(const QByteArray& userId = "user-handle-1",
                       const QString& attestation = QStringLiteral("none"))
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        webauthn::CreationOptions options = creationOptions(userId);
        QJsonObject json = options.json;
        json["attestation"] = attestation;
        const auto created = run(&Client::create, json);
        if (!created) {
            qWarning() << describe(created);
            return std::nullopt;
        }
        const auto verified =
            webauthn::verifyRegistration(*created, registrationExpectations(options.challenge));
        if (!verified) {
            qWarning() << describe(verified);
            return std::nullopt;
        }
        return Registered{*verified, userId};
    }

    webauthn::RequestOptions requestOptions(const QList<QByteArray>& allow = {})
    {
        webauthn::AuthenticationOptionsRequest request;
        request.rpId = kRpId;
        for (const QByteArray& id : allow)
            request.allowCredentials.append({id, {QStringLiteral("internal")}});
        auto options = webauthn::buildAuthenticationOptions(request);
        [&] {
            QVERIFY(options.ok());
        }();
        return *options;
    }

    webauthn::Result<webauthn::VerifiedAuthentication>
    verifyAssertion(const QJsonObject& credential, const webauthn::RequestOptions& options,
                    const Registered& registered, bool requireUv = true)
    {
        webauthn::AuthenticationExpectations expected;
        expected.challenge = latchkey::core::Challenge(options.challenge);
        expected.origins = {kOrigin};
        expected.rpIds = {kRpId};
        expected.requireUserVerification = requireUv;
        webauthn::StoredCredential stored;
        stored.credentialId = registered.verified.credentialId;
        stored.publicKey = registered.verified.publicKey;
        stored.signCount = registered.verified.signCount;
        stored.userHandle = registered.userHandle;
        return webauthn::verifyAuthentication(credential, expected, stored);
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        m_sealing = new FileSealingKeyProvider(m_dir->filePath("config/sealing.key"));
        openStore();
        m_verifier = new ScriptedUserVerifier;
        m_authenticator = new LocalAuthenticator(*m_keys, *m_verifier);
        ClientSettings settings;
        settings.minTimeout = std::chrono::milliseconds(50);
        m_client = new Client(*m_authenticator, settings);
    }

    void cleanup()
    {
        delete m_client;
        delete m_authenticator;
        delete m_verifier;
        m_keys.reset();
        delete m_sealing;
        delete m_dir;
    }

    void registrationIsAcceptedByTheRelyingParty()
    {
        const auto registered = registerCredential();
        QVERIFY(registered);
        QCOMPARE(registered->verified.format, QStringLiteral("none"));
        QCOMPARE(registered->verified.algorithm, -7);
        QVERIFY(registered->verified.userPresent);
        QVERIFY(registered->verified.userVerified);
        QVERIFY(!registered->verified.backupEligible);
        QCOMPARE(registered->verified.transports, QStringList{QStringLiteral("internal")});
        QCOMPARE(registered->verified.authenticatorAttachment, QStringLiteral("platform"));
        QCOMPARE(registered->verified.credPropsRk, std::optional<bool>(true));
        QCOMPARE(registered->verified.aaguid.toHex(),
                 QByteArray("d6843ecca92941dfa69840df8f209f70"));
    }

    void directAttestationIsPackedSelfAttestation()
    {
        const auto registered = registerCredential("user-handle-1", QStringLiteral("direct"));
        QVERIFY(registered);
        QCOMPARE(registered->verified.format, QStringLiteral("packed"));
        QCOMPARE(registered->verified.attestation.type, webauthn::AttestationType::Self);
    }

    void registrationJsonHasThePublicKeyCredentialShape()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto created = run(&Client::create, creationOptions().json);
        QVERIFY(created.ok());
        QCOMPARE(created->value("type").toString(), QStringLiteral("public-key"));
        QCOMPARE(created->value("id"), created->value("rawId"));
        const QJsonObject response = created->value("response").toObject();
        for (const char* member :
             {"clientDataJSON", "attestationObject", "authenticatorData", "publicKey"})
            QVERIFY2(!unb64(response.value(member)).isEmpty(), member);
        QCOMPARE(response.value("publicKeyAlgorithm").toInt(), -7);
        const QJsonObject clientData =
            QJsonDocument::fromJson(unb64(response.value("clientDataJSON"))).object();
        QCOMPARE(clientData.value("origin").toString(), kOrigin);
        QCOMPARE(clientData.value("type").toString(), QStringLiteral("webauthn.create"));
        QCOMPARE(clientData.value("crossOrigin").toBool(true), false);
    }

    void assertionIsAcceptedAndCountersIncrease()
    {
        auto registered = registerCredential();
        QVERIFY(registered);
        for (quint32 expected = 1; expected <= 3; ++expected) {
            m_verifier->scriptOutcome(VerificationOutcome::Verified);
            const auto options = requestOptions({registered->verified.credentialId});
            const auto asserted = run(&Client::get, options.json);
            QVERIFY2(asserted.ok(), qPrintable(describe(asserted)));
            const auto verified = verifyAssertion(*asserted, options, *registered);
            QVERIFY2(verified.ok(), qPrintable(describe(verified)));
            QCOMPARE(verified->newSignCount, expected);
            QVERIFY(verified->userVerified);
            registered->verified.signCount = verified->newSignCount;
        }
    }

    void replayedAssertionFailsTheCounterCheck()
    {
        auto registered = registerCredential();
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto options = requestOptions({registered->verified.credentialId});
        const auto asserted = run(&Client::get, options.json);
        const auto first = verifyAssertion(*asserted, options, *registered);
        QVERIFY(first.ok());
        registered->verified.signCount = first->newSignCount;
        const auto replay = verifyAssertion(*asserted, options, *registered);
        QCOMPARE(replay.error().code, webauthn::ErrorCode::SignCounterNotIncreased);
    }

    void discoverableCredentialSignsInWithoutAllowList()
    {
        const auto registered = registerCredential();
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto options = requestOptions();
        const auto asserted = run(&Client::get, options.json);
        QVERIFY2(asserted.ok(), qPrintable(describe(asserted)));
        QCOMPARE(unb64(asserted->value("response").toObject().value("userHandle")),
                 QByteArray("user-handle-1"));
        QVERIFY(verifyAssertion(*asserted, options, *registered).ok());
    }

    void allowListOfUnknownCredentialsIsNotAllowed()
    {
        QVERIFY(registerCredential());
        // No credential fits: the person is shown so, and the error follows the dismissal.
        m_verifier->scriptOutcome(VerificationOutcome::Cancelled);
        const auto asserted = run(&Client::get, requestOptions({QByteArray(32, 'x')}).json);
        QCOMPARE(asserted.error().name, DomErrorName::NotAllowedError);
    }

    void allowListPicksTheListedCredential()
    {
        const auto first = registerCredential("user-handle-1");
        const auto second = registerCredential("user-handle-2");
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto options = requestOptions({first->verified.credentialId});
        const auto asserted = run(&Client::get, options.json);
        QCOMPARE(unb64(asserted->value("rawId")), first->verified.credentialId);
        QVERIFY(verifyAssertion(*asserted, options, *first).ok());
        QVERIFY(!verifyAssertion(*asserted, options, *second).ok());
    }

    void cancelIsNotAllowedAndStoresNothing()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Cancelled);
        const auto created = run(&Client::create, creationOptions().json);
        QCOMPARE(created.error().name, DomErrorName::NotAllowedError);
        QVERIFY(m_keys->discoverableCredentials(kRpId)->isEmpty());
        QVERIFY(!QFile::exists(m_dir->filePath("data/keys.json")));
    }

    void noWayToVerifyIsNotAllowed()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Unavailable);
        const auto created = run(&Client::create, creationOptions().json);
        QCOMPARE(created.error().name, DomErrorName::NotAllowedError);
        QVERIFY(created.error().message.contains(QStringLiteral("PIN")));
        QVERIFY(m_keys->discoverableCredentials(kRpId)->isEmpty());
    }

    void excludedCredentialIsInvalidState()
    {
        const auto registered = registerCredential();
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto options =
            creationOptions("user-handle-1", {{registered->verified.credentialId, {}}});
        const auto created = run(&Client::create, options.json);
        QCOMPARE(created.error().name, DomErrorName::InvalidStateError);
        QCOMPARE(m_keys->discoverableCredentials(kRpId)->size(), 1);
    }

    void wrongOriginOrRpIdIsSecurityError_data()
    {
        QTest::addColumn<QUrl>("page");
        QTest::addColumn<QString>("rpId");
        QTest::newRow("rp id of another site") << kPage << QStringLiteral("example.com");
        QTest::newRow("ip address origin") << QUrl("http://127.0.0.1:8080/") << kRpId;
        QTest::newRow("ipv6 origin") << QUrl("http://[::1]:8080/") << kRpId;
        QTest::newRow("plain http elsewhere") << QUrl("http://example.com/") << kRpId;
        QTest::newRow("https page, localhost rp") << QUrl("https://example.com/") << kRpId;
    }

    void wrongOriginOrRpIdIsSecurityError()
    {
        QFETCH(QUrl, page);
        QFETCH(QString, rpId);
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        QJsonObject options = creationOptions().json;
        QJsonObject rp = options["rp"].toObject();
        rp["id"] = rpId;
        options["rp"] = rp;
        const auto created = run(&Client::create, options, page);
        QCOMPARE(created.error().name, DomErrorName::SecurityError);
        QVERIFY(m_verifier->requests().isEmpty());

        QJsonObject request = requestOptions().json;
        request["rpId"] = rpId;
        QCOMPARE(run(&Client::get, request, page).error().name, DomErrorName::SecurityError);
    }

    void onlyUnsupportedAlgorithmsIsNotSupported()
    {
        QJsonObject options = creationOptions().json;
        options["pubKeyCredParams"] =
            QJsonArray{QJsonObject{{"type", "public-key"}, {"alg", -257}},
                       QJsonObject{{"type", "public-key"}, {"alg", -8}},
                       QJsonObject{{"type", "something-else"}, {"alg", -7}}};
        const auto created = run(&Client::create, options);
        QCOMPARE(created.error().name, DomErrorName::NotSupportedError);
        QVERIFY(m_verifier->requests().isEmpty());
    }

    void malformedOptionsAreTypeErrors_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value"); // undefined: removed
        QTest::newRow("no challenge") << "challenge" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("empty challenge") << "challenge" << QJsonValue("");
        QTest::newRow("challenge not base64url") << "challenge" << QJsonValue("***");
        QTest::newRow("no user") << "user" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("empty user id")
            << "user" << QJsonValue(QJsonObject{{"id", ""}, {"name", "a"}, {"displayName", "A"}});
        QTest::newRow("user id of 65 bytes")
            << "user"
            << QJsonValue(QJsonObject{
                   {"id", b64(QByteArray(65, 'u'))}, {"name", "a"}, {"displayName", "A"}});
        QTest::newRow("user without name")
            << "user" << QJsonValue(QJsonObject{{"id", "dQ"}, {"displayName", "A"}});
        QTest::newRow("no rp") << "rp" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("rp id a number")
            << "rp" << QJsonValue(QJsonObject{{"id", 1}, {"name", "x"}});
        QTest::newRow("no pubKeyCredParams")
            << "pubKeyCredParams" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("timeout a string") << "timeout" << QJsonValue("soon");
        QTest::newRow("exclude id not base64url")
            << "excludeCredentials"
            << QJsonValue(QJsonArray{QJsonObject{{"type", "public-key"}, {"id", "!!"}}});
    }

    void malformedOptionsAreTypeErrors()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QJsonObject options = creationOptions().json;
        if (value.isUndefined())
            options.remove(member);
        else
            options[member] = value;
        const auto created = run(&Client::create, options);
        QCOMPARE(created.error().name, DomErrorName::TypeError);
        QVERIFY(m_verifier->requests().isEmpty());
    }

    void optionsWrappedInPublicKeyAreAccepted()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const QJsonObject wrapped{{"publicKey", creationOptions().json}};
        QVERIFY(run(&Client::create, wrapped).ok());
    }

    void crossPlatformAttachmentIsNotAllowed()
    {
        QJsonObject options = creationOptions().json;
        options["authenticatorSelection"] =
            QJsonObject{{"authenticatorAttachment", "cross-platform"}};
        QCOMPARE(run(&Client::create, options).error().name, DomErrorName::NotAllowedError);
    }

    void discouragedResidentKeyIsReportedByCredProps()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        QJsonObject options = creationOptions().json;
        options["authenticatorSelection"] = QJsonObject{{"residentKey", "discouraged"}};
        options["extensions"] = QJsonObject{{"credProps", true}};
        const auto created = run(&Client::create, options);
        QCOMPARE(created->value("clientExtensionResults").toObject().value("credProps").toObject(),
                 QJsonObject({{"rk", false}}));
        QVERIFY(m_keys->discoverableCredentials(kRpId)->isEmpty());
    }

    void timeoutIsNotAllowedAndClosesThePrompt()
    {
        QJsonObject options = creationOptions().json;
        options["timeout"] = 1; // clamped up to the 50 ms minimum of this test's settings
        Captured<ClientResult<QJsonObject>> captured;
        m_client->create(options, kPage, captured.callback());
        QVERIFY(m_verifier->pending());
        QTRY_COMPARE_WITH_TIMEOUT(captured.calls, 1, 2000);
        QCOMPARE(captured.value->error().name, DomErrorName::NotAllowedError);
        QVERIFY(!m_verifier->pending()); // the prompt was closed
        QCOMPARE(captured.calls, 1);
        QVERIFY(m_keys->discoverableCredentials(kRpId)->isEmpty());
    }

    void abortIsNotAllowed()
    {
        Captured<ClientResult<QJsonObject>> captured;
        m_client->create(creationOptions().json, kPage, captured.callback());
        m_client->abort();
        QCOMPARE(captured.calls, 1);
        QCOMPARE(captured.value->error().name, DomErrorName::NotAllowedError);
        QVERIFY(!m_verifier->pending());
    }

    void secondCeremonyWhileOneIsPendingIsNotAllowed()
    {
        Captured<ClientResult<QJsonObject>> first;
        m_client->create(creationOptions().json, kPage, first.callback());
        const auto second = run(&Client::get, requestOptions().json);
        QCOMPARE(second.error().name, DomErrorName::NotAllowedError);
        m_verifier->answer({VerificationOutcome::Verified, 0});
        QVERIFY(first.value->ok());
    }

    void credentialsSurviveReopeningTheKeyStore()
    {
        const auto registered = registerCredential();
        delete m_client;
        delete m_authenticator;
        m_client = nullptr;
        m_authenticator = nullptr;
        m_keys.reset();
        openStore();
        m_authenticator = new LocalAuthenticator(*m_keys, *m_verifier);
        m_client = new Client(*m_authenticator);
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto options = requestOptions();
        const auto asserted = run(&Client::get, options.json);
        QVERIFY2(asserted.ok(), qPrintable(describe(asserted)));
        QVERIFY(verifyAssertion(*asserted, options, *registered).ok());
    }

    void noneConveyanceReplacesAttestationButKeepsTheAaguid_data()
    {
        QTest::addColumn<QString>("conveyance");
        QTest::addColumn<QByteArray>("aaguid");
        QTest::addColumn<QString>("format");
        const QByteArray latchkey = QByteArray::fromHex("d6843ecca92941dfa69840df8f209f70");
        QTest::newRow("none, our aaguid") << "none" << latchkey << "none";
        QTest::newRow("none, zero aaguid self") << "none" << QByteArray(16, '\0') << "packed";
        QTest::newRow("direct") << "direct" << latchkey << "packed";
        QTest::newRow("indirect") << "indirect" << latchkey << "packed";
    }

    void noneConveyanceReplacesAttestationButKeepsTheAaguid()
    {
        QFETCH(QString, conveyance);
        QFETCH(QByteArray, aaguid);
        QFETCH(QString, format);
        PackedStubAuthenticator stub;
        stub.aaguid = aaguid;
        Client client(stub);
        QJsonObject options = creationOptions().json;
        options["attestation"] = conveyance;
        Captured<ClientResult<QJsonObject>> captured;
        client.create(options, kPage, captured.callback());
        QVERIFY(captured.value->ok());
        QCOMPARE(formatOf(**captured.value), format);
        const QByteArray authData =
            unb64((*captured.value)->value("response").toObject()["authenticatorData"]);
        QCOMPARE(authData.mid(37, 16), aaguid);
    }

    void errorsCarryTheDomExceptionNameForThePage()
    {
        const auto created = run(&Client::create, QJsonObject{});
        const QJsonObject json = clientErrorJson(created.error());
        QCOMPARE(json.value("name").toString(), QStringLiteral("TypeError"));
        QVERIFY(!json.value("message").toString().isEmpty());
        QCOMPARE(clientErrorJson(clientError(DomErrorName::NotAllowedError, "x"))["name"],
                 QJsonValue("NotAllowedError"));
    }

    void isUserVerifyingPlatformAuthenticatorAvailableAsksTheVerifier()
    {
        QVERIFY(m_client->isUserVerifyingPlatformAuthenticatorAvailable());
        m_verifier->setVerifiesUser(false);
        QVERIFY(!m_client->isUserVerifyingPlatformAuthenticatorAvailable());
    }

    // §5.1.3: "preferred" asks for verification only where the authenticator can verify.
    void preferredWithoutAVerifierRegistersWithPresenceOnly()
    {
        m_verifier->setVerifiesUser(false);
        m_verifier->scriptOutcome(VerificationOutcome::Present);
        webauthn::RegistrationOptionsRequest request;
        request.rp = {kRpId, QStringLiteral("Latchkey")};
        request.user = {"user-handle-1", QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
        request.userVerification = QStringLiteral("preferred");
        const auto options = webauthn::buildRegistrationOptions(request);
        QVERIFY(options.ok());
        const auto created = run(&Client::create, options->json);
        QVERIFY2(created.ok(), qPrintable(describe(created)));
        QVERIFY(!m_verifier->requests().last().verifyUser);
        auto expected = registrationExpectations(options->challenge);
        QCOMPARE(webauthn::verifyRegistration(*created, expected).error().code,
                 webauthn::ErrorCode::UserVerificationRequired);
        expected.requireUserVerification = false;
        const auto verified = webauthn::verifyRegistration(*created, expected);
        QVERIFY2(verified.ok(), qPrintable(describe(verified)));
        QVERIFY(verified->userPresent);
        QVERIFY(!verified->userVerified);
    }

    void preferredWithAVerifierAsksForVerification()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        webauthn::RegistrationOptionsRequest request;
        request.rp = {kRpId, QStringLiteral("Latchkey")};
        request.user = {"user-handle-1", QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
        const auto options = webauthn::buildRegistrationOptions(request);
        QVERIFY(run(&Client::create, options->json).ok());
        QVERIFY(m_verifier->requests().last().verifyUser);
    }

    void discouragedNeverAsksForVerification()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Present);
        webauthn::RegistrationOptionsRequest request;
        request.rp = {kRpId, QStringLiteral("Latchkey")};
        request.user = {"user-handle-1", QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
        request.userVerification = QStringLiteral("discouraged");
        const auto options = webauthn::buildRegistrationOptions(request);
        const auto created = run(&Client::create, options->json);
        QVERIFY2(created.ok(), qPrintable(describe(created)));
        QVERIFY(!m_verifier->requests().last().verifyUser);
    }

    void requiredWithoutAVerifierIsNotAllowedAndAsksNobody()
    {
        m_verifier->setVerifiesUser(false);
        const auto created = run(&Client::create, creationOptions().json);
        QCOMPARE(created.error().name, DomErrorName::NotAllowedError);
        QVERIFY(m_verifier->requests().isEmpty());
        QVERIFY(m_keys->discoverableCredentials(kRpId)->isEmpty());
    }

    // ---- Signal API (WebAuthn L3 §5.1.10) ------------------------------------------------

    QString registeredId()
    {
        m_verifier->scriptOutcome(VerificationOutcome::Verified);
        const auto created = run(&Client::create, creationOptions().json);
        return created.ok() ? created->value("id").toString() : QString();
    }

    void signalUnknownCredentialDeletesTheKeyOfThisRp()
    {
        const QString id = registeredId();
        QVERIFY(!id.isEmpty());
        const auto done =
            m_client->signalUnknownCredential({{"rpId", kRpId}, {"credentialId", id}}, kPage);
        QVERIFY(done.ok());
        QVERIFY(m_keys->discoverableCredentials(kRpId)->isEmpty());
    }

    void signalAllAcceptedKeepsTheListedKey()
    {
        const QString id = registeredId();
        const QString userId = creationOptions().json["user"].toObject()["id"].toString();
        QVERIFY(m_client
                    ->signalAllAcceptedCredentials({{"rpId", kRpId},
                                                    {"userId", userId},
                                                    {"allAcceptedCredentialIds", QJsonArray{id}}},
                                                   kPage)
                    .ok());
        QCOMPARE(m_keys->discoverableCredentials(kRpId)->size(), 1);
    }

    void signalWithOptionsThatDoNotFit_data()
    {
        QTest::addColumn<QUrl>("page");
        QTest::addColumn<QJsonObject>("options");
        QTest::addColumn<int>("expected");
        const int security = int(DomErrorName::SecurityError);
        const int type = int(DomErrorName::TypeError);
        QTest::newRow("rp id of another site")
            << kPage << QJsonObject{{"rpId", "example.com"}, {"credentialId", "ID"}} << security;
        QTest::newRow("insecure origin")
            << QUrl("http://example.com/")
            << QJsonObject{{"rpId", "example.com"}, {"credentialId", "ID"}} << security;
        QTest::newRow("no rp id") << kPage << QJsonObject{{"credentialId", "ID"}} << type;
        QTest::newRow("id not base64url")
            << kPage << QJsonObject{{"rpId", kRpId}, {"credentialId", "a b"}} << type;
        QTest::newRow("empty id") << kPage << QJsonObject{{"rpId", kRpId}, {"credentialId", ""}}
                                  << type;
    }

    void signalWithOptionsThatDoNotFit()
    {
        QFETCH(QUrl, page);
        QFETCH(QJsonObject, options);
        QFETCH(int, expected);
        const QString id = registeredId();
        if (options.value("credentialId") == QJsonValue("ID"))
            options.insert("credentialId", id);
        const auto done = m_client->signalUnknownCredential(options, page);
        QVERIFY(!done.ok());
        QCOMPARE(int(done.error().name), expected);
        QCOMPARE(m_keys->discoverableCredentials(kRpId)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClient)
#include "test_client.moc"

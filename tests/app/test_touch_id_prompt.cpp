#include "app/qml_user_verifier.h"
#include "authenticator/authenticator_data_writer.h"
#include "authenticator/local_authenticator.h"
#include "authenticator/macos/local_authentication_verifier.h"
#include "authenticator/macos/secure_enclave_key_store.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "fake_apple_security_api.h"
#include "test_support.h"
#include "webauthn/authenticator_data.h"
#include "webauthn/cose_key.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

using namespace latchkey::authenticator;
using namespace latchkey::authenticator::macos;
using namespace latchkey::authenticator::testing;
namespace flags = latchkey::webauthn::flags;
using Method = FakeAppleSecurityApi::Method;

namespace {

const QString kRpId = QStringLiteral("localhost");

QByteArray hashOf(const char* text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}

MakeCredentialRequest makeRequest(bool uv = true)
{
    MakeCredentialRequest request;
    request.clientDataHash = hashOf("client data");
    request.rp = RpEntity{kRpId, QStringLiteral("Latchkey")};
    request.user = UserEntity{"user-1", QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
    request.pubKeyCredParams = {latchkey::webauthn::cose::ES256};
    request.rk = true;
    request.uv = uv;
    request.attestationFormatsPreference = {QStringLiteral("packed")};
    return request;
}

GetAssertionRequest assertionRequest(const QByteArray& credentialId, bool uv = true)
{
    GetAssertionRequest request;
    request.rpId = kRpId;
    request.clientDataHash = hashOf("assertion client data");
    request.allowList = {CredentialDescriptor{credentialId, {}}};
    request.uv = uv;
    return request;
}

} // namespace

// The platform authenticator as the app builds it on macOS: LocalAuthenticator over the Secure
// Enclave store, the app's prompt (QmlUserVerifier) with LocalAuthentication as its system
// verifier, all on the fake Apple API, records in a real sealed file.
class TestTouchIdPrompt : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeAppleSecurityApi> m_api;
    std::unique_ptr<KeyAuthorization> m_authorization;
    std::unique_ptr<FileSealingKeyProvider> m_sealing;
    std::unique_ptr<SecureEnclaveKeyStore> m_keys;
    std::unique_ptr<LocalAuthenticationVerifier> m_touchId;
    std::unique_ptr<latchkey::app::QmlUserVerifier> m_prompt;
    std::unique_ptr<LocalAuthenticator> m_authenticator;

    void build(KeyProtection protection)
    {
        m_authenticator.reset();
        m_prompt.reset();
        m_touchId.reset();
        m_keys.reset();
        SecureEnclaveOptions options;
        options.protection = protection;
        auto keys = SecureEnclaveKeyStore::open(
            *m_api, *m_authorization, m_dir->filePath(QStringLiteral("secure-enclave-keys.json")),
            *m_sealing, options);
        QVERIFY(keys);
        m_keys = std::move(*keys);
        m_touchId =
            std::make_unique<LocalAuthenticationVerifier>(*m_api, *m_authorization, protection);
        m_prompt = std::make_unique<latchkey::app::QmlUserVerifier>(m_touchId.get());
        m_authenticator = std::make_unique<LocalAuthenticator>(*m_keys, *m_prompt);
    }

    AuthenticatorResult<MakeCredentialResponse> make(bool uv = true)
    {
        Captured<AuthenticatorResult<MakeCredentialResponse>> captured;
        m_authenticator->makeCredential(makeRequest(uv), captured.callback());
        [&] {
            QCOMPARE(captured.calls, 1);
        }();
        return *captured.value;
    }

    AuthenticatorResult<GetAssertionResponse> getAssertion(const QByteArray& credentialId,
                                                           bool uv = true)
    {
        Captured<AuthenticatorResult<GetAssertionResponse>> captured;
        m_authenticator->getAssertion(assertionRequest(credentialId, uv), captured.callback());
        [&] {
            QCOMPARE(captured.calls, 1);
        }();
        return *captured.value;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_api = std::make_unique<FakeAppleSecurityApi>();
        m_authorization = std::make_unique<KeyAuthorization>(*m_api);
        m_sealing = std::make_unique<FileSealingKeyProvider>(
            m_dir->filePath(QStringLiteral("sealing/sealing.key")));
        build(KeyProtection::UserPresence);
    }

    void cleanup()
    {
        m_authenticator.reset();
        m_prompt.reset();
        m_touchId.reset();
        m_keys.reset();
        m_sealing.reset();
        m_authorization.reset();
        m_api.reset();
        m_dir.reset();
    }

    void aPasskeyIsMadeInTheSecureEnclaveAfterTouchIdAndSelfAttested()
    {
        m_api->scriptEvaluations({{0, Method::TouchId}});
        const auto made = make();
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        QCOMPARE(m_api->keyCount(), 1);
        QCOMPARE(flagsOf(made->authData), quint8(flags::UP | flags::UV | flags::AT));
        // The AAGUID names the Secure Enclave store (the profile page shows where the key is).
        QCOMPARE(made->authData.mid(37, 16),
                 QByteArray::fromHex("f2516e1471064e95aea27b2ed4465d75"));
        QCOMPARE(m_keys->aaguid(), made->authData.mid(37, 16));
        QCOMPARE(made->fmt, QStringLiteral("packed"));
        QVERIFY(verifyEs256(made->publicKeySpkiDer, made->authData + makeRequest().clientDataHash,
                            made->attStmt.value(QStringLiteral("sig")).toByteArray()));
        QCOMPARE(m_api->evaluations().size(), 1);
        QCOMPARE(m_api->evaluations().first().reason,
                 QStringLiteral("Create a passkey for localhost"));
        QCOMPARE(m_api->liveContexts(), 0);
    }

    void signingInSignsWithTheContextTouchIdVerified()
    {
        m_api->scriptEvaluations(
            {{0, Method::TouchId}, {0, Method::TouchId}, {0, Method::Password}});
        const auto made = make();
        QVERIFY(made);
        for (quint32 expected : {1u, 2u}) {
            const auto assertion = getAssertion(made->credentialId);
            QVERIFY2(assertion, qPrintable(assertion ? QString() : assertion.error().message));
            QCOMPARE(flagsOf(assertion->authData), quint8(flags::UP | flags::UV));
            QCOMPARE(signCountOf(assertion->authData), expected);
            QVERIFY(verifyEs256(made->publicKeySpkiDer,
                                assertion->authData + assertionRequest({}).clientDataHash,
                                assertion->signature));
        }
        QCOMPARE(m_api->signatures(), 3); // attestation and two assertions
        QCOMPARE(m_api->liveContexts(), 0);
    }

    void touchIdIsAskedEvenWhenTheSiteDoesNotAskForVerification()
    {
        // The key cannot sign without it, so the prompt runs it anyway; its success is UV.
        m_api->scriptEvaluations({{0, Method::TouchId}, {0, Method::TouchId}});
        const auto made = make(false);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        QCOMPARE(flagsOf(made->authData), quint8(flags::UP | flags::UV | flags::AT));
        const auto assertion = getAssertion(made->credentialId, false);
        QVERIFY2(assertion, qPrintable(assertion ? QString() : assertion.error().message));
        QCOMPARE(flagsOf(assertion->authData), quint8(flags::UP | flags::UV));
        QCOMPARE(m_api->evaluations().size(), 2);
        QCOMPARE(m_api->evaluations().at(1).reason, QStringLiteral("Sign in to localhost"));
    }

    void touchIdIsTheUserVerifyingPlatformAuthenticatorWhereItCanRun()
    {
        QVERIFY(m_authenticator->userVerifyingAvailable());
        QCOMPARE(m_touchId->status().binding, VerificationBinding::BoundToKey);
        m_api->setCanEvaluate(VerificationPolicy::DeviceOwner, la::kPasscodeNotSet);
        QVERIFY(!m_authenticator->userVerifyingAvailable());
        QVERIFY(m_touchId->status().unavailableReason.contains(QLatin1String("password")));
        // Asked anyway, nothing is shown and nothing made.
        const auto made = make();
        QVERIFY(!made);
        QCOMPARE(m_api->keyCount(), 0);
        QVERIFY(m_api->evaluations().isEmpty());
    }

    void anUnrecognisedFingerIsRefusedWithItsSentence()
    {
        m_api->scriptEvaluations({{la::kAuthenticationFailed, Method::TouchId}});
        const auto made = make();
        QVERIFY(!made);
        QCOMPARE(toClientError(made.error()).name, DomErrorName::NotAllowedError);
        QVERIFY(made.error().message.contains(QLatin1String("did not recognise you")));
        QCOMPARE(m_api->keyCount(), 0);
    }

    void cancellingTouchIdStoresNothingAndIsNotAllowed()
    {
        m_api->scriptEvaluations({{la::kUserCancel, Method::TouchId}});
        const auto made = make();
        QVERIFY(!made);
        QCOMPARE(toClientError(made.error()).name, DomErrorName::NotAllowedError);
        QCOMPARE(m_api->keyCount(), 0);
        QCOMPARE(m_api->signatures(), 0);
    }

    void thePagesAbortClosesTouchIdAndSignsNothing()
    {
        m_api->scriptEvaluations({{0, Method::TouchId}});
        const auto made = make();
        QVERIFY(made);
        Captured<AuthenticatorResult<GetAssertionResponse>> captured;
        m_authenticator->getAssertion(assertionRequest(made->credentialId), captured.callback());
        QVERIFY(m_api->evaluationHeld());
        m_authenticator->cancel();
        QCOMPARE(captured.calls, 1);
        QVERIFY(!*captured.value);
        QCOMPARE(toClientError(captured.value->error()).name, DomErrorName::NotAllowedError);
        QVERIFY(!m_api->evaluationHeld());
        QCOMPARE(m_api->liveContexts(), 0);
        QCOMPARE(m_api->signatures(), 1); // the attestation only
    }

    void aPasskeyWhoseFingerprintsChangedIsLostAndSaysSo()
    {
        build(KeyProtection::BiometryCurrentSet);
        m_api->scriptEvaluations({{0, Method::TouchId}, {0, Method::TouchId}});
        const auto made = make();
        QVERIFY(made);
        m_api->enrollFingerprintsAgain();
        const auto assertion = getAssertion(made->credentialId);
        QVERIFY(!assertion);
        const ClientError seen = toClientError(assertion.error());
        QCOMPARE(seen.name, DomErrorName::NotAllowedError);
        QVERIFY(seen.message.contains(QLatin1String("no longer in this Mac's Secure Enclave")));
        QVERIFY(*m_keys->isKeyLost(made->credentialId));
    }
};

QTEST_GUILESS_MAIN(TestTouchIdPrompt)
#include "test_touch_id_prompt.moc"

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

MakeCredentialRequest makeRequest()
{
    MakeCredentialRequest request;
    request.clientDataHash = hashOf("client data");
    request.rp = RpEntity{kRpId, QStringLiteral("Latchkey")};
    request.user = UserEntity{"user-1", QStringLiteral("ada"), QStringLiteral("Ada Lovelace")};
    request.pubKeyCredParams = {latchkey::webauthn::cose::ES256};
    request.rk = true;
    request.uv = true;
    request.attestationFormatsPreference = {QStringLiteral("packed")};
    return request;
}

GetAssertionRequest assertionRequest(const QByteArray& credentialId)
{
    GetAssertionRequest request;
    request.rpId = kRpId;
    request.clientDataHash = hashOf("assertion client data");
    request.allowList = {CredentialDescriptor{credentialId, {}}};
    request.uv = true;
    return request;
}

// The app's prompt in front of LocalAuthentication, as the test sees it: every request is
// passed to Touch ID with the prompt's sentence, and its verdict answered at once (the app's
// prompt does the same, synchronously, so the granted context is there while the
// authenticator signs).
class TouchIdPrompt final : public UserVerifier {
public:
    explicit TouchIdPrompt(LocalAuthenticationVerifier& touchId) : m_touchId(touchId) {}

    void verify(const VerificationRequest& request, Done done) override
    {
        reasons.append(request.reason);
        m_touchId.verify(request.reason, [done](LocalAuthenticationResult result) {
            done(VerificationAnswer{result.verdict == LaVerdict::Verified
                                        ? VerificationOutcome::Verified
                                        : VerificationOutcome::Cancelled,
                                    0});
        });
    }
    void cancel() override { m_touchId.cancel(); }
    bool available() const override { return m_touchId.availability().available; }

    QStringList reasons;

private:
    LocalAuthenticationVerifier& m_touchId;
};

} // namespace

// The platform authenticator on the macOS back end: LocalAuthenticator over the Secure Enclave
// store and LocalAuthentication, both on the fake Apple API, records in a real file.
class TestTouchIdAuthenticator : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeAppleSecurityApi> m_api;
    std::unique_ptr<KeyAuthorization> m_authorization;
    std::unique_ptr<FileSealingKeyProvider> m_sealing;
    std::unique_ptr<SecureEnclaveKeyStore> m_keys;
    std::unique_ptr<LocalAuthenticationVerifier> m_touchId;
    std::unique_ptr<TouchIdPrompt> m_prompt;
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
        m_prompt = std::make_unique<TouchIdPrompt>(*m_touchId);
        m_authenticator = std::make_unique<LocalAuthenticator>(*m_keys, *m_prompt);
    }

    AuthenticatorResult<MakeCredentialResponse> make()
    {
        Captured<AuthenticatorResult<MakeCredentialResponse>> captured;
        m_authenticator->makeCredential(makeRequest(), captured.callback());
        [&] {
            QCOMPARE(captured.calls, 1);
        }();
        return *captured.value;
    }

    AuthenticatorResult<GetAssertionResponse> getAssertion(const QByteArray& credentialId)
    {
        Captured<AuthenticatorResult<GetAssertionResponse>> captured;
        m_authenticator->getAssertion(assertionRequest(credentialId), captured.callback());
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
        QCOMPARE(made->fmt, QStringLiteral("packed"));
        QVERIFY(verifyEs256(made->publicKeySpkiDer, made->authData + makeRequest().clientDataHash,
                            made->attStmt.value(QStringLiteral("sig")).toByteArray()));
        QCOMPARE(m_prompt->reasons, QStringList{QStringLiteral("Create a passkey for localhost")});
        QCOMPARE(m_api->evaluations().first().reason, m_prompt->reasons.first());
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

QTEST_GUILESS_MAIN(TestTouchIdAuthenticator)
#include "test_touch_id_authenticator.moc"

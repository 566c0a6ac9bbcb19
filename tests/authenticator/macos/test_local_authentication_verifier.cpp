#include "authenticator/macos/local_authentication_verifier.h"
#include "fake_apple_security_api.h"

#include <QtTest>

using namespace latchkey::authenticator;
using namespace latchkey::authenticator::macos;
using Method = FakeAppleSecurityApi::Method;

namespace {

const QString kReason = QStringLiteral("Sign in to localhost");

struct Answers {
    QList<LocalAuthenticationResult> results;
    // Whether a context was granted while done ran (the window the authenticator signs in).
    QList<bool> grantedDuringDone;
};

} // namespace

// LocalAuthenticationVerifier over the fake LocalAuthentication.
class TestLocalAuthenticationVerifier : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FakeAppleSecurityApi> m_api;
    std::unique_ptr<KeyAuthorization> m_authorization;
    Answers m_answers;

    std::unique_ptr<LocalAuthenticationVerifier> verifier(KeyProtection protection)
    {
        return std::make_unique<LocalAuthenticationVerifier>(*m_api, *m_authorization, protection);
    }

    LocalAuthenticationVerifier::Checked recordAnswer()
    {
        return [this](LocalAuthenticationResult result) {
            m_answers.results.append(result);
            m_answers.grantedDuringDone.append(m_authorization->holds());
        };
    }

private slots:
    void init()
    {
        m_api = std::make_unique<FakeAppleSecurityApi>();
        m_authorization = std::make_unique<KeyAuthorization>(*m_api);
        m_answers = {};
    }

    void cleanup()
    {
        m_authorization.reset();
        m_api.reset();
    }

    void successGrantsTheContextOnlyWhileDoneRuns()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        m_api->scriptEvaluations({{0, Method::TouchId}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_answers.results.size(), 1);
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Verified);
        QCOMPARE(m_answers.grantedDuringDone, QList<bool>{true});
        // Unused in done: invalidated as done returned.
        QVERIFY(!m_authorization->holds());
        QCOMPARE(m_api->liveContexts(), 0);
    }

    void theKeysAccessControlIsEvaluatedWithThePromptsSentence()
    {
        auto touchId = verifier(KeyProtection::BiometryCurrentSet);
        m_api->scriptEvaluations({{0, Method::TouchId}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_api->evaluations().size(), 1);
        const auto& seen = m_api->evaluations().first();
        QVERIFY(seen.keyUse);
        QCOMPARE(seen.protection, KeyProtection::BiometryCurrentSet);
        QCOMPARE(seen.reason, kReason);
    }

    void cancelClosesThePromptAndAnswersCancelledOnce()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        touchId->check(kReason, recordAnswer());
        QVERIFY(m_api->evaluationHeld());
        QVERIFY(touchId->pending());
        touchId->cancel();
        QVERIFY(!m_api->evaluationHeld()); // invalidate ended the evaluation
        QCOMPARE(m_answers.results.size(), 1);
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Cancelled);
        QCOMPARE(m_answers.grantedDuringDone, QList<bool>{false});
        QCOMPARE(m_api->liveContexts(), 0);
        touchId->cancel();
        QCOMPARE(m_answers.results.size(), 1);
    }

    void aLateSuccessAfterCancelGrantsNothing()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        touchId->check(kReason, recordAnswer());
        touchId->cancel();
        m_api->answerEvaluation({0, Method::TouchId}); // nothing is held any more
        QCOMPARE(m_answers.results.size(), 1);
        QVERIFY(!m_authorization->holds());
        // A new verification starts clean and its own success counts.
        m_api->scriptEvaluations({{0, Method::TouchId}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_answers.results.size(), 2);
        QCOMPARE(m_answers.results.last().verdict, LaVerdict::Verified);
    }

    void thePersonCancellingIsCancelled()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        m_api->scriptEvaluations({{la::kUserCancel, Method::TouchId}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Cancelled);
        QCOMPARE(m_api->liveContexts(), 0);
    }

    void anUnrecognisedFingerIsFailedWithASentence()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        m_api->scriptEvaluations({{la::kAuthenticationFailed, Method::TouchId}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Failed);
        QVERIFY(!m_answers.results.first().message.isEmpty());
        QCOMPARE(m_answers.grantedDuringDone, QList<bool>{false});
    }

    void askingForThePasswordFallsBackToTheMacsPassword()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        m_api->scriptEvaluations({{la::kUserFallback, Method::TouchId}, {0, Method::Password}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_api->evaluations().size(), 2);
        const auto& fallback = m_api->evaluations().at(1);
        QVERIFY(!fallback.keyUse);
        QCOMPARE(fallback.policy, VerificationPolicy::DeviceOwner);
        QCOMPARE(fallback.context, m_api->evaluations().first().context);
        QCOMPARE(fallback.reason, kReason);
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Verified);
        QCOMPARE(m_answers.grantedDuringDone, QList<bool>{true});
    }

    void aLockedOutTouchIdFallsBackToThePasswordOnce()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        m_api->scriptEvaluations(
            {{la::kBiometryLockout, Method::TouchId}, {la::kUserFallback, Method::Password}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_api->evaluations().size(), 2);
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Cancelled);
    }

    void aTouchIdOnlyKeyGetsNoPasswordFallback()
    {
        auto touchId = verifier(KeyProtection::BiometryCurrentSet);
        m_api->scriptEvaluations({{la::kUserFallback, Method::TouchId}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_api->evaluations().size(), 1);
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Cancelled);
        QVERIFY(m_answers.results.first().message.contains(QLatin1String("Touch ID only")));
    }

    void aLockedOutTouchIdOnlyKeyIsUnavailableWithWhatToDo()
    {
        auto touchId = verifier(KeyProtection::BiometryCurrentSet);
        m_api->scriptEvaluations({{la::kBiometryLockout, Method::TouchId}});
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Unavailable);
        QVERIFY(m_answers.results.first().message.contains(QLatin1String("locked")));
    }

    void aMacWithoutPasswordCannotVerifyAndAsksNothing()
    {
        m_api->setCanEvaluate(VerificationPolicy::DeviceOwner, la::kPasscodeNotSet);
        auto touchId = verifier(KeyProtection::UserPresence);
        QVERIFY(!touchId->availability().available);
        QVERIFY(touchId->availability().reason.contains(QLatin1String("password")));
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Unavailable);
        QVERIFY(m_api->evaluations().isEmpty());
        QCOMPARE(m_api->liveContexts(), 0);
    }

    void touchIdOnlyNeedsAnEnrolledFinger()
    {
        m_api->setCanEvaluate(VerificationPolicy::Biometrics, la::kBiometryNotEnrolled);
        QVERIFY(verifier(KeyProtection::UserPresence)->availability().available);
        auto strict = verifier(KeyProtection::BiometryCurrentSet);
        QVERIFY(!strict->availability().available);
        QVERIFY(strict->availability().reason.contains(QLatin1String("fingerprint")));
        QCOMPARE(m_api->liveContexts(), 0);
    }

    void oneVerificationAtATime()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        touchId->check(kReason, recordAnswer());
        touchId->check(kReason, recordAnswer());
        QCOMPARE(m_answers.results.size(), 1);
        QCOMPARE(m_answers.results.first().verdict, LaVerdict::Cancelled);
        QVERIFY(touchId->pending());
        m_api->answerEvaluation({0, Method::TouchId});
        QCOMPARE(m_answers.results.size(), 2);
        QCOMPARE(m_answers.results.last().verdict, LaVerdict::Verified);
    }

    void destroyingTheVerifierClosesThePrompt()
    {
        auto touchId = verifier(KeyProtection::UserPresence);
        touchId->check(kReason, recordAnswer());
        touchId.reset();
        QCOMPARE(m_api->liveContexts(), 0);
        QVERIFY(m_answers.results.isEmpty()); // nobody is left to tell
    }
};

QTEST_GUILESS_MAIN(TestLocalAuthenticationVerifier)
#include "test_local_authentication_verifier.moc"

#include "authenticator/macos/local_authentication_verifier.h"

#include <QCoreApplication>

namespace latchkey::authenticator::macos {
namespace {

VerificationPolicy policyFor(KeyProtection protection)
{
    return protection == KeyProtection::BiometryCurrentSet ? VerificationPolicy::Biometrics
                                                           : VerificationPolicy::DeviceOwner;
}

QString touchIdOnly()
{
    return QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                       "This passkey can be used with Touch ID only, not with "
                                       "the Mac's password.");
}

SystemVerificationResult systemResultOf(LaVerdict verdict)
{
    switch (verdict) {
    case LaVerdict::Verified:
        return SystemVerificationResult::Verified;
    case LaVerdict::Failed:
        return SystemVerificationResult::Failed;
    case LaVerdict::Unavailable:
        return SystemVerificationResult::Unavailable;
    case LaVerdict::Cancelled:
    case LaVerdict::UsePassword:
        break;
    }
    return SystemVerificationResult::Cancelled;
}

} // namespace

LocalAuthenticationVerifier::LocalAuthenticationVerifier(AppleSecurityApi& api,
                                                         KeyAuthorization& authorization,
                                                         KeyProtection protection)
    : m_api(api), m_authorization(authorization), m_protection(protection)
{}

LocalAuthenticationVerifier::~LocalAuthenticationVerifier()
{
    m_alive.reset();
    if (m_context != 0)
        m_api.invalidate(m_context);
}

LocalAuthenticationVerifier::Availability LocalAuthenticationVerifier::availability() const
{
    const ContextId context = m_api.createContext();
    const AppleStatus status = m_api.canEvaluate(context, policyFor(m_protection));
    m_api.invalidate(context);
    return Availability{status == 0, laSentence(status)};
}

VerifierStatus LocalAuthenticationVerifier::status() const
{
    const Availability here = availability();
    return VerifierStatus{QStringLiteral("local-authentication"), here.available,
                          here.available ? QString() : here.reason,
                          VerificationBinding::BoundToKey};
}

void LocalAuthenticationVerifier::verify(VerificationConversation& conversation, Done done)
{
    check(conversation.reason(), [done = std::move(done)](LocalAuthenticationResult result) {
        done(SystemVerification{systemResultOf(result.verdict), result.message});
    });
}

void LocalAuthenticationVerifier::check(const QString& givenReason, Checked done)
{
    const QString reason =
        !givenReason.isEmpty()
            ? givenReason
            : QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                          "Confirm it is you to use your passkey.");
    if (m_context != 0)
        return done(LocalAuthenticationResult{
            LaVerdict::Cancelled,
            QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                        "Another Touch ID request is in progress.")});
    m_done = std::move(done);
    m_context = m_api.createContext();
    const quint64 attempt = ++m_attempt;
    if (const AppleStatus status = m_api.canEvaluate(m_context, policyFor(m_protection));
        status != 0)
        return finish(LocalAuthenticationResult{LaVerdict::Unavailable, laSentence(status)});
    std::weak_ptr<int> alive = m_alive;
    m_api.evaluateKeyUse(m_context, m_protection, reason,
                         [this, alive, attempt, reason](AppleStatus status) {
                             if (!alive.expired())
                                 evaluated(attempt, false, reason, status);
                         });
}

bool LocalAuthenticationVerifier::fallsBackToPassword(AppleStatus status, bool fallback) const
{
    if (fallback || m_protection != KeyProtection::UserPresence)
        return false;
    return status == la::kUserFallback || status == la::kBiometryLockout ||
           status == la::kBiometryNotAvailable || status == la::kBiometryNotEnrolled;
}

void LocalAuthenticationVerifier::evaluated(quint64 attempt, bool fallback, const QString& reason,
                                            AppleStatus status)
{
    if (attempt != m_attempt || m_context == 0)
        return; // the reply of a verification that cancel() already ended
    if (status == 0) {
        const ContextId context = m_context;
        m_context = 0;
        const Checked done = std::move(m_done);
        m_done = {};
        // The grant lasts as long as done runs: the authenticator signs inside it, and this
        // object may be gone when it returns, the authorization (which outlives it) not.
        KeyAuthorization& authorization = m_authorization;
        authorization.grant(context);
        done(LocalAuthenticationResult{LaVerdict::Verified, QString()});
        authorization.revoke();
        return;
    }
    if (fallsBackToPassword(status, fallback)) {
        std::weak_ptr<int> alive = m_alive;
        m_api.evaluatePolicy(m_context, VerificationPolicy::DeviceOwner, reason,
                             [this, alive, attempt, reason](AppleStatus next) {
                                 if (!alive.expired())
                                     evaluated(attempt, true, reason, next);
                             });
        return;
    }
    LaVerdict verdict = laVerdictFor(status);
    QString message = laSentence(status);
    if (verdict == LaVerdict::UsePassword) {
        // The password was asked for where it cannot unlock the key, or a second time.
        verdict = LaVerdict::Cancelled;
        if (m_protection == KeyProtection::BiometryCurrentSet)
            message = touchIdOnly();
    }
    finish(LocalAuthenticationResult{verdict, message});
}

void LocalAuthenticationVerifier::cancel()
{
    if (m_context == 0)
        return;
    finish(LocalAuthenticationResult{LaVerdict::Cancelled, laSentence(la::kAppCancel)});
}

void LocalAuthenticationVerifier::finish(LocalAuthenticationResult result)
{
    // Forgotten before invalidate(), whose cancelled evaluation may reply at once.
    const ContextId context = m_context;
    m_context = 0;
    if (context != 0)
        m_api.invalidate(context);
    const Checked done = std::move(m_done);
    m_done = {};
    if (done)
        done(std::move(result));
}

} // namespace latchkey::authenticator::macos

#pragma once

#include "authenticator/macos/apple_security_api.h"
#include "authenticator/macos/apple_status.h"
#include "authenticator/macos/key_authorization.h"
#include "authenticator/system_verifier.h"

#include <QString>
#include <functional>
#include <memory>

namespace latchkey::authenticator::macos {

struct LocalAuthenticationResult {
    LaVerdict verdict = LaVerdict::Cancelled;
    QString message; // empty when Verified: what happened and what the person can do
};

// Verifies the person with LocalAuthentication for one use of a Secure Enclave key: a fresh
// LAContext evaluates the key's access control (protection; for UserPresence that is Touch ID
// with the Mac's password offered instead, for BiometryCurrentSet Touch ID only) with reason,
// the prompt's own translated sentence, as its localizedReason. When the person asks for the
// password, or Touch ID is locked out or not set up, a UserPresence check falls back to
// LAPolicyDeviceOwnerAuthentication (the Mac's password) on the same context, once.
//
// Verified only when LocalAuthentication answered success. Then, and only for as long as done
// runs, the context is granted in authorization for the one signature it authorises; it is
// invalidated as soon as done returns (used or not), and at once on any other answer. cancel()
// (the person, the ceremony's timeout, the page's abort) invalidates the context in progress,
// which closes the system's prompt, and answers Cancelled at once; the late reply is ignored.
//
// As the app prompt's SystemVerifier it is bound to the key (the Secure Enclave refuses the key
// without it), so the prompt runs it for every request; the conversation's reason() is the
// sentence, and nothing else of the conversation is needed: the system shows its own dialog.
class LocalAuthenticationVerifier final : public SystemVerifier {
public:
    using Checked = std::function<void(LocalAuthenticationResult)>;

    LocalAuthenticationVerifier(AppleSecurityApi& api, KeyAuthorization& authorization,
                                KeyProtection protection);
    ~LocalAuthenticationVerifier() override;
    LocalAuthenticationVerifier(const LocalAuthenticationVerifier&) = delete;
    LocalAuthenticationVerifier& operator=(const LocalAuthenticationVerifier&) = delete;

    // Whether a check for keys of this protection can run here; the sentence when not.
    struct Availability {
        bool available = false;
        QString reason;
    };
    Availability availability() const;

    // "local-authentication", bound to the key.
    VerifierStatus status() const override;
    void verify(VerificationConversation& conversation, Done done) override;

    // One verification at a time: a second check() while one runs answers Cancelled at once.
    // An empty reason is replaced by a sentence of ours (LocalAuthentication needs one).
    void check(const QString& reason, Checked done);
    void cancel() override;
    bool pending() const { return m_context != 0; }

private:
    void evaluated(quint64 attempt, bool fallback, const QString& reason, AppleStatus status);
    bool fallsBackToPassword(AppleStatus status, bool fallback) const;
    void finish(LocalAuthenticationResult result);

    AppleSecurityApi& m_api;
    KeyAuthorization& m_authorization;
    KeyProtection m_protection;
    ContextId m_context = 0; // the context of the verification in progress
    quint64 m_attempt = 0;   // tells a late reply of an ended verification from the current one
    Checked m_done;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace latchkey::authenticator::macos

#pragma once

#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace latchkey::authenticator {

// How a verification protects the key: part of the key, or a check the app makes before it
// uses the key. A gate is only as strong as the app that asks it: someone who can run code as
// this user can use the key without passing it.
enum class VerificationBinding {
    BoundToKey, // the key cannot be used without it (a TPM authValue with the TPM's lockout)
    Gate,       // the app asks the system first (PAM, polkit), then uses the key
};

// What a verifier says about itself, for the app's choice and for `latchkey --authenticators`.
struct VerifierStatus {
    QString name; // "pam", "polkit"
    bool available = false;
    QString unavailableReason; // a sentence a person can act on; empty when available
    VerificationBinding binding = VerificationBinding::Gate;
};

// The person's side of a system verification, answered in the app's own prompt. Called on the
// thread that started the verification.
class VerificationConversation {
public:
    // nullopt: the person cancelled instead of answering.
    using Reply = std::function<void(std::optional<QString>)>;

    virtual ~VerificationConversation() = default;

    // A question from the system, such as PAM_PROMPT_ECHO_OFF "Password:". hidden: the answer
    // is a secret and the field shows dots. reply is called at most once.
    virtual void ask(const QString& question, bool hidden, Reply reply) = 0;
    // A message from the system (PAM_TEXT_INFO "Place your finger on the reader", or an error).
    virtual void inform(const QString& message, bool error) = 0;
    // Too many failures: the attempt waits delay before it starts.
    virtual void waitBeforeRetry(std::chrono::milliseconds delay) = 0;
    // The prompt's own sentence for this request ("Sign in to localhost"), for a system that
    // shows a dialog of its own (LocalAuthentication shows it as its reason).
    virtual QString reason() const { return QString(); }
};

enum class SystemVerificationResult {
    Verified,    // the system confirmed who the person is
    Failed,      // wrong password, unknown finger, refused by the policy
    Cancelled,   // the person, the ceremony's timeout, or the page ended it
    Unavailable, // the method cannot run (no agent, no policy, no bus): nothing was checked
};

struct SystemVerification {
    SystemVerificationResult result = SystemVerificationResult::Cancelled;
    QString message{}; // Failed, Unavailable: a sentence for the person
};

// Verifies the person through the operating system (PAM, polkit). The app's prompt drives it:
// it shows the conversation and turns the result into a VerificationOutcome. One verification
// at a time; done is called exactly once, on the calling thread, also after cancel().
class SystemVerifier {
public:
    using Done = std::function<void(SystemVerification)>;

    virtual ~SystemVerifier() = default;

    virtual VerifierStatus status() const = 0;
    virtual void verify(VerificationConversation& conversation, Done done) = 0;
    virtual void cancel() = 0;
};

} // namespace latchkey::authenticator

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

namespace latchkey::authenticator {

// One account the person may choose from when several discoverable credentials fit.
struct AccountChoice {
    QString userName;
    QString displayName;
};

// What the prompt is for.
enum class VerificationKind {
    // Prove it is you (and pick an account when several fit): Verified lets the operation go on.
    Confirm,
    // Only tell the person that no passkey here fits the site's request; nothing is verified.
    // The prompt exists so a page cannot learn, without anyone seeing it, that this computer
    // holds no passkey for someone (WebAuthn L3 §14.6.2): the operation fails only after the
    // person dismissed it, as when they cancel a Confirm. Any answer means "dismissed".
    InformNoCredential,
};

struct VerificationRequest {
    VerificationKind kind = VerificationKind::Confirm;
    // CTAP2 "uv": the person's identity must be verified (password, fingerprint, PIN), not only
    // their presence. Only a verifier whose verifiesUser() is true may be asked for it.
    bool verifyUser = false;
    QString reason; // a sentence for the prompt, e.g. "Create a passkey for localhost"
    QString rpId;
    QString userName;              // the account concerned (empty when the person picks one)
    QString displayName;           // idem
    QList<AccountChoice> accounts; // more than one: the person picks one
};

enum class VerificationOutcome {
    // The system verified who the person is (password, fingerprint, PIN): UP and UV.
    Verified,
    // The person confirmed with a click or Enter: they are here (UP), nobody checked who (no UV).
    Present,
    Cancelled,   // the person declined or closed the prompt, or the request timed out
    Failed,      // the verification was tried and refused (a wrong password, an unknown finger)
    Unavailable, // this computer has no way to verify the person
};

struct VerificationAnswer {
    VerificationOutcome outcome = VerificationOutcome::Cancelled;
    int chosenAccount = 0; // index into VerificationRequest::accounts
    QString message{};     // Failed or Unavailable: why, as a sentence for the page
};

// Asks the person to confirm, and verifies who they are when the request asks and it can. A
// platform back end (PAM, polkit, Windows Hello, Touch ID) behind the app's prompt implements
// it; tests use a scripted one. done is called exactly once, later or at once, on the calling
// thread.
class UserVerifier {
public:
    using Done = std::function<void(VerificationAnswer)>;

    virtual ~UserVerifier() = default;

    virtual void verify(const VerificationRequest& request, Done done) = 0;
    // Closes the prompt in progress; its done is called with Cancelled unless already called.
    virtual void cancel() = 0;
    // Whether verify() can answer Verified: a method that checks who the person is exists on
    // this computer (isUserVerifyingPlatformAuthenticatorAvailable). A prompt that only asks
    // for a click answers false.
    virtual bool verifiesUser() const = 0;
};

} // namespace latchkey::authenticator

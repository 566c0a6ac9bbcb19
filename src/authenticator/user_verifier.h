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
    QString reason; // a sentence for the prompt, e.g. "Create a passkey for localhost"
    QString rpId;
    QString userName;              // the account concerned (empty when the person picks one)
    QString displayName;           // idem
    QList<AccountChoice> accounts; // more than one: the person picks one
};

enum class VerificationOutcome {
    Verified,    // the person proved who they are (fingerprint, face, PIN, password)
    Cancelled,   // the person declined or closed the prompt
    Unavailable, // this computer has no way to verify the person
};

struct VerificationAnswer {
    VerificationOutcome outcome = VerificationOutcome::Cancelled;
    int chosenAccount = 0; // index into VerificationRequest::accounts
};

// Asks the person to confirm. A platform back end (polkit, PAM, Windows Hello, Touch ID) or a
// QML prompt implements it; tests use a scripted one. done is called exactly once, later or at
// once, on the calling thread.
class UserVerifier {
public:
    using Done = std::function<void(VerificationAnswer)>;

    virtual ~UserVerifier() = default;

    virtual void verify(const VerificationRequest& request, Done done) = 0;
    // Closes the prompt in progress; its done is called with Cancelled unless already called.
    virtual void cancel() = 0;
    virtual bool available() const = 0;
};

} // namespace latchkey::authenticator

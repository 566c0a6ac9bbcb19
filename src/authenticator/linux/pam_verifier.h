#pragma once

#include "authenticator/failure_backoff.h"
#include "authenticator/system_verifier.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>

struct pam_message;
struct pam_response;

namespace latchkey::authenticator {

// Verifies the person through PAM, as a screen locker does: pam_authenticate then
// pam_acct_mgmt for the user running the app, under the service "latchkey"
// (packaging/pam/latchkey, which includes the system's common-auth, so a password, pam_fprintd
// or whatever the machine is configured with answers). PAM blocks, so it runs on a thread of
// its own; its conversation (PAM_PROMPT_ECHO_OFF "Password:", PAM_TEXT_INFO "Place your
// finger...") is handed to the VerificationConversation on the thread that called verify().
//
// A gate, not bound to the key: the key store does not depend on it.
// Cancel (the person, the ceremony's timeout) answers Cancelled at once; a PAM call still
// blocked finishes on its thread and its result is dropped. Failed attempts are slowed by a
// FailureBackoff the conversation is told about (waitBeforeRetry).
class PamVerifier final : public QObject, public SystemVerifier {
    Q_OBJECT

public:
    struct Settings {
        QString service = QStringLiteral("latchkey");
        // Where libpam looks for the service file, for status() only: PAM itself decides.
        // Empty: /etc/pam.d then /usr/lib/pam.d, or PAM_WRAPPER_SERVICE_DIR when pam_wrapper
        // is active (tests).
        QString serviceDirectory;
    };

    explicit PamVerifier(Settings settings, QObject* parent = nullptr);
    ~PamVerifier() override;

    VerifierStatus status() const override;
    void verify(VerificationConversation& conversation, Done done) override;
    void cancel() override;

    // The account PAM is asked about: the user this process runs as.
    static QString currentUserName();

    struct Session; // shared with the PAM thread

private:
    // On the PAM thread.
    static void run(std::shared_ptr<Session> session);
    static int converse(int count, const pam_message** messages, pam_response** responses,
                        void* data);
    static std::optional<QString> askAndWait(const std::shared_ptr<Session>& session,
                                             const QString& question, bool hidden);
    static void tell(const std::shared_ptr<Session>& session, const QString& message, bool error);

    // On the verifier's thread.
    void start();
    void onQuestion(const std::shared_ptr<Session>& session, const QString& question, bool hidden);
    void onMessage(const std::shared_ptr<Session>& session, const QString& message, bool error);
    void onFinished(const std::shared_ptr<Session>& session, int pamStatus,
                    const QString& pamMessage);
    void finish(SystemVerification verification);

    Settings m_settings;
    FailureBackoff m_backoff;
    QTimer m_retryTimer;
    std::shared_ptr<Session> m_session;
    VerificationConversation* m_conversation = nullptr;
    Done m_done;
};

} // namespace latchkey::authenticator

#pragma once

#include "authenticator/system_verifier.h"
#include "authenticator/user_verifier.h"

#include <QObject>
#include <QString>
#include <QVariantList>

namespace latchkey::app {

// Asks the person in the window itself: the QML prompt (qml/UserVerificationPrompt.qml)
// listens to promptRequested and answers with confirm() or decline().
//
// Confirming with a click or Enter proves presence only (Present: UP, never UV). When the
// request asks for verification (VerificationRequest::verifyUser), the prompt hands over to the
// system verifier given (PAM, polkit): its questions appear in the prompt (questionAsked, the
// person answers with answer()), its messages too (messageShown), and only its Verified makes
// the answer Verified. Without a system verifier nothing here can verify, and verifiesUser()
// says so. The verification starts as the prompt opens, or once the person picked an account
// when several fit. A system verification bound to the key (VerificationBinding::BoundToKey:
// the key cannot sign without it, as a Secure Enclave key without LocalAuthentication) runs for
// every request, asked for or not; its Verified is then the truth, and UV with it.
//
// A notice (VerificationKind::InformNoCredential) comes through noticeRequested instead; it
// can only be dismissed, and every answer to it is Cancelled. done is called exactly once per
// request, also on cancel().
class QmlUserVerifier : public QObject,
                        public authenticator::UserVerifier,
                        private authenticator::VerificationConversation {
    Q_OBJECT
    Q_PROPERTY(bool pending READ pending NOTIFY pendingChanged)

public:
    // system may be null (no way to verify on this computer); it must outlive this object.
    explicit QmlUserVerifier(authenticator::SystemVerifier* system = nullptr,
                             QObject* parent = nullptr);
    ~QmlUserVerifier() override;

    void verify(const authenticator::VerificationRequest& request, Done done) override;
    void cancel() override;
    bool verifiesUser() const override;

    bool pending() const { return static_cast<bool>(m_done); }

    // Benchmarks only: every request is confirmed at once (the first account when several
    // fit), without a prompt, as presence only (never UV). Only bench/signin's own executable
    // calls this, before launch(); the latchkey binary has no option, variable or file that
    // reaches it.
    static void confirmEveryRequestForBenchmark(bool enabled);

    // The person confirmed; chosenAccount indexes the accounts offered (0 when none were).
    Q_INVOKABLE void confirm(int chosenAccount);
    // The person cancelled or closed the prompt.
    Q_INVOKABLE void decline();
    // The person's answer to the system's question (questionAsked).
    Q_INVOKABLE void answer(const QString& text);

signals:
    // accounts: [{displayName, userName}], more than one when the person must pick.
    // verifying: the system will check who the person is (a password, a fingerprint).
    void promptRequested(const QString& reason, const QString& site, const QString& userName,
                         const QString& displayName, const QVariantList& accounts, bool verifying);
    // "No passkey for site on this computer": one button, the answer is always a decline.
    void noticeRequested(const QString& site);
    // The system asks (PAM "Password:"); hidden: a secret, shown as dots.
    void questionAsked(const QString& question, bool hidden);
    // The system says something ("Place your finger on the reader"), or an error.
    void messageShown(const QString& message, bool error);
    // Too many failed attempts: the verification starts after delayMs.
    void retryDelayed(int delayMs);
    // The request ended without the prompt (timeout, page gone, the system answered): the
    // prompt closes.
    void promptClosed();
    void pendingChanged();

private:
    void ask(const QString& question, bool hidden, Reply reply) override;
    void inform(const QString& message, bool error) override;
    void waitBeforeRetry(std::chrono::milliseconds delay) override;
    QString reason() const override { return m_reason; }

    // Whether the system verification must run for any use of the key.
    bool systemBoundToKey() const;
    void startSystemVerification(int chosenAccount);
    void systemFinished(const authenticator::SystemVerification& verification);
    void finish(authenticator::VerificationAnswer answer);

    static bool s_confirmForBenchmark;

    authenticator::SystemVerifier* m_system = nullptr;
    Done m_done;
    Reply m_reply;    // the system's question waiting for answer()
    QString m_reason; // the request's sentence, for a system that shows its own dialog
    int m_accountCount = 0;
    int m_chosenAccount = 0;
    bool m_notice = false;        // the request in progress is a notice, not a question
    bool m_verifyUser = false;    // the request asks the system to verify the person
    bool m_systemStarted = false; // the system verification of this request is running
};

} // namespace latchkey::app

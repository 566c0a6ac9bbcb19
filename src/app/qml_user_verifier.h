#pragma once

#include "authenticator/user_verifier.h"

#include <QObject>
#include <QString>
#include <QVariantList>

namespace latchkey::app {

// Asks the person in the window itself: the QML prompt (qml/UserVerificationPrompt.qml)
// listens to promptRequested and answers with confirm() or decline(). Confirming is the
// presence test and the verification at once: the person is at this computer, in this
// session, and said yes. A notice (VerificationKind::InformNoCredential) comes through
// noticeRequested instead; it can only be dismissed, and every answer to it is Cancelled.
// done is called exactly once per request, also on cancel().
class QmlUserVerifier : public QObject, public authenticator::UserVerifier {
    Q_OBJECT
    Q_PROPERTY(bool pending READ pending NOTIFY pendingChanged)

public:
    explicit QmlUserVerifier(QObject* parent = nullptr);
    ~QmlUserVerifier() override;

    void verify(const authenticator::VerificationRequest& request, Done done) override;
    void cancel() override;
    bool available() const override { return true; }

    bool pending() const { return static_cast<bool>(m_done); }

    // Benchmarks only: every request is confirmed at once (the first account when several
    // fit), without a prompt. Only bench/signin's own executable calls this, before launch();
    // the latchkey binary has no option, variable or file that reaches it.
    static void confirmEveryRequestForBenchmark(bool enabled);

    // The person confirmed; chosenAccount indexes the accounts offered (0 when none were).
    Q_INVOKABLE void confirm(int chosenAccount);
    // The person cancelled or closed the prompt.
    Q_INVOKABLE void decline();

signals:
    // accounts: [{displayName, userName}], more than one when the person must pick.
    void promptRequested(const QString& reason, const QString& site, const QString& userName,
                         const QString& displayName, const QVariantList& accounts);
    // "No passkey for site on this computer": one button, the answer is always a decline.
    void noticeRequested(const QString& site);
    // The request ended without the prompt (timeout, page gone): the prompt closes.
    void promptClosed();
    void pendingChanged();

private:
    void finish(authenticator::VerificationAnswer answer);

    static bool s_confirmForBenchmark;

    Done m_done;
    int m_accountCount = 0;
    bool m_notice = false; // the request in progress is a notice, not a question
};

} // namespace latchkey::app

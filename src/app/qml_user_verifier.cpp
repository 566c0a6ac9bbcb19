#include "app/qml_user_verifier.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace latchkey::app {

using authenticator::SystemVerification;
using authenticator::SystemVerificationResult;
using authenticator::VerificationAnswer;
using authenticator::VerificationOutcome;

bool QmlUserVerifier::s_confirmForBenchmark = false;

QmlUserVerifier::QmlUserVerifier(authenticator::SystemVerifier* system, QObject* parent)
    : QObject(parent), m_system(system)
{}

void QmlUserVerifier::confirmEveryRequestForBenchmark(bool enabled)
{
    s_confirmForBenchmark = enabled;
}

QmlUserVerifier::~QmlUserVerifier()
{
    // Whoever waits is told, as the contract asks, even when the window goes away first.
    if (m_systemStarted && m_system)
        m_system->cancel();
    if (m_done)
        std::exchange(m_done, {})(VerificationAnswer{VerificationOutcome::Cancelled, 0});
}

bool QmlUserVerifier::verifiesUser() const
{
    return m_system && m_system->status().available;
}

bool QmlUserVerifier::systemBoundToKey() const
{
    return verifiesUser() &&
           m_system->status().binding == authenticator::VerificationBinding::BoundToKey;
}

void QmlUserVerifier::verify(const authenticator::VerificationRequest& request, Done done)
{
    // One prompt at a time: an older request still open is declined first.
    if (m_done)
        cancel();
    const bool notice = request.kind == authenticator::VerificationKind::InformNoCredential;
    if (request.verifyUser && !notice && !verifiesUser()) {
        done(VerificationAnswer{VerificationOutcome::Unavailable, 0});
        return;
    }
    if (s_confirmForBenchmark && !request.verifyUser) {
        done(VerificationAnswer{
            notice ? VerificationOutcome::Cancelled : VerificationOutcome::Present, 0});
        return;
    }
    m_done = std::move(done);
    m_notice = notice;
    m_verifyUser = (request.verifyUser || systemBoundToKey()) && !notice;
    m_reason = request.reason;
    m_systemStarted = false;
    m_chosenAccount = 0;
    m_accountCount = static_cast<int>(request.accounts.size());
    if (notice) {
        emit pendingChanged();
        emit noticeRequested(request.rpId);
        return;
    }
    QVariantList accounts;
    for (const auto& account : request.accounts) {
        accounts.append(QVariantMap{{QStringLiteral("displayName"), account.displayName},
                                    {QStringLiteral("userName"), account.userName}});
    }
    emit pendingChanged();
    emit promptRequested(request.reason, request.rpId, request.userName, request.displayName,
                         accounts, m_verifyUser);
    // With one account there is nothing to pick: the system may ask at once (a fingerprint
    // reader starts listening as the prompt opens).
    if (m_verifyUser && m_accountCount <= 1 && m_done)
        startSystemVerification(0);
}

void QmlUserVerifier::cancel()
{
    if (!m_done)
        return;
    emit promptClosed();
    decline();
}

void QmlUserVerifier::confirm(int chosenAccount)
{
    // A notice verifies nobody; an index the prompt never offered is a bug or a forgery.
    // Refuse rather than guess.
    if (m_notice) {
        decline();
        return;
    }
    if (!m_done)
        return;
    const bool inRange = m_accountCount <= 1 ? chosenAccount == 0
                                             : chosenAccount >= 0 && chosenAccount < m_accountCount;
    if (!inRange) {
        decline();
        return;
    }
    if (!m_verifyUser) {
        finish(VerificationAnswer{VerificationOutcome::Present, chosenAccount});
        return;
    }
    // Confirm does not verify anyone: it only starts the system's check, once.
    if (!m_systemStarted)
        startSystemVerification(chosenAccount);
}

void QmlUserVerifier::decline()
{
    m_reply = nullptr;
    if (m_systemStarted && m_system) {
        // Its done answers Cancelled through systemFinished.
        m_system->cancel();
        if (!m_done)
            return;
    }
    finish(VerificationAnswer{VerificationOutcome::Cancelled, 0});
}

void QmlUserVerifier::answer(const QString& text)
{
    if (Reply reply = std::exchange(m_reply, nullptr))
        reply(text);
}

void QmlUserVerifier::startSystemVerification(int chosenAccount)
{
    m_chosenAccount = chosenAccount;
    m_systemStarted = true;
    m_system->verify(*this,
                     [this](SystemVerification verification) { systemFinished(verification); });
}

void QmlUserVerifier::ask(const QString& question, bool hidden, Reply reply)
{
    m_reply = std::move(reply);
    emit questionAsked(question, hidden);
}

void QmlUserVerifier::inform(const QString& message, bool error)
{
    emit messageShown(message, error);
}

void QmlUserVerifier::waitBeforeRetry(std::chrono::milliseconds delay)
{
    emit retryDelayed(int(delay.count()));
}

void QmlUserVerifier::systemFinished(const SystemVerification& verification)
{
    m_systemStarted = false;
    m_reply = nullptr;
    if (!m_done)
        return;
    VerificationAnswer answer{VerificationOutcome::Cancelled, m_chosenAccount,
                              verification.message};
    switch (verification.result) {
    case SystemVerificationResult::Verified:
        answer.outcome = VerificationOutcome::Verified;
        break;
    case SystemVerificationResult::Failed:
        answer.outcome = VerificationOutcome::Failed;
        break;
    case SystemVerificationResult::Unavailable:
        answer.outcome = VerificationOutcome::Unavailable;
        break;
    case SystemVerificationResult::Cancelled:
        break;
    }
    emit promptClosed();
    finish(answer);
}

void QmlUserVerifier::finish(VerificationAnswer answer)
{
    if (!m_done)
        return;
    // Cleared before the call: done may start the next request at once.
    Done done = std::exchange(m_done, {});
    m_notice = false;
    m_verifyUser = false;
    emit pendingChanged();
    done(answer);
}

} // namespace latchkey::app

#include "app/qml_user_verifier.h"

#include <QVariantMap>

namespace latchkey::app {

using authenticator::VerificationAnswer;
using authenticator::VerificationOutcome;

bool QmlUserVerifier::s_confirmForBenchmark = false;

QmlUserVerifier::QmlUserVerifier(QObject* parent) : QObject(parent) {}

void QmlUserVerifier::confirmEveryRequestForBenchmark(bool enabled)
{
    s_confirmForBenchmark = enabled;
}

QmlUserVerifier::~QmlUserVerifier()
{
    // Whoever waits is told, as the contract asks, even when the window goes away first.
    if (m_done)
        std::exchange(m_done, {})(VerificationAnswer{VerificationOutcome::Cancelled, 0});
}

void QmlUserVerifier::verify(const authenticator::VerificationRequest& request, Done done)
{
    // One prompt at a time: an older request still open is declined first.
    if (m_done)
        cancel();
    const bool notice = request.kind == authenticator::VerificationKind::InformNoCredential;
    if (s_confirmForBenchmark) {
        done(VerificationAnswer{
            notice ? VerificationOutcome::Cancelled : VerificationOutcome::Verified, 0});
        return;
    }
    m_done = std::move(done);
    m_notice = notice;
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
                         accounts);
}

void QmlUserVerifier::cancel()
{
    if (!m_done)
        return;
    emit promptClosed();
    finish(VerificationAnswer{VerificationOutcome::Cancelled, 0});
}

void QmlUserVerifier::confirm(int chosenAccount)
{
    // A notice verifies nobody; an index the prompt never offered is a bug or a forgery.
    // Refuse rather than guess.
    if (m_notice) {
        decline();
        return;
    }
    const bool inRange = m_accountCount <= 1 ? chosenAccount == 0
                                             : chosenAccount >= 0 && chosenAccount < m_accountCount;
    if (!inRange) {
        decline();
        return;
    }
    finish(VerificationAnswer{VerificationOutcome::Verified, chosenAccount});
}

void QmlUserVerifier::decline()
{
    finish(VerificationAnswer{VerificationOutcome::Cancelled, 0});
}

void QmlUserVerifier::finish(VerificationAnswer answer)
{
    if (!m_done)
        return;
    // Cleared before the call: done may start the next request at once.
    Done done = std::exchange(m_done, {});
    emit pendingChanged();
    done(answer);
}

} // namespace latchkey::app

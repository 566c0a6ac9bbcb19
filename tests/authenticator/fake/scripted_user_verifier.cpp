#include "fake/scripted_user_verifier.h"

namespace latchkey::authenticator {

void ScriptedUserVerifier::verify(const VerificationRequest& request, Done done)
{
    m_requests.append(request);
    if (m_script.isEmpty()) {
        m_pending = std::move(done);
        return;
    }
    done(m_script.takeFirst());
}

void ScriptedUserVerifier::cancel()
{
    answer(VerificationAnswer{VerificationOutcome::Cancelled, 0});
}

void ScriptedUserVerifier::answer(VerificationAnswer answer)
{
    // Taken out first: the callback may start the next request.
    Done done = std::exchange(m_pending, nullptr);
    if (done)
        done(answer);
}

} // namespace latchkey::authenticator

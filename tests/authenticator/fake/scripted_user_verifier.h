#pragma once

#include "authenticator/user_verifier.h"

#include <QList>

namespace latchkey::authenticator {

// A UserVerifier of our own for tests: answers from a script, in order, at once; with an empty
// script it holds the request until answer() or cancel(). It records every request. It stands
// for a verifier that can verify the person unless setVerifiesUser(false).
class ScriptedUserVerifier final : public UserVerifier {
public:
    void script(QList<VerificationAnswer> answers) { m_script = std::move(answers); }
    void scriptOutcome(VerificationOutcome outcome) { m_script = {VerificationAnswer{outcome, 0}}; }
    void setVerifiesUser(bool verifies) { m_verifiesUser = verifies; }

    void verify(const VerificationRequest& request, Done done) override;
    void cancel() override;
    bool verifiesUser() const override { return m_verifiesUser; }

    // Answers the held request, if any.
    void answer(VerificationAnswer answer);
    bool pending() const { return static_cast<bool>(m_pending); }
    const QList<VerificationRequest>& requests() const { return m_requests; }

private:
    QList<VerificationAnswer> m_script;
    QList<VerificationRequest> m_requests;
    Done m_pending;
    bool m_verifiesUser = true;
};

} // namespace latchkey::authenticator

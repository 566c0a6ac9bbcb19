#include "app/user_verification_choice.h"

#include "authenticator/linux/pam_verifier.h"
#include "authenticator/linux/polkit_verifier.h"

namespace latchkey::app {

using namespace latchkey::authenticator;

UserVerificationChoice::UserVerificationChoice()
    : m_pam(std::make_unique<PamVerifier>(PamVerifier::Settings{})),
      m_polkit(std::make_unique<PolkitVerifier>(PolkitVerifier::Settings{}))
{
    if (m_pam->status().available)
        m_chosen = m_pam.get();
    else if (m_polkit->status().available)
        m_chosen = m_polkit.get();
}

UserVerificationChoice::~UserVerificationChoice() = default;

QList<VerifierStatus> UserVerificationChoice::statuses() const
{
    return {m_pam->status(), m_polkit->status()};
}

} // namespace latchkey::app

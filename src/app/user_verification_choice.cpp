#include "app/user_verification_choice.h"

#include "authenticator/linux/pam_verifier.h"
#include "authenticator/linux/polkit_verifier.h"

#include <QJsonObject>

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

QJsonArray UserVerificationChoice::diagnostics() const
{
    const SystemVerifier* const verifiers[] = {m_pam.get(), m_polkit.get()};
    QJsonArray entries;
    for (const SystemVerifier* verifier : verifiers) {
        const VerifierStatus status = verifier->status();
        entries.append(QJsonObject{
            {QStringLiteral("name"), status.name},
            {QStringLiteral("available"), status.available},
            {QStringLiteral("reason"), status.unavailableReason},
            {QStringLiteral("binding"), status.binding == VerificationBinding::BoundToKey
                                            ? QStringLiteral("bound-to-key")
                                            : QStringLiteral("gate")},
            {QStringLiteral("inUse"), verifier == m_chosen},
        });
    }
    return entries;
}

} // namespace latchkey::app

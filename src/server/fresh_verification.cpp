#include "server/fresh_verification.h"

#include <QCoreApplication>

namespace latchkey::server {

std::optional<ApiError> checkFreshVerification(const CurrentSession& session, const QDateTime& now)
{
    if (session.state != SessionState::SignedIn)
        return std::nullopt;
    const qint64 age = session.session.createdAt.msecsTo(now);
    if (age >= 0 && age <= std::chrono::milliseconds(kFreshVerificationWindow).count())
        return std::nullopt;
    return ApiError{403, QStringLiteral("verification_needed"),
                    QCoreApplication::translate(
                        "latchkey::server::FreshVerification",
                        "To change the passkeys of this profile, first confirm it's you: choose "
                        "\"Confirm it's you\" on the profile page and use one of its passkeys. "
                        "Then try again within 5 minutes.")};
}

} // namespace latchkey::server

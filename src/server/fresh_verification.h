#pragma once

#include "server/api_answers.h"
#include "server/sessions.h"

#include <QDateTime>
#include <chrono>
#include <optional>

namespace latchkey::server {

// Changes to what opens a profile (adding a passkey to a profile that has one, removing one)
// need a passkey verified a few minutes ago, as sites ask before sensitive changes: a session
// cookie stolen or left open is not enough to add the thief's passkey or lock the owner out.
// A signed-in session is created (rotated) by a verified passkey (registration or sign-in),
// so its creation time is the time of the last verification; signing in again with a
// passkey refreshes it.
inline constexpr std::chrono::minutes kFreshVerificationWindow{5};

// nullopt when session may make such a change at now: it is not signed in (an enrolling
// session adds its profile's first passkey, a recovery sign-in was itself just proved and
// lives 15 minutes; the routes refuse the rest), or it was verified within
// kFreshVerificationWindow. Otherwise 403 "verification_needed", saying what to do.
std::optional<ApiError> checkFreshVerification(const CurrentSession& session, const QDateTime& now);

} // namespace latchkey::server

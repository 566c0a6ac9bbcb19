#pragma once

#include "authenticator/system_verifier.h"

#include <QJsonArray>
#include <memory>

namespace latchkey::authenticator {
class PamVerifier;
class PolkitVerifier;
} // namespace latchkey::authenticator

namespace latchkey::app {

// The one place that decides how this app verifies the person, in this order:
// 1. PAM, where the service "latchkey" is installed (packaging/pam/latchkey): the questions of
//    the machine's own sign-in (a password, a fingerprint) in the app's prompt;
// 2. polkit, where its action is installed (packaging/polkit) and polkit runs on the system
//    bus: the desktop's own agent asks;
// 3. nothing: the prompt proves presence only (UP, never UV), and
//    isUserVerifyingPlatformAuthenticatorAvailable() answers false.
// Both PAM and polkit are gates in front of the key (VerificationBinding::Gate).
class UserVerificationChoice {
public:
    UserVerificationChoice();
    ~UserVerificationChoice();
    UserVerificationChoice(const UserVerificationChoice&) = delete;
    UserVerificationChoice& operator=(const UserVerificationChoice&) = delete;

    // The verifier in use; null when none is available.
    authenticator::SystemVerifier* chosen() const { return m_chosen; }
    // Every verifier this build knows, in the order of preference, for `latchkey
    // --authenticators`: {"name", "available", "reason" (why not; empty when available),
    // "binding" ("gate" or "bound-to-key"), "inUse"}.
    QJsonArray diagnostics() const;

private:
    std::unique_ptr<authenticator::PamVerifier> m_pam;
    std::unique_ptr<authenticator::PolkitVerifier> m_polkit;
    authenticator::SystemVerifier* m_chosen = nullptr;
};

} // namespace latchkey::app

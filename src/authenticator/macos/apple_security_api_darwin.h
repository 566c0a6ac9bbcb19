#pragma once

#include "authenticator/macos/apple_security_api.h"

#include <memory>

namespace latchkey::authenticator::macos {

// The real AppleSecurityApi (apple_security_api_darwin.mm), on Apple systems only. Use it from
// one thread, the one that made it: LocalAuthentication's replies are brought back to it.
std::unique_ptr<AppleSecurityApi> makeAppleSecurityApi();

} // namespace latchkey::authenticator::macos

#pragma once

// The functions of one loaded webauthn.dll, each found with GetProcAddress, so that a Windows
// whose DLL is missing or older than a function still runs the app (and says why).
//
// Debian's mingw-w64 webauthn.h stops at API version 3; everything used here is in it, so
// nothing newer is declared. A feature needing a newer function or struct version declares it
// next to its one use and says so.

#include "authenticator/windows/core/hello_types.h"

// <windows.h> first: webauthn.h uses its types without including it.
// clang-format off
#include <windows.h>
#include <webauthn.h>
// clang-format on

namespace latchkey::authenticator::windows {

struct WebAuthnFunctions {
    decltype(&::WebAuthNGetApiVersionNumber) getApiVersionNumber = nullptr;
    decltype(&::WebAuthNIsUserVerifyingPlatformAuthenticatorAvailable) isUvpaa = nullptr;
    decltype(&::WebAuthNAuthenticatorMakeCredential) makeCredential = nullptr;
    decltype(&::WebAuthNAuthenticatorGetAssertion) getAssertion = nullptr;
    decltype(&::WebAuthNFreeCredentialAttestation) freeCredentialAttestation = nullptr;
    decltype(&::WebAuthNFreeAssertion) freeAssertion = nullptr;
    decltype(&::WebAuthNGetCancellationId) getCancellationId = nullptr;
    decltype(&::WebAuthNCancelCurrentOperation) cancelCurrentOperation = nullptr;
    decltype(&::WebAuthNGetErrorName) getErrorName = nullptr; // optional: names are for logs

    // WebAuthNGetApiVersionNumber(), or 0 when the DLL predates it (Windows 10 1809).
    std::uint32_t apiVersion = 0;
};

// The lowest API version the back end works with: WEBAUTHN_API_VERSION_1 (Windows 10 1903)
// has every function above and option structs with a cancellation id.
constexpr std::uint32_t kMinimumApiVersion = WEBAUTHN_API_VERSION_1;

// Resolves every function of module (nullptr: the DLL could not be loaded) and reads its API
// version. usable is false, with the reason, when the DLL is absent, older than
// kMinimumApiVersion or lacks a function the ceremonies need.
Availability resolveWebAuthnFunctions(HMODULE module, WebAuthnFunctions& functions);

} // namespace latchkey::authenticator::windows

#include "authenticator/windows/core/webauthn_functions.h"

namespace latchkey::authenticator::windows {

namespace {

// GetProcAddress answers FARPROC; the cast to the declared type is the documented use.
template <typename Function> bool resolve(HMODULE module, const char* name, Function& function)
{
    function = reinterpret_cast<Function>(reinterpret_cast<void*>(GetProcAddress(module, name)));
    return function != nullptr;
}

Availability unusable(std::uint32_t apiVersion, std::string reason)
{
    return Availability{false, apiVersion, std::move(reason)};
}

} // namespace

Availability resolveWebAuthnFunctions(HMODULE module, WebAuthnFunctions& functions)
{
    functions = WebAuthnFunctions{};
    if (!module)
        return unusable(0, "webauthn.dll is not in System32 (Windows 10 1903 or later has it).");

    if (resolve(module, "WebAuthNGetApiVersionNumber", functions.getApiVersionNumber))
        functions.apiVersion = functions.getApiVersionNumber();
    if (functions.apiVersion < kMinimumApiVersion) {
        return unusable(functions.apiVersion,
                        "webauthn.dll reports API version " + std::to_string(functions.apiVersion) +
                            "; version " + std::to_string(kMinimumApiVersion) +
                            " (Windows 10 1903) or later is needed.");
    }

    const bool complete =
        resolve(module, "WebAuthNAuthenticatorMakeCredential", functions.makeCredential) &&
        resolve(module, "WebAuthNAuthenticatorGetAssertion", functions.getAssertion) &&
        resolve(module, "WebAuthNFreeCredentialAttestation", functions.freeCredentialAttestation) &&
        resolve(module, "WebAuthNFreeAssertion", functions.freeAssertion) &&
        resolve(module, "WebAuthNGetCancellationId", functions.getCancellationId) &&
        resolve(module, "WebAuthNCancelCurrentOperation", functions.cancelCurrentOperation) &&
        resolve(module, "WebAuthNIsUserVerifyingPlatformAuthenticatorAvailable", functions.isUvpaa);
    if (!complete) {
        const char* missing = !functions.makeCredential ? "WebAuthNAuthenticatorMakeCredential"
                              : !functions.getAssertion ? "WebAuthNAuthenticatorGetAssertion"
                              : !functions.freeCredentialAttestation
                                  ? "WebAuthNFreeCredentialAttestation"
                              : !functions.freeAssertion     ? "WebAuthNFreeAssertion"
                              : !functions.getCancellationId ? "WebAuthNGetCancellationId"
                              : !functions.cancelCurrentOperation
                                  ? "WebAuthNCancelCurrentOperation"
                                  : "WebAuthNIsUserVerifyingPlatformAuthenticatorAvailable";
        const std::uint32_t version = functions.apiVersion;
        functions = WebAuthnFunctions{};
        return unusable(version, std::string("webauthn.dll has no ") + missing + ".");
    }
    resolve(module, "WebAuthNGetErrorName", functions.getErrorName);
    return Availability{true, functions.apiVersion, {}};
}

} // namespace latchkey::authenticator::windows

#pragma once

// One blocking WebAuthNAuthenticatorMakeCredential / GetAssertion call: arguments built at the
// lowest version, the answer copied out and webauthn.dll's buffer handed back to its Free
// function before returning, on every path.

#include "authenticator/windows/core/webauthn_functions.h"

namespace latchkey::authenticator::windows {

Outcome<MadeCredential> callMakeCredential(const WebAuthnFunctions& functions, HWND window,
                                           const MakeCredentialCall& call, GUID* cancellationId);

Outcome<Assertion> callGetAssertion(const WebAuthnFunctions& functions, HWND window,
                                    const GetAssertionCall& call, GUID* cancellationId);

// The Error for a failed HRESULT, named by WebAuthNGetErrorName when the DLL has it.
Error windowsError(const WebAuthnFunctions& functions, HRESULT hresult, const char* function);

} // namespace latchkey::authenticator::windows

#pragma once

// The Qt side of the webauthn.dll back end: our CTAP2-shaped requests and responses
// (authenticator.h) to and from the core's plain types. Pure functions, built on every
// platform, so the mapping is tested here on Linux with what the core produced under Wine.

#include "authenticator/authenticator.h"
#include "authenticator/windows/core/hello_types.h"

namespace latchkey::authenticator::windows {

// "usb", "nfc", "ble", "internal" to WEBAUTHN_CTAP_TRANSPORT_* bits; other names are dropped.
std::uint32_t transportBits(const QStringList& transports);

// uv true asks Windows to require verification; false lets Windows decide (preferred): the UV
// flag of the answer says what happened either way.
MakeCredentialCall makeCredentialCall(const MakeCredentialRequest& request);
GetAssertionCall getAssertionCall(const GetAssertionRequest& request);

// The attestation object Windows returned, parsed once by the relying-party core's parser:
// format, statement, authenticator data (flags exactly as Windows set them), the credential's
// public key as SubjectPublicKeyInfo and its algorithm. requestedResidentKey stands in for
// credProps.rk when the DLL's answer is too old to say (before attestation version 4): a
// success with bRequireResidentKey set made a discoverable credential.
AuthenticatorResult<MakeCredentialResponse> makeCredentialResponse(const MadeCredential& made,
                                                                   bool requestedResidentKey);
AuthenticatorResult<GetAssertionResponse> getAssertionResponse(const Assertion& assertion);

// The CTAP2 status whose DOMException (toClientError) is the one Windows' answer stands for,
// with a sentence a person can act on; Windows' own error name and HRESULT follow for support.
AuthenticatorError helloError(const Error& error);

} // namespace latchkey::authenticator::windows

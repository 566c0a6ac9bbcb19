#include "authenticator/windows/core/webauthn_calls.h"

#include "authenticator/windows/core/webauthn_errors.h"
#include "authenticator/windows/core/webauthn_options.h"

#include <cstdio>
#include <memory>

namespace latchkey::authenticator::windows {

namespace {

Bytes copyBytes(const BYTE* data, DWORD size)
{
    if (!data || size == 0)
        return {};
    return Bytes(data, data + size);
}

std::string hresultText(HRESULT hresult)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08lX", static_cast<unsigned long>(hresult));
    return text;
}

Error malformed(const char* what)
{
    return Error{ErrorKind::Unknown, 0, {}, std::string("webauthn.dll answered ") + what + "."};
}

// The buffer goes back to webauthn.dll whatever happens while it is read.
struct AttestationRelease {
    decltype(&::WebAuthNFreeCredentialAttestation) free;
    void operator()(PWEBAUTHN_CREDENTIAL_ATTESTATION attestation) const { free(attestation); }
};
struct AssertionRelease {
    decltype(&::WebAuthNFreeAssertion) free;
    void operator()(PWEBAUTHN_ASSERTION assertion) const { free(assertion); }
};

Outcome<MadeCredential> copyAttestation(const WEBAUTHN_CREDENTIAL_ATTESTATION& attestation)
{
    if (attestation.dwVersion < WEBAUTHN_CREDENTIAL_ATTESTATION_VERSION_1)
        return malformed("a credential attestation of version 0");
    MadeCredential made;
    made.format = fromWide(attestation.pwszFormatType);
    made.authenticatorData =
        copyBytes(attestation.pbAuthenticatorData, attestation.cbAuthenticatorData);
    made.attestationStatement = copyBytes(attestation.pbAttestation, attestation.cbAttestation);
    made.attestationObject =
        copyBytes(attestation.pbAttestationObject, attestation.cbAttestationObject);
    made.credentialId = copyBytes(attestation.pbCredentialId, attestation.cbCredentialId);
    // Members after the first version's exist only in a struct of that version or later.
    if (attestation.dwVersion >= WEBAUTHN_CREDENTIAL_ATTESTATION_VERSION_3)
        made.usedTransport = attestation.dwUsedTransport;
    if (attestation.dwVersion >= WEBAUTHN_CREDENTIAL_ATTESTATION_VERSION_4)
        made.residentKey = attestation.bResidentKey != FALSE;
    if (made.authenticatorData.empty() || made.attestationObject.empty() ||
        made.credentialId.empty())
        return malformed("a credential without authenticator data, attestation object or id");
    return made;
}

Outcome<Assertion> copyAssertion(const WEBAUTHN_ASSERTION& answer)
{
    if (answer.dwVersion < WEBAUTHN_ASSERTION_VERSION_1)
        return malformed("an assertion of version 0");
    Assertion assertion;
    assertion.credentialId = copyBytes(answer.Credential.pbId, answer.Credential.cbId);
    assertion.authenticatorData = copyBytes(answer.pbAuthenticatorData, answer.cbAuthenticatorData);
    assertion.signature = copyBytes(answer.pbSignature, answer.cbSignature);
    assertion.userId = copyBytes(answer.pbUserId, answer.cbUserId);
    if (assertion.credentialId.empty() || assertion.authenticatorData.empty() ||
        assertion.signature.empty())
        return malformed("an assertion without credential id, authenticator data or signature");
    return assertion;
}

} // namespace

Error windowsError(const WebAuthnFunctions& functions, HRESULT hresult, const char* function)
{
    std::u16string name;
    if (functions.getErrorName)
        name = fromWide(functions.getErrorName(hresult));
    std::string detail = std::string(function) + " failed with " + hresultText(hresult);
    if (!name.empty())
        detail += " (" + std::string(name.begin(), name.end()) + ")";
    return Error{errorKindOf(hresult, name), static_cast<std::int32_t>(hresult), name, detail};
}

Outcome<MadeCredential> callMakeCredential(const WebAuthnFunctions& functions, HWND window,
                                           const MakeCredentialCall& call, GUID* cancellationId)
{
    MakeCredentialArguments arguments(call, functions.apiVersion, cancellationId);
    PWEBAUTHN_CREDENTIAL_ATTESTATION raw = nullptr;
    const HRESULT hresult =
        functions.makeCredential(window, &arguments.rp, &arguments.user, &arguments.parameters,
                                 &arguments.clientData, &arguments.options, &raw);
    const std::unique_ptr<WEBAUTHN_CREDENTIAL_ATTESTATION, AttestationRelease> attestation(
        raw, AttestationRelease{functions.freeCredentialAttestation});
    if (FAILED(hresult))
        return windowsError(functions, hresult, "WebAuthNAuthenticatorMakeCredential");
    if (!attestation)
        return malformed("success without a credential");
    return copyAttestation(*attestation);
}

Outcome<Assertion> callGetAssertion(const WebAuthnFunctions& functions, HWND window,
                                    const GetAssertionCall& call, GUID* cancellationId)
{
    GetAssertionArguments arguments(call, functions.apiVersion, cancellationId);
    PWEBAUTHN_ASSERTION raw = nullptr;
    const HRESULT hresult = functions.getAssertion(window, arguments.rpId(), &arguments.clientData,
                                                   &arguments.options, &raw);
    const std::unique_ptr<WEBAUTHN_ASSERTION, AssertionRelease> assertion(
        raw, AssertionRelease{functions.freeAssertion});
    if (FAILED(hresult))
        return windowsError(functions, hresult, "WebAuthNAuthenticatorGetAssertion");
    if (!assertion)
        return malformed("success without an assertion");
    return copyAssertion(*assertion);
}

} // namespace latchkey::authenticator::windows

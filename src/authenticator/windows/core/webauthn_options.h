#pragma once

// The argument structs of WebAuthNAuthenticatorMakeCredential / GetAssertion, built from our
// calls. Each options struct gets the lowest version that carries what the request needs, so
// an older webauthn.dll (which refuses versions it does not know) still accepts it.

#include "authenticator/windows/core/hello_types.h"

// <windows.h> first: webauthn.h uses its types without including it.
// clang-format off
#include <windows.h>
#include <webauthn.h>
// clang-format on

namespace latchkey::authenticator::windows {

// The highest version of each struct a webauthn.dll of apiVersion understands (webauthn.h's
// version table: API 1 and 2 take MakeCredential options 3 and GetAssertion options 4, API 3
// takes 4 and 5).
std::uint32_t maxMakeCredentialOptionsVersion(std::uint32_t apiVersion);
std::uint32_t maxGetAssertionOptionsVersion(std::uint32_t apiVersion);

// Owns every string and array the structs point into; not copyable or movable for that reason.
class MakeCredentialArguments {
public:
    MakeCredentialArguments(const MakeCredentialCall& call, std::uint32_t apiVersion,
                            GUID* cancellationId);
    MakeCredentialArguments(const MakeCredentialArguments&) = delete;
    MakeCredentialArguments& operator=(const MakeCredentialArguments&) = delete;

    WEBAUTHN_RP_ENTITY_INFORMATION rp{};
    WEBAUTHN_USER_ENTITY_INFORMATION user{};
    WEBAUTHN_COSE_CREDENTIAL_PARAMETERS parameters{};
    WEBAUTHN_CLIENT_DATA clientData{};
    WEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS options{};

private:
    std::wstring m_rpId, m_rpName, m_userName, m_userDisplayName;
    Bytes m_userId;
    std::string m_clientDataJson;
    std::vector<WEBAUTHN_COSE_CREDENTIAL_PARAMETER> m_parameters;
    std::vector<WEBAUTHN_CREDENTIAL> m_credentials;
    std::vector<WEBAUTHN_CREDENTIAL_EX> m_credentialsEx;
    std::vector<PWEBAUTHN_CREDENTIAL_EX> m_credentialPointers;
    WEBAUTHN_CREDENTIAL_LIST m_credentialList{};
    std::vector<Bytes> m_ids;
};

class GetAssertionArguments {
public:
    GetAssertionArguments(const GetAssertionCall& call, std::uint32_t apiVersion,
                          GUID* cancellationId);
    GetAssertionArguments(const GetAssertionArguments&) = delete;
    GetAssertionArguments& operator=(const GetAssertionArguments&) = delete;

    const wchar_t* rpId() const { return m_rpId.c_str(); }
    WEBAUTHN_CLIENT_DATA clientData{};
    WEBAUTHN_AUTHENTICATOR_GET_ASSERTION_OPTIONS options{};

private:
    std::wstring m_rpId;
    std::string m_clientDataJson;
    std::vector<WEBAUTHN_CREDENTIAL> m_credentials;
    std::vector<WEBAUTHN_CREDENTIAL_EX> m_credentialsEx;
    std::vector<PWEBAUTHN_CREDENTIAL_EX> m_credentialPointers;
    WEBAUTHN_CREDENTIAL_LIST m_credentialList{};
    std::vector<Bytes> m_ids;
};

// UTF-16 as webauthn.dll takes it (wchar_t is 16 bits on Windows).
std::wstring toWide(const std::u16string& text);
std::u16string fromWide(const wchar_t* text);

} // namespace latchkey::authenticator::windows

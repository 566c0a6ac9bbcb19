#include "authenticator/windows/core/webauthn_options.h"

#include <algorithm>

namespace latchkey::authenticator::windows {

namespace {

// Every ceremony is cancellable (the page's abort signal, the ceremony's timeout), so the
// baseline is the first version with pCancellationId; the one after it adds the credential
// list with transports.
constexpr DWORD kMakeCredentialWithCancellation =
    WEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS_VERSION_2;
constexpr DWORD kMakeCredentialWithTransports =
    WEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS_VERSION_3;
constexpr DWORD kGetAssertionWithCancellation =
    WEBAUTHN_AUTHENTICATOR_GET_ASSERTION_OPTIONS_VERSION_3;
constexpr DWORD kGetAssertionWithTransports =
    WEBAUTHN_AUTHENTICATOR_GET_ASSERTION_OPTIONS_VERSION_4;

DWORD userVerificationRequirement(UserVerification requirement)
{
    switch (requirement) {
    case UserVerification::Required:
        return WEBAUTHN_USER_VERIFICATION_REQUIREMENT_REQUIRED;
    case UserVerification::Discouraged:
        return WEBAUTHN_USER_VERIFICATION_REQUIREMENT_DISCOURAGED;
    case UserVerification::Preferred:
        break;
    }
    return WEBAUTHN_USER_VERIFICATION_REQUIREMENT_PREFERRED;
}

bool anyTransports(const std::vector<CredentialDescriptor>& list)
{
    return std::any_of(list.begin(), list.end(),
                       [](const CredentialDescriptor& d) { return d.transports != 0; });
}

PBYTE writable(std::string& bytes)
{
    return reinterpret_cast<PBYTE>(bytes.data());
}

// The descriptors in both shapes: WEBAUTHN_CREDENTIALS (every version) and, when the version
// allows it, WEBAUTHN_CREDENTIAL_LIST with transports. Only one of them is handed over.
void buildCredentials(const std::vector<CredentialDescriptor>& list, std::vector<Bytes>& ids,
                      std::vector<WEBAUTHN_CREDENTIAL>& plain,
                      std::vector<WEBAUTHN_CREDENTIAL_EX>& extended,
                      std::vector<PWEBAUTHN_CREDENTIAL_EX>& pointers)
{
    ids.reserve(list.size());
    for (const CredentialDescriptor& descriptor : list)
        ids.push_back(descriptor.id);
    for (std::size_t i = 0; i < list.size(); ++i) {
        plain.push_back(WEBAUTHN_CREDENTIAL{WEBAUTHN_CREDENTIAL_CURRENT_VERSION,
                                            static_cast<DWORD>(ids[i].size()), ids[i].data(),
                                            WEBAUTHN_CREDENTIAL_TYPE_PUBLIC_KEY});
        extended.push_back(WEBAUTHN_CREDENTIAL_EX{
            WEBAUTHN_CREDENTIAL_EX_CURRENT_VERSION, static_cast<DWORD>(ids[i].size()),
            ids[i].data(), WEBAUTHN_CREDENTIAL_TYPE_PUBLIC_KEY,
            list[i].transports & WEBAUTHN_CTAP_TRANSPORT_FLAGS_MASK});
    }
    for (WEBAUTHN_CREDENTIAL_EX& credential : extended)
        pointers.push_back(&credential);
}

void fillClientData(WEBAUTHN_CLIENT_DATA& clientData, std::string& json)
{
    clientData.dwVersion = WEBAUTHN_CLIENT_DATA_CURRENT_VERSION;
    clientData.cbClientDataJSON = static_cast<DWORD>(json.size());
    clientData.pbClientDataJSON = writable(json);
    clientData.pwszHashAlgId = WEBAUTHN_HASH_ALGORITHM_SHA_256;
}

} // namespace

std::uint32_t maxMakeCredentialOptionsVersion(std::uint32_t apiVersion)
{
    return apiVersion >= WEBAUTHN_API_VERSION_3
               ? WEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS_VERSION_4
               : WEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS_VERSION_3;
}

std::uint32_t maxGetAssertionOptionsVersion(std::uint32_t apiVersion)
{
    return apiVersion >= WEBAUTHN_API_VERSION_3
               ? WEBAUTHN_AUTHENTICATOR_GET_ASSERTION_OPTIONS_VERSION_5
               : WEBAUTHN_AUTHENTICATOR_GET_ASSERTION_OPTIONS_VERSION_4;
}

std::wstring toWide(const std::u16string& text)
{
    return std::wstring(text.begin(), text.end());
}

std::u16string fromWide(const wchar_t* text)
{
    if (!text)
        return {};
    const std::wstring wide(text);
    return std::u16string(wide.begin(), wide.end());
}

MakeCredentialArguments::MakeCredentialArguments(const MakeCredentialCall& call,
                                                 std::uint32_t apiVersion, GUID* cancellationId)
    : m_rpId(toWide(call.rpId)), m_rpName(toWide(call.rpName)), m_userName(toWide(call.userName)),
      m_userDisplayName(toWide(call.userDisplayName)), m_userId(call.userId),
      m_clientDataJson(call.clientDataJson)
{
    rp = WEBAUTHN_RP_ENTITY_INFORMATION{WEBAUTHN_RP_ENTITY_INFORMATION_CURRENT_VERSION,
                                        m_rpId.c_str(), m_rpName.c_str(), nullptr};
    user = WEBAUTHN_USER_ENTITY_INFORMATION{WEBAUTHN_USER_ENTITY_INFORMATION_CURRENT_VERSION,
                                            static_cast<DWORD>(m_userId.size()),
                                            m_userId.data(),
                                            m_userName.c_str(),
                                            nullptr,
                                            m_userDisplayName.c_str()};
    for (const std::int32_t algorithm : call.algorithms)
        m_parameters.push_back(WEBAUTHN_COSE_CREDENTIAL_PARAMETER{
            WEBAUTHN_COSE_CREDENTIAL_PARAMETER_CURRENT_VERSION, WEBAUTHN_CREDENTIAL_TYPE_PUBLIC_KEY,
            static_cast<LONG>(algorithm)});
    parameters = WEBAUTHN_COSE_CREDENTIAL_PARAMETERS{static_cast<DWORD>(m_parameters.size()),
                                                     m_parameters.data()};
    fillClientData(clientData, m_clientDataJson);

    buildCredentials(call.excludeList, m_ids, m_credentials, m_credentialsEx, m_credentialPointers);
    const bool withTransports =
        anyTransports(call.excludeList) &&
        maxMakeCredentialOptionsVersion(apiVersion) >= kMakeCredentialWithTransports;

    options.dwVersion =
        withTransports ? kMakeCredentialWithTransports : kMakeCredentialWithCancellation;
    options.dwTimeoutMilliseconds = call.timeoutMs;
    options.dwAuthenticatorAttachment = WEBAUTHN_AUTHENTICATOR_ATTACHMENT_ANY;
    options.bRequireResidentKey = call.residentKey ? TRUE : FALSE;
    options.dwUserVerificationRequirement = userVerificationRequirement(call.userVerification);
    options.dwAttestationConveyancePreference =
        call.attestation == AttestationConveyance::None
            ? WEBAUTHN_ATTESTATION_CONVEYANCE_PREFERENCE_NONE
            : WEBAUTHN_ATTESTATION_CONVEYANCE_PREFERENCE_DIRECT;
    options.pCancellationId = cancellationId;
    if (withTransports) {
        m_credentialList = WEBAUTHN_CREDENTIAL_LIST{static_cast<DWORD>(m_credentialPointers.size()),
                                                    m_credentialPointers.data()};
        options.pExcludeCredentialList = &m_credentialList;
    } else {
        options.CredentialList =
            WEBAUTHN_CREDENTIALS{static_cast<DWORD>(m_credentials.size()), m_credentials.data()};
    }
}

GetAssertionArguments::GetAssertionArguments(const GetAssertionCall& call, std::uint32_t apiVersion,
                                             GUID* cancellationId)
    : m_rpId(toWide(call.rpId)), m_clientDataJson(call.clientDataJson)
{
    fillClientData(clientData, m_clientDataJson);
    buildCredentials(call.allowList, m_ids, m_credentials, m_credentialsEx, m_credentialPointers);
    const bool withTransports =
        anyTransports(call.allowList) &&
        maxGetAssertionOptionsVersion(apiVersion) >= kGetAssertionWithTransports;

    options.dwVersion =
        withTransports ? kGetAssertionWithTransports : kGetAssertionWithCancellation;
    options.dwTimeoutMilliseconds = call.timeoutMs;
    options.dwAuthenticatorAttachment = WEBAUTHN_AUTHENTICATOR_ATTACHMENT_ANY;
    options.dwUserVerificationRequirement = userVerificationRequirement(call.userVerification);
    options.pCancellationId = cancellationId;
    if (withTransports) {
        m_credentialList = WEBAUTHN_CREDENTIAL_LIST{static_cast<DWORD>(m_credentialPointers.size()),
                                                    m_credentialPointers.data()};
        options.pAllowCredentialList = &m_credentialList;
    } else {
        options.CredentialList =
            WEBAUTHN_CREDENTIALS{static_cast<DWORD>(m_credentials.size()), m_credentials.data()};
    }
}

} // namespace latchkey::authenticator::windows

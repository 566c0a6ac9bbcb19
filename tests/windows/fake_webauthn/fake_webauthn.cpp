// A fake webauthn.dll, built with mingw-w64 from Debian's webauthn.h: the one fake of the
// Windows WebAuthn API. It records every call, checks each struct's version against the API
// version it plays, and answers as scripted: credentials with real keys (CNG) and a real
// attestation object, assertions signed over authenticatorData || SHA-256(clientDataJSON),
// or the HRESULT of a cancel, an excluded credential, a timeout.

#include "fake_cbor.h"
#include "fake_crypto.h"
#include "fake_webauthn_control.h"

#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <webauthn.h>

using fake_webauthn::Bytes;
using fake_webauthn::CborWriter;
using fake_webauthn::CredentialKey;

namespace {

// mingw-w64's win32 thread model has no std::mutex; an SRW lock does the same here.
class Lock {
public:
    void lock() { AcquireSRWLockExclusive(&m_lock); }
    void unlock() { ReleaseSRWLockExclusive(&m_lock); }

private:
    SRWLOCK m_lock = SRWLOCK_INIT;
};

class Guard {
public:
    explicit Guard(Lock& lock) : m_lock(lock) { m_lock.lock(); }
    ~Guard() { m_lock.unlock(); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

private:
    Lock& m_lock;
};

struct StoredCredential {
    std::wstring rpId;
    Bytes id;
    Bytes userId;
    bool resident = false;
    std::unique_ptr<CredentialKey> key;
    std::uint32_t counter = 0;
};

struct OwnedAttestation {
    WEBAUTHN_CREDENTIAL_ATTESTATION answer{};
    std::wstring format;
    Bytes authData, statement, object, credentialId;
};

struct OwnedAssertion {
    WEBAUTHN_ASSERTION answer{};
    Bytes authData, signature, credentialId, userId;
};

struct Fake {
    Lock lock;
    FakeWebAuthnScript script{WEBAUTHN_API_VERSION_3, S_OK, S_OK, -7, TRUE, TRUE, FALSE};
    std::vector<FakeWebAuthnCall> calls;
    std::vector<std::unique_ptr<StoredCredential>> credentials;
    std::map<void*, std::unique_ptr<OwnedAttestation>> attestations;
    std::map<void*, std::unique_ptr<OwnedAssertion>> assertions;
    LONG badFrees = 0;
    GUID runningId{};
    bool running = false;
    // Ids this DLL handed out and was asked to cancel before their operation began waiting.
    std::vector<GUID> cancelledEarly;
    HANDLE cancelled = CreateEventW(nullptr, TRUE, FALSE, nullptr);
};

Fake& fake()
{
    static Fake instance;
    return instance;
}

const Bytes kAaguid = {'l', 'a', 't', 'c', 'h', 'k', 'e', 'y',
                       '-', 'f', 'a', 'k', 'e', '-', 'w', 'a'};
constexpr std::uint8_t kUp = 0x01;
constexpr std::uint8_t kUv = 0x04;
constexpr std::uint8_t kAt = 0x40;

DWORD maxMakeCredentialOptions(DWORD api)
{
    return api >= WEBAUTHN_API_VERSION_3 ? 4 : 3;
}
DWORD maxGetAssertionOptions(DWORD api)
{
    return api >= WEBAUTHN_API_VERSION_3 ? 5 : 4;
}
DWORD attestationVersion(DWORD api)
{
    return api >= WEBAUTHN_API_VERSION_3 ? 4 : 3;
}
DWORD assertionVersion(DWORD api)
{
    return api >= WEBAUTHN_API_VERSION_3 ? 2 : 1;
}

FakeWebAuthnCall newCall(const char* function, HWND window)
{
    FakeWebAuthnCall call{};
    strncpy(call.function, function, sizeof call.function - 1);
    call.threadId = GetCurrentThreadId();
    call.window = window;
    return call;
}

HRESULT record(FakeWebAuthnCall call, HRESULT result)
{
    call.result = result;
    Guard guard(fake().lock);
    fake().calls.push_back(call);
    return result;
}

std::string utf8(const std::wstring& text)
{
    std::string out;
    for (const wchar_t c : text)
        out.push_back(static_cast<char>(c)); // RP IDs here are ASCII
    return out;
}

void append(Bytes& out, const Bytes& more)
{
    out.insert(out.end(), more.begin(), more.end());
}

void appendBigEndian(Bytes& out, std::uint32_t value, int bytes)
{
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

Bytes bytesOf(const BYTE* data, DWORD size)
{
    return data ? Bytes(data, data + size) : Bytes{};
}

// The credential list as the options' version carries it: WEBAUTHN_CREDENTIAL_LIST (with
// transports) when that member exists and is set, WEBAUTHN_CREDENTIALS otherwise.
std::vector<Bytes> credentialIds(const WEBAUTHN_CREDENTIALS& plain,
                                 const WEBAUTHN_CREDENTIAL_LIST* extended, FakeWebAuthnCall& call)
{
    std::vector<Bytes> ids;
    if (extended) {
        call.credentialsWithTransports = TRUE;
        for (DWORD i = 0; i < extended->cCredentials; ++i) {
            const WEBAUTHN_CREDENTIAL_EX* c = extended->ppCredentials[i];
            ids.push_back(bytesOf(c->pbId, c->cbId));
            if (i == 0)
                call.firstTransports = c->dwTransports;
        }
    } else {
        for (DWORD i = 0; i < plain.cCredentials; ++i)
            ids.push_back(bytesOf(plain.pCredentials[i].pbId, plain.pCredentials[i].cbId));
    }
    call.credentialCount = static_cast<DWORD>(ids.size());
    return ids;
}

void copyClientData(const WEBAUTHN_CLIENT_DATA& clientData, FakeWebAuthnCall& call)
{
    const std::size_t n =
        std::min<std::size_t>(clientData.cbClientDataJSON, sizeof call.clientDataJson - 1);
    memcpy(call.clientDataJson, clientData.pbClientDataJSON, n);
}

// Blocks while the script says so, as Windows' dialog does, until the operation is cancelled
// (ERROR_CANCELLED) or its timeout passes (ERROR_TIMEOUT). S_OK when it need not wait.
HRESULT waitAsScripted(const GUID* id, DWORD timeoutMs)
{
    Fake& f = fake();
    {
        Guard guard(f.lock);
        if (!f.script.waitForCancel)
            return S_OK;
        ResetEvent(f.cancelled);
        for (const GUID& early : f.cancelledEarly)
            if (id && IsEqualGUID(early, *id))
                return HRESULT_FROM_WIN32(ERROR_CANCELLED);
        f.running = id != nullptr;
        if (id)
            f.runningId = *id;
    }
    const DWORD waited = WaitForSingleObject(f.cancelled, timeoutMs ? timeoutMs : 30000);
    Guard guard(f.lock);
    f.running = false;
    return waited == WAIT_OBJECT_0 ? HRESULT_FROM_WIN32(ERROR_CANCELLED)
                                   : HRESULT_FROM_WIN32(ERROR_TIMEOUT);
}

Bytes authenticatorData(const std::wstring& rpId, std::uint8_t flags, std::uint32_t counter)
{
    const std::string id = utf8(rpId);
    Bytes data = fake_webauthn::sha256(Bytes(id.begin(), id.end()));
    data.push_back(flags);
    appendBigEndian(data, counter, 4);
    return data;
}

Bytes signedMessage(const Bytes& authData, const WEBAUTHN_CLIENT_DATA& clientData)
{
    Bytes message = authData;
    append(message, fake_webauthn::sha256(
                        bytesOf(clientData.pbClientDataJSON, clientData.cbClientDataJSON)));
    return message;
}

bool supportsAlgorithm(const WEBAUTHN_COSE_CREDENTIAL_PARAMETERS& parameters, LONG algorithm)
{
    for (DWORD i = 0; i < parameters.cCredentialParameters; ++i)
        if (parameters.pCredentialParameters[i].lAlg == algorithm)
            return true;
    return false;
}

StoredCredential* findCredential(const std::wstring& rpId, const Bytes& id)
{
    for (auto& credential : fake().credentials)
        if (credential->rpId == rpId && (id.empty() ? credential->resident : credential->id == id))
            return credential.get();
    return nullptr;
}

HRESULT makeAttestation(PCWEBAUTHN_RP_ENTITY_INFORMATION rp,
                        PCWEBAUTHN_USER_ENTITY_INFORMATION user, PCWEBAUTHN_CLIENT_DATA clientData,
                        PCWEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS options,
                        const FakeWebAuthnScript& script, PWEBAUTHN_CREDENTIAL_ATTESTATION* answer)
{
    auto credential = std::make_unique<StoredCredential>();
    credential->rpId = rp->pwszId;
    credential->id = fake_webauthn::randomBytes(32);
    credential->userId = bytesOf(user->pbId, user->cbId);
    credential->resident = options->bRequireResidentKey != FALSE;
    credential->key = std::make_unique<CredentialKey>(script.keyAlgorithm);
    if (!credential->key->valid())
        return NTE_FAIL;

    const std::uint8_t flags = kUp | kAt | (script.userVerified ? kUv : 0);
    Bytes authData = authenticatorData(credential->rpId, flags, 0);
    append(authData, kAaguid);
    appendBigEndian(authData, static_cast<std::uint32_t>(credential->id.size()), 2);
    append(authData, credential->id);
    append(authData, credential->key->coseKey());

    const bool none = options->dwAttestationConveyancePreference ==
                      WEBAUTHN_ATTESTATION_CONVEYANCE_PREFERENCE_NONE;
    CborWriter statement;
    if (none) {
        statement.mapHeader(0);
    } else { // "packed" self attestation: signed by the credential's own key
        statement.mapHeader(2).text("alg").integer(script.keyAlgorithm);
        statement.text("sig").bytes(credential->key->sign(signedMessage(authData, *clientData)));
    }
    const std::string format = none ? "none" : "packed";
    CborWriter object;
    object.mapHeader(3).text("fmt").text(format).text("attStmt").raw(statement.encoded());
    object.text("authData").bytes(authData);

    auto owned = std::make_unique<OwnedAttestation>();
    owned->format.assign(format.begin(), format.end());
    owned->authData = authData;
    owned->statement = statement.encoded();
    owned->object = object.encoded();
    owned->credentialId = credential->id;
    WEBAUTHN_CREDENTIAL_ATTESTATION& a = owned->answer;
    a.dwVersion = attestationVersion(script.apiVersion);
    a.pwszFormatType = owned->format.c_str();
    a.cbAuthenticatorData = static_cast<DWORD>(owned->authData.size());
    a.pbAuthenticatorData = owned->authData.data();
    a.cbAttestation = static_cast<DWORD>(owned->statement.size());
    a.pbAttestation = owned->statement.data();
    a.cbAttestationObject = static_cast<DWORD>(owned->object.size());
    a.pbAttestationObject = owned->object.data();
    a.cbCredentialId = static_cast<DWORD>(owned->credentialId.size());
    a.pbCredentialId = owned->credentialId.data();
    a.dwUsedTransport = WEBAUTHN_CTAP_TRANSPORT_INTERNAL;
    a.bResidentKey = credential->resident ? TRUE : FALSE;

    Guard guard(fake().lock);
    fake().credentials.push_back(std::move(credential));
    *answer = &owned->answer;
    fake().attestations[&owned->answer] = std::move(owned);
    return S_OK;
}

} // namespace

extern "C" {

DWORD WINAPI WebAuthNGetApiVersionNumber(void)
{
    record(newCall("WebAuthNGetApiVersionNumber", nullptr), S_OK);
    Guard guard(fake().lock);
    return fake().script.apiVersion;
}

HRESULT WINAPI WebAuthNIsUserVerifyingPlatformAuthenticatorAvailable(WINBOOL* available)
{
    {
        Guard guard(fake().lock);
        *available = fake().script.uvpaa;
    }
    return record(newCall("WebAuthNIsUserVerifyingPlatformAuthenticatorAvailable", nullptr), S_OK);
}

HRESULT WINAPI WebAuthNGetCancellationId(GUID* id)
{
    const Bytes random = fake_webauthn::randomBytes(sizeof(GUID));
    memcpy(id, random.data(), sizeof(GUID));
    FakeWebAuthnCall call = newCall("WebAuthNGetCancellationId", nullptr);
    call.hasCancellationId = TRUE;
    call.cancellationId = *id;
    return record(call, S_OK);
}

HRESULT WINAPI WebAuthNCancelCurrentOperation(const GUID* id)
{
    FakeWebAuthnCall call = newCall("WebAuthNCancelCurrentOperation", nullptr);
    call.hasCancellationId = TRUE;
    call.cancellationId = *id;
    HRESULT result = NTE_NOT_FOUND;
    {
        Guard guard(fake().lock);
        if (fake().running && IsEqualGUID(fake().runningId, *id)) {
            SetEvent(fake().cancelled);
            result = S_OK;
        } else if (!fake().running) {
            fake().cancelledEarly.push_back(*id); // it may be about to start
            result = S_OK;
        }
    }
    return record(call, result);
}

HRESULT WINAPI WebAuthNAuthenticatorMakeCredential(
    HWND window, PCWEBAUTHN_RP_ENTITY_INFORMATION rp, PCWEBAUTHN_USER_ENTITY_INFORMATION user,
    PCWEBAUTHN_COSE_CREDENTIAL_PARAMETERS parameters, PCWEBAUTHN_CLIENT_DATA clientData,
    PCWEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS options,
    PWEBAUTHN_CREDENTIAL_ATTESTATION* answer)
{
    FakeWebAuthnCall call = newCall("WebAuthNAuthenticatorMakeCredential", window);
    FakeWebAuthnScript script;
    {
        Guard guard(fake().lock);
        script = fake().script;
    }
    if (!rp || !user || !parameters || !clientData || !options || !answer || rp->dwVersion != 1 ||
        user->dwVersion != 1 || clientData->dwVersion != 1 ||
        std::wstring(clientData->pwszHashAlgId) != WEBAUTHN_HASH_ALGORITHM_SHA_256)
        return record(call, E_INVALIDARG);
    *answer = nullptr;
    call.optionsVersion = options->dwVersion;
    std::wcsncpy(call.rpId, rp->pwszId, 127);
    copyClientData(*clientData, call);
    // A DLL refuses an options version newer than its API knows.
    if (options->dwVersion < 1 || options->dwVersion > maxMakeCredentialOptions(script.apiVersion))
        return record(call, E_INVALIDARG);
    call.timeoutMs = options->dwTimeoutMilliseconds;
    call.userVerificationRequirement = options->dwUserVerificationRequirement;
    call.attestationPreference = options->dwAttestationConveyancePreference;
    call.authenticatorAttachment = options->dwAuthenticatorAttachment;
    call.requireResidentKey = options->bRequireResidentKey;
    const GUID* id = options->dwVersion >= 2 ? options->pCancellationId : nullptr;
    if (id) {
        call.hasCancellationId = TRUE;
        call.cancellationId = *id;
    }
    const std::vector<Bytes> excluded =
        credentialIds(options->CredentialList,
                      options->dwVersion >= 3 ? options->pExcludeCredentialList : nullptr, call);

    bool isExcluded = false;
    {
        Guard guard(fake().lock);
        for (const Bytes& excludedId : excluded)
            isExcluded =
                isExcluded || (!excludedId.empty() && findCredential(rp->pwszId, excludedId));
    }
    if (isExcluded)
        return record(call, NTE_EXISTS);
    if (const HRESULT waited = waitAsScripted(id, options->dwTimeoutMilliseconds); FAILED(waited))
        return record(call, waited);
    if (FAILED(script.makeCredentialResult))
        return record(call, script.makeCredentialResult);
    if (!supportsAlgorithm(*parameters, script.keyAlgorithm))
        return record(call, NTE_NOT_SUPPORTED);
    return record(call, makeAttestation(rp, user, clientData, options, script, answer));
}

HRESULT WINAPI WebAuthNAuthenticatorGetAssertion(
    HWND window, LPCWSTR rpId, PCWEBAUTHN_CLIENT_DATA clientData,
    PCWEBAUTHN_AUTHENTICATOR_GET_ASSERTION_OPTIONS options, PWEBAUTHN_ASSERTION* answer)
{
    FakeWebAuthnCall call = newCall("WebAuthNAuthenticatorGetAssertion", window);
    FakeWebAuthnScript script;
    {
        Guard guard(fake().lock);
        script = fake().script;
    }
    if (!rpId || !clientData || !options || !answer || clientData->dwVersion != 1)
        return record(call, E_INVALIDARG);
    *answer = nullptr;
    call.optionsVersion = options->dwVersion;
    std::wcsncpy(call.rpId, rpId, 127);
    copyClientData(*clientData, call);
    if (options->dwVersion < 1 || options->dwVersion > maxGetAssertionOptions(script.apiVersion))
        return record(call, E_INVALIDARG);
    call.timeoutMs = options->dwTimeoutMilliseconds;
    call.userVerificationRequirement = options->dwUserVerificationRequirement;
    call.authenticatorAttachment = options->dwAuthenticatorAttachment;
    const GUID* id = options->dwVersion >= 3 ? options->pCancellationId : nullptr;
    if (id) {
        call.hasCancellationId = TRUE;
        call.cancellationId = *id;
    }
    const std::vector<Bytes> allowed =
        credentialIds(options->CredentialList,
                      options->dwVersion >= 4 ? options->pAllowCredentialList : nullptr, call);
    if (const HRESULT waited = waitAsScripted(id, options->dwTimeoutMilliseconds); FAILED(waited))
        return record(call, waited);
    if (FAILED(script.getAssertionResult))
        return record(call, script.getAssertionResult);

    Guard guard(fake().lock);
    StoredCredential* credential = nullptr;
    if (allowed.empty())
        credential = findCredential(rpId, {});
    for (const Bytes& allowedId : allowed)
        if (!credential && !allowedId.empty())
            credential = findCredential(rpId, allowedId);
    if (!credential) { // Windows tells the person, then answers as for a cancel
        call.result = NTE_NOT_FOUND;
        fake().calls.push_back(call);
        return NTE_NOT_FOUND;
    }

    credential->counter += 1;
    auto owned = std::make_unique<OwnedAssertion>();
    owned->authData = authenticatorData(credential->rpId, kUp | (script.userVerified ? kUv : 0),
                                        credential->counter);
    owned->signature = credential->key->sign(signedMessage(owned->authData, *clientData));
    owned->credentialId = credential->id;
    owned->userId = credential->userId;
    WEBAUTHN_ASSERTION& a = owned->answer;
    a.dwVersion = assertionVersion(script.apiVersion);
    a.cbAuthenticatorData = static_cast<DWORD>(owned->authData.size());
    a.pbAuthenticatorData = owned->authData.data();
    a.cbSignature = static_cast<DWORD>(owned->signature.size());
    a.pbSignature = owned->signature.data();
    a.Credential =
        WEBAUTHN_CREDENTIAL{1, static_cast<DWORD>(owned->credentialId.size()),
                            owned->credentialId.data(), WEBAUTHN_CREDENTIAL_TYPE_PUBLIC_KEY};
    a.cbUserId = static_cast<DWORD>(owned->userId.size());
    a.pbUserId = owned->userId.data();
    *answer = &owned->answer;
    fake().assertions[&owned->answer] = std::move(owned);
    call.result = S_OK;
    fake().calls.push_back(call);
    return S_OK;
}

void WINAPI WebAuthNFreeCredentialAttestation(PWEBAUTHN_CREDENTIAL_ATTESTATION attestation)
{
    record(newCall("WebAuthNFreeCredentialAttestation", nullptr), S_OK);
    Guard guard(fake().lock);
    if (attestation && fake().attestations.erase(attestation) == 0)
        ++fake().badFrees;
}

void WINAPI WebAuthNFreeAssertion(PWEBAUTHN_ASSERTION assertion)
{
    record(newCall("WebAuthNFreeAssertion", nullptr), S_OK);
    Guard guard(fake().lock);
    if (assertion && fake().assertions.erase(assertion) == 0)
        ++fake().badFrees;
}

PCWSTR WINAPI WebAuthNGetErrorName(HRESULT hr)
{
    switch (hr) {
    case S_OK:
        return L"Success";
    case NTE_EXISTS:
        return L"InvalidStateError";
    case NTE_NOT_SUPPORTED:
        return L"NotSupportedError";
    case NTE_INVALID_PARAMETER:
        return L"ConstraintError";
    case NTE_USER_CANCELLED:
    case HRESULT_FROM_WIN32(ERROR_CANCELLED):
    case HRESULT_FROM_WIN32(ERROR_TIMEOUT):
    case NTE_NOT_FOUND:
        return L"NotAllowedError";
    default:
        return L"UnknownError";
    }
}

HRESULT WINAPI WebAuthNGetW3CExceptionDOMError(HRESULT hr)
{
    return hr;
}

void WINAPI FakeWebAuthn_SetScript(const FakeWebAuthnScript* script)
{
    Guard guard(fake().lock);
    fake().script = *script;
}

DWORD WINAPI FakeWebAuthn_CallCount(void)
{
    Guard guard(fake().lock);
    return static_cast<DWORD>(fake().calls.size());
}

BOOL WINAPI FakeWebAuthn_GetCall(DWORD index, FakeWebAuthnCall* call)
{
    Guard guard(fake().lock);
    if (index >= fake().calls.size())
        return FALSE;
    *call = fake().calls[index];
    return TRUE;
}

LONG WINAPI FakeWebAuthn_OutstandingBuffers(void)
{
    Guard guard(fake().lock);
    return static_cast<LONG>(fake().attestations.size() + fake().assertions.size());
}

BOOL WINAPI FakeWebAuthn_Waiting(void)
{
    Guard guard(fake().lock);
    return fake().running ? TRUE : FALSE;
}

LONG WINAPI FakeWebAuthn_BadFrees(void)
{
    Guard guard(fake().lock);
    return fake().badFrees;
}

} // extern "C"

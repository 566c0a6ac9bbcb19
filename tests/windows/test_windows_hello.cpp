// Drives the real webauthn.dll back end (latchkey_windows_hello_core) against the fake
// webauthn.dll, under Wine. Each check names the rule it holds. Successful ceremonies are
// written to windows_hello_roundtrip.jsonl in the working folder, for the app's relying party
// to verify natively (test_windows_hello_roundtrip).
//
// No Qt and no test library exist for mingw-w64 on Debian, so the harness is a few lines here;
// it prints "N passed, N failed" like the other runners CTest reads.

#include "authenticator/windows/core/hello_service.h"
#include "authenticator/windows/core/system32_module_source.h"
#include "fake_webauthn_control.h"

#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <webauthn.h>

using namespace latchkey::authenticator::windows;

namespace {

int g_passed = 0;
int g_failed = 0;
const char* g_test = "";

void check(bool ok, const char* what, int line)
{
    if (ok) {
        ++g_passed;
        return;
    }
    ++g_failed;
    std::printf("FAIL %s (line %d): %s\n", g_test, line, what);
}
#define CHECK(condition) check((condition), #condition, __LINE__)

// The folder this program (and the fake DLLs) are in.
std::wstring programFolder()
{
    wchar_t path[MAX_PATH];
    const DWORD size = GetModuleFileNameW(nullptr, path, MAX_PATH);
    std::wstring folder(path, size);
    return folder.substr(0, folder.find_last_of(L"\\/") + 1);
}

// The test's seam: webauthn.dll from a path the test names. Only this program has it.
class FakeModuleSource final : public ModuleSource {
public:
    explicit FakeModuleSource(const wchar_t* name) : m_path(programFolder() + name) {}
    void* loadWebAuthn() override { return LoadLibraryW(m_path.c_str()); }

private:
    std::wstring m_path;
};

// The fake's control functions, from the same DLL the service loaded.
struct FakeControl {
    HMODULE module = nullptr;
    FakeWebAuthnSetScript setScript = nullptr;
    FakeWebAuthnCallCount callCount = nullptr;
    FakeWebAuthnGetCall getCall = nullptr;
    FakeWebAuthnOutstandingBuffers outstanding = nullptr;
    FakeWebAuthnBadFrees badFrees = nullptr;
    FakeWebAuthnWaiting waiting = nullptr;

    explicit FakeControl(const wchar_t* name)
        : module(LoadLibraryW((programFolder() + name).c_str()))
    {
        resolve("FakeWebAuthn_SetScript", setScript);
        resolve("FakeWebAuthn_CallCount", callCount);
        resolve("FakeWebAuthn_GetCall", getCall);
        resolve("FakeWebAuthn_OutstandingBuffers", outstanding);
        resolve("FakeWebAuthn_BadFrees", badFrees);
        resolve("FakeWebAuthn_Waiting", waiting);
    }
    ~FakeControl() { FreeLibrary(module); }
    template <typename F> void resolve(const char* name, F& function)
    {
        function = reinterpret_cast<F>(reinterpret_cast<void*>(GetProcAddress(module, name)));
    }
    void play(const FakeWebAuthnScript& script) const { setScript(&script); }
    bool complete() const
    {
        return setScript && callCount && getCall && outstanding && badFrees && waiting;
    }
    // Until an operation blocks in the fake (Windows' dialog is up), at most 10 s.
    bool waitUntilWaiting() const
    {
        for (int i = 0; i < 1000 && !waiting(); ++i)
            Sleep(10);
        return waiting() != FALSE;
    }

    // The last call to function since call index from.
    bool lastCall(const char* function, FakeWebAuthnCall& found, DWORD from = 0) const
    {
        bool any = false;
        FakeWebAuthnCall call;
        for (DWORD i = from; getCall(i, &call); ++i)
            if (std::strcmp(call.function, function) == 0) {
                found = call;
                any = true;
            }
        return any;
    }
    int countCalls(const char* function, DWORD from = 0) const
    {
        int count = 0;
        FakeWebAuthnCall call;
        for (DWORD i = from; getCall(i, &call); ++i)
            count += std::strcmp(call.function, function) == 0;
        return count;
    }
};

FakeWebAuthnScript script(LONG algorithm = -7)
{
    return FakeWebAuthnScript{WEBAUTHN_API_VERSION_3, S_OK, S_OK, algorithm, TRUE, TRUE, FALSE};
}

// The caller's thread: answers posted by the service wait here until pumped, as they wait in
// the Qt event loop in the app.
class CallerQueue {
public:
    HelloService::Post post()
    {
        return [this](std::function<void()> task) {
            AcquireSRWLockExclusive(&m_lock);
            m_tasks.push_back(std::move(task));
            ReleaseSRWLockExclusive(&m_lock);
            WakeConditionVariable(&m_ready);
        };
    }
    // Runs posted tasks on this thread until done() holds or 10 s pass.
    template <typename Predicate> bool pumpUntil(Predicate done)
    {
        const ULONGLONG deadline = GetTickCount64() + 10000;
        while (!done()) {
            AcquireSRWLockExclusive(&m_lock);
            while (m_tasks.empty() && GetTickCount64() < deadline)
                SleepConditionVariableSRW(&m_ready, &m_lock, 100, 0);
            if (m_tasks.empty()) {
                ReleaseSRWLockExclusive(&m_lock);
                return false;
            }
            std::function<void()> task = std::move(m_tasks.front());
            m_tasks.pop_front();
            ReleaseSRWLockExclusive(&m_lock);
            task();
        }
        return true;
    }

private:
    SRWLOCK m_lock = SRWLOCK_INIT;
    CONDITION_VARIABLE m_ready = CONDITION_VARIABLE_INIT;
    std::deque<std::function<void()>> m_tasks;
};

template <typename T> struct Answer {
    std::optional<Outcome<T>> outcome;
    DWORD threadId = 0;
    HelloService::Done<T> done()
    {
        return [this](Outcome<T> result) {
            outcome.emplace(std::move(result));
            threadId = GetCurrentThreadId();
        };
    }
    bool arrived() const { return outcome.has_value(); }
};

const std::uintptr_t kWindow = 0x5150;
const char* const kOrigin = "http://localhost:8123";

std::string base64Url(const Bytes& data)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const std::uint8_t byte : data) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(alphabet[(buffer >> bits) & 0x3F]);
        }
    }
    if (bits > 0)
        out.push_back(alphabet[(buffer << (6 - bits)) & 0x3F]);
    return out;
}

std::string hex(const Bytes& data)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (const std::uint8_t byte : data) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0xF]);
    }
    return out;
}

std::string hex(const std::string& text)
{
    return hex(Bytes(text.begin(), text.end()));
}

Bytes challengeOf(std::uint8_t seed)
{
    Bytes challenge(32);
    for (std::size_t i = 0; i < challenge.size(); ++i)
        challenge[i] = static_cast<std::uint8_t>(seed + i * 7);
    return challenge;
}

// The app's client builds clientDataJSON from the origin it observed; this stands in for it.
std::string clientDataJson(const char* type, const Bytes& challenge)
{
    return std::string("{\"type\":\"") + type + "\",\"challenge\":\"" + base64Url(challenge) +
           "\",\"origin\":\"" + kOrigin + "\",\"crossOrigin\":false}";
}

MakeCredentialCall registration(const Bytes& challenge)
{
    MakeCredentialCall call;
    call.clientDataJson = clientDataJson("webauthn.create", challenge);
    call.rpId = u"localhost";
    call.rpName = u"Latchkey";
    call.userId = Bytes{0x75, 0x73, 0x65, 0x72, 0x2d, 0x31};
    call.userName = u"ada";
    call.userDisplayName = u"Ada Lovelace";
    call.algorithms = {-7, -257};
    call.residentKey = true;
    call.userVerification = UserVerification::Required;
    call.attestation = AttestationConveyance::Direct;
    call.timeoutMs = 120000;
    return call;
}

GetAssertionCall authentication(const Bytes& challenge, const Bytes& credentialId)
{
    GetAssertionCall call;
    call.clientDataJson = clientDataJson("webauthn.get", challenge);
    call.rpId = u"localhost";
    call.allowList = {CredentialDescriptor{credentialId, transport::Internal}};
    call.userVerification = UserVerification::Required;
    call.timeoutMs = 60000;
    return call;
}

FILE* g_roundTrip = nullptr;

std::string ascii(const std::u16string& text)
{
    return std::string(text.begin(), text.end()); // the test's names are ASCII
}

std::string descriptorsJson(const std::vector<CredentialDescriptor>& list)
{
    std::string out = "[";
    for (const CredentialDescriptor& descriptor : list) {
        if (out.size() > 1)
            out += ",";
        out += "{\"id\":\"" + hex(descriptor.id) +
               "\",\"transports\":" + std::to_string(descriptor.transports) + "}";
    }
    return out + "]";
}

std::string algorithmsJson(const std::vector<std::int32_t>& algorithms)
{
    std::string out = "[";
    for (const std::int32_t algorithm : algorithms)
        out += (out.size() > 1 ? "," : "") + std::to_string(algorithm);
    return out + "]";
}

// One line per ceremony: the call as webauthn.dll got it and its answer, as the core returned
// them, for test_windows_hello_roundtrip.
void writeRegistration(const char* name, const Bytes& challenge, const MakeCredentialCall& call,
                       const MadeCredential& made)
{
    const std::string residentKey =
        made.residentKey ? (*made.residentKey ? "true" : "false") : "null";
    std::fprintf(
        g_roundTrip,
        "{\"kind\":\"registration\",\"name\":\"%s\",\"origin\":\"%s\",\"challenge\":\"%s\","
        "\"call\":{\"clientDataJSON\":\"%s\",\"rpId\":\"%s\",\"rpName\":\"%s\",\"userId\":\"%s\","
        "\"userName\":\"%s\",\"userDisplayName\":\"%s\",\"algorithms\":%s,\"excludeList\":%s,"
        "\"residentKey\":%s,\"userVerification\":%d,\"attestation\":%d,\"timeoutMs\":%u},"
        "\"answer\":{\"format\":\"%s\",\"authenticatorData\":\"%s\","
        "\"attestationStatement\":\"%s\",\"attestationObject\":\"%s\",\"credentialId\":\"%s\","
        "\"residentKey\":%s,\"usedTransport\":%u}}\n",
        name, kOrigin, hex(challenge).c_str(), hex(call.clientDataJson).c_str(),
        ascii(call.rpId).c_str(), ascii(call.rpName).c_str(), hex(call.userId).c_str(),
        ascii(call.userName).c_str(), ascii(call.userDisplayName).c_str(),
        algorithmsJson(call.algorithms).c_str(), descriptorsJson(call.excludeList).c_str(),
        call.residentKey ? "true" : "false", static_cast<int>(call.userVerification),
        static_cast<int>(call.attestation), call.timeoutMs, ascii(made.format).c_str(),
        hex(made.authenticatorData).c_str(), hex(made.attestationStatement).c_str(),
        hex(made.attestationObject).c_str(), hex(made.credentialId).c_str(), residentKey.c_str(),
        made.usedTransport);
}

void writeAuthentication(const char* name, const Bytes& challenge, const GetAssertionCall& call,
                         const Assertion& assertion)
{
    std::fprintf(
        g_roundTrip,
        "{\"kind\":\"authentication\",\"name\":\"%s\",\"origin\":\"%s\",\"challenge\":\"%s\","
        "\"call\":{\"clientDataJSON\":\"%s\",\"rpId\":\"%s\",\"allowList\":%s,"
        "\"userVerification\":%d,\"timeoutMs\":%u},"
        "\"answer\":{\"credentialId\":\"%s\",\"authenticatorData\":\"%s\",\"signature\":\"%s\","
        "\"userId\":\"%s\"}}\n",
        name, kOrigin, hex(challenge).c_str(), hex(call.clientDataJson).c_str(),
        ascii(call.rpId).c_str(), descriptorsJson(call.allowList).c_str(),
        static_cast<int>(call.userVerification), call.timeoutMs,
        hex(assertion.credentialId).c_str(), hex(assertion.authenticatorData).c_str(),
        hex(assertion.signature).c_str(), hex(assertion.userId).c_str());
}

constexpr std::uint8_t kFlagUv = 0x04;
constexpr std::size_t kFlagsOffset = 32;

// ---------------------------------------------------------------------------------------------

void systemSourceLoadsOnlyFromSystem32()
{
    g_test = "systemSourceLoadsOnlyFromSystem32";
    // A webauthn.dll planted beside the executable (Wine has none in System32).
    const std::wstring planted = programFolder() + L"webauthn.dll";
    CHECK(CopyFileW((programFolder() + L"fake_webauthn.dll").c_str(), planted.c_str(), FALSE));
    // The ordinary search order would take the planted one...
    HMODULE naive = LoadLibraryW(L"webauthn.dll");
    CHECK(naive != nullptr);
    CHECK(naive && GetProcAddress(naive, "FakeWebAuthn_SetScript") != nullptr);
    if (naive)
        FreeLibrary(naive);
    // ...System32ModuleSource does not.
    System32ModuleSource source;
    CallerQueue queue;
    HelloService service(source, queue.post());
    CHECK(!service.availability().usable);
    CHECK(service.availability().apiVersion == 0);
    CHECK(service.availability().reason.find("System32") != std::string::npos);
    CHECK(!service.userVerifyingPlatformAuthenticatorAvailable());
    DeleteFileW(planted.c_str());
}

void missingDllStillAnswersEveryCall()
{
    g_test = "missingDllStillAnswersEveryCall";
    System32ModuleSource source;
    CallerQueue queue;
    HelloService service(source, queue.post());
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, registration(challengeOf(1)), made.done());
    CHECK(!made.arrived()); // never inside the call
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && !*made.outcome && made.outcome->error().kind == ErrorKind::Unavailable);
    service.cancel(); // nothing runs: nothing happens
}

void missingVersionFunctionMeansVersionZero()
{
    g_test = "missingVersionFunctionMeansVersionZero";
    FakeModuleSource source(L"fake_webauthn_no_version.dll");
    FakeControl fake(L"fake_webauthn_no_version.dll");
    CHECK(fake.complete());
    const DWORD before = fake.callCount();
    CallerQueue queue;
    HelloService service(source, queue.post());
    CHECK(!service.availability().usable);
    CHECK(service.availability().apiVersion == 0);
    CHECK(service.availability().reason.find("version 0") != std::string::npos);
    Answer<Assertion> asserted;
    service.getAssertion(kWindow, authentication(challengeOf(2), Bytes{1}), asserted.done());
    CHECK(queue.pumpUntil([&] { return asserted.arrived(); }));
    CHECK(asserted.arrived() && asserted.outcome->error().kind == ErrorKind::Unavailable);
    CHECK(fake.countCalls("WebAuthNAuthenticatorGetAssertion", before) == 0);
}

void apiVersionZeroIsRefused()
{
    g_test = "apiVersionZeroIsRefused";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    FakeWebAuthnScript old = script();
    old.apiVersion = 0;
    fake.setScript(&old);
    CallerQueue queue;
    HelloService service(source, queue.post());
    CHECK(!service.availability().usable);
    CHECK(service.availability().reason.find("API version 0") != std::string::npos);
}

void missingFunctionMakesTheDllUnusable()
{
    g_test = "missingFunctionMakesTheDllUnusable";
    FakeModuleSource source(L"fake_webauthn_no_cancel.dll");
    FakeControl fake(L"fake_webauthn_no_cancel.dll");
    fake.play(script());
    CallerQueue queue;
    HelloService service(source, queue.post());
    CHECK(!service.availability().usable);
    CHECK(service.availability().apiVersion == WEBAUTHN_API_VERSION_3);
    CHECK(service.availability().reason.find("WebAuthNCancelCurrentOperation") !=
          std::string::npos);
    CHECK(!service.userVerifyingPlatformAuthenticatorAvailable());
}

// Registers and signs in once with algorithm, checking what webauthn.dll was handed.
void ceremonyRoundTrip(LONG algorithm, const char* name)
{
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    const FakeWebAuthnScript hello = script(algorithm);
    fake.setScript(&hello);
    const DWORD before = fake.callCount();
    CallerQueue queue;
    HelloService service(source, queue.post());
    CHECK(service.availability().usable);
    CHECK(service.availability().apiVersion == WEBAUTHN_API_VERSION_3);

    const Bytes challenge = challengeOf(static_cast<std::uint8_t>(algorithm));
    MakeCredentialCall call = registration(challenge);
    call.excludeList = {CredentialDescriptor{Bytes{9, 9, 9}, 0}};
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, call, made.done());
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && *made.outcome);
    if (!made.arrived() || !*made.outcome)
        return;
    const MadeCredential& credential = made.outcome->value();
    CHECK(made.threadId == GetCurrentThreadId()); // the answer came back to this thread

    FakeWebAuthnCall seen;
    CHECK(fake.lastCall("WebAuthNAuthenticatorMakeCredential", seen, before));
    CHECK(seen.threadId != GetCurrentThreadId()); // the blocking call ran on a worker
    CHECK(seen.window == reinterpret_cast<HWND>(kWindow));
    // No transports in the exclude list: the lowest version with a cancellation id.
    CHECK(seen.optionsVersion == WEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS_VERSION_2);
    CHECK(!seen.credentialsWithTransports && seen.credentialCount == 1);
    CHECK(seen.hasCancellationId);
    CHECK(seen.timeoutMs == 120000);
    CHECK(seen.userVerificationRequirement == WEBAUTHN_USER_VERIFICATION_REQUIREMENT_REQUIRED);
    CHECK(seen.attestationPreference == WEBAUTHN_ATTESTATION_CONVEYANCE_PREFERENCE_DIRECT);
    CHECK(seen.authenticatorAttachment == WEBAUTHN_AUTHENTICATOR_ATTACHMENT_ANY);
    CHECK(seen.requireResidentKey);
    CHECK(std::string(seen.clientDataJson) == call.clientDataJson); // ours, byte for byte
    CHECK(std::wstring(seen.rpId) == L"localhost");
    FakeWebAuthnCall id;
    CHECK(fake.lastCall("WebAuthNGetCancellationId", id, before));
    CHECK(IsEqualGUID(id.cancellationId, seen.cancellationId));

    CHECK(credential.format == u"packed");
    CHECK(credential.residentKey.has_value() && *credential.residentKey);
    CHECK(credential.usedTransport == transport::Internal);
    CHECK(credential.credentialId.size() == 32);
    CHECK((credential.authenticatorData[kFlagsOffset] & kFlagUv) != 0);
    CHECK(fake.outstanding() == 0); // handed back through WebAuthNFreeCredentialAttestation
    CHECK(fake.badFrees() == 0);
    writeRegistration(name, challenge, call, credential);

    const Bytes challenge2 = challengeOf(static_cast<std::uint8_t>(algorithm + 100));
    const GetAssertionCall get = authentication(challenge2, credential.credentialId);
    Answer<Assertion> asserted;
    const DWORD beforeGet = fake.callCount();
    service.getAssertion(kWindow, get, asserted.done());
    CHECK(queue.pumpUntil([&] { return asserted.arrived(); }));
    CHECK(asserted.arrived() && *asserted.outcome);
    if (!asserted.arrived() || !*asserted.outcome)
        return;
    const Assertion& assertion = asserted.outcome->value();
    CHECK(asserted.threadId == GetCurrentThreadId());
    CHECK(fake.lastCall("WebAuthNAuthenticatorGetAssertion", seen, beforeGet));
    CHECK(seen.threadId != GetCurrentThreadId());
    // The allow list carries transports: the first version with WEBAUTHN_CREDENTIAL_LIST.
    CHECK(seen.optionsVersion == WEBAUTHN_AUTHENTICATOR_GET_ASSERTION_OPTIONS_VERSION_4);
    CHECK(seen.credentialsWithTransports && seen.firstTransports == transport::Internal);
    CHECK(seen.hasCancellationId && seen.timeoutMs == 60000);
    CHECK(std::string(seen.clientDataJson) == get.clientDataJson);
    CHECK(assertion.credentialId == credential.credentialId);
    CHECK(assertion.userId == call.userId);
    CHECK(fake.outstanding() == 0); // handed back through WebAuthNFreeAssertion
    CHECK(fake.countCalls("WebAuthNFreeAssertion", beforeGet) == 1);
    writeAuthentication(name, challenge2, get, assertion);
}

void es256RoundTrip()
{
    g_test = "es256RoundTrip";
    ceremonyRoundTrip(-7, "es256");
}

void rs256RoundTrip()
{
    g_test = "rs256RoundTrip";
    ceremonyRoundTrip(-257, "rs256");
}

// Honest flags: UV is what Windows' authenticator data says, never added by us.
void userVerificationFlagIsWindowsOwn()
{
    g_test = "userVerificationFlagIsWindowsOwn";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    FakeWebAuthnScript presenceOnly = script();
    presenceOnly.userVerified = FALSE;
    fake.setScript(&presenceOnly);
    CallerQueue queue;
    HelloService service(source, queue.post());
    const Bytes challenge = challengeOf(3);
    MakeCredentialCall call = registration(challenge);
    call.userVerification = UserVerification::Preferred;
    call.attestation = AttestationConveyance::None;
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, call, made.done());
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && *made.outcome);
    if (!made.arrived() || !*made.outcome)
        return;
    CHECK((made.outcome->value().authenticatorData[kFlagsOffset] & kFlagUv) == 0);
    CHECK(made.outcome->value().format == u"none");
    FakeWebAuthnCall seen;
    CHECK(fake.lastCall("WebAuthNAuthenticatorMakeCredential", seen));
    CHECK(seen.userVerificationRequirement == WEBAUTHN_USER_VERIFICATION_REQUIREMENT_PREFERRED);
    CHECK(seen.attestationPreference == WEBAUTHN_ATTESTATION_CONVEYANCE_PREFERENCE_NONE);
    writeRegistration("presence-only", challenge, call, made.outcome->value());
}

MadeCredential registerOne(HelloService& service, CallerQueue& queue)
{
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, registration(challengeOf(4)), made.done());
    queue.pumpUntil([&] { return made.arrived(); });
    return made.arrived() && *made.outcome ? made.outcome->value() : MadeCredential{};
}

void excludedCredentialIsInvalidState()
{
    g_test = "excludedCredentialIsInvalidState";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    fake.play(script());
    CallerQueue queue;
    HelloService service(source, queue.post());
    const MadeCredential existing = registerOne(service, queue);
    CHECK(!existing.credentialId.empty());
    MakeCredentialCall call = registration(challengeOf(5));
    call.excludeList = {CredentialDescriptor{existing.credentialId, transport::Internal}};
    const DWORD before = fake.callCount();
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, call, made.done());
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && !*made.outcome);
    if (!made.arrived() || *made.outcome)
        return;
    CHECK(made.outcome->error().kind == ErrorKind::InvalidState);
    CHECK(made.outcome->error().hresult == NTE_EXISTS);
    CHECK(made.outcome->error().windowsName == u"InvalidStateError");
    FakeWebAuthnCall seen;
    CHECK(fake.lastCall("WebAuthNAuthenticatorMakeCredential", seen, before));
    // Transports in the exclude list: version 3, the list with transports.
    CHECK(seen.optionsVersion == WEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS_VERSION_3);
    CHECK(seen.credentialsWithTransports);
    CHECK(fake.outstanding() == 0);
}

void errorsWithoutErrorNameComeFromTheHresult()
{
    g_test = "errorsWithoutErrorNameComeFromTheHresult";
    FakeModuleSource source(L"fake_webauthn_no_error_name.dll");
    FakeControl fake(L"fake_webauthn_no_error_name.dll");
    fake.play(script());
    CallerQueue queue;
    HelloService service(source, queue.post());
    CHECK(service.availability().usable); // the name is only for logs
    const MadeCredential existing = registerOne(service, queue);
    MakeCredentialCall call = registration(challengeOf(6));
    call.excludeList = {CredentialDescriptor{existing.credentialId, 0}};
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, call, made.done());
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && !*made.outcome &&
          made.outcome->error().kind == ErrorKind::InvalidState &&
          made.outcome->error().windowsName.empty());
}

void userCancelIsNotAllowed()
{
    g_test = "userCancelIsNotAllowed";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    FakeWebAuthnScript cancelled = script();
    cancelled.makeCredentialResult = NTE_USER_CANCELLED;
    cancelled.getAssertionResult = NTE_USER_CANCELLED;
    fake.setScript(&cancelled);
    CallerQueue queue;
    HelloService service(source, queue.post());
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, registration(challengeOf(7)), made.done());
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && !*made.outcome && made.outcome->error().kind == ErrorKind::NotAllowed &&
          made.outcome->error().hresult == NTE_USER_CANCELLED);
    Answer<Assertion> asserted;
    service.getAssertion(kWindow, authentication(challengeOf(8), Bytes{1, 2}), asserted.done());
    CHECK(queue.pumpUntil([&] { return asserted.arrived(); }));
    CHECK(asserted.arrived() && !*asserted.outcome &&
          asserted.outcome->error().kind == ErrorKind::NotAllowed);
}

void unsupportedAlgorithmIsNotSupported()
{
    g_test = "unsupportedAlgorithmIsNotSupported";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    fake.play(script(-257)); // Hello making RSA keys only
    CallerQueue queue;
    HelloService service(source, queue.post());
    MakeCredentialCall call = registration(challengeOf(9));
    call.algorithms = {-7};
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, call, made.done());
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && !*made.outcome &&
          made.outcome->error().kind == ErrorKind::NotSupported);
}

void unknownCredentialIsNotAllowed()
{
    g_test = "unknownCredentialIsNotAllowed";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    fake.play(script());
    CallerQueue queue;
    HelloService service(source, queue.post());
    Answer<Assertion> asserted;
    service.getAssertion(kWindow, authentication(challengeOf(10), Bytes{4, 4, 4}), asserted.done());
    CHECK(queue.pumpUntil([&] { return asserted.arrived(); }));
    CHECK(asserted.arrived() && !*asserted.outcome &&
          asserted.outcome->error().kind == ErrorKind::NotAllowed);
    CHECK(fake.outstanding() == 0);
}

// The page's abort signal and the ceremony's timer both end in cancel().
void cancelEndsTheRunningOperation()
{
    g_test = "cancelEndsTheRunningOperation";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    FakeWebAuthnScript waiting = script();
    waiting.waitForCancel = TRUE;
    fake.setScript(&waiting);
    const DWORD before = fake.callCount();
    CallerQueue queue;
    HelloService service(source, queue.post());
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, registration(challengeOf(11)), made.done());

    // While it waits, a second request is refused, not queued.
    Answer<Assertion> second;
    service.getAssertion(kWindow, authentication(challengeOf(12), Bytes{1}), second.done());
    CHECK(queue.pumpUntil([&] { return second.arrived(); }));
    CHECK(second.arrived() && !*second.outcome &&
          second.outcome->error().kind == ErrorKind::NotAllowed);
    CHECK(!made.arrived());

    CHECK(fake.waitUntilWaiting());
    service.cancel();
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && !*made.outcome && made.outcome->error().kind == ErrorKind::NotAllowed &&
          made.outcome->error().hresult == HRESULT_FROM_WIN32(ERROR_CANCELLED));
    FakeWebAuthnCall cancel, operation;
    CHECK(fake.lastCall("WebAuthNCancelCurrentOperation", cancel, before));
    CHECK(fake.lastCall("WebAuthNAuthenticatorMakeCredential", operation, before));
    CHECK(cancel.result == S_OK);
    CHECK(IsEqualGUID(cancel.cancellationId, operation.cancellationId));
    CHECK(fake.countCalls("WebAuthNAuthenticatorGetAssertion", before) == 0);
}

// A cancel that comes while the worker is still starting is not lost: either Windows is never
// asked, or it is told at once.
void cancelBeforeWindowsIsAskedEndsIt()
{
    g_test = "cancelBeforeWindowsIsAskedEndsIt";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    FakeWebAuthnScript waiting = script();
    waiting.waitForCancel = TRUE;
    fake.play(waiting);
    CallerQueue queue;
    HelloService service(source, queue.post());
    for (int round = 0; round < 20; ++round) {
        Answer<MadeCredential> made;
        service.makeCredential(kWindow, registration(challengeOf(16)), made.done());
        service.cancel();
        CHECK(queue.pumpUntil([&] { return made.arrived(); }));
        CHECK(made.arrived() && !*made.outcome &&
              made.outcome->error().kind == ErrorKind::NotAllowed);
    }
    CHECK(!fake.waiting());
}

void windowsTimeoutIsNotAllowed()
{
    g_test = "windowsTimeoutIsNotAllowed";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    FakeWebAuthnScript waiting = script();
    waiting.waitForCancel = TRUE;
    fake.setScript(&waiting);
    CallerQueue queue;
    HelloService service(source, queue.post());
    GetAssertionCall call = authentication(challengeOf(13), Bytes{1});
    call.timeoutMs = 100;
    Answer<Assertion> asserted;
    service.getAssertion(kWindow, call, asserted.done());
    CHECK(queue.pumpUntil([&] { return asserted.arrived(); }));
    CHECK(asserted.arrived() && !*asserted.outcome &&
          asserted.outcome->error().kind == ErrorKind::NotAllowed &&
          asserted.outcome->error().hresult == HRESULT_FROM_WIN32(ERROR_TIMEOUT));
}

void destroyingTheServiceCancelsAndWaits()
{
    g_test = "destroyingTheServiceCancelsAndWaits";
    FakeControl fake(L"fake_webauthn.dll");
    FakeWebAuthnScript waiting = script();
    waiting.waitForCancel = TRUE;
    fake.setScript(&waiting);
    const DWORD before = fake.callCount();
    CallerQueue queue;
    Answer<MadeCredential> made;
    {
        FakeModuleSource source(L"fake_webauthn.dll");
        HelloService service(source, queue.post());
        service.makeCredential(kWindow, registration(challengeOf(14)), made.done());
        CHECK(fake.waitUntilWaiting());
    }
    FakeWebAuthnCall call;
    CHECK(fake.lastCall("WebAuthNCancelCurrentOperation", call, before) && call.result == S_OK);
    CHECK(fake.lastCall("WebAuthNAuthenticatorMakeCredential", call, before) &&
          call.result == HRESULT_FROM_WIN32(ERROR_CANCELLED));
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
}

void olderApiGetsOlderStructs()
{
    g_test = "olderApiGetsOlderStructs";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    FakeWebAuthnScript v1 = script();
    v1.apiVersion = WEBAUTHN_API_VERSION_1;
    fake.setScript(&v1);
    const DWORD before = fake.callCount();
    CallerQueue queue;
    HelloService service(source, queue.post());
    CHECK(service.availability().usable && service.availability().apiVersion == 1);
    MakeCredentialCall call = registration(challengeOf(15));
    call.excludeList = {CredentialDescriptor{Bytes{7}, transport::Usb}};
    Answer<MadeCredential> made;
    service.makeCredential(kWindow, call, made.done());
    CHECK(queue.pumpUntil([&] { return made.arrived(); }));
    CHECK(made.arrived() && *made.outcome); // a version-1 DLL accepted every struct
    FakeWebAuthnCall seen;
    CHECK(fake.lastCall("WebAuthNAuthenticatorMakeCredential", seen, before));
    CHECK(seen.optionsVersion == WEBAUTHN_AUTHENTICATOR_MAKE_CREDENTIAL_OPTIONS_VERSION_3);
    // WEBAUTHN_CREDENTIAL_ATTESTATION_VERSION_3 has no bResidentKey: not read, not guessed.
    CHECK(made.arrived() && *made.outcome && !made.outcome->value().residentKey.has_value());
}

void userVerifyingPlatformAuthenticatorAnswer()
{
    g_test = "userVerifyingPlatformAuthenticatorAnswer";
    FakeModuleSource source(L"fake_webauthn.dll");
    FakeControl fake(L"fake_webauthn.dll");
    CallerQueue queue;
    HelloService service(source, queue.post());
    FakeWebAuthnScript with = script();
    fake.setScript(&with);
    CHECK(service.userVerifyingPlatformAuthenticatorAvailable());
    FakeWebAuthnScript without = script();
    without.uvpaa = FALSE;
    fake.setScript(&without);
    CHECK(!service.userVerifyingPlatformAuthenticatorAvailable());
}

} // namespace

int main()
{
    const ULONGLONG started = GetTickCount64();
    g_roundTrip = std::fopen("windows_hello_roundtrip.jsonl", "w");
    if (!g_roundTrip) {
        std::printf("cannot write windows_hello_roundtrip.jsonl\n");
        return 2;
    }
    systemSourceLoadsOnlyFromSystem32();
    missingDllStillAnswersEveryCall();
    missingVersionFunctionMeansVersionZero();
    apiVersionZeroIsRefused();
    missingFunctionMakesTheDllUnusable();
    es256RoundTrip();
    rs256RoundTrip();
    userVerificationFlagIsWindowsOwn();
    excludedCredentialIsInvalidState();
    errorsWithoutErrorNameComeFromTheHresult();
    userCancelIsNotAllowed();
    unsupportedAlgorithmIsNotSupported();
    unknownCredentialIsNotAllowed();
    cancelEndsTheRunningOperation();
    cancelBeforeWindowsIsAskedEndsIt();
    windowsTimeoutIsNotAllowed();
    destroyingTheServiceCancelsAndWaits();
    olderApiGetsOlderStructs();
    userVerifyingPlatformAuthenticatorAnswer();
    std::fclose(g_roundTrip);
    std::printf("test_windows_hello: %llu ms\n", GetTickCount64() - started);
    std::printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}

#pragma once

// How the Wine test scripts the fake webauthn.dll and reads back what it was called with.
// The fake exports these next to webauthn.h's functions; the product never looks them up.

#include <windows.h>

extern "C" {

struct FakeWebAuthnScript {
    DWORD apiVersion;             // what WebAuthNGetApiVersionNumber answers
    HRESULT makeCredentialResult; // S_OK: make a credential; anything else is answered as is
    HRESULT getAssertionResult;   // S_OK: sign an assertion; anything else is answered as is
    LONG keyAlgorithm;            // the one COSE algorithm this authenticator makes (-7, -257)
    BOOL userVerified;            // whether "Windows" verified the person (the UV flag)
    BOOL uvpaa;                   // IsUserVerifyingPlatformAuthenticatorAvailable's answer
    BOOL waitForCancel; // block until WebAuthNCancelCurrentOperation or dwTimeoutMilliseconds
};

// One call into the fake, as it saw it.
struct FakeWebAuthnCall {
    char function[64];
    DWORD threadId;
    HWND window;
    DWORD optionsVersion;
    DWORD timeoutMs;
    DWORD userVerificationRequirement;
    DWORD attestationPreference;
    DWORD authenticatorAttachment;
    BOOL requireResidentKey;
    DWORD credentialCount;          // exclude or allow list entries
    BOOL credentialsWithTransports; // they came as WEBAUTHN_CREDENTIAL_LIST
    DWORD firstTransports;
    BOOL hasCancellationId;
    GUID cancellationId;
    WCHAR rpId[128];
    char clientDataJson[512];
    HRESULT result;
};

typedef void(WINAPI* FakeWebAuthnSetScript)(const FakeWebAuthnScript* script);
typedef DWORD(WINAPI* FakeWebAuthnCallCount)(void);
typedef BOOL(WINAPI* FakeWebAuthnGetCall)(DWORD index, FakeWebAuthnCall* call);
// Buffers handed out and not yet given back to the right Free function, and Free calls with a
// pointer the fake never handed out (or to the wrong Free function).
typedef LONG(WINAPI* FakeWebAuthnOutstandingBuffers)(void);
typedef LONG(WINAPI* FakeWebAuthnBadFrees)(void);
// Whether an operation is blocked in the fake, as Windows' dialog would be.
typedef BOOL(WINAPI* FakeWebAuthnWaiting)(void);
}

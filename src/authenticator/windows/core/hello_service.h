#pragma once

// Windows Hello (and security keys, phones) through webauthn.dll, as plain C++: no Qt, and no
// <windows.h> in this header, so the Qt adapter compiles anywhere. The calls into webauthn.dll
// block while Windows shows its own dialog, so each runs on a worker thread; its answer is
// handed to the Post function given at construction, which brings it back to the caller's
// thread (the Qt adapter posts to its event loop).

#include "authenticator/windows/core/hello_types.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace latchkey::authenticator::windows {

// Where webauthn.dll comes from. Production code has exactly one: System32ModuleSource
// (System32 only, never the application's folder or PATH). The Wine test builds its own that
// loads its fake DLL; nothing in the product can name another path.
class ModuleSource {
public:
    virtual ~ModuleSource() = default;
    // The loaded DLL as an HMODULE, or nullptr when there is none. The caller frees it.
    virtual void* loadWebAuthn() = 0;
};

class HelloService {
public:
    using Post = std::function<void(std::function<void()>)>;
    template <typename T> using Done = std::function<void(Outcome<T>)>;

    HelloService(ModuleSource& source, Post post);
    // Cancels the operation in progress and waits for its worker thread.
    ~HelloService();
    HelloService(const HelloService&) = delete;
    HelloService& operator=(const HelloService&) = delete;

    const Availability& availability() const;

    // WebAuthNIsUserVerifyingPlatformAuthenticatorAvailable; false when the DLL is unusable
    // or the call fails.
    bool userVerifyingPlatformAuthenticatorAvailable() const;

    // One operation at a time: a second one while the first is still running ends with
    // NotAllowed. done always runs through post, never inside this call.
    // window: the app window's HWND, which Windows' dialog is made modal to.
    void makeCredential(std::uintptr_t window, MakeCredentialCall call, Done<MadeCredential> done);
    void getAssertion(std::uintptr_t window, GetAssertionCall call, Done<Assertion> done);

    // WebAuthNCancelCurrentOperation with the running operation's cancellation id: Windows
    // closes its dialog and the operation's done gets NotAllowed. Nothing when none runs.
    void cancel();

private:
    struct State;
    void start(std::function<void()> work, std::function<void(Error)> refuse);
    std::shared_ptr<State> m_state;
};

} // namespace latchkey::authenticator::windows

#include "authenticator/windows/core/hello_service.h"

#include "authenticator/windows/core/webauthn_calls.h"

namespace latchkey::authenticator::windows {

struct HelloService::State {
    HMODULE module = nullptr;
    WebAuthnFunctions functions;
    Availability availability;
    HelloService::Post post;

    SRWLOCK lock = SRWLOCK_INIT;
    bool busy = false;            // guarded by lock
    GUID cancellationId{};        // guarded by lock; the running operation's
    bool cancelRequested = false; // guarded by lock; cancel() came before Windows was asked
    HANDLE worker = nullptr;      // the last worker thread; touched by the owning thread only

    ~State()
    {
        if (module)
            FreeLibrary(module);
    }

    // Whether the operation may go on to webauthn.dll: a cancel() that came while its worker
    // was starting would otherwise be lost, since Windows does not know the id yet.
    bool stillWanted()
    {
        AcquireSRWLockShared(&lock);
        const bool wanted = !cancelRequested;
        ReleaseSRWLockShared(&lock);
        return wanted;
    }

    void finished()
    {
        AcquireSRWLockExclusive(&lock);
        busy = false;
        ReleaseSRWLockExclusive(&lock);
    }
};

namespace {

struct Job {
    std::function<void()> work;
};

DWORD WINAPI runJob(void* parameter)
{
    const std::unique_ptr<Job> job(static_cast<Job*>(parameter));
    job->work();
    return 0;
}

Error cancelledEarly()
{
    return Error{ErrorKind::NotAllowed, 0, {}, "Cancelled before Windows was asked."};
}

Error notUsable(const Availability& availability)
{
    return Error{ErrorKind::Unavailable, 0, {}, availability.reason};
}

HWND windowHandle(std::uintptr_t window)
{
    return reinterpret_cast<HWND>(window);
}

} // namespace

HelloService::HelloService(ModuleSource& source, Post post) : m_state(std::make_shared<State>())
{
    m_state->post = std::move(post);
    m_state->module = static_cast<HMODULE>(source.loadWebAuthn());
    m_state->availability = resolveWebAuthnFunctions(m_state->module, m_state->functions);
}

HelloService::~HelloService()
{
    cancel();
    if (m_state->worker) {
        WaitForSingleObject(m_state->worker, INFINITE);
        CloseHandle(m_state->worker);
    }
}

const Availability& HelloService::availability() const
{
    return m_state->availability;
}

bool HelloService::userVerifyingPlatformAuthenticatorAvailable() const
{
    if (!m_state->availability.usable)
        return false;
    WINBOOL available = FALSE;
    return SUCCEEDED(m_state->functions.isUvpaa(&available)) && available != FALSE;
}

void HelloService::start(std::function<void()> work, std::function<void(Error)> refuse)
{
    State& state = *m_state;
    const auto refuseLater = [&state, &refuse](Error error) {
        state.post([refuse = std::move(refuse), error = std::move(error)] { refuse(error); });
    };
    if (!state.availability.usable)
        return refuseLater(notUsable(state.availability));

    GUID id{};
    const HRESULT idResult = state.functions.getCancellationId(&id);
    if (FAILED(idResult))
        return refuseLater(windowsError(state.functions, idResult, "WebAuthNGetCancellationId"));

    AcquireSRWLockExclusive(&state.lock);
    const bool wasBusy = state.busy;
    if (!wasBusy) {
        state.busy = true;
        state.cancellationId = id;
        state.cancelRequested = false;
    }
    ReleaseSRWLockExclusive(&state.lock);
    if (wasBusy)
        return refuseLater(Error{
            ErrorKind::NotAllowed, 0, {}, "Another Windows Hello request is still in progress."});

    // The previous worker has cleared busy and is at most returning; reap it.
    if (state.worker) {
        WaitForSingleObject(state.worker, INFINITE);
        CloseHandle(state.worker);
        state.worker = nullptr;
    }
    auto job = std::make_unique<Job>(Job{std::move(work)});
    state.worker = CreateThread(nullptr, 0, runJob, job.get(), 0, nullptr);
    if (!state.worker) {
        state.finished();
        return refuseLater(Error{ErrorKind::Unknown,
                                 static_cast<std::int32_t>(HRESULT_FROM_WIN32(GetLastError())),
                                 {},
                                 "No worker thread could be started."});
    }
    job.release(); // runJob owns it now
}

void HelloService::makeCredential(std::uintptr_t window, MakeCredentialCall call,
                                  Done<MadeCredential> done)
{
    const std::shared_ptr<State> state = m_state;
    auto refuse = [done](Error error) {
        done(std::move(error));
    };
    start(
        [state, window, call = std::move(call), done]() mutable {
            GUID id = state->cancellationId; // written before this thread started
            Outcome<MadeCredential> made =
                state->stillWanted()
                    ? callMakeCredential(state->functions, windowHandle(window), call, &id)
                    : Outcome<MadeCredential>(cancelledEarly());
            state->finished();
            state->post([done, made = std::move(made)]() mutable { done(std::move(made)); });
        },
        std::move(refuse));
}

void HelloService::getAssertion(std::uintptr_t window, GetAssertionCall call, Done<Assertion> done)
{
    const std::shared_ptr<State> state = m_state;
    auto refuse = [done](Error error) {
        done(std::move(error));
    };
    start(
        [state, window, call = std::move(call), done]() mutable {
            GUID id = state->cancellationId;
            Outcome<Assertion> asserted =
                state->stillWanted()
                    ? callGetAssertion(state->functions, windowHandle(window), call, &id)
                    : Outcome<Assertion>(cancelledEarly());
            state->finished();
            state->post(
                [done, asserted = std::move(asserted)]() mutable { done(std::move(asserted)); });
        },
        std::move(refuse));
}

void HelloService::cancel()
{
    State& state = *m_state;
    AcquireSRWLockExclusive(&state.lock);
    const bool running = state.busy;
    const GUID id = state.cancellationId;
    if (running)
        state.cancelRequested = true;
    ReleaseSRWLockExclusive(&state.lock);
    if (running)
        state.functions.cancelCurrentOperation(&id);
}

} // namespace latchkey::authenticator::windows

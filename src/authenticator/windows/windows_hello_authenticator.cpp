#include "authenticator/windows/windows_hello_authenticator.h"

#include "authenticator/windows/hello_mapping.h"

#include <QCoreApplication>

namespace latchkey::authenticator {

// The operation in progress: answered once, by Windows or by cancel(), whichever is first.
struct WindowsHelloAuthenticator::Pending {
    std::function<void(AuthenticatorError)> refuse;
    bool answered = false;

    bool claim()
    {
        if (answered)
            return false;
        answered = true;
        return true;
    }
};

WindowsHelloAuthenticator::WindowsHelloAuthenticator(windows::ModuleSource& source,
                                                     std::function<quintptr()> windowHandle)
    : m_windowHandle(std::move(windowHandle))
{
    QObject* receiver = &m_receiver;
    // Called on the worker thread; QMetaObject::invokeMethod queues the task for the thread
    // m_receiver lives in. m_service's destructor joins the worker before m_receiver goes.
    m_service =
        std::make_unique<windows::HelloService>(source, [receiver](std::function<void()> task) {
            QMetaObject::invokeMethod(receiver, std::move(task), Qt::QueuedConnection);
        });
}

WindowsHelloAuthenticator::~WindowsHelloAuthenticator()
{
    m_pending.reset();
    m_service.reset();
}

const windows::Availability& WindowsHelloAuthenticator::availability() const
{
    return m_service->availability();
}

bool WindowsHelloAuthenticator::userVerifyingAvailable() const
{
    return m_service->userVerifyingPlatformAuthenticatorAvailable();
}

void WindowsHelloAuthenticator::makeCredential(const MakeCredentialRequest& request,
                                               MakeCredentialDone done)
{
    auto pending = std::make_shared<Pending>();
    pending->refuse = [done](AuthenticatorError error) {
        done(std::move(error));
    };
    m_pending = pending;
    const bool requestedResidentKey = request.rk;
    m_service->makeCredential(
        m_windowHandle(), windows::makeCredentialCall(request),
        [pending, done, requestedResidentKey](windows::Outcome<windows::MadeCredential> made) {
            if (!pending->claim())
                return; // cancelled meanwhile: that answer was given already
            if (!made)
                return done(windows::helloError(made.error()));
            done(windows::makeCredentialResponse(made.value(), requestedResidentKey));
        });
}

void WindowsHelloAuthenticator::getAssertion(const GetAssertionRequest& request,
                                             GetAssertionDone done)
{
    auto pending = std::make_shared<Pending>();
    pending->refuse = [done](AuthenticatorError error) {
        done(std::move(error));
    };
    m_pending = pending;
    m_service->getAssertion(m_windowHandle(), windows::getAssertionCall(request),
                            [pending, done](windows::Outcome<windows::Assertion> asserted) {
                                if (!pending->claim())
                                    return;
                                if (!asserted)
                                    return done(windows::helloError(asserted.error()));
                                done(windows::getAssertionResponse(asserted.value()));
                            });
}

void WindowsHelloAuthenticator::cancel()
{
    m_service->cancel();
    const std::shared_ptr<Pending> pending = std::exchange(m_pending, nullptr);
    if (!pending || !pending->claim())
        return;
    pending->refuse(authenticatorError(
        CtapStatus::OperationDenied,
        QCoreApplication::translate("latchkey::authenticator::WindowsHello",
                                    "The Windows Hello request was cancelled.")));
}

} // namespace latchkey::authenticator

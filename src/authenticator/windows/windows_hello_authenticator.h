#pragma once

// The app's Authenticator on Windows: the whole ceremony delegated to webauthn.dll (Windows
// Hello, security keys, phones) through the Qt-free HelloService. Answers come back on the
// thread that asked, through its event loop.

#include "authenticator/authenticator.h"
#include "authenticator/windows/core/hello_service.h"

#include <QObject>
#include <functional>
#include <memory>

namespace latchkey::authenticator {

class WindowsHelloAuthenticator final : public Authenticator {
public:
    // windowHandle answers the app window's HWND (QWindow::winId()) when a ceremony starts, so
    // Windows' dialog is modal to it. source: windows::System32ModuleSource in the app.
    WindowsHelloAuthenticator(windows::ModuleSource& source,
                              std::function<quintptr()> windowHandle);
    ~WindowsHelloAuthenticator() override;

    void makeCredential(const MakeCredentialRequest& request, MakeCredentialDone done) override;
    void getAssertion(const GetAssertionRequest& request, GetAssertionDone done) override;
    // WebAuthNCancelCurrentOperation; the pending done gets CTAP2_ERR_OPERATION_DENIED now.
    void cancel() override;
    bool userVerifyingAvailable() const override;

    // Whether webauthn.dll is usable here and its API version, for the diagnostics.
    const windows::Availability& availability() const;

private:
    struct Pending;

    QObject m_receiver; // posted answers run in this thread's event loop; outlives m_service
    std::function<quintptr()> m_windowHandle;
    std::shared_ptr<Pending> m_pending;
    std::unique_ptr<windows::HelloService> m_service;
};

} // namespace latchkey::authenticator

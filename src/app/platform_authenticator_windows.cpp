// Windows (listed by src/app/CMakeLists.txt for WIN32): the whole ceremony goes to webauthn.dll
// (Windows Hello, security keys, phones), which keeps the keys itself; there is no key store of
// ours and no verifier of ours to ask. The app still starts where webauthn.dll is missing or too
// old: ceremonies then answer that Windows Hello is unavailable, and --authenticators says why.
#include "app/platform_authenticator.h"
#include "authenticator/windows/core/system32_module_source.h"
#include "authenticator/windows/windows_hello_authenticator.h"

#include <QGuiApplication>
#include <QWindow>

namespace latchkey::app {

using namespace latchkey::authenticator;

namespace {

// The window Windows' dialog is made modal to: the app's active window, else its first one.
quintptr appWindowHandle()
{
    QWindow* window = QGuiApplication::focusWindow();
    if (!window && !QGuiApplication::topLevelWindows().isEmpty())
        window = QGuiApplication::topLevelWindows().constFirst();
    return window ? quintptr(window->winId()) : 0;
}

class WindowsPlatformAuthenticator final : public PlatformAuthenticator {
public:
    WindowsPlatformAuthenticator() : m_hello(m_source, appWindowHandle) {}
    Authenticator& authenticator() override { return m_hello; }

private:
    windows::System32ModuleSource m_source;
    WindowsHelloAuthenticator m_hello;
};

} // namespace

ClientResult<std::unique_ptr<PlatformAuthenticator>>
openPlatformAuthenticator(const PasskeyStorage& /*storage*/, UserVerifier& /*verifier*/)
{
    return std::unique_ptr<PlatformAuthenticator>(std::make_unique<WindowsPlatformAuthenticator>());
}

QList<KeyStoreOffer> keyStoreOffers(const PasskeyStorage& /*storage*/)
{
    windows::System32ModuleSource source;
    WindowsHelloAuthenticator hello(source, [] { return quintptr(0); });
    const windows::Availability& availability = hello.availability();
    KeyStoreOffer offer;
    offer.name = QStringLiteral("windows-hello");
    offer.available = availability.usable;
    offer.selected = availability.usable;
    offer.error = QString::fromStdString(availability.reason);
    offer.details = {
        {QStringLiteral("dll"), QStringLiteral("System32\\webauthn.dll")},
        {QStringLiteral("apiVersion"), int(availability.apiVersion)},
        {QStringLiteral("userVerifyingPlatformAuthenticator"), hello.userVerifyingAvailable()}};
    // No openScratch: webauthn.dll makes a key only with the person in front of Windows' dialog,
    // so the self-test cannot exercise it silently.
    return {offer};
}

} // namespace latchkey::app

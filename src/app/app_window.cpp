#include "app/app_window.h"

#include "app/authenticator_setup.h"
#include "app/first_paint.h"
#include "app/secret_header_interceptor.h"
#include "app/webauthn_bridge.h"
#include "app/window_geometry.h"
#include "app/window_shell.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWebEngineProfile>
#include <QQuickWindow>

namespace latchkey::app {

AppWindow::AppWindow(Setup setup, QObject* parent) : QObject(parent), m_setup(std::move(setup)) {}

// The window and the engine go first: their QML items use the profile and the shell.
AppWindow::~AppWindow()
{
    delete m_window;
    delete m_engine;
}

QQuickWebEngineProfile* AppWindow::makeProfile()
{
    // A profile with no storage name is off the record: nothing the pages do is written to
    // disk, and no other WebEngine application shares its cookies or cache.
    auto* profile = new QQuickWebEngineProfile(this);
    profile->setHttpCacheType(QQuickWebEngineProfile::MemoryHttpCache);
    profile->setPersistentCookiesPolicy(QQuickWebEngineProfile::NoPersistentCookies);
    return profile;
}

AppResult<void> AppWindow::prepare()
{
    m_shell = new WindowShell({}, this);
    m_engine = new QQmlEngine;
    connect(m_engine, &QQmlEngine::quit, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    m_component =
        new QQmlComponent(m_engine, m_setup.qmlUrl, QQmlComponent::Asynchronous, m_engine);
    // The QML loads and compiles on the engine's loader thread while this thread starts
    // Chromium for the profile (~50 ms); then wait for whatever is left of the compile.
    m_profile = makeProfile();
    if (m_component->isLoading()) {
        QEventLoop loop;
        connect(m_component, &QQmlComponent::statusChanged, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (m_component->isError())
        return windowError(m_component->errorString());
    return {};
}

AppResult<void> AppWindow::open(const Handler& handler)
{
    // A child of the profile, so it outlives every request the profile still makes. Set
    // before the home URL, so the very first request already carries the secret.
    m_interceptor = new SecretHeaderInterceptor(handler.homeUrl, handler.secretHeaderName,
                                                handler.launchSecret, m_profile);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    // The app's own WebAuthn client, in place before the first page's scripts run.
    if (const auto installed = WebAuthnBridge::installClientScript(m_profile, handler.homeUrl);
        !installed)
        return installed.error();
    m_passkeys = new WebAuthnBridge(
        handler.homeUrl,
        passkeyStorageFor(handler.dataFolder, handler.dataFolderRequested, handler.tpmTcti),
        handler.verifier, this);
    // Known before the view exists, so it starts loading while the window is being built.
    m_shell->setHomeUrl(handler.homeUrl);

    QObject* root = m_component->createWithInitialProperties({
        {QStringLiteral("shell"), QVariant::fromValue(static_cast<QObject*>(m_shell))},
        {QStringLiteral("webProfile"), QVariant::fromValue(static_cast<QObject*>(m_profile))},
        {QStringLiteral("passkeys"), QVariant::fromValue(static_cast<QObject*>(m_passkeys))},
    });
    m_window = qobject_cast<QQuickWindow*>(root);
    if (!m_window) {
        delete root;
        return windowError(m_component->errorString());
    }
    QQmlEngine::setObjectOwnership(m_window, QQmlEngine::CppOwnership);
    if (FirstPaintReporter::isRequested()) {
        m_firstPaint = new FirstPaintReporter(m_window, this);
        connect(m_shell, &WindowShell::loadSucceeded, m_firstPaint,
                &FirstPaintReporter::pageLoaded);
    }
    m_geometry = new WindowGeometry(m_setup.settingsFile, m_window, this);
    m_geometry->restoreAndShow();
    return {};
}

AppError AppWindow::windowError(const QString& detail) const
{
    return AppError{AppError::Code::Window,
                    QCoreApplication::translate("latchkey::app::AppWindow",
                                                "The window could not be created (%1).")
                        .arg(detail.trimmed().isEmpty() ? m_setup.qmlUrl.toString() : detail)};
}

} // namespace latchkey::app

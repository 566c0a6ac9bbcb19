#include "app/app_window.h"

#include "app/first_paint.h"
#include "app/secret_header_interceptor.h"
#include "app/window_geometry.h"
#include "app/window_shell.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickWebEngineProfile>
#include <QQuickWindow>

namespace latchkey::app {

AppWindow::AppWindow(Setup setup, QObject* parent) : QObject(parent), m_setup(std::move(setup)) {}

// The engine goes first: its QML items use the profile and the shell.
AppWindow::~AppWindow()
{
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

AppResult<void> AppWindow::load()
{
    m_profile = makeProfile();
    m_shell = new WindowShell({}, this);
    m_engine = new QQmlApplicationEngine;
    m_engine->setInitialProperties({
        {QStringLiteral("shell"), QVariant::fromValue(static_cast<QObject*>(m_shell))},
        {QStringLiteral("webProfile"), QVariant::fromValue(static_cast<QObject*>(m_profile))},
    });
    m_engine->load(m_setup.qmlUrl);
    const auto roots = m_engine->rootObjects();
    m_window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
    if (!m_window)
        return AppError{AppError::Code::Window,
                        QCoreApplication::translate("latchkey::app::AppWindow",
                                                    "The window could not be created (%1).")
                            .arg(m_setup.qmlUrl.toString())};

    if (FirstPaintReporter::isRequested()) {
        m_firstPaint = new FirstPaintReporter(m_window, this);
        connect(m_shell, &WindowShell::loadSucceeded, m_firstPaint,
                &FirstPaintReporter::pageLoaded);
    }
    m_geometry = new WindowGeometry(m_setup.settingsFile, m_window, this);
    // Shown at once, with its start-up pane: the first frame (graphics set-up included)
    // is then out of the way before the page's requests need this thread.
    m_geometry->restoreAndShow();
    return {};
}

void AppWindow::openHome(const Handler& handler)
{
    // A child of the profile, so it outlives every request the profile still makes. Set
    // before the home URL, so the very first request already carries the secret.
    m_interceptor = new SecretHeaderInterceptor(handler.homeUrl, handler.secretHeaderName,
                                                handler.launchSecret, m_profile);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    m_shell->setHomeUrl(handler.homeUrl);
}

} // namespace latchkey::app

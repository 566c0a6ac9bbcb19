#include "app/window_geometry.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QWindow>

namespace latchkey::app {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kMaximizedKey = QStringLiteral("window/maximized");

} // namespace

WindowGeometry::WindowGeometry(QString settingsFile, QWindow* window, QObject* parent)
    : QObject(parent), m_settingsFile(std::move(settingsFile)), m_window(window)
{
    connect(window, &QWindow::xChanged, this, &WindowGeometry::track);
    connect(window, &QWindow::yChanged, this, &WindowGeometry::track);
    connect(window, &QWindow::widthChanged, this, &WindowGeometry::track);
    connect(window, &QWindow::heightChanged, this, &WindowGeometry::track);
    connect(window, &QWindow::windowStateChanged, this, &WindowGeometry::track);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WindowGeometry::save);
}

QString WindowGeometry::settingsFileFor(const QString& requestedDataDir)
{
    if (!requestedDataDir.isEmpty())
        return QDir(requestedDataDir).filePath(QStringLiteral("window.ini"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("window.ini"));
}

void WindowGeometry::restoreAndShow()
{
    const QSettings settings(m_settingsFile, QSettings::IniFormat);
    const QRect saved = settings.value(kGeometryKey).toRect();
    if (saved.isValid() && fitsOnAScreen(saved))
        m_window->setGeometry(saved);
    else if (saved.isValid())
        m_window->resize(saved.size()); // the screen it was on is gone: keep only the size
    m_normalGeometry = m_window->geometry();
    m_shown = true;
    if (settings.value(kMaximizedKey, false).toBool())
        m_window->showMaximized();
    else
        m_window->show();
}

void WindowGeometry::save()
{
    track();
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.setValue(kGeometryKey, m_normalGeometry);
    settings.setValue(kMaximizedKey, m_maximized);
    settings.sync();
}

void WindowGeometry::track()
{
    const Qt::WindowStates states = m_window->windowStates();
    m_maximized = states.testFlag(Qt::WindowMaximized);
    // Minimized and full-screen geometries are not what a person wants back next time.
    if (states == Qt::WindowNoState && m_shown)
        m_normalGeometry = m_window->geometry();
}

bool WindowGeometry::fitsOnAScreen(const QRect& geometry) const
{
    const auto screens = QGuiApplication::screens();
    return std::any_of(screens.begin(), screens.end(), [&](const QScreen* screen) {
        // At least the title bar's worth must be reachable.
        return screen->availableGeometry().intersected(geometry).height() >= 40;
    });
}

} // namespace latchkey::app

#include "app/window_shell.h"

#include "app/origin_policy.h"

#include <QDesktopServices>

namespace latchkey::app {

WindowShell::WindowShell(QUrl homeUrl, QObject* parent)
    : QObject(parent), m_homeUrl(std::move(homeUrl))
{}

void WindowShell::setHomeUrl(const QUrl& homeUrl)
{
    if (homeUrl == m_homeUrl)
        return;
    m_homeUrl = homeUrl;
    emit homeUrlChanged();
}

bool WindowShell::admitNavigation(const QUrl& url, bool isMainFrame)
{
    switch (decideNavigation(m_homeUrl, url)) {
    case NavigationDecision::Stay:
        return true;
    case NavigationDecision::OpenExternally:
        // A frame of another site is simply not loaded: only a person's click on a link
        // (a main-frame navigation) deserves a browser window.
        if (isMainFrame)
            openExternally(url);
        return false;
    case NavigationDecision::Block:
        return false;
    }
    return false;
}

bool WindowShell::admitNewWindow(const QUrl& url)
{
    return admitNavigation(url, true);
}

void WindowShell::openExternally(const QUrl& url)
{
    emit openedExternally(url);
    QDesktopServices::openUrl(url);
}

} // namespace latchkey::app

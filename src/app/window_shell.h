#pragma once

#include <QObject>
#include <QUrl>

namespace latchkey::app {

// What the QML window asks of C++: where home is and what to do with a navigation.
class WindowShell : public QObject {
    Q_OBJECT
    Q_PROPERTY(QUrl homeUrl READ homeUrl NOTIFY homeUrlChanged)

public:
    explicit WindowShell(QUrl homeUrl = {}, QObject* parent = nullptr);

    // Empty until the local handler listens; the view starts loading when it is set.
    QUrl homeUrl() const { return m_homeUrl; }
    void setHomeUrl(const QUrl& homeUrl);

    // True when the view may load the URL. Links to other web sites (in the main frame)
    // are handed to the system browser instead; anything else is refused.
    Q_INVOKABLE bool admitNavigation(const QUrl& url, bool isMainFrame);

    // A page asked for a new window (target=_blank, window.open): the handler's own pages
    // load in this window, other sites open in the system browser.
    Q_INVOKABLE bool admitNewWindow(const QUrl& url);

    // QML calls this each time a page finished loading successfully.
    Q_INVOKABLE void reportLoadSucceeded() { emit loadSucceeded(); }

signals:
    void homeUrlChanged();
    void loadSucceeded();
    // Emitted instead of (and before) asking the desktop to open an outside URL.
    void openedExternally(const QUrl& url);

private:
    void openExternally(const QUrl& url);

    QUrl m_homeUrl;
};

} // namespace latchkey::app

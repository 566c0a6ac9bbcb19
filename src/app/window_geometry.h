#pragma once

#include <QObject>
#include <QRect>
#include <QString>

class QWindow;

namespace latchkey::app {

// Remembers the window's position, size and maximized state across launches in an INI
// file. The normal (not maximized) geometry is tracked while the window is normal, so a
// maximized window comes back maximized and un-maximizes to where it was.
class WindowGeometry : public QObject {
    Q_OBJECT

public:
    WindowGeometry(QString settingsFile, QWindow* window, QObject* parent = nullptr);

    // Applies the saved geometry (if any, and if it is still on a screen) and shows the
    // window, maximized when it was.
    void restoreAndShow();

    // Writes the current geometry; also done when the application is about to quit.
    void save();

    // Where the settings live: beside the data when --data-dir was given, so a test or a
    // second profile set never touches the person's own settings.
    static QString settingsFileFor(const QString& requestedDataDir);

private:
    void track();
    bool fitsOnAScreen(const QRect& geometry) const;

    QString m_settingsFile;
    QWindow* m_window;
    QRect m_normalGeometry;
    bool m_maximized = false;
    bool m_shown = false;
};

} // namespace latchkey::app

#pragma once

#include <QObject>

class QQuickWindow;

namespace latchkey::app {

// Start-up measurement for bench/startup: when LATCHKEY_REPORT_FIRST_PAINT=1, prints
// "first-paint-ms <n>" on stdout at the first frame the window shows after the home page
// finished loading. n counts from LATCHKEY_LAUNCH_TIME_MS (milliseconds since the epoch,
// set by the launcher just before it starts the process) or else from the process's start
// time in /proc/self/stat (10 ms resolution).
class FirstPaintReporter : public QObject {
    Q_OBJECT

public:
    static bool isRequested();

    explicit FirstPaintReporter(QQuickWindow* window, QObject* parent = nullptr);

    // With the report requested, prints "startup-ms <stage> <n>" on stderr: where the time
    // before the first paint goes.
    static void markStage(const char* stage);

    // Milliseconds since this process started (see above).
    static qint64 millisecondsSinceLaunch();

public slots:
    // Call when the page finished loading; the next swapped frame is reported.
    void pageLoaded();

private:
    QQuickWindow* m_window;
    bool m_armed = false;
    bool m_done = false;
};

} // namespace latchkey::app

#pragma once

#include <QObject>

class QSocketNotifier;

namespace latchkey::app {

// Turns SIGINT and SIGTERM into QCoreApplication::quit() on the event loop, so the app
// leaves through its normal path (database closed, window geometry saved). A signal
// handler may only write to a pipe; the notifier reads it in the main thread.
class QuitOnSignal : public QObject {
    Q_OBJECT

public:
    explicit QuitOnSignal(QObject* parent = nullptr);
    ~QuitOnSignal() override;

    // False when the pipe or the handlers could not be installed (then the default
    // handlers stay, which still end the process).
    bool isActive() const { return m_notifier != nullptr; }

private:
    void onSignalPipe();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace latchkey::app

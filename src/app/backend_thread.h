#pragma once

#include "app/app_error.h"
#include "app/command_line.h"

#include <QByteArray>
#include <QThread>
#include <QUrl>
#include <future>
#include <memory>

namespace latchkey::app {

class Backend;

// Runs the Backend (database and local handler) on a thread of its own: it starts while
// the GUI thread is still loading the window, and later the handler answers the page's
// requests while the GUI thread is busy painting. Every backend object is created, used
// and destroyed on this thread.
class BackendThread : public QThread {
    Q_OBJECT

public:
    struct Ready {
        QUrl homeUrl;
        QString databasePath;
    };

    BackendThread(LaunchOptions options, QByteArray launchSecret, bool userVerificationAvailable);
    ~BackendThread() override; // stops the handler, closes the database, joins the thread

    // Blocks until the backend listens (or failed to start).
    AppResult<Ready> waitUntilReady();

protected:
    void run() override;

private:
    const LaunchOptions m_options;
    const QByteArray m_secret;
    const bool m_userVerificationAvailable;
    std::promise<AppResult<Ready>> m_ready;
    std::future<AppResult<Ready>> m_readyFuture;
};

} // namespace latchkey::app

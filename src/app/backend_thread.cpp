#include "app/backend_thread.h"

#include "app/backend.h"
#include "app/first_paint.h"

namespace latchkey::app {

BackendThread::BackendThread(LaunchOptions options, QByteArray launchSecret,
                             bool userVerificationAvailable)
    : m_options(std::move(options)), m_secret(std::move(launchSecret)),
      m_userVerificationAvailable(userVerificationAvailable), m_readyFuture(m_ready.get_future())
{
    setObjectName(QStringLiteral("latchkey-backend"));
}

BackendThread::~BackendThread()
{
    quit();
    wait();
}

AppResult<BackendThread::Ready> BackendThread::waitUntilReady()
{
    return m_readyFuture.get();
}

void BackendThread::run()
{
    auto started = Backend::start(m_options, m_secret, m_userVerificationAvailable);
    if (!started) {
        m_ready.set_value(started.error());
        return;
    }
    const std::unique_ptr<Backend> backend = std::move(started).value();
    FirstPaintReporter::markStage("backend-listening");
    m_ready.set_value(Ready{backend->homeUrl(), backend->databasePath()});
    exec();
    // backend (handler first, then database) is destroyed here, on its own thread.
}

} // namespace latchkey::app

// A baseline for bench/startup, the one issue 2 names: a bare QWebEngineView (Qt WebEngine
// Widgets) loading the same one-line page from a QHttpServer on localhost. First paint is
// the first frame the window flushes after loadFinished, as for the QML windows.
#include "app/first_paint.h"
#include "bare_server.h"

#include <QApplication>
#include <QEvent>
#include <QHttpServer>
#include <QTimer>
#include <QWebEngineView>
#include <QWindow>
#include <cstdio>

namespace {

// Prints "first-paint-ms N" once the window has handled the first update request (the
// backing store is flushed inside it) after the page finished loading.
class WidgetFirstPaint : public QObject {
public:
    explicit WidgetFirstPaint(QWidget* window) : m_window(window) {}

    void pageLoaded()
    {
        if (m_armed)
            return;
        latchkey::app::FirstPaintReporter::markStage("page-loaded");
        m_armed = true;
        // Qt posts the request to the top-level widget or, when it paces updates with the
        // display, to its QWindow: watch both.
        m_window->installEventFilter(this);
        m_window->windowHandle()->installEventFilter(this);
        m_window->update();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (m_armed && !m_done && event->type() == QEvent::UpdateRequest) {
            m_done = true;
            // Runs after the update request (paint and flush) has been handled.
            QTimer::singleShot(0, this, [] {
                std::printf("first-paint-ms %lld\n",
                            static_cast<long long>(
                                latchkey::app::FirstPaintReporter::millisecondsSinceLaunch()));
                std::fflush(stdout);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget* m_window;
    bool m_armed = false;
    bool m_done = false;
};

} // namespace

int main(int argc, char** argv)
{
    latchkey::bench::allowRootWithoutSandbox();
    latchkey::app::FirstPaintReporter::markStage("main");
    QApplication application(argc, argv);
    latchkey::app::FirstPaintReporter::markStage("application");

    QHttpServer server;
    const QUrl pageUrl = latchkey::bench::serveBarePage(server);
    if (pageUrl.isEmpty())
        return 1;

    QWebEngineView view;
    view.resize(1100, 760);
    WidgetFirstPaint reporter(&view);
    if (latchkey::app::FirstPaintReporter::isRequested())
        QObject::connect(&view, &QWebEngineView::loadFinished, &reporter, [&reporter](bool ok) {
            if (ok)
                reporter.pageLoaded();
        });
    view.load(pageUrl);
    view.show();
    latchkey::app::FirstPaintReporter::markStage("window-loaded");
    return QApplication::exec();
}

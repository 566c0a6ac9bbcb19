#include "app/first_paint.h"

#include <QDateTime>
#include <QFile>
#include <QQuickWindow>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace latchkey::app {

namespace {

// Field 22 of /proc/self/stat: start time in clock ticks after boot. The command name
// (field 2) may hold spaces, so fields are counted after its closing parenthesis.
qint64 millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    constexpr int kStartTimeAfterName = 22 - 3;
    if (fields.size() <= kStartTimeAfterName)
        return -1;
    const double startSeconds =
        fields.at(kStartTimeAfterName).toDouble() / static_cast<double>(sysconf(_SC_CLK_TCK));
    timespec now = {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowSeconds = static_cast<double>(now.tv_sec) + now.tv_nsec / 1e9;
    return static_cast<qint64>((nowSeconds - startSeconds) * 1000.0);
}

} // namespace

bool FirstPaintReporter::isRequested()
{
    return qEnvironmentVariableIntValue("LATCHKEY_REPORT_FIRST_PAINT") == 1;
}

void FirstPaintReporter::markStage(const char* stage)
{
    static const bool requested = isRequested();
    if (requested)
        std::fprintf(stderr, "startup-ms %s %lld\n", stage,
                     static_cast<long long>(millisecondsSinceLaunch()));
}

qint64 FirstPaintReporter::millisecondsSinceLaunch()
{
    bool ok = false;
    const qint64 launched = qEnvironmentVariable("LATCHKEY_LAUNCH_TIME_MS").toLongLong(&ok);
    if (ok && launched > 0)
        return QDateTime::currentMSecsSinceEpoch() - launched;
    return millisecondsSinceProcessStart();
}

FirstPaintReporter::FirstPaintReporter(QQuickWindow* window, QObject* parent)
    : QObject(parent), m_window(window)
{
    connect(window, &QQuickWindow::frameSwapped, this, [this] {
        if (!m_armed || m_done)
            return;
        m_done = true;
        std::printf("first-paint-ms %lld\n", static_cast<long long>(millisecondsSinceLaunch()));
        std::fflush(stdout);
    });
}

void FirstPaintReporter::pageLoaded()
{
    if (m_armed)
        return;
    markStage("page-loaded");
    m_armed = true;
    // The page's pixels arrive as a new texture: make sure another frame is coming.
    m_window->update();
}

} // namespace latchkey::app

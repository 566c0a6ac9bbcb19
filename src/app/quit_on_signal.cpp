#include "app/quit_on_signal.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace latchkey::app {

namespace {

int g_signalPipe[2] = {-1, -1};

extern "C" void writeSignalToPipe(int signalNumber)
{
    const char byte = static_cast<char>(signalNumber);
    // Nothing useful can be done about a failed write inside a signal handler.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

bool installHandler(int signalNumber)
{
    struct sigaction action = {};
    action.sa_handler = writeSignalToPipe;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(signalNumber, &action, nullptr) == 0;
}

} // namespace

QuitOnSignal::QuitOnSignal(QObject* parent) : QObject(parent)
{
    if (g_signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    m_notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitOnSignal::onSignalPipe);
    installHandler(SIGINT);
    installHandler(SIGTERM);
}

QuitOnSignal::~QuitOnSignal()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

void QuitOnSignal::onSignalPipe()
{
    char byte = 0;
    [[maybe_unused]] const auto bytesRead = ::read(g_signalPipe[1], &byte, 1);
    QCoreApplication::quit();
}

} // namespace latchkey::app
